import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LiaisonError } from '../errors/catalogue.ts';
import {
  assertFugitiveStep,
  fugitiveTransitions,
  nextFugitiveStates,
  type PastStep,
  type StepCheck,
} from './lifecycle.ts';
import { type FugitiveState, fugitiveStates, type StepDetails } from './schemas.ts';

const now = new Date('2026-12-04T12:00:00Z');
const wanted: PastStep = { state: 'wanted', occurredAt: '2026-01-10T00:00:00Z' };

function check(partial: Partial<StepCheck> & Pick<StepCheck, 'from' | 'to'>): StepCheck {
  return { occurredAt: '2026-11-01T09:00:00Z', details: {}, history: [wanted], now, ...partial };
}

function errorOf(fn: () => unknown): LiaisonError {
  try {
    fn();
  } catch (error) {
    if (error instanceof LiaisonError) return error;
    throw error;
  }
  throw new Error('expected a LiaisonError');
}

/** The details a state needs, so a property test can make any allowed step valid. */
const needed: Partial<Record<FugitiveState, StepDetails>> = {
  detained: { facility: 'Immigration detention centre, Phnom Penh' },
  removal_in_progress: { removalRoute: 'deportation' },
  handed_over: { receivingUnit: 'KNPA International Crimes Investigation Unit' },
  closed: { closeReason: 'returned' },
};

describe('fugitive life cycle', () => {
  it('walks the whole path, each step dated after the last', () => {
    const path: FugitiveState[] = [
      'sighted',
      'located',
      'under_surveillance',
      'arrested',
      'detained',
      'removal_in_progress',
      'handed_over',
      'closed',
    ];
    const history: PastStep[] = [wanted];
    let from: FugitiveState = 'wanted';
    path.forEach((to, i) => {
      const occurredAt = new Date(Date.parse('2026-10-01T00:00:00Z') + i * 86_400_000).toISOString();
      expect(() =>
        assertFugitiveStep(check({ from, to, occurredAt, history, details: needed[to] ?? {} })),
      ).not.toThrow();
      history.push({ state: to, occurredAt });
      from = to;
    });
  });

  it('lets the search skip steps but not custody', () => {
    expect(nextFugitiveStates('wanted')).toEqual(
      expect.arrayContaining(['sighted', 'located', 'under_surveillance', 'arrested', 'closed']),
    );
    expect(nextFugitiveStates('wanted')).not.toContain('detained');
    expect(nextFugitiveStates('arrested')).toEqual(['detained', 'removal_in_progress', 'wanted', 'closed']);
    expect(nextFugitiveStates('closed')).toEqual([]);
  });

  it('refuses a move the life cycle does not have, saying what is allowed', () => {
    const error = errorOf(() => assertFugitiveStep(check({ from: 'wanted', to: 'handed_over' })));
    expect(error.code).toBe('invalid-transition');
    expect(error.fields?.[0]?.path).toBe('/state');
    expect(error.message).toContain('allowed next');
  });

  it('refuses an arrest dated before the sighting, naming the field', () => {
    const history: PastStep[] = [wanted, { state: 'sighted', occurredAt: '2026-11-10T08:00:00Z' }];
    const error = errorOf(() =>
      assertFugitiveStep(
        check({ from: 'sighted', to: 'arrested', occurredAt: '2026-11-09T08:00:00Z', history }),
      ),
    );
    expect(error.code).toBe('invalid-input');
    expect(error.fields?.[0]).toMatchObject({ path: '/occurredAt' });
    expect(error.message).toBe('The arrest cannot be dated before the sighting on 2026-11-10');
  });

  it('refuses a step in the future, and one before the sighting it rests on', () => {
    const future = errorOf(() =>
      assertFugitiveStep(check({ from: 'wanted', to: 'sighted', occurredAt: '2026-12-05T12:00:00Z' })),
    );
    expect(future.fields?.[0]?.message).toBe('The sighting cannot be dated in the future');
    // A phone a minute ahead is not "the future".
    expect(() =>
      assertFugitiveStep(check({ from: 'wanted', to: 'sighted', occurredAt: '2026-12-04T12:01:00Z' })),
    ).not.toThrow();
    const beforeSighting = errorOf(() =>
      assertFugitiveStep(
        check({
          from: 'wanted',
          to: 'located',
          occurredAt: '2026-11-01T00:00:00Z',
          sightingSeenAt: '2026-11-02T00:00:00Z',
        }),
      ),
    );
    expect(beforeSighting.fields?.[0]?.path).toBe('/occurredAt');
  });

  it('needs the details of the state, refuses foreign ones, and a reason to go back or close early', () => {
    const detained = errorOf(() => assertFugitiveStep(check({ from: 'arrested', to: 'detained' })));
    expect(detained.fields?.map((f) => f.path)).toEqual(['/details/facility']);
    const foreign = errorOf(() =>
      assertFugitiveStep(check({ from: 'wanted', to: 'sighted', details: { removalRoute: 'extradition' } })),
    );
    expect(foreign.fields?.map((f) => f.path)).toEqual(['/details/removalRoute']);
    const back = errorOf(() => assertFugitiveStep(check({ from: 'located', to: 'wanted' })));
    expect(back.fields?.map((f) => f.path)).toEqual(['/reason']);
    expect(() =>
      assertFugitiveStep(check({ from: 'located', to: 'wanted', reason: 'Moved out of the compound' })),
    ).not.toThrow();
    const early = errorOf(() =>
      assertFugitiveStep(
        check({ from: 'wanted', to: 'closed', details: { closeReason: 'warrant_withdrawn' } }),
      ),
    );
    expect(early.fields?.map((f) => f.path)).toEqual(['/reason']);
  });

  it('property: any allowed step dated after the last and not in the future passes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...fugitiveTransitions),
        fc.integer({ min: 0, max: 300 * 86_400_000 }),
        fc.integer({ min: 0, max: 30 * 86_400_000 }),
        ({ from, to }, previousAgo, gap) => {
          const previousAt = now.getTime() - previousAgo;
          const at = Math.min(previousAt + gap, now.getTime());
          const history: PastStep[] = [{ state: from, occurredAt: new Date(previousAt).toISOString() }];
          const result = assertFugitiveStep({
            from,
            to,
            occurredAt: new Date(at).toISOString(),
            history,
            details: needed[to] ?? {},
            reason: 'because',
            now,
          });
          expect(result.to).toBe(to);
        },
      ),
    );
  });

  it('property: a step dated before the last one is always refused on /occurredAt', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...fugitiveTransitions),
        fc.integer({ min: 1, max: 300 * 86_400_000 }),
        ({ from, to }, before) => {
          const previousAt = now.getTime() - 86_400_000;
          const error = errorOf(() =>
            assertFugitiveStep({
              from,
              to,
              occurredAt: new Date(previousAt - before).toISOString(),
              history: [{ state: from, occurredAt: new Date(previousAt).toISOString() }],
              details: needed[to] ?? {},
              reason: 'because',
              now,
            }),
          );
          expect(error.fields?.some((f) => f.path === '/occurredAt')).toBe(true);
        },
      ),
    );
  });

  it('property: a closed record takes no step, and every state but closed can be closed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...fugitiveStates), (to) => {
        expect(errorOf(() => assertFugitiveStep(check({ from: 'closed', to }))).code).toBe(
          'invalid-transition',
        );
      }),
    );
    for (const state of fugitiveStates.filter((s) => s !== 'closed'))
      expect(nextFugitiveStates(state)).toContain('closed');
  });
});
