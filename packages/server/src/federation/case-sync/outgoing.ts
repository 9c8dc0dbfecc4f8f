import type { PolicyInput } from '@liaison/core/policy/index';
import type { AppContext, Tx } from '../../context.ts';
import { auditNodeRefusal, decideOutgoing } from '../../policy/decide.ts';
import { enqueueMessage } from '../outbox.ts';
import { federationOf } from '../runtime.ts';
import { cutForPeer } from './record-guards.ts';
import type { SyncRecord } from './types.ts';

// Outgoing changes: the active shares of a case and queuing `case.sync` to each under the outbound rules.

export type ShareRow = {
  id: string;
  case_id: string;
  peer_id: string;
  role: 'origin' | 'mirror';
  origin_node: string;
  origin_case_id: string;
  scope: string[];
  markings: Record<string, unknown>;
  policy_item: Record<string, unknown>;
  node_name: string;
  agency_code: string;
  country: string;
  epoch: Date | null;
};

export function activeShares(trx: Tx, caseId: string) {
  return trx
    .selectFrom('case_shares as s')
    .innerJoin('peers as p', 'p.id', 's.peer_id')
    .select([
      's.id',
      's.case_id',
      's.peer_id',
      's.role',
      's.origin_node',
      's.origin_case_id',
      's.scope',
      's.markings',
      's.policy_item',
      's.epoch',
      'p.node_name',
      'p.agency_code',
      'p.country',
    ])
    .where('s.case_id', '=', caseId)
    .where('s.state', '=', 'active')
    .where('p.status', '=', 'active')
    .execute() as Promise<ShareRow[]>;
}

/**
 * The markings a share's message carries now: the share's, with the case's current TLP and handling code
 * (as the case header travels: its record kind's fields).
 */
export async function currentMarkings(trx: Tx, app: AppContext, share: ShareRow) {
  const header = await app.sharedRecords
    .kind('case')
    ?.read(trx, { id: share.case_id, caseId: share.case_id });
  return {
    ...share.markings,
    originAgency: app.config.nodeAgency,
    ...(header && { tlp: header.tlp, handlingCode: header.handlingCode }),
    ...(header?.handlingNote ? { handlingNote: header.handlingNote } : {}),
  } as PolicyInput['markings'];
}

/** Queues changed records for one share, after the sender's outbound rules (a refusal is audited, not sent). */
export async function sendSync(
  trx: Tx,
  app: AppContext,
  share: ShareRow,
  records: SyncRecord[],
): Promise<void> {
  const inScope = records.filter((r) => {
    const kind = app.sharedRecords.kind(r.type);
    return kind !== undefined && (kind.scope === null || share.scope.includes(kind.scope));
  });
  if (inScope.length === 0) return;
  const markings = await currentMarkings(trx, app, share);
  const policy = decideOutgoing(app, {
    peer: share,
    item: share.policy_item as PolicyInput['item'],
    markings,
  });
  if (!policy.allowed) {
    await auditNodeRefusal(trx, app, policy, {
      recordType: 'case',
      recordId: share.case_id,
      details: { peer: share.node_name, share: share.id },
    });
    return;
  }
  // Fields the rules keep here (a sighting's source) are left out, each refusal audited.
  const allowed = await cutForPeer(trx, app, share, markings, inScope, { share: share.id });
  if (allowed.length === 0) return;
  await enqueueMessage(trx, app, share.peer_id, 'case.sync', {
    ref: { originNode: share.origin_node, caseId: share.origin_case_id },
    // The sharing this edit is made under: the originator drops edits that crossed a retraction.
    epoch: share.epoch?.toISOString() ?? null,
    markings,
    policyItem: share.policy_item,
    records: allowed,
  });
}

/** Wakes the delivery worker once the calling transaction has (very likely) committed; the poll is the backstop. */
export function kickSoon(app: AppContext): void {
  for (const delay of [0, 25, 150]) setTimeout(() => federationOf(app).kick(), delay).unref();
}
