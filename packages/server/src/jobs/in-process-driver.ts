import type { AppContext } from '../context.ts';
import { type Job, type JobPhase, type JobScheduler, jobEnabled } from './job.ts';

/** One job's runs in this process: one at a time, a kick during a run asks for one more after it. */
export class LocalRuns {
  private running: Promise<void> | null = null;
  private again = false;
  private halted = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    private readonly app: () => AppContext,
    private readonly job: Job,
    /** Whether a run asked for now (or at a retry's time) may go ahead. */
    private readonly allowed: () => boolean,
  ) {}

  /** A timer tick skips a busy job; a kick (`coalesce`) runs once more after the current run. */
  trigger(coalesce: boolean): void {
    if (this.halted || !this.allowed()) return;
    if (this.running) {
      if (coalesce) this.again = true;
      return;
    }
    const app = this.app();
    this.running = this.job
      .run(app)
      .then(() => this.followUp())
      .catch((error) => app.log.error({ err: error, job: this.job.name }, `job ${this.job.name} failed`))
      .finally(() => {
        this.running = null;
        if (this.again && !this.halted) {
          this.again = false;
          this.trigger(true);
        }
      });
  }

  /** Schedules the run a job asks for after a run (`nextRunAt`), replacing one asked for before. */
  private async followUp(): Promise<void> {
    if (!this.job.nextRunAt) return;
    const at = await this.job.nextRunAt(this.app());
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    if (!at || this.halted) return;
    const wait = Math.max(0, at.getTime() - this.app().now().getTime());
    this.retry = setTimeout(() => this.trigger(true), wait + 50);
    this.retry.unref();
  }

  /** Waits for the current run; nothing runs meanwhile. A later trigger may run again. */
  async halt(): Promise<void> {
    this.halted = true;
    this.again = false;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    await this.running;
    this.halted = false;
  }
}

interface JobState {
  job: Job;
  runs: LocalRuns;
  started: boolean;
  timer: NodeJS.Timeout | null;
}

/** Timers in this process: what a node on PGlite, or a single process, runs. */
export class InProcessScheduler implements JobScheduler {
  readonly driver = 'in-process';
  private readonly states = new Map<string, JobState>();
  private readonly phases = new Set<JobPhase>();
  private closed = false;

  constructor(
    private readonly app: () => AppContext,
    jobs: readonly Job[],
  ) {
    for (const job of jobs) {
      const runs = new LocalRuns(app, job, () => !this.closed && this.mayRun(job.name));
      this.states.set(job.name, { job, runs, started: false, timer: null });
    }
  }

  private mayRun(name: string): boolean {
    const state = this.states.get(name)!;
    return state.started || (state.job.kickWhileStopped === true && jobEnabled(state.job, this.app()));
  }

  async start(phase: JobPhase): Promise<void> {
    if (this.closed || this.phases.has(phase)) return;
    this.phases.add(phase);
    const app = this.app();
    for (const state of this.states.values()) {
      if (state.job.phase !== phase || !jobEnabled(state.job, app)) continue;
      state.started = true;
      const every = state.job.everyMs?.(app);
      if (every) {
        state.timer = setInterval(() => state.runs.trigger(false), every);
        state.timer.unref();
      }
      if (state.job.runAtStart) state.runs.trigger(true);
    }
  }

  async stop(phase: JobPhase): Promise<void> {
    this.phases.delete(phase);
    const halting: Promise<void>[] = [];
    for (const state of this.states.values()) {
      if (state.job.phase !== phase) continue;
      state.started = false;
      if (state.timer) clearInterval(state.timer);
      state.timer = null;
      halting.push(state.runs.halt());
    }
    await Promise.all(halting);
  }

  kick(name: string): void {
    const state = this.states.get(name);
    if (!state) throw new Error(`No job named ${name}.`);
    state.runs.trigger(true);
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.phases].map((phase) => this.stop(phase)));
    await Promise.all([...this.states.values()].map((state) => state.runs.halt()));
  }
}
