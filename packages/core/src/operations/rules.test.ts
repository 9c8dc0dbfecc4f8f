import { describe, expect, it } from 'vitest';
import { canMove, goProblems, logTimeProblem, tallyOutcome, timingProblems } from './rules.ts';
import { LogEntryInput, OperationInput } from './schemas.ts';
import { monthsBetween } from './stats.ts';

const authority = (agencyCode: string, issuedOn = '2026-01-01', validUntil?: string) => ({
  agencyCode,
  kind: 'search_warrant' as const,
  number: `${agencyCode}-1`,
  issuedBy: 'Court',
  issuedOn,
  ...(validUntil && { validUntil }),
});
const timing = { plannedStart: '2026-01-10T02:00:00+07:00', plannedEnd: '2026-01-10T08:00:00+07:00' };
const before = new Date('2026-01-09T00:00:00Z');

describe('the go/no-go rule', () => {
  it('gives a GO with valid authority on both sides and sane timing', () => {
    const plan = {
      leadAgency: 'CNP',
      partnerAgency: 'KNPA',
      legalAuthority: [authority('CNP'), authority('KNPA')],
      timing,
    };
    expect(goProblems(plan, before)).toEqual([]);
  });

  it('names each side without legal authority', () => {
    const plan = { leadAgency: 'CNP', partnerAgency: 'KNPA', legalAuthority: [authority('CNP')], timing };
    const problems = goProblems(plan, before);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      path: '/legalAuthority',
      params: { agency: 'KNPA', problem: 'missing' },
    });
    expect(problems[0]!.message).toContain('KNPA');
    expect(goProblems({ ...plan, legalAuthority: [] }, before).map((p) => p.params?.agency)).toEqual([
      'CNP',
      'KNPA',
    ]);
  });

  it('refuses authority not valid on the day of the operation', () => {
    const plan = {
      leadAgency: 'CNP',
      partnerAgency: 'KNPA',
      legalAuthority: [authority('CNP', '2026-01-11'), authority('KNPA', '2025-01-01', '2026-01-08')],
      timing,
    };
    expect(goProblems(plan, before).map((p) => p.message)).toEqual([
      expect.stringContaining('CNP is not valid on the day'),
      expect.stringContaining('KNPA is not valid on the day'),
    ]);
  });

  it('reads calendar days in the issuing country: an order of the raid day in Seoul counts at 01:00 ICT', () => {
    const night = { plannedStart: '2026-01-10T01:00:00+07:00', plannedEnd: '2026-01-10T05:00:00+07:00' };
    const plan = {
      leadAgency: 'CNP',
      partnerAgency: 'KNPA',
      legalAuthority: [authority('CNP', '2026-01-10'), authority('KNPA', '2026-01-10')],
      timing: night,
    };
    expect(goProblems(plan, before)).toEqual([]);
  });

  it('refuses a window already over', () => {
    const plan = {
      leadAgency: 'CNP',
      partnerAgency: 'KNPA',
      legalAuthority: [authority('CNP'), authority('KNPA')],
      timing,
    };
    expect(goProblems(plan, new Date('2026-01-11T00:00:00Z'))[0]).toMatchObject({
      path: '/timing/plannedEnd',
    });
  });
});

describe('timing', () => {
  it('refuses an end before the start, a briefing after it and an endless raid', () => {
    expect(
      timingProblems({ plannedStart: timing.plannedEnd, plannedEnd: timing.plannedStart })[0]!.path,
    ).toBe('/timing/plannedEnd');
    expect(timingProblems({ ...timing, briefingAt: '2026-01-10T03:00:00+07:00' })[0]!.path).toBe(
      '/timing/briefingAt',
    );
    expect(
      timingProblems({ plannedStart: timing.plannedStart, plannedEnd: '2026-01-20T00:00:00+07:00' })[0]!
        .message,
    ).toContain('72 hours');
    expect(timingProblems({ ...timing, briefingAt: '2026-01-09T20:00:00+07:00' })).toEqual([]);
  });

  it('dates log entries neither in the future nor before the GO', () => {
    const now = new Date('2026-01-10T01:00:00Z');
    const go = new Date('2026-01-09T12:00:00Z');
    expect(logTimeProblem(new Date('2026-01-10T01:04:00Z'), now, go)).toBeNull();
    expect(logTimeProblem(new Date('2026-01-10T01:30:00Z'), now, go)?.message).toContain('future');
    expect(logTimeProblem(new Date('2026-01-09T11:00:00Z'), now, go)?.message).toContain('before the GO');
  });
});

describe('the life cycle', () => {
  it('moves planning → go → under way → completed, and not back', () => {
    expect(canMove('planning', 'go')).toBe(true);
    expect(canMove('go', 'under_way')).toBe(true);
    expect(canMove('under_way', 'completed')).toBe(true);
    expect(canMove('planning', 'completed')).toBe(false);
    expect(canMove('completed', 'planning')).toBe(false);
    expect(canMove('under_way', 'cancelled')).toBe(false);
  });
});

describe('outcome tallies', () => {
  it('counts arrests by nationality, fugitives, rescues and sums seizures by drug, currency and asset', () => {
    const tally = tallyOutcome({
      arrests: [
        { nationality: 'KR', fugitiveId: 'f1' },
        { nationality: 'KR', fugitiveId: null },
        { nationality: 'CN', fugitiveId: null },
      ],
      rescues: [{}],
      seizures: [
        { category: 'drugs', quantity: 0.1, unit: 'g', drugType: 'ketamine' },
        { category: 'drugs', quantity: 0.2, unit: 'g', drugType: 'ketamine' },
        { category: 'cash', quantity: 500, unit: 'USD', currency: 'USD' },
        { category: 'cash', quantity: 2_000_000, unit: 'KHR', currency: 'KHR' },
        { category: 'crypto', quantity: 1200.5, unit: 'USDT', asset: 'USDT' },
        { category: 'phone', quantity: 30, unit: 'item' },
      ],
    });
    expect(tally).toMatchObject({
      arrests: 3,
      arrestsByNationality: { KR: 2, CN: 1 },
      fugitivesArrested: 1,
      rescues: 1,
      drugsGrams: { ketamine: 0.3 },
      cash: { USD: 500, KHR: 2_000_000 },
      crypto: { USDT: 1200.5 },
    });
    expect(tally.seizures).toMatchObject({ drugs: 2, cash: 2, crypto: 1, phone: 1, weapon: 0 });
  });

  it('lists every month of an axis, across a new year', () => {
    expect(monthsBetween('2025-12', '2026-03')).toEqual(['2025-12', '2026-01', '2026-02', '2026-03']);
  });
});

describe('inputs', () => {
  it('refuses one agency on both sides and an entry without its record', () => {
    const plan = OperationInput.safeParse({
      codeName: 'X',
      objective: 'Y',
      leadAgency: 'CNP',
      partnerAgency: 'CNP',
      crimeTypes: ['investment'],
      timing,
      markings: { tlp: 'AMBER', handlingCode: 'H0' },
    });
    expect(plan.error?.issues[0]?.path).toEqual(['partnerAgency']);
    expect(LogEntryInput.safeParse({ kind: 'rescue' }).error?.issues[0]?.path).toEqual(['rescue']);
    expect(
      LogEntryInput.safeParse({ kind: 'note', text: 'x', seizure: { category: 'phone', count: 1 } }).error
        ?.issues[0]?.path,
    ).toEqual(['seizure']);
  });
});
