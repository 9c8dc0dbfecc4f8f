import type pg from 'pg';
import PgBoss from 'pg-boss';
import type { AppContext } from '../context.ts';
import { LocalRuns } from './in-process-driver.ts';
import { type Job, type JobPhase, type JobScheduler, jobEnabled } from './job.ts';

export interface PgBossDriverOptions {
  /** The node's PostgreSQL pool: pg-boss keeps its tables in `schema` of the node's database. */
  pool: pg.Pool;
  schema?: string;
  /** How often each process's worker looks for a job another process queued (a local kick wakes it). */
  pollingIntervalSeconds?: number;
}

const queueLock = 'liaison.jobs.create-queues';

interface BossJobState {
  job: Job;
  started: boolean;
  workerId: string | null;
  timer: NodeJS.Timeout | null;
  retry: NodeJS.Timeout | null;
  running: Set<Promise<void>>;
  /** Kicks of a `kickWhileStopped` job before its phase starts run here, in this process. */
  local: LocalRuns;
}

/**
 * Jobs as pg-boss queues on the node's PostgreSQL, so several processes of one node share them: each queue is
 * `stately` (at most one run active and one waiting, across every process), a schedule tick is a send throttled
 * to one per period (`singletonSeconds`), a kick is a send that wakes this process's worker at once.
 */
export class PgBossScheduler implements JobScheduler {
  readonly driver = 'pg-boss';
  private readonly boss: PgBoss;
  private readonly states = new Map<string, BossJobState>();
  private readonly phases = new Set<JobPhase>();
  private booted: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly app: () => AppContext,
    jobs: readonly Job[],
    private readonly options: PgBossDriverOptions,
  ) {
    this.boss = new PgBoss({
      db: { executeSql: (text, values) => options.pool.query(text, values) },
      schema: options.schema ?? 'pgboss',
      // Our schedules are timers plus throttled sends; pg-boss's cron is not used.
      schedule: false,
    });
    this.boss.on('error', (error) => this.app().log.error({ err: error }, 'pg-boss'));
    for (const job of jobs) {
      const local = new LocalRuns(app, job, () => !this.closed && this.mayRunLocally(job.name));
      this.states.set(job.name, {
        job,
        local,
        started: false,
        workerId: null,
        timer: null,
        retry: null,
        running: new Set(),
      });
    }
  }

  private mayRunLocally(name: string): boolean {
    const state = this.states.get(name)!;
    return !state.started && state.job.kickWhileStopped === true && jobEnabled(state.job, this.app());
  }

  private boot(): Promise<void> {
    this.booted ??= (async () => {
      await this.boss.start();
      await this.createQueues();
    })();
    return this.booted;
  }

  /**
   * Creates the queues this node lacks. Processes starting together would deadlock creating the same queue
   * (each one a partition table): one at a time, under an advisory lock held by a connection of our own.
   */
  private async createQueues(): Promise<void> {
    const client = await this.options.pool.connect();
    try {
      await client.query('select pg_advisory_lock(hashtext($1))', [queueLock]);
      try {
        for (const name of this.states.keys())
          if (!(await this.boss.getQueue(name)))
            await this.boss.createQueue(name, { name, policy: 'stately', retryLimit: 0 });
      } finally {
        await client.query('select pg_advisory_unlock(hashtext($1))', [queueLock]);
      }
    } finally {
      client.release();
    }
  }

  async start(phase: JobPhase): Promise<void> {
    if (this.closed || this.phases.has(phase)) return;
    this.phases.add(phase);
    await this.boot();
    const app = this.app();
    for (const state of this.states.values()) {
      if (state.job.phase !== phase || !jobEnabled(state.job, app)) continue;
      state.started = true;
      state.workerId = await this.boss.work(
        state.job.name,
        { batchSize: 1, pollingIntervalSeconds: this.options.pollingIntervalSeconds ?? 2 },
        () => this.handle(state),
      );
      const every = state.job.everyMs?.(app);
      if (every) {
        state.timer = setInterval(() => this.send(state, every), every);
        state.timer.unref();
      }
      if (state.job.runAtStart) this.send(state);
    }
  }

  /** Queues a run; throttled sends from every process make one run per period. */
  private send(state: BossJobState, throttleMs?: number): void {
    const options = throttleMs ? { singletonSeconds: Math.max(1, Math.round(throttleMs / 1000)) } : {};
    this.boss
      .send(state.job.name, {}, options)
      .then((id) => {
        if (id && state.workerId) this.boss.notifyWorker(state.workerId);
      })
      .catch((error) => this.app().log.error({ err: error, job: state.job.name }, 'job not queued'));
  }

  private async handle(state: BossJobState): Promise<void> {
    const app = this.app();
    const run = state.job.run(app).then(() => this.followUp(state));
    state.running.add(run);
    try {
      await run;
    } catch (error) {
      app.log.error({ err: error, job: state.job.name }, `job ${state.job.name} failed`);
      throw error; // pg-boss records the run as failed
    } finally {
      state.running.delete(run);
    }
  }

  /** A retry the job asks for is a kick at its time, from this process (any process would do). */
  private async followUp(state: BossJobState): Promise<void> {
    if (!state.job.nextRunAt) return;
    const at = await state.job.nextRunAt(this.app());
    if (state.retry) clearTimeout(state.retry);
    state.retry = null;
    if (!at || !state.started) return;
    const wait = Math.max(0, at.getTime() - this.app().now().getTime());
    state.retry = setTimeout(() => this.kick(state.job.name), wait + 50);
    state.retry.unref();
  }

  kick(name: string): void {
    const state = this.states.get(name);
    if (!state) throw new Error(`No job named ${name}.`);
    if (this.closed) return;
    if (state.started) this.send(state);
    else state.local.trigger(true);
  }

  async stop(phase: JobPhase): Promise<void> {
    this.phases.delete(phase);
    for (const state of this.states.values()) {
      if (state.job.phase !== phase) continue;
      state.started = false;
      if (state.timer) clearInterval(state.timer);
      if (state.retry) clearTimeout(state.retry);
      state.timer = null;
      state.retry = null;
      if (state.workerId) await this.boss.offWork({ id: state.workerId });
      state.workerId = null;
      await Promise.allSettled([...state.running]);
      await state.local.halt();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const phase of [...this.phases]) await this.stop(phase);
    await Promise.all([...this.states.values()].map((state) => state.local.halt()));
    if (this.booted) {
      await this.booted.catch(() => {});
      await this.boss.stop({ graceful: true, wait: true, close: false, timeout: 10_000 });
    }
  }
}
