import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RescueDurations } from './clock.ts';
import { cambodianProvinceIds } from './provinces.ts';
import { reportChannels } from './report-schema.ts';
import { rescueStates } from './states.ts';
import { type RescueStatsRow, rescueStats, suppressedCounts } from './stats.ts';

const none: RescueDurations = { toLocatedMs: null, toRescuedMs: null, toHomeMs: null };
const row = (province: string, overrides: Partial<RescueStatsRow> = {}): RescueStatsRow => ({
  reportedAt: '2026-01-15T00:00:00Z',
  channel: 'family_call',
  province,
  state: 'verifying',
  durations: none,
  ...overrides,
});

describe('rescueStats', () => {
  it('suppresses a province with 2 cases', () => {
    const rows = [...Array.from({ length: 5 }, () => row('phnom_penh')), row('kampot'), row('kampot')];
    const stats = rescueStats(rows);
    expect(stats.byProvince).toContainEqual({ key: 'kampot', count: '<3' });
    // The only other province is hidden too, so the total cannot reveal the small one.
    expect(stats.byProvince).toContainEqual({ key: 'phnom_penh', count: '<3' });
    expect(stats.total).toBe(7);
  });

  it('shows provinces with three or more cases when two cells are small', () => {
    const rows = [...Array.from({ length: 4 }, () => row('phnom_penh')), row('kampot'), row('kep')];
    expect(rescueStats(rows).byProvince).toEqual([
      { key: 'kampot', count: '<3' },
      { key: 'kep', count: '<3' },
      { key: 'phnom_penh', count: 4 },
    ]);
  });

  it('counts by month and outcome and gives the median time to rescue', () => {
    const rescued = (h: number) =>
      row('kandal', { state: 'in_protection', durations: { ...none, toRescuedMs: h } });
    const stats = rescueStats([rescued(10), rescued(30), rescued(20), row('kandal', { state: 'not_found' })]);
    expect(stats.byMonth).toEqual([{ key: '2026-01', count: 4 }]);
    expect(stats.byOutcome).toEqual([
      { key: 'not_found', count: '<3' },
      { key: 'rescued', count: '<3' },
    ]);
    expect(stats.medians.toRescued).toEqual({ medianMs: 20, cases: 3 });
    expect(stats.medians.toHome).toEqual({ medianMs: null, cases: '<3' });
  });

  it('never shows a count below 3', () => {
    const arbitraryRow = fc.record({
      reportedAt: fc.date({ min: new Date('2025-01-01'), max: new Date('2027-01-01'), noInvalidDate: true }),
      channel: fc.constantFrom(...reportChannels),
      province: fc.option(fc.constantFrom(...cambodianProvinceIds.slice(0, 4)), { nil: undefined }),
      state: fc.constantFrom(...rescueStates),
      durations: fc.record({
        toLocatedMs: fc.option(fc.nat(), { nil: null }),
        toRescuedMs: fc.option(fc.nat(), { nil: null }),
        toHomeMs: fc.option(fc.nat(), { nil: null }),
      }),
    });
    fc.assert(
      fc.property(fc.array(arbitraryRow, { maxLength: 40 }), (rows) => {
        const stats = rescueStats(rows);
        const counts = [
          stats.total,
          ...[stats.byMonth, stats.byChannel, stats.byProvince, stats.byOutcome].flat().map((c) => c.count),
          ...Object.values(stats.medians).map((m) => m.cases),
        ];
        for (const count of counts) if (typeof count === 'number') expect(count).toBeGreaterThanOrEqual(3);
        for (const m of Object.values(stats.medians)) if (m.cases === '<3') expect(m.medianMs).toBeNull();
      }),
    );
  });

  it('hides a second cell when only one is small', () => {
    expect(suppressedCounts(['a', 'a', 'a', 'b', 'b', 'b', 'b', 'c'])).toEqual([
      { key: 'a', count: '<3' },
      { key: 'b', count: 4 },
      { key: 'c', count: '<3' },
    ]);
  });
});
