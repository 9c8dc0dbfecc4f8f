/**
 * Lock-out with back-off: the first few failures are free (typos), then each further failure locks the
 * account for twice as long as the last, up to an hour. A success resets the count.
 */
export const freeFailures = 5;
const baseLockMs = 30_000;
const maxLockMs = 3_600_000;

export function lockDurationMs(failedLogins: number): number {
  if (failedLogins < freeFailures) return 0;
  return Math.min(maxLockMs, baseLockMs * 2 ** (failedLogins - freeFailures));
}
