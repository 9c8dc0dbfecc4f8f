import type { AuditInput } from '../../audit/audit-repository.ts';
import type { AppContext, Db, Tx } from '../../context.ts';
import { removeMirror } from './mirror.ts';

// The retention of mirrored cases: a mirror whose retention date (the receiving rules' `retain_until`
// obligation, or the share's markings) has passed is removed, the share staying as a `disposed` tombstone.
// The exchange's retention job disposes of received messages and these mirrors in one transaction.

export interface ExpiredMirror {
  case_id: string;
  retain_until: string | null;
  obligations: unknown;
}

/** Up to `limit` active mirrors kept through a day before `today` (YYYY-MM-DD). */
export function expiredMirrors(db: Db, today: string, limit: number): Promise<ExpiredMirror[]> {
  return db
    .selectFrom('case_shares')
    .select(['case_id', 'retain_until', 'obligations'])
    .where('role', '=', 'mirror')
    .where('state', '=', 'active')
    .where('retain_until', 'is not', null)
    .where('retain_until', '<', today)
    .limit(limit)
    .execute();
}

/** Removes each expired mirror in the caller's transaction; returns the audit entries of the disposals. */
export async function disposeMirrors(
  trx: Tx,
  app: AppContext,
  mirrors: readonly ExpiredMirror[],
  disposalOf: (obligations: unknown) => string,
): Promise<AuditInput[]> {
  const audits: AuditInput[] = [];
  for (const share of mirrors) {
    await removeMirror(trx, app, share.case_id, 'disposed');
    audits.push({
      actorId: null,
      actorAgency: app.config.nodeAgency,
      action: 'retention.purged',
      recordType: 'case',
      recordId: share.case_id,
      ip: null,
      details: { retainUntil: share.retain_until, disposal: disposalOf(share.obligations), mirror: true },
    });
  }
  return audits;
}
