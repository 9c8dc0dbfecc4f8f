import { type Actor, authorize, LiaisonError } from '@liaison/core';
import type { CaseShareView } from '@liaison/core/exchange/schemas';
import { PolicyMarkings } from '@liaison/core/policy/index';
import { displayNamesOf } from '../../accounts/users-repository.ts';
import { auditDetailsOf } from '../../audit/audit-repository.ts';
import { findVisibleCaseId } from '../../cases/case-visibility.ts';
import type { Ctx, Db } from '../../context.ts';

// Listing a case's shares for its case page: ours (origin) and the partner's share of a mirror.

type Delivery = NonNullable<CaseShareView['delivery']>;

/**
 * Every share of a case the actor may see, oldest first: the peer, our role, scope, state, the markings it
 * travels under, the receiving rules' obligations and retention date, when and by whom. A case the actor may
 * not see (or a mirror already removed by a retraction) is 404, so its existence is not confirmed.
 */
export async function listCaseShares(ctx: Ctx, actor: Actor, caseId: string): Promise<CaseShareView[]> {
  authorize(actor, 'cases.read');
  const db = ctx.app.db;
  if (!(await findVisibleCaseId(db, actor, caseId))) throw new LiaisonError('not-found', 'No such case.');
  const rows = await db
    .selectFrom('case_shares')
    .innerJoin('peers', 'peers.id', 'case_shares.peer_id')
    .select([
      'case_shares.id',
      'case_shares.case_id',
      'case_shares.role',
      'case_shares.scope',
      'case_shares.state',
      'case_shares.markings',
      'case_shares.policy_item',
      'case_shares.obligations',
      'case_shares.retain_until',
      'case_shares.created_at',
      'case_shares.retracted_at',
      'peers.node_name',
      'peers.agency_code',
      'peers.country',
      'case_shares.shared_by',
    ])
    .where('case_shares.case_id', '=', caseId)
    .orderBy('case_shares.created_at')
    .orderBy('peers.node_name')
    .execute();
  const deliveries = rows.some((r) => r.role === 'origin') ? await shareDeliveries(db, caseId) : new Map();
  const sharers = await displayNamesOf(db, [
    ...new Set(rows.flatMap((row) => (row.shared_by ? [row.shared_by] : []))),
  ]);
  return rows.map((row) => {
    const markings = PolicyMarkings.parse(row.markings);
    const categories = (row.policy_item as { categories?: unknown }).categories;
    return {
      id: row.id,
      caseId: row.case_id,
      peer: row.node_name,
      peerAgency: row.agency_code,
      peerCountry: row.country,
      role: row.role,
      scope: row.scope,
      state: row.state,
      markings,
      categories: Array.isArray(categories) ? categories.map(String) : [],
      obligations: (row.obligations as { kind: string }[]) ?? [],
      retainUntil: row.retain_until ?? markings.retainUntil ?? null,
      sharedAt: row.created_at.toISOString(),
      sharedBy:
        row.role === 'mirror' ? row.agency_code : ((row.shared_by && sharers.get(row.shared_by)) ?? null),
      retractedAt: row.retracted_at?.toISOString() ?? null,
      delivery: (row.role === 'origin' && row.state === 'active' && deliveries.get(row.node_name)) || null,
    };
  });
}

/**
 * The delivery state of the latest `case.share` message to each peer. The share's audit entry names its
 * message (`case.shared`, details.messageId), found through the audit log's record index; the outbox row
 * says whether the peer stored it, or why it refused it.
 */
async function shareDeliveries(db: Db, caseId: string): Promise<Map<string, Delivery>> {
  const shared = (await auditDetailsOf(db, { type: 'case', id: caseId }, 'case.shared')).map((details) => ({
    peer: typeof details.peer === 'string' ? details.peer : null,
    messageId: typeof details.messageId === 'string' ? details.messageId : null,
  }));
  const latest = new Map<string, string>();
  for (const entry of shared)
    if (entry.peer && entry.messageId && !latest.has(entry.peer)) latest.set(entry.peer, entry.messageId);
  if (latest.size === 0) return new Map();
  const messages = await db
    .selectFrom('outbox')
    .select(['id', 'state', 'last_error'])
    .where('id', 'in', [...latest.values()])
    .execute();
  const byId = new Map(messages.map((m) => [m.id, { state: m.state, error: m.last_error }]));
  const out = new Map<string, Delivery>();
  for (const [peer, messageId] of latest) {
    const delivery = byId.get(messageId);
    if (delivery) out.set(peer, delivery);
  }
  return out;
}
