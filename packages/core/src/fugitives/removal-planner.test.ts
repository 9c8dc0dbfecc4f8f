import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { proposeEscorts, proposeFlights } from './removal-planner.ts';
import { escortRule } from './removal-rules.ts';

describe('the flight proposal', () => {
  it('puts one or two suspects on one commercial flight, and explains why', () => {
    const p = proposeFlights(2);
    expect(p).toMatchObject({ kind: 'commercial', reason: 'commercial_fits', escortsNeeded: 4 });
    expect(p.flights).toEqual([{ kind: 'commercial', suspects: 2 }]);
    expect(p.explanation).toContain('one commercial flight');
    expect(proposeFlights(1).flights).toEqual([{ kind: 'commercial', suspects: 1 }]);
  });

  it('proposes a charter for a third suspect, saying the commercial limit is why', () => {
    const p = proposeFlights(3);
    expect(p).toMatchObject({ kind: 'charter', reason: 'charter_over_limit', escortsNeeded: 6 });
    expect(p.flights).toEqual([{ kind: 'charter', suspects: 3 }]);
    expect(p.explanation).toContain('2 escorted suspects');
  });

  it('splits into commercial flights when asked', () => {
    expect(proposeFlights(5, 'commercial').flights.map((f) => f.suspects)).toEqual([2, 2, 1]);
    expect(proposeFlights(5, 'commercial').reason).toBe('commercial_split');
  });

  it('proposes nothing for nobody', () => {
    expect(proposeFlights(0)).toMatchObject({ kind: null, flights: [], reason: 'none' });
  });

  it('always seats every suspect once, never over the commercial limit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.constantFrom('auto', 'commercial'), (n, mode) => {
        const p = proposeFlights(n, mode as 'auto' | 'commercial');
        expect(p.flights.reduce((s, f) => s + f.suspects, 0)).toBe(n);
        expect(p.escortsNeeded).toBe(n * escortRule.escortsPerSuspect);
        for (const f of p.flights) {
          expect(f.suspects).toBeGreaterThan(0);
          if (f.kind === 'commercial')
            expect(f.suspects).toBeLessThanOrEqual(escortRule.commercialMaxSuspects);
        }
        if (n > escortRule.commercialMaxSuspects && mode === 'auto') expect(p.kind).toBe('charter');
        if (n > 0 && n <= escortRule.commercialMaxSuspects) expect(p.flights).toHaveLength(1);
      }),
    );
  });
});

describe('the escort proposal', () => {
  it('gives each suspect two officers from the pool, skipping those already escorting', () => {
    const p = proposeEscorts(
      [
        { suspectId: 's1', escortUserIds: ['o1'], escortCount: 1 },
        { suspectId: 's2', escortUserIds: [], escortCount: 0 },
      ],
      ['o1', 'o2', 'o3', 'o4'],
    );
    expect(p).toEqual({
      assignments: [
        { suspectId: 's1', userIds: ['o2'] },
        { suspectId: 's2', userIds: ['o3', 'o4'] },
      ],
      shortBy: 0,
    });
  });

  it('spreads a short pool so every suspect has one escort before any has two', () => {
    const p = proposeEscorts(
      [1, 2, 3].map((i) => ({ suspectId: `s${i}`, escortUserIds: [], escortCount: 0 })),
      ['a', 'b', 'c', 'd'],
    );
    expect(p.assignments.map((a) => a.userIds.length)).toEqual([2, 1, 1]);
    expect(p.shortBy).toBe(2);
  });

  it('never proposes an officer twice, nor more escorts than the rule, and counts what is missing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 80 }),
        fc.array(fc.integer({ min: 0, max: 200 }), { maxLength: 200 }),
        (have, poolIds) => {
          const needs = have.map((count, i) => ({
            suspectId: `s${i}`,
            escortUserIds: Array.from({ length: count }, (_, k) => `held-${i}-${k}`),
            escortCount: count,
          }));
          const pool = poolIds.map((id) => `o${id}`);
          const p = proposeEscorts(needs, pool);
          const proposed = p.assignments.flatMap((a) => a.userIds);
          expect(new Set(proposed).size).toBe(proposed.length);
          for (const id of proposed) expect(pool).toContain(id);
          const missing = have.reduce((s, c) => s + Math.max(0, escortRule.escortsPerSuspect - c), 0);
          expect(proposed.length + p.shortBy).toBe(missing);
          expect(p.shortBy === 0 || proposed.length === new Set(pool).size).toBe(true);
          for (const a of p.assignments) {
            const i = Number(a.suspectId.slice(1));
            expect(have[i]! + a.userIds.length).toBeLessThanOrEqual(escortRule.escortsPerSuspect);
          }
        },
      ),
    );
  });
});
