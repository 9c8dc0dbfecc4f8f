import type { Obligation } from '@liaison/core/policy/index';
import { sql } from 'kysely';
import type { LiveEvent } from '../../events/event-bus.ts';
import { kickAttachmentJobs } from '../attachment-files/fetch-job.ts';
import type { ApplyOutcome, MessageHandler } from '../outbox.ts';
import { announce, publishAfter, receiveCheck, refOf } from './inbound.ts';
import { mergeRecords } from './merge.ts';
import { removeMirror } from './mirror.ts';
import { activeShares, sendSync } from './outgoing.ts';
import { checkIncomingRecords } from './record-guards.ts';
import type { SyncRecord } from './types.ts';

/** The sharing a message was made under (`epoch`), when its sender keeps it. */
function epochOf(body: Record<string, unknown>): Date | null {
  const epoch = typeof body.epoch === 'string' ? new Date(body.epoch) : null;
  return epoch && !Number.isNaN(epoch.getTime()) ? epoch : null;
}

// Incoming messages: `case.share`, `case.sync` and `case.retract`.

const applyCaseShare: MessageHandler = async (input): Promise<ApplyOutcome> => {
  const { trx, app, peer, message } = input;
  const ref = refOf(message.body);
  if (!ref || ref.originNode !== peer.node_name)
    return { outcome: 'rejected', reason: 'malformed case share' };
  const check = receiveCheck(input);
  if (!check.ok) return { outcome: 'rejected', reason: check.reason };
  const retention = check.obligations.find(
    (o): o is Extract<Obligation, { kind: 'retain_until' }> => o.kind === 'retain_until',
  );
  const markings = message.body.markings as Record<string, unknown>;
  const values = {
    case_id: ref.caseId,
    peer_id: peer.id,
    role: 'mirror' as const,
    origin_node: ref.originNode,
    origin_case_id: ref.caseId,
    scope: (message.body.scope as string[]) ?? [],
    markings: JSON.stringify(markings),
    policy_item: JSON.stringify(message.body.policyItem),
    obligations: JSON.stringify(check.obligations),
    retain_until: retention?.until ?? (markings.retainUntil as string | undefined) ?? null,
    created_at: app.now(),
    epoch: epochOf(message.body),
  };
  const share = await trx
    .insertInto('case_shares')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['peer_id', 'origin_node', 'origin_case_id']).doUpdateSet({
        state: 'active',
        retracted_at: null,
        scope: values.scope,
        markings: values.markings,
        obligations: values.obligations,
        retain_until: values.retain_until,
        // A new sharing after a retraction is dated anew, like the originator's.
        created_at: sql`case when case_shares.state = 'active' then case_shares.created_at else excluded.created_at end`,
        epoch: values.epoch,
      }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  // A re-share after a retraction starts from a clean slate.
  await trx
    .deleteFrom('mirrored_records')
    .where('case_id', '=', ref.caseId)
    .where('deleted_at', 'is not', null)
    .where('record_type', '=', 'case')
    .execute();
  const records = (message.body.records as SyncRecord[]) ?? [];
  // A record carrying what this node's rules refuse (a sighting's source) turns the share away.
  const fields = checkIncomingRecords(input, records);
  if (!fields.ok) return { outcome: 'rejected', reason: fields.reason };
  const events: LiveEvent[] = [];
  await mergeRecords(trx, app, peer, ref.caseId, records, events);
  publishAfter(input, events);
  // Mirrored attachments' content is pulled once this commits.
  if (records.some((r) => r.type === 'attachment')) input.afterCommit(() => kickAttachmentJobs(app));
  input.audit({
    actorId: null,
    actorAgency: peer.agency_code,
    action: 'case.share_received',
    recordType: 'case',
    recordId: ref.caseId,
    ip: null,
    details: {
      peer: peer.node_name,
      share: share.id,
      records: records.length,
      messageId: message.id,
      policy: check.details,
    },
  });
  announce(input, ref.caseId, 'case.shared');
  return { outcome: 'applied' };
};

