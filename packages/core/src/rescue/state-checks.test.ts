import { describe, expect, it } from 'vitest';
import { assertStateMeaning, missingStepsFor } from './state-checks.ts';

const home = {
  travelDocument: { type: 'emergency_travel_certificate' as const, issuedAt: '2026-03-01' },
  flight: { number: 'KE690', date: '2026-03-02', from: 'PNH', to: 'ICN' },
  escortOfficers: [],
  arrival: { at: '2026-03-02T22:00:00+09:00' },
  handover: { to: 'family' as const, by: 'Officer Park', at: '2026-03-02T23:00:00+09:00' },
  followUpNotes: [],
};

describe('what a state means', () => {
  it('lists the repatriation steps a repatriated case lacks, in order', () => {
    expect(missingStepsFor('repatriated', { repatriation: {} })).toEqual([
      'travelDocument',
      'flight',
      'arrival',
      'handover',
    ]);
    expect(missingStepsFor('repatriated', { repatriation: home })).toEqual([]);
    expect(missingStepsFor('rescued', { repatriation: {} })).toEqual([]);
  });

  it('refuses repatriated with no steps unless confirmed with a reason', () => {
    expect(() => assertStateMeaning('repatriated', { repatriation: {} }, {})).toThrow(/handover/);
    expect(() =>
      assertStateMeaning('repatriated', { repatriation: {} }, { confirmIncomplete: true, reason: 'no' }),
    ).toThrow(/confirm/);
    expect(() =>
      assertStateMeaning('repatriated', { repatriation: {} }, { reason: 'arrived, papers later' }),
    ).toThrow();
    expect(
      assertStateMeaning(
        'repatriated',
        { repatriation: {} },
        { confirmIncomplete: true, reason: 'arrived, papers later' },
      ),
    ).toHaveLength(4);
    expect(assertStateMeaning('repatriated', { repatriation: home }, {})).toEqual([]);
  });
});
