import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { AppContext } from '../context.ts';
import { InProcessScheduler } from './in-process-driver.ts';
import type { Job } from './job.ts';

// The driver needs only the log and the clock of a context.
const app = { log: pino({ level: 'silent' }), now: () => new Date() } as unknown as AppContext;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A job that counts its runs; `hold` keeps a run going until released. */
function counting(overrides: Partial<Job> = {}) {
  let release: () => void = () => {};
  const counter = {
    runs: 0,
    hold: false,
    release: () => release(),
    job: {
      name: 'test.count',
      phase: 'node',
      run: async () => {
        counter.runs += 1;
        if (counter.hold) await new Promise<void>((resolve) => (release = resolve));
      },
      ...overrides,
    } as Job,
  };
  return counter;
}

describe('in-process job driver', () => {
  it('runs a job on its schedule once its phase starts, and no more once it stops', async () => {
    const c = counting({ everyMs: () => 20 });
    const jobs = new InProcessScheduler(() => app, [c.job]);
    await sleep(60);
    expect(c.runs).toBe(0);
    await jobs.start('node');
    await sleep(110);
    expect(c.runs).toBeGreaterThanOrEqual(3);
    await jobs.stop('node');
    const stopped = c.runs;
    await sleep(60);
    expect(c.runs).toBe(stopped);
    await jobs.close();
  });

  it('runs a kicked job once more after the current run, however often it was kicked meanwhile', async () => {
    const c = counting();
    c.hold = true;
    const jobs = new InProcessScheduler(() => app, [c.job]);
    await jobs.start('node');
    jobs.kick('test.count');
    jobs.kick('test.count');
    jobs.kick('test.count');
    jobs.kick('test.count');
    expect(c.runs).toBe(1);
    c.hold = false;
    c.release();
    await sleep(20);
    expect(c.runs).toBe(2);
    await jobs.close();
  });

  it("ignores kicks until the job's phase starts, unless it runs on kicks while stopped and is enabled", async () => {
    let enabled = false;
    const plain = counting({ name: 'test.plain', phase: 'serving' });
    const eager = counting({
      name: 'test.eager',
      phase: 'serving',
      kickWhileStopped: true,
      enabled: () => enabled,
    });
    const jobs = new InProcessScheduler(() => app, [plain.job, eager.job]);
    await jobs.start('node');
    jobs.kick('test.plain');
    jobs.kick('test.eager');
    await sleep(10);
    expect([plain.runs, eager.runs]).toEqual([0, 0]);
    enabled = true;
    jobs.kick('test.plain');
    jobs.kick('test.eager');
    await sleep(10);
    expect([plain.runs, eager.runs]).toEqual([0, 1]);
    await jobs.start('serving');
    jobs.kick('test.plain');
    await sleep(10);
    expect(plain.runs).toBe(1);
    await jobs.close();
    jobs.kick('test.plain');
    jobs.kick('test.eager');
    await sleep(10);
    expect([plain.runs, eager.runs]).toEqual([1, 1]);
  });

  it('leaves a job off when it is not enabled as its phase starts, and runs one at its start if asked', async () => {
    const off = counting({ name: 'test.off', runAtStart: true, enabled: () => false });
    const eager = counting({ name: 'test.start', runAtStart: true });
    const jobs = new InProcessScheduler(() => app, [off.job, eager.job]);
    await jobs.start('node');
    jobs.kick('test.off');
    await sleep(10);
    expect([off.runs, eager.runs]).toEqual([0, 1]);
    await jobs.close();
  });

  it('runs again when the job names its next run, and keeps running after a failed run', async () => {
    let runs = 0;
    const job: Job = {
      name: 'test.retry',
      phase: 'node',
      run: async () => {
        runs += 1;
        if (runs === 1) throw new Error('the peer is down');
      },
      nextRunAt: async () => (runs < 3 ? new Date(Date.now() + 30) : null),
    };
    const jobs = new InProcessScheduler(() => app, [job]);
    await jobs.start('node');
    jobs.kick('test.retry');
    await sleep(20);
    expect(runs).toBe(1);
    jobs.kick('test.retry'); // the failed run asked for nothing; a kick runs it again
    await sleep(250);
    expect(runs).toBe(3);
    await jobs.close();
  });

  it('waits for a run in progress when stopped', async () => {
    const c = counting();
    c.hold = true;
    const jobs = new InProcessScheduler(() => app, [c.job]);
    await jobs.start('node');
    jobs.kick('test.count');
    let stopped = false;
    const stopping = jobs.stop('node').then(() => {
      stopped = true;
    });
    await sleep(10);
    expect(stopped).toBe(false);
    c.release();
    await stopping;
    expect(stopped).toBe(true);
    await jobs.close();
  });
});
