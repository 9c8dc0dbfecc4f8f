import type { PolicyInput } from '@liaison/core/policy/index';
import type { SharedFields } from '../../changes/shared-record-kind.ts';
import type { AppContext, Tx } from '../../context.ts';
import { auditNodeRefusal, type PolicyPeer } from '../../policy/decide.ts';
import { checkIncomingFields, refusedFields, withoutRefused } from '../../policy/record-fields.ts';
import type { ApplyInput } from '../outbox.ts';
import type { Stamped, SyncRecord } from './types.ts';

// The guarded fields of records in a shared case (a fugitive's warrant, a sighting's source...: the kinds'
// `guards`), on the way out and on the way in. The decisions are the policy room's (policy/record-fields.ts).

const valuesOf = (fields: Stamped | undefined): SharedFields =>
  Object.fromEntries(Object.entries(fields ?? {}).map(([f, s]) => [f, s.v]));

/**
 * The records as they may go to `peer`: each guarded group this node's rules refuse is left out (audited
 * `policy.blocked` on the record, in the caller's transaction); a record left with nothing to say is dropped.
 * Groups are judged on the record's values as known here (its mapping), so a change of one field is judged
 * as the whole record would be.
 */
export async function cutForPeer(
  trx: Tx,
  app: AppContext,
  peer: PolicyPeer & { node_name: string },
  markings: PolicyInput['markings'],
  records: SyncRecord[],
  details: Record<string, unknown>,
): Promise<SyncRecord[]> {
  const out: SyncRecord[] = [];
  for (const record of records) {
    const kind = app.sharedRecords.kind(record.type);
    if (!kind?.guards?.length || record.deleted) {
      out.push(record);
      continue;
    }
    const known = await trx
      .selectFrom('mirrored_records')
      .select('fields')
      .where('origin_node', '=', record.originNode)
      .where('origin_id', '=', record.originId)
      .executeTakeFirst();
    const going = valuesOf(record.fields);
    const refusals = refusedFields(app, peer, markings, kind, going, {
      ...valuesOf(known?.fields),
      ...going,
    });
    for (const refusal of refusals)
      await auditNodeRefusal(trx, app, refusal.verdict, {
        recordType: record.type,
        recordId: record.originId,
        details: { ...details, peer: peer.node_name, withheld: refusal.guard, fields: refusal.fields },
      });
    const kept = withoutRefused(record.fields, refusals) as Stamped;
    if (Object.keys(kept).length > 0) out.push({ ...record, fields: kept });
  }
  return out;
}

/** A peer's records under this node's inbound rules on their guarded fields; the first refusal turns the message away. */
export function checkIncomingRecords(
  input: ApplyInput,
  records: SyncRecord[],
): { ok: true } | { ok: false; reason: string } {
  for (const record of records) {
    const kind = input.app.sharedRecords.kind(record.type);
    if (!kind?.guards?.length || record.deleted) continue;
    const check = checkIncomingFields(
      input.app,
      input.peer,
      input.message.body.markings,
      kind,
      valuesOf(record.fields),
      input.audit,
      { recordType: record.type, recordId: typeof record.originId === 'string' ? record.originId : null },
    );
    if (!check.allowed) return { ok: false, reason: check.reason };
  }
  return { ok: true };
}
