import os from 'node:os';

/** One measurement line, as INTERFACES.md fixes it: JSON on standard output. */
export interface Measurement {
  suite: string;
  metric: string;
  value: number;
  unit: string;
  [context: string]: unknown;
}

export type Emit = (measurement: Measurement) => void;

export const machine = `${os.cpus().length}x ${os.cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`;

export function emitLine(measurement: Measurement): void {
  process.stdout.write(`${JSON.stringify({ ...measurement, machine })}\n`);
}

/** Human-readable progress goes to standard error so stdout stays machine-readable. */
export function note(text: string): void {
  process.stderr.write(`${text}\n`);
}

export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  const index = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return Math.round(sortedMs[Math.max(0, index)]! * 1000) / 1000;
}

/** Runs `fn` `count` times sequentially and returns sorted latencies in ms. */
export async function timeEach(count: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await fn(i);
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

/** Databases to measure on: always the embedded one; PostgreSQL when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set. */
export function benchDatabases(): { kind: 'pglite' | 'postgres'; url?: string }[] {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  return url ? [{ kind: 'pglite' }, { kind: 'postgres', url }] : [{ kind: 'pglite' }];
}
