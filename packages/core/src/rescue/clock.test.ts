import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rescueDurations, stageClock } from './clock.ts';
import { riskLevels } from './risk.ts';
import { rescueStates } from './states.ts';

const hour = 3_600_000;
const entered = '2026-01-10T00:00:00.000Z';
const after = (hours: number) => new Date(Date.parse(entered) + hours * hour);

describe('stageClock', () => {
  it('flags verifying as overdue after 24 h at medium risk', () => {
    expect(stageClock('verifying', entered, 'medium', after(24))?.overdue).toBe(false);
    const late = stageClock('verifying', entered, 'medium', after(25));
    expect(late).toMatchObject({ overdue: true, overdueByMs: hour, escalate: true, next: 'located' });
    expect(late?.dueAt).toBe('2026-01-11T00:00:00.000Z');
  });

  it('halves the target for a critical case and doubles it for a low one', () => {
    expect(stageClock('verifying', entered, 'critical', after(13))?.overdue).toBe(true);
    expect(stageClock('verifying', entered, 'low', after(47))?.overdue).toBe(false);
    expect(stageClock('reported', entered, 'critical', after(0))?.targetMs).toBe(hour / 2);
  });

  it('has no clock once the case is closed or ended without a rescue', () => {
    expect(stageClock('closed', entered, 'critical', after(1000))).toBeNull();
    expect(stageClock('not_found', entered, 'critical', after(1000))).toBeNull();
  });

  it('is overdue exactly when now is after dueAt', () => {
    const states = rescueStates.filter((s) => stageClock(s, entered, 'medium', entered) !== null);
    fc.assert(
      fc.property(
        fc.constantFrom(...states),
        fc.constantFrom(...riskLevels),
        fc.integer({ min: 0, max: 4_000_000_000_000 }),
        fc.integer({ min: -30 * 24 * hour, max: 30 * 24 * hour }),
        (state, risk, start, offset) => {
          const clock = stageClock(state, start, risk, start + offset)!;
          const now = start + offset;
          expect(clock.overdue).toBe(now > Date.parse(clock.dueAt));
          expect(clock.escalate).toBe(clock.overdue);
          expect(clock.overdueByMs).toBe(clock.overdue ? now - Date.parse(clock.dueAt) : 0);
        },
      ),
    );
  });
});

describe('rescueDurations', () => {
  it('measures from the report to located, rescued and home', () => {
    const d = rescueDurations([
      { to: 'reported', at: after(0) },
      { to: 'verifying', at: after(1) },
      { to: 'located', at: after(20) },
      { to: 'rescue_requested', at: after(22) },
      { to: 'rescue_planned', at: after(40) },
      { to: 'rescued', at: after(90) },
      { to: 'in_protection', at: after(92) },
      { to: 'repatriated', at: after(300) },
    ]);
    expect(d).toEqual({ toLocatedMs: 20 * hour, toRescuedMs: 90 * hour, toHomeMs: 300 * hour });
  });

  it('counts the first time a person was located even when lost again', () => {
    const d = rescueDurations([
      { to: 'located', at: after(10) },
      { to: 'reported', at: after(0) },
      { to: 'verifying', at: after(12) },
      { to: 'located', at: after(30) },
    ]);
    expect(d).toEqual({ toLocatedMs: 10 * hour, toRescuedMs: null, toHomeMs: null });
  });

  it('gives nulls for an empty history', () => {
    expect(rescueDurations([])).toEqual({ toLocatedMs: null, toRescuedMs: null, toHomeMs: null });
  });
});
