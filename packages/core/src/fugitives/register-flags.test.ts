import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeRegisterFlags, daysUntil, stallLimitDays, warrantFlagOf } from './register-flags.ts';
import { fugitiveStates } from './schemas.ts';

const now = new Date('2026-12-04T23:30:00Z');

describe('register flags', () => {
  it('flags a warrant expiring within 30 days (the last day included) and one already expired', () => {
    expect(warrantFlagOf('2027-01-03', now)).toEqual({ flag: 'expiring', daysLeft: 30 });
    expect(warrantFlagOf('2027-01-04', now)).toEqual({ flag: null, daysLeft: 31 });
    expect(warrantFlagOf('2026-12-04', now)).toEqual({ flag: 'expiring', daysLeft: 0 });
    expect(warrantFlagOf('2026-12-03', now)).toEqual({ flag: 'expired', daysLeft: -1 });
    expect(warrantFlagOf(null, now)).toEqual({ flag: null, daysLeft: null });
  });

  it('flags a step left longer than its state allows; wanted and closed never stall', () => {
    const arrestedAt = new Date(now.getTime() - 4 * 86_400_000).toISOString();
    expect(
      computeRegisterFlags({ status: 'arrested', lastStepAt: arrestedAt, warrantExpiresOn: null }, now),
    ).toMatchObject({
      stalled: true,
      daysInState: 4,
      stallLimitDays: 3,
    });
    const threeDays = new Date(now.getTime() - 3 * 86_400_000).toISOString();
    expect(
      computeRegisterFlags({ status: 'arrested', lastStepAt: threeDays, warrantExpiresOn: null }, now)
        .stalled,
    ).toBe(false);
    const yearAgo = '2025-12-01T00:00:00Z';
    expect(
      computeRegisterFlags({ status: 'wanted', lastStepAt: yearAgo, warrantExpiresOn: null }, now).stalled,
    ).toBe(false);
  });

  it('stops flagging the warrant once he is handed over', () => {
    expect(
      computeRegisterFlags({ status: 'handed_over', lastStepAt: now, warrantExpiresOn: '2026-12-01' }, now)
        .warrant,
    ).toBeNull();
  });

  it('property: expiring and expired exactly by the days left', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2000, max: 2000 }), (offset) => {
        const date = new Date(Date.UTC(2026, 11, 4) + offset * 86_400_000).toISOString().slice(0, 10);
        expect(daysUntil(now, date)).toBe(offset);
        const { flag } = warrantFlagOf(date, now);
        expect(flag).toBe(offset < 0 ? 'expired' : offset <= 30 ? 'expiring' : null);
      }),
    );
  });

  it('property: stalled exactly when the days in state pass the limit', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...fugitiveStates),
        fc.integer({ min: 0, max: 400 * 86_400_000 }),
        (status, ago) => {
          const flags = computeRegisterFlags(
            { status, lastStepAt: new Date(now.getTime() - ago), warrantExpiresOn: null },
            now,
          );
          const limit = stallLimitDays[status];
          expect(flags.stalled).toBe(limit !== null && Math.floor(ago / 86_400_000) > limit);
        },
      ),
    );
  });
});
