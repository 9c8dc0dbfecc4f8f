import type { AuditInput } from '../audit/audit-repository.ts';
import { appendAuditBatch } from '../audit/audit-repository.ts';
import type { AppContext } from '../context.ts';
import { disposeMirrors, expiredMirrors } from '../federation/case-sync/mirror-retention.ts';
import { federationRuns } from '../federation/delivery.ts';
import type { Job } from '../jobs/job.ts';
import { remindOverdue } from './exchange-service.ts';

type Disposal = 'purge' | 'anonymise';

function disposalOf(obligations: unknown): Disposal {
  const list = Array.isArray(obligations) ? (obligations as { kind?: string; disposal?: string }[]) : [];
  return list.find((o) => o.kind === 'retain_until')?.disposal === 'anonymise' ? 'anonymise' : 'purge';
}

/**
 * Disposes of what peers gave us once its retention date has passed (kept through that day): each received
 * message is purged or anonymised as its stored `retain_until` obligation says; a mirrored case is removed
 * (case sync's `disposeMirrors`).
 * Every disposal is audited (record id and rule, never the content). Runs with the federation jobs.
 */
export async function purgeExpired(
  app: AppContext,
): Promise<{ purged: number; anonymised: number; cases: number }> {
  const today = app.now().toISOString().slice(0, 10);
  const result = { purged: 0, anonymised: 0, cases: 0 };
  for (;;) {
    const due = await app.db
      .selectFrom('exchange_items')
      .select(['id', 'obligations', 'retain_until', 'peer_id'])
      .where('direction', '=', 'in')
      .where('retain_until', 'is not', null)
      .where('retain_until', '<', today)
      .limit(500)
      .execute();
    const shares = await expiredMirrors(app.db, today, 100);
    if (due.length === 0 && shares.length === 0) return result;
    await app.db.transaction().execute(async (trx) => {
      const audits: AuditInput[] = [];
      const byDisposal: Record<Disposal, string[]> = { purge: [], anonymise: [] };
      for (const item of due) {
        const disposal = disposalOf(item.obligations);
        byDisposal[disposal].push(item.id);
        audits.push({
          actorId: null,
          actorAgency: app.config.nodeAgency,
          action: disposal === 'purge' ? 'retention.purged' : 'retention.anonymised',
          recordType: 'exchange_item',
          recordId: item.id,
          ip: null,
          details: { retainUntil: item.retain_until },
        });
      }
      if (byDisposal.purge.length > 0)
        await trx.deleteFrom('exchange_items').where('id', 'in', byDisposal.purge).execute();
      if (byDisposal.anonymise.length > 0)
        await trx
          .updateTable('exchange_items')
          .set({
            subject: '[anonymised]',
            body: '',
            questions: '[]',
            translations: '{}',
            identifiers: '[]',
            attachments: '[]',
            records: '[]',
            author_name: '',
            retain_until: null,
          })
          .where('id', 'in', byDisposal.anonymise)
          .execute();
      audits.push(...(await disposeMirrors(trx, app, shares, disposalOf)));
      await appendAuditBatch(trx, audits, app.now());
    });
    result.purged += due.length - due.filter((d) => disposalOf(d.obligations) === 'anonymise').length;
    result.anonymised += due.filter((d) => disposalOf(d.obligations) === 'anonymise').length;
    result.cases += shares.length;
  }
}

const pullPeriod = (app: AppContext) => app.federation.settings.FEDERATION_PULL_MS;

/** The exchange's jobs, with federation's (while the node serves, every FEDERATION_PULL_MS and at start). */
export const exchangeJobs: readonly Job[] = [
  {
    name: 'exchange.reminders',
    phase: 'serving',
    enabled: federationRuns,
    runAtStart: true,
    everyMs: pullPeriod,
    run: async (app) => {
      await remindOverdue(app);
    },
  },
  {
    name: 'exchange.retention',
    phase: 'serving',
    enabled: federationRuns,
    runAtStart: true,
    everyMs: pullPeriod,
    run: async (app) => {
      await purgeExpired(app);
    },
  },
];
