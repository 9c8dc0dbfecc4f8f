import type { AppContext } from '../context.ts';

/**
 * When a job's own schedule runs: `node` from the node's creation to its close; `serving` while its HTTP
 * server listens (the federation worker: a CLI command's node delivers nothing).
 */
export type JobPhase = 'node' | 'serving';

/** A background job a feature declares in its manifest; the node's scheduler runs it. */
export interface Job {
  /** Unique in the node, `<feature>.<what>`; also the pg-boss queue's name. */
  name: string;
  phase: JobPhase;
  /** Runs by itself this often (ms) while its phase runs; without it, only when kicked. */
  everyMs?: (app: AppContext) => number;
  /** Also once as soon as its phase starts (a catch-up after downtime). */
  runAtStart?: boolean;
  /** Read when its phase starts: false leaves the job off (tests that drive federation by hand). */
  enabled?: (app: AppContext) => boolean;
  /**
   * A kick runs it even while its phase is stopped, if `enabled` holds at that moment (attachment content
   * follows its record at once). Other jobs ignore kicks until their phase starts.
   */
  kickWhileStopped?: boolean;
  /** One run; at most one at a time per node (per database with pg-boss). */
  run: (app: AppContext) => Promise<void>;
  /** Asked after each run: when to run next besides the schedule (a retry falling due); null: no need. */
  nextRunAt?: (app: AppContext) => Promise<Date | null>;
}

export type JobsDriver = 'in-process' | 'pg-boss';

/**
 * Runs the node's jobs. Two drivers: `in-process` (timers in this process: PGlite, one process) and
 * `pg-boss` (PostgreSQL; processes sharing the database share the queue, so each run happens in one of them).
 */
export interface JobScheduler {
  readonly driver: JobsDriver;
  /** Starts the schedules of one phase (again after `stop`: a node that serves again). */
  start(phase: JobPhase): Promise<void>;
  /** Stops one phase's schedules and waits for their runs. */
  stop(phase: JobPhase): Promise<void>;
  /** Asks for a run soon (after a commit); a kick during a run asks for one more after it. */
  kick(name: string): void;
  /** Stops everything; kicks are ignored from now on. */
  close(): Promise<void>;
}

export function jobEnabled(job: Job, app: AppContext): boolean {
  return job.enabled?.(app) ?? true;
}
