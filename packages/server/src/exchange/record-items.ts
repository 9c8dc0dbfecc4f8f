import { type Actor, LiaisonError } from '@liaison/core';
import type { ExchangeRecord } from '@liaison/core/exchange/schemas';
import type { PolicyInput } from '@liaison/core/policy/index';
import { audit } from '../audit/audit.ts';
import type { AuditInput } from '../audit/audit-repository.ts';
import type { SharedFields, SharedRecordKind } from '../changes/shared-record-kind.ts';
import type { AppContext, Ctx, Tx } from '../context.ts';
import type { PolicyPeer } from '../policy/decide.ts';
import {
  checkIncomingFields,
  type FieldRefusal,
  refusedFields,
  withoutRefused,
} from '../policy/record-fields.ts';

// Records sent with an exchange item (a fugitive, a sighting, an operation): each read through its kind's
// owner as the sending officer may read it (`readForExchange`), cut to its wire fields and to what the
// sender's rules let go (a sighting's source stays; audited `policy.blocked`), and checked on arrival by the
// receiver's rules (a record carrying a sighting's source turns the item away). The kinds are the node's
// registry's: exchange names none of them.

/** The wire fields of a kind, and nothing else (an unknown field never travels nor is kept). */
function wireFields(kind: SharedRecordKind, fields: SharedFields): SharedFields {
  return Object.fromEntries(Object.entries(fields).filter(([f]) => kind.fields.includes(f)));
}

export interface OutgoingRecords {
  records: ExchangeRecord[];
  withheld: { record: { kind: string; id: string }; refusal: FieldRefusal }[];
}

/** The records an officer names, as they may go to `peer` under the item's markings; a bad reference names its field. */
export async function outgoingRecords(
  ctx: Ctx,
  actor: Actor,
  peer: PolicyPeer,
  markings: PolicyInput['markings'],
  refs: readonly { kind: string; id: string }[],
): Promise<OutgoingRecords> {
  const out: OutgoingRecords = { records: [], withheld: [] };
  for (const [i, ref] of refs.entries()) {
    const kind = ctx.app.sharedRecords.kind(ref.kind);
    if (!kind?.readForExchange)
      throw new LiaisonError('invalid-input', `A ${ref.kind} record does not travel as an exchange item.`, {
        fields: [
          {
            path: `/records/${i}/kind`,
            message: 'Not a kind of record that can be sent',
            code: 'invalid_value',
          },
        ],
      });
    let fields: SharedFields;
    try {
      fields = wireFields(kind, await kind.readForExchange(ctx, actor, ref.id));
    } catch (error) {
      if (error instanceof LiaisonError && error.code === 'not-found')
        throw new LiaisonError('invalid-input', `No such ${ref.kind} record.`, {
          fields: [{ path: `/records/${i}/id`, message: `Unknown ${ref.kind}`, code: 'not_found' }],
        });
      throw error;
    }
    const refusals = refusedFields(ctx.app, peer, markings, kind, fields);
    for (const refusal of refusals) out.withheld.push({ record: ref, refusal });
    out.records.push({ kind: ref.kind, id: ref.id, fields: withoutRefused(fields, refusals) });
  }
  return out;
}

/** Each withheld field group is a refusal of the sending officer's, audited in the send's transaction. */
export async function auditWithheld(
  ctx: Ctx,
  trx: Tx,
  actor: Actor,
  itemId: string,
  peer: string,
  withheld: OutgoingRecords['withheld'],
) {
  for (const { record, refusal } of withheld)
    await audit(
      { ...ctx, trx },
      actor,
      'policy.blocked',
      { type: record.kind, id: record.id },
      {
        ...refusal.verdict.details,
        peer,
        item: itemId,
        withheld: refusal.guard,
        fields: refusal.fields,
      },
      { purpose: ctx.purpose },
    );
}

/**
 * A peer's item's records under this node's rules: a kind this node does not know, or a record carrying a
 * field group the inbound rules refuse, turns the item away (audited `policy.blocked` on the item). What is
 * kept is each record's wire fields.
 */
export function incomingRecords(
  app: AppContext,
  peer: PolicyPeer,
  item: { id: string; markings: unknown; records?: unknown },
  auditEntry: (entry: AuditInput) => void,
): { ok: true; records: ExchangeRecord[] } | { ok: false; reason: string } {
  if (item.records === undefined) return { ok: true, records: [] };
  if (!Array.isArray(item.records)) return { ok: false, reason: 'malformed item' };
  const records: ExchangeRecord[] = [];
  for (const raw of item.records as Partial<ExchangeRecord>[]) {
    if (
      typeof raw?.kind !== 'string' ||
      typeof raw.id !== 'string' ||
      typeof raw.fields !== 'object' ||
      !raw.fields
    )
      return { ok: false, reason: 'malformed item' };
    const kind = app.sharedRecords.kind(raw.kind);
    if (!kind) return { ok: false, reason: `a ${raw.kind} record is not a kind this node keeps` };
    const check = checkIncomingFields(app, peer, item.markings, kind, raw.fields, auditEntry, {
      recordType: 'exchange_item',
      recordId: item.id,
    });
    if (!check.allowed) return { ok: false, reason: check.reason };
    records.push({ kind: raw.kind, id: raw.id, fields: wireFields(kind, raw.fields) });
  }
  return { ok: true, records };
}
