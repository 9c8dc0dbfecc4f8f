import { describe, expect, it } from 'vitest';
import { fugitiveStats, median, type StatsStep } from './stats.ts';

const steps: StatsStep[] = [
  // A: located in October, arrested and returned in November (30 days after location).
  { fugitiveId: 'a', state: 'wanted', occurredAt: '2026-01-01T00:00:00Z' },
  { fugitiveId: 'a', state: 'located', occurredAt: '2026-10-15T00:00:00Z' },
  { fugitiveId: 'a', state: 'arrested', occurredAt: '2026-10-20T00:00:00Z' },
  { fugitiveId: 'a', state: 'handed_over', occurredAt: '2026-11-14T00:00:00Z' },
  { fugitiveId: 'a', state: 'closed', occurredAt: '2026-11-20T00:00:00Z' },
  // B: arrested at the airport (located the same day), returned 10 days later.
  { fugitiveId: 'b', state: 'wanted', occurredAt: '2026-02-01T00:00:00Z' },
  { fugitiveId: 'b', state: 'arrested', occurredAt: '2026-11-01T00:00:00Z' },
  { fugitiveId: 'b', state: 'removal_in_progress', occurredAt: '2026-11-05T00:00:00Z' },
  { fugitiveId: 'b', state: 'handed_over', occurredAt: '2026-11-11T00:00:00Z' },
  // C: located, lost again, located again: counted once, at the first location.
  { fugitiveId: 'c', state: 'wanted', occurredAt: '2026-03-01T00:00:00Z' },
  { fugitiveId: 'c', state: 'located', occurredAt: '2026-09-01T00:00:00Z' },
  { fugitiveId: 'c', state: 'wanted', occurredAt: '2026-09-10T00:00:00Z' },
  { fugitiveId: 'c', state: 'located', occurredAt: '2026-11-02T00:00:00Z' },
];

describe('fugitive stats', () => {
  it('counts each milestone once, in the month first reached, with days from location to return', () => {
    const stats = fugitiveStats(steps, ['closed', 'handed_over', 'located']);
    expect(stats.totals).toEqual({
      open: 2,
      located: 3,
      arrested: 2,
      returned: 2,
      medianDaysLocatedToReturned: 20,
      meanDaysLocatedToReturned: 20,
    });
    expect(stats.byMonth).toEqual([
      {
        month: '2026-09',
        located: 1,
        arrested: 0,
        returned: 0,
        medianDaysLocatedToReturned: null,
        meanDaysLocatedToReturned: null,
      },
      {
        month: '2026-10',
        located: 1,
        arrested: 1,
        returned: 0,
        medianDaysLocatedToReturned: null,
        meanDaysLocatedToReturned: null,
      },
      {
        month: '2026-11',
        located: 1,
        arrested: 1,
        returned: 2,
        medianDaysLocatedToReturned: 20,
        meanDaysLocatedToReturned: 20,
      },
    ]);
    expect(stats.byState.find((s) => s.state === 'located')?.count).toBe(1);
  });

  it('keeps only the milestones inside the period', () => {
    const stats = fugitiveStats(steps, [], { from: '2026-11-01', to: '2026-11-30' });
    expect(stats.totals).toMatchObject({ located: 1, arrested: 1, returned: 2 });
  });

  it('takes the middle of an even count', () => {
    expect(median([1, 4, 2, 10])).toBe(3);
    expect(median([])).toBeNull();
  });
});
