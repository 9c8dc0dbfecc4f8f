import { type Actor, actingUserId, authorize, LiaisonError } from '@liaison/core';
import { PolicyItem, PolicyMarkings } from '@liaison/core/policy/index';
import { sql } from 'kysely';
import { audit, withAudit } from '../../audit/audit.ts';
import { findVisibleCase } from '../../cases/case-repository.ts';
import type { Ctx } from '../../context.ts';
import { decideOutgoing, refuseOutgoing } from '../../policy/decide.ts';
import { enqueueMessage } from '../outbox.ts';
import { findPeer } from '../peers.ts';
import { federationOf } from '../runtime.ts';
import { snapshotRecords } from './local-record.ts';
import { cutForPeer } from './record-guards.ts';
import type { ShareScope } from './types.ts';

// Sharing a case with a peer and retracting the share (the originator's side).

export interface ShareCaseInput {
  peer: string;
  scope: ShareScope[];
  markings: {
    legalBasis: { kind: string; reference?: string | undefined };
    purpose: string;
    retainUntil?: string | undefined;
    sourceReliability?: string | undefined;
    informationAccuracy?: string | undefined;
  };
  categories?: string[] | undefined;
}

/**
 * Shares a case with a peer: the case header and the chosen parts go out as one `case.share` message with
 * the markings, after the sender's outbound rules; later edits follow as `case.sync` (see the observer).
 */
export async function shareCase(ctx: Ctx, actor: Actor, caseId: string, input: ShareCaseInput) {
  authorize(actor, 'exchange.send');
  const app = ctx.app;
  const found = await findVisibleCase(app.db, actor, caseId);
  if (!found) throw new LiaisonError('not-found', 'No such case.');
  const peer = await findPeer(app.db, input.peer);
  if (!peer) throw new LiaisonError('invalid-input', `No peer ${input.peer}.`);
  if (peer.status !== 'active')
    throw new LiaisonError('conflict', `The peer ${peer.node_name} is suspended.`);
  const markings = PolicyMarkings.parse({
    ...input.markings,
    originAgency: app.config.nodeAgency,
    tlp: found.tlp,
    handlingCode: found.handling_code,
    ...(found.handling_note && { handlingNote: found.handling_note }),
  });
  const policyItem = PolicyItem.parse({ kind: 'case_share', categories: input.categories ?? [] });
  const policy = decideOutgoing(app, { peer, item: policyItem, markings });
  if (!policy.allowed) await refuseOutgoing(ctx, actor, policy, 'case');
  const origin = await app.db
    .selectFrom('mirrored_records')
    .select(['origin_node', 'origin_id'])
    .where('record_type', '=', 'case')
    .where('local_id', '=', caseId)
    .executeTakeFirst();
  if (origin && origin.origin_node !== app.config.nodeName)
    throw new LiaisonError(
      'conflict',
      'This case is a mirror of a peer’s case; only its originator shares it.',
    );
  await withAudit(app.db, async (trx) => {
    const share = await trx
      .insertInto('case_shares')
      .values({
        case_id: caseId,
        peer_id: peer.id,
        role: 'origin',
        origin_node: app.config.nodeName,
        origin_case_id: caseId,
        scope: input.scope,
        markings: JSON.stringify(markings),
        policy_item: JSON.stringify(policyItem),
        obligations: '[]',
        shared_by: actingUserId(actor),
        created_at: app.now(),
        epoch: app.now(),
      })
      .onConflict((oc) =>
        oc.columns(['peer_id', 'origin_node', 'origin_case_id']).doUpdateSet({
          state: 'active',
          scope: input.scope,
          markings: JSON.stringify(markings),
          policy_item: JSON.stringify(policyItem),
          retracted_at: null,
          // A share after a retraction is a new decision: it records who made it and when (the earlier ones
          // stay in the audit log). Sharing again while active only changes the terms of the running share.
          shared_by: sql`case when case_shares.state = 'active' then case_shares.shared_by else excluded.shared_by end`,
          created_at: sql`case when case_shares.state = 'active' then case_shares.created_at else excluded.created_at end`,
          // A new sharing after a retraction: edits made under the earlier one are dropped when they arrive.
          epoch: sql`case when case_shares.state = 'active' then coalesce(case_shares.epoch, excluded.epoch) else excluded.epoch end`,
        }),
      )
      .returning(['id', 'epoch'])
      .executeTakeFirstOrThrow();
    // The full snapshot: every record the scope carries, listed by its owner (live entities only: a deleted
    // entity, a tombstone, never leaves the node, nor does a link that touches one), with its current stamps
    // (a record never shared before gets them now). Fields the rules keep here are left out, each audited.
    const records = await cutForPeer(
      trx,
      app,
      peer,
      markings,
      await snapshotRecords(trx, app, caseId, input.scope),
      { share: share.id },
    );
    const queued = await enqueueMessage(trx, app, peer.id, 'case.share', {
      ref: { originNode: app.config.nodeName, caseId },
      // Names the peer for our delivery listener (share-delivery.ts), which sees the message, not its row.
      sharedWith: peer.node_name,
      epoch: share.epoch?.toISOString() ?? null,
      scope: input.scope,
      markings,
      policyItem,
      records,
    });
    await audit(
      { ...ctx, trx },
      actor,
      'case.shared',
      { type: 'case', id: caseId },
      {
        peer: peer.node_name,
        share: share.id,
        scope: input.scope,
        records: records.length,
        messageId: queued.id,
        policy: policy.details,
      },
      { purpose: ctx.purpose },
    );
  });
  federationOf(app).kick();
  return { caseId, peer: peer.node_name, scope: input.scope, state: 'active' as const };
}

/** The originator withdraws a shared case: the peer removes its mirror (a tombstone stays on both sides). */
export async function retractCaseShare(ctx: Ctx, actor: Actor, caseId: string, peerName: string) {
  authorize(actor, 'exchange.send');
  const app = ctx.app;
  if (!(await findVisibleCase(app.db, actor, caseId))) throw new LiaisonError('not-found', 'No such case.');
  const peer = await findPeer(app.db, peerName);
  if (!peer) throw new LiaisonError('invalid-input', `No peer ${peerName}.`);
  await withAudit(app.db, async (trx) => {
    const share = await trx
      .updateTable('case_shares')
      .set({ state: 'retracted', retracted_at: app.now() })
      .where('case_id', '=', caseId)
      .where('peer_id', '=', peer.id)
      .where('role', '=', 'origin')
      .where('state', '=', 'active')
      .returning('id')
      .executeTakeFirst();
    if (!share) throw new LiaisonError('not-found', 'This case is not shared with that peer.');
    await enqueueMessage(trx, app, peer.id, 'case.retract', {
      ref: { originNode: app.config.nodeName, caseId },
    });
    await audit(
      { ...ctx, trx },
      actor,
      'case.share_retracted',
      { type: 'case', id: caseId },
      { peer: peer.node_name, share: share.id },
      { purpose: ctx.purpose },
    );
  });
  federationOf(app).kick();
}