const applyCaseSync: MessageHandler = async (input): Promise<ApplyOutcome> => {
  const { trx, app, peer, message } = input;
  const ref = refOf(message.body);
  if (!ref) return { outcome: 'rejected', reason: 'malformed case sync' };
  const share = await trx
    .selectFrom('case_shares')
    .select(['id', 'case_id', 'role', 'state', 'epoch'])
    .where('peer_id', '=', peer.id)
    .where('origin_node', '=', ref.originNode)
    .where('origin_case_id', '=', ref.caseId)
    .executeTakeFirst();
  if (!share) return { outcome: 'rejected', reason: 'no such shared case' };
  // Edits crossing a retraction are dropped: the retraction wins.
  if (share.state !== 'active') return { outcome: 'applied' };
  // …even when the case was shared again before the edit arrived: it was made under the earlier sharing.
  const epoch = epochOf(message.body);
  if (epoch && share.epoch && epoch.getTime() !== share.epoch.getTime()) return { outcome: 'applied' };
  const check = receiveCheck(input);
  if (!check.ok) return { outcome: 'rejected', reason: check.reason };
  const records = ((message.body.records as SyncRecord[]) ?? []).filter(
    (r) => r.type !== 'case' || r.originId === ref.caseId,
  );
  const fields = checkIncomingRecords(input, records);
  if (!fields.ok) return { outcome: 'rejected', reason: fields.reason };
  const events: LiveEvent[] = [];
  const changed = await mergeRecords(trx, app, peer, share.case_id, records, events);
  publishAfter(input, events);
  if (changed.some((r) => r.type === 'attachment')) input.afterCommit(() => kickAttachmentJobs(app));
  if (changed.length > 0) {
    input.audit({
      actorId: null,
      actorAgency: peer.agency_code,
      action: 'case.share_synced',
      recordType: 'case',
      recordId: share.case_id,
      ip: null,
      details: {
        peer: peer.node_name,
        records: changed.map((r) => ({
          type: r.type,
          id: r.originId,
          fields: Object.keys(r.fields),
          deleted: Boolean(r.deleted),
        })),
        messageId: message.id,
      },
    });
    // The originator relays what it accepted to the other peers sharing the case.
    if (share.role === 'origin')
      for (const other of await activeShares(trx, share.case_id))
        if (other.peer_id !== peer.id) await sendSync(trx, app, other, changed);
    announce(input, share.case_id, 'case.updated');
  }
  return { outcome: 'applied' };
};

const applyCaseRetract: MessageHandler = async (input): Promise<ApplyOutcome> => {
  const { trx, app, peer, message } = input;
  const ref = refOf(message.body);
  if (!ref || ref.originNode !== peer.node_name)
    return { outcome: 'rejected', reason: 'only the originator retracts a case' };
  const share = await trx
    .selectFrom('case_shares')
    .select(['case_id', 'state'])
    .where('peer_id', '=', peer.id)
    .where('origin_node', '=', ref.originNode)
    .where('origin_case_id', '=', ref.caseId)
    .where('role', '=', 'mirror')
    .executeTakeFirst();
  if (!share) return { outcome: 'rejected', reason: 'no such shared case' };
  if (share.state === 'active') {
    await removeMirror(trx, app, share.case_id, 'retracted');
    input.afterCommit(() => kickAttachmentJobs(app)); // the mirror's blobs are released
  }
  input.audit({
    actorId: null,
    actorAgency: peer.agency_code,
    action: 'case.share_retracted',
    recordType: 'case',
    recordId: share.case_id,
    ip: null,
    details: { peer: peer.node_name, messageId: message.id },
  });
  announce(input, share.case_id, 'case.retracted');
  return { outcome: 'applied' };
};

/** The message kinds of joint case workspaces (federation/manifest.ts). */
export const caseSyncMessageHandlers: Readonly<Record<string, MessageHandler>> = {
  'case.share': applyCaseShare,
  'case.sync': applyCaseSync,
  'case.retract': applyCaseRetract,
};
