import { computeRegisterFlags } from '@liaison/core/fugitives/register-flags';
import type { FugitiveFlags, FugitiveState, Warrant } from '@liaison/core/fugitives/schemas';
import { audit, withAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import type { Job } from '../jobs/job.ts';

export interface WatchRun {
  checked: number;
  /** Records whose warrant or stalled flag changed, with what it is now. */
  changed: { id: string; reference: string; warrant: FugitiveFlags['warrant']; stalled: boolean }[];
}

const sameFlags = (a: FugitiveFlags | null, b: FugitiveFlags) =>
  a !== null && a.warrant === b.warrant && a.stalled === b.stalled;

/**
 * Recomputes the register's watch flags (core register-flags.ts) for every open record: expiring and expired
 * warrants, stalled steps. The days counters are refreshed on every record; a flag that turns on or off is
 * audited (`fugitive.flags_changed`), so the history shows when a warrant was first seen to be lapsing.
 */
export async function runFugitiveWatch(app: AppContext): Promise<WatchRun> {
  const now = app.now();
  const open = await app.db
    .selectFrom('fugitives')
    .select(['id', 'reference', 'status', 'status_changed_at', 'warrant', 'flags'])
    .where('status', '<>', 'closed')
    .execute();
  const changed: WatchRun['changed'] = [];
  for (const f of open) {
    const flags = computeRegisterFlags(
      {
        status: f.status as FugitiveState,
        lastStepAt: f.status_changed_at,
        warrantExpiresOn: (f.warrant as Warrant | null)?.expiresOn ?? null,
      },
      now,
    );
    const before = f.flags as FugitiveFlags | null;
    const flipped = !sameFlags(before, flags);
    await withAudit(app.db, async (trx) => {
      // Only if no step moved the record meanwhile (that write computed its own flags).
      const updated = await trx
        .updateTable('fugitives')
        .set({ flags: JSON.stringify(flags) })
        .where('id', '=', f.id)
        .where('status', '=', f.status)
        .where('status_changed_at', '=', f.status_changed_at)
        .executeTakeFirst();
      if (flipped && Number(updated.numUpdatedRows) > 0) {
        await audit(
          { app, ip: null, trx },
          { actorId: null, actorAgency: app.config.nodeAgency },
          'fugitive.flags_changed',
          { type: 'fugitive', id: f.id },
          {
            reference: f.reference,
            warrant: flags.warrant,
            warrantDaysLeft: flags.warrantDaysLeft,
            stalled: flags.stalled,
            daysInState: flags.daysInState,
          },
        );
        changed.push({ id: f.id, reference: f.reference, warrant: flags.warrant, stalled: flags.stalled });
      }
    });
  }
  return { checked: open.length, changed };
}

/** The watch, hourly from the node's start and once at start (fugitives/manifest.ts). */
export const fugitiveWatchJob: Job = {
  name: 'fugitives.watch',
  phase: 'node',
  everyMs: () => 60 * 60_000,
  runAtStart: true,
  run: async (app) => {
    await runFugitiveWatch(app);
  },
};
