import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PolicyInput, PolicyItem, PolicyMarkings, PolicyParty } from './context.ts';
import { type DecisionOutcome, evaluatePolicy } from './engine.ts';
import { loadRuleSet } from './load.ts';
import type { Obligation } from './obligations.ts';
import type { Rule, RuleSet } from './schema.ts';

/**
 * Test support for the policy engine: builders, the rule-table runner, and reading the rule files.
 * Only test files import it.
 */

/** Agencies used across the policy tests. */
export const agencies = {
  knpa: { agency: 'KNPA', country: 'KR' },
  nis: { agency: 'KR-NIS', country: 'KR' },
  cnp: { agency: 'CNP', country: 'KH' },
  immigration: { agency: 'KH-GDI', country: 'KH' },
} as const satisfies Record<string, PolicyParty>;

export const testNow = '2026-12-01T03:00:00Z';

export interface InputOverrides {
  action?: PolicyInput['action'];
  sender?: PolicyParty;
  recipient?: PolicyParty;
  item?: Partial<PolicyItem>;
  markings?: Partial<PolicyMarkings>;
  now?: string;
}

/**
 * A harmless case share from KNPA to CNP (H0, TLP:GREEN, police cooperation with a reference), changed by
 * `overrides` section by section. Tests state only what their rule looks at.
 */
export function policyInput(overrides: InputOverrides = {}): PolicyInput {
  return {
    action: overrides.action ?? 'send',
    sender: overrides.sender ?? agencies.knpa,
    recipient: overrides.recipient ?? agencies.cnp,
    item: { kind: 'case_share', categories: [], ...overrides.item },
    markings: {
      originAgency: 'KNPA',
      handlingCode: 'H0',
      tlp: 'GREEN',
      legalBasis: { kind: 'police_cooperation', reference: 'KD-2026-0412' },
      purpose: 'Joint investigation of a voice-phishing ring',
      sourceReliability: 'B',
      informationAccuracy: '2',
      ...overrides.markings,
    },
    now: overrides.now ?? testNow,
  };
}

/** One row of a rule file's table: behaviour (starting with the rule id), outcome, input, obligations owed. */
export type RuleCase = [
  name: string,
  outcome: DecisionOutcome,
  input: PolicyInput,
  obligations?: Partial<Obligation>[],
];

const ruleIdOf = (name: string) => name.split(' ')[0] as string;

/**
 * Registers a table of cases for the rules of one direction of a rule set, and checks that every rule of
 * that direction has a case where it bites (denied, obligation) and one where it lets the action through.
 */
export function describeRuleTable(set: RuleSet, direction: Rule['direction'], cases: readonly RuleCase[]) {
  describe(`${set.country} ${set.version} ${direction} rules`, () => {
    it.each(cases)('%s', (name, outcome, input, obligations) => {
      const ruleId = ruleIdOf(name);
      const decision = evaluatePolicy([set], input);
      expect(decision.decisions.find((d) => d.ruleId === ruleId)?.outcome).toBe(outcome);
      if (outcome === 'denied') {
        expect(decision.allowed).toBe(false);
        expect(decision.explanation).toContain(`blocked by ${ruleId}: `);
      }
      for (const obligation of obligations ?? []) {
        const owed = { ...obligation, ruleIds: expect.arrayContaining([ruleId]) };
        expect(decision.obligations).toContainEqual(expect.objectContaining(owed));
      }
    });

    it('has a case where each rule bites and one where it lets the action through', () => {
      const gaps: string[] = [];
      for (const rule of set.rules.filter((r) => r.direction === direction)) {
        const outcomes = cases.filter(([name]) => ruleIdOf(name) === rule.id).map(([, outcome]) => outcome);
        if (!outcomes.some((o) => o === 'denied' || o === 'obligation')) gaps.push(`${rule.id} never bites`);
        if (!outcomes.some((o) => o === 'satisfied' || o === 'not_applicable'))
          gaps.push(`${rule.id} never passes`);
      }
      expect(gaps).toEqual([]);
    });
  });
}

/** Reads a rule file of the repository (tests only: the core itself does no I/O). */
export function readRuleFile(country: string, date = '2026-11-26'): RuleSet {
  const file = `policies/${country}/${date}.json`;
  return loadRuleSet(JSON.parse(readFileSync(new URL(`../../../../${file}`, import.meta.url), 'utf8')), file);
}
