import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LiaisonError } from '../errors/catalogue.ts';
import { describeRuleSet, loadRuleSet } from './load.ts';

const file = 'policies/KR/2026-11-26.json';
const krJson = () => JSON.parse(readFileSync(new URL(`../../../../${file}`, import.meta.url), 'utf8'));

/** Loads a mutated copy of the KR file and returns the error's message. */
function problemWith(mutate: (json: { rules: Record<string, unknown>[] } & Record<string, unknown>) => void) {
  const json = krJson();
  mutate(json);
  try {
    loadRuleSet(json, file);
  } catch (error) {
    expect(error).toBeInstanceOf(LiaisonError);
    expect((error as LiaisonError).code).toBe('invalid-input');
    return (error as LiaisonError).message;
  }
  throw new Error('the rule set loaded');
}

const when = (rule: Record<string, unknown>) => rule.when as { all: unknown[] };

describe('loadRuleSet', () => {
  it('loads both country files', () => {
    for (const country of ['KR', 'KH']) {
      const name = `policies/${country}/2026-11-26.json`;
      const json = JSON.parse(readFileSync(new URL(`../../../../${name}`, import.meta.url), 'utf8'));
      expect(loadRuleSet(json, name).rules.length).toBeGreaterThanOrEqual(6);
    }
  });

  it.each([
    [
      'an unknown condition operator',
      (j) => (when(j.rules[0]!).all[2] = { field: 'item.categories', matches: 'x' }),
      'rule KR-OUT-001 at /rules/0/when/all/2/matches: unknown operator "matches"',
    ],
    [
      'an unknown field',
      (j) => (when(j.rules[0]!).all[2] = { field: 'item.colour', includes: 'red' }),
      'rule KR-OUT-001 at /rules/0/when/all/2/field: unknown field "item.colour"',
    ],
    [
      'an unknown key in a rule',
      (j) => (j.rules[1]!.severity = 'high'),
      'rule KR-OUT-002 at /rules/1/severity: unknown key "severity"',
    ],
    ['an unknown key at the top', (j) => (j.author = 'x'), '/author: unknown key "author"'],
    [
      'an unknown combinator',
      (j) => (j.rules[2]!.when = { some: [] }),
      'rule KR-OUT-003 at /rules/2/when: expected one of "all", "any", "not" or "field", found "some"',
    ],
    [
      'two operators in one leaf',
      (j) => (j.rules[2]!.when = { field: 'action', equals: 'send', in: ['send'] }),
      'takes exactly one operator, found 2',
    ],
    [
      'a value outside the field vocabulary',
      (j) => (when(j.rules[0]!).all[2] = { field: 'item.categories', includes: 'victims' }),
      '/rules/0/when/all/2/includes: "victims" is not a value of item.categories',
    ],
    [
      'a list operator on a single-valued field',
      (j) => (j.rules[2]!.when = { field: 'action', includes: 'send' }),
      '"includes" needs a list field',
    ],
    [
      'a date operator on a text field',
      (j) => (j.rules[2]!.when = { field: 'markings.purpose', before: '2026-01-01' }),
      '"before" needs a date field',
    ],
    [
      'a require rule without its requirement',
      (j) => delete j.rules[0]!.require,
      'rule KR-OUT-001 at /rules/0/require: expected a condition object',
    ],
    [
      'an unknown obligation',
      (j) => (j.rules[9]!.obligations = [{ kind: 'no_print' }]),
      'rule KR-IN-002 at /rules/9/obligations/0/kind',
    ],
    [
      'a duplicate rule id',
      (j) => (j.rules[1]!.id = 'KR-OUT-001'),
      'rule KR-OUT-001 at /rules/1/id: duplicate rule id',
    ],
    [
      'an id of the wrong direction',
      (j) => (j.rules[0]!.direction = 'inbound'),
      'an inbound rule of KR needs an id starting KR-IN-',
    ],
  ] as [string, (j: { rules: Record<string, unknown>[] } & Record<string, unknown>) => void, string][])(
    'rejects %s and says where',
    (_name, mutate, expected) => {
      const message = problemWith(mutate);
      expect(message).toContain(`${file} is not a valid rule set: `);
      expect(message).toContain(expected);
    },
  );

  it('rejects a file whose country does not match its folder', () => {
    const json = JSON.parse(
      readFileSync(new URL('../../../../policies/KH/2026-11-26.json', import.meta.url), 'utf8'),
    );
    expect(() => loadRuleSet(json, file)).toThrow('/country: the file sits in KR but says KH');
  });

  it('reports the problems as fields for a problem+json answer', () => {
    const json = krJson();
    json.rules[3].when = { field: 'item.kind', equals: 'letter' };
    const error = (() => {
      try {
        loadRuleSet(json, file);
      } catch (e) {
        return e as LiaisonError;
      }
    })();
    expect(error?.fields).toEqual([
      {
        path: '/rules/3/when/equals',
        message: expect.stringContaining('"letter" is not a value of item.kind'),
        code: 'custom',
      },
    ]);
  });
});

describe('describeRuleSet', () => {
  it('lists every rule with its condition and statute', () => {
    const text = describeRuleSet(loadRuleSet(krJson(), file));
    expect(text).toMatch(/^KR rule set 2026-11-26.1, in force from 2026-11-26, \d+ rules/);
    expect(text).toContain(
      "when (action in ['send', 'forward'] and recipient.country notEquals sender.country",
    );
    for (const rule of krJson().rules)
      expect(text).toContain(`${rule.id} [${rule.direction}, ${rule.effect}]`);
  });
});
