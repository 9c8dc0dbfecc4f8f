import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { legalBases, tlpLevels } from '../markings/markings.ts';
import { dataCategories, itemKinds, PolicyInput, policyActions } from './context.ts';
import { evaluatePolicy } from './engine.ts';
import { readRuleFile } from './policy.test-support.ts';

const ruleSets = [readRuleFile('KR'), readRuleFile('KH')];

const agency = fc.constantFrom('KNPA', 'KR-NIS', 'CNP', 'KH-GDI', 'INTERPOL');
const party = fc.record({ agency, country: fc.constantFrom('KR', 'KH', 'FR') });
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const day = fc
  .date({ min: new Date('2020-01-01'), max: new Date('2040-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString());

const input = fc.record({
  action: fc.constantFrom(...policyActions),
  sender: party,
  recipient: party,
  item: fc.record({
    kind: fc.constantFrom(...itemKinds),
    categories: fc.uniqueArray(fc.constantFrom(...dataCategories), { maxLength: 5 }),
    consentRecorded: optional(fc.boolean()),
    subjectNationalities: optional(fc.uniqueArray(fc.constantFrom('KR', 'KH', 'CN'), { maxLength: 3 })),
    ongoingOperation: optional(fc.boolean()),
    providerPermission: optional(fc.boolean()),
  }),
  markings: fc.record({
    originAgency: agency,
    handlingCode: fc.constantFrom('H0', 'H1', 'H2', 'H3'),
    handlingNote: optional(fc.string({ maxLength: 40 })),
    tlp: fc.constantFrom(...tlpLevels),
    legalBasis: fc.record({
      kind: fc.constantFrom(...legalBases),
      reference: optional(fc.constantFrom('', 'MLA-1', 'A-77/2026')),
    }),
    purpose: fc.constantFrom('Rescue', 'Joint investigation'),
    retainUntil: optional(day.map((d) => d.slice(0, 10))),
    sourceReliability: fc.constantFrom('A', 'B', 'C', 'X'),
    informationAccuracy: fc.constantFrom('1', '2', '3', '4'),
    namedRecipients: optional(fc.uniqueArray(agency, { maxLength: 3 })),
  }),
  now: day,
});

describe('evaluatePolicy over any valid input', () => {
  it('never throws, is deterministic, and a denial always wins', () => {
    fc.assert(
      fc.property(input, (generated) => {
        const valid = PolicyInput.parse(generated);
        const first = evaluatePolicy(ruleSets, valid);
        expect(evaluatePolicy(ruleSets, structuredClone(valid))).toEqual(first);
        const denied = first.decisions.some((d) => d.outcome === 'denied');
        expect(first.allowed).toBe(!denied);
        if (denied) expect(first.obligations).toEqual([]);
        expect(first.explanation.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});
