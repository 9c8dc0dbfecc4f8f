import type { AppContext } from '../context.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { InProcessScheduler } from './in-process-driver.ts';
import type { Job, JobScheduler, JobsDriver } from './job.ts';
import { PgBossScheduler } from './pg-boss-driver.ts';

/**
 * The node's scheduler: pg-boss when asked for (JOBS_DRIVER=pg-boss) on PostgreSQL, so several processes of
 * one node share the jobs; otherwise timers in this process. The embedded database always runs in-process.
 */
export function createJobScheduler(
  app: () => AppContext,
  jobs: readonly Job[],
  driver: JobsDriver,
  database: DatabaseHandle,
): JobScheduler {
  if (driver === 'in-process') return new InProcessScheduler(app, jobs);
  if (!database.pool)
    throw new Error(
      'JOBS_DRIVER=pg-boss needs a PostgreSQL database (DATABASE_URL); the embedded database runs jobs in-process.',
    );
  return new PgBossScheduler(app, jobs, { pool: database.pool });
}
