import { describe, expect, it } from 'vitest';
import { evaluatePolicy, policyAuditDetails, policyScopes } from './engine.ts';
import { loadRuleSet, selectEffectiveRuleSet } from './load.ts';
import { agencies, policyInput, readRuleFile } from './policy.test-support.ts';
import type { RuleSet } from './schema.ts';

const kr = readRuleFile('KR');
const kh = readRuleFile('KH');

/** A one-rule set; `rule` is merged over a deny rule of KR outbound that always applies to sends. */
function singleRuleSet(rule: Record<string, unknown>, extra: Partial<RuleSet> = {}): RuleSet {
  return loadRuleSet(
    {
      country: 'KR',
      version: '2026-11-26.9',
      effectiveFrom: '2026-01-01',
      rules: [
        {
          id: 'KR-OUT-900',
          title: 'Test rule',
          direction: 'outbound',
          effect: 'deny',
          when: { field: 'action', equals: 'send' },
          reason: { en: 'test reason' },
          legalReference: 'Test Act art. 1',
          ...rule,
        },
      ],
      ...extra,
    },
    'test',
  );
}

describe('evaluatePolicy', () => {
  it('names the rule, its reason and its statute when it blocks', () => {
    const decision = evaluatePolicy(
      [kr, kh],
      policyInput({ item: { categories: ['victim_personal_data'] } }),
    );
    expect(decision.allowed).toBe(false);
    expect(decision.explanation).toBe(
      "blocked by KR-OUT-001: a victim's personal data needs recorded consent or a vital-interest basis " +
        '(Personal Information Protection Act art. 17(1), 18(2)3, 28-8(1))',
    );
  });

  it('lists every rule that blocks, and owes nothing when denied', () => {
    const input = policyInput({
      action: 'forward',
      recipient: agencies.nis,
      item: { categories: ['victim_personal_data'] },
      markings: { originAgency: 'CNP', handlingCode: 'H2', tlp: 'AMBER+STRICT' },
    });
    const decision = evaluatePolicy([kr, kh], input);
    expect(decision.allowed).toBe(false);
    expect(decision.explanation).toContain('blocked by KR-OUT-008');
    expect(decision.explanation).toContain('blocked by KR-IN-001');
    expect(decision.obligations).toEqual([]);
  });

  it('lets a deny win over obligations of the same action', () => {
    const input = policyInput({
      action: 'receive',
      sender: agencies.cnp,
      recipient: agencies.knpa,
      markings: { originAgency: 'CNP', handlingCode: 'H2', retainUntil: '2026-01-31' },
    });
    const decision = evaluatePolicy([kr, kh], input);
    expect(decision.decisions.find((d) => d.ruleId === 'KR-IN-002')?.outcome).toBe('obligation');
    expect(decision.allowed).toBe(false);
    expect(decision.explanation).toMatch(/^blocked by KR-IN-006: /);
  });

  it('allows a plain case share and says under which rule set', () => {
    const decision = evaluatePolicy([kr, kh], policyInput());
    expect(decision).toMatchObject({ allowed: true, obligations: [] });
    expect(decision.explanation).toBe('allowed under KR 2026-11-26.1 (outbound)');
    expect(decision.decisions.every((d) => d.outcome === 'not_applicable')).toBe(true);
  });

  it('applies the receiving country inbound rules on receive and lists the obligations', () => {
    const input = policyInput({ action: 'receive', sender: agencies.knpa, recipient: agencies.cnp });
    const decision = evaluatePolicy([kr, kh], input);
    expect(decision.ruleSets).toEqual([{ country: 'KH', version: '2026-11-26.1', direction: 'inbound' }]);
    expect(decision.explanation).toMatch(
      /^allowed under KH 2026-11-26.1 \(inbound\); KH-IN-007 applies: keep until/,
    );
    expect(decision.obligations).toEqual([
      { kind: 'retain_until', until: '2029-12-01', disposal: 'purge', ruleIds: ['KH-IN-007'] },
    ]);
  });

  it('fails closed when no rule set of the country is in force', () => {
    const decision = evaluatePolicy([kr], policyInput({ sender: agencies.cnp, recipient: agencies.knpa }));
    expect(decision.allowed).toBe(false);
    expect(decision.explanation).toBe('blocked: no outbound rule set of KH is in force on 2026-12-01');
  });

  it('merges identical obligations imposed by several rules', () => {
    const obligationRule = {
      effect: 'obligation',
      obligations: [{ kind: 'no_export' }],
      when: { field: 'action', equals: 'send' },
    };
    const base = singleRuleSet(obligationRule);
    const set = loadRuleSet(
      { ...base, rules: [base.rules[0], { ...base.rules[0], id: 'KR-OUT-901' }] },
      'test',
    );
    const decision = evaluatePolicy([set], policyInput());
    expect(decision.obligations).toEqual([{ kind: 'no_export', ruleIds: ['KR-OUT-900', 'KR-OUT-901'] }]);
  });

  it('takes a rule change from data alone: a stricter version supersedes from its date', () => {
    const stricter = loadRuleSet(
      { ...singleRuleSet({}), version: '2026-12-01.1', effectiveFrom: '2026-12-01' },
      'v2',
    );
    const before = evaluatePolicy([kr, stricter], policyInput({ now: '2026-11-30T23:00:00Z' }));
    const after = evaluatePolicy([kr, stricter], policyInput({ now: '2026-12-01T00:00:00Z' }));
    expect(before.allowed).toBe(true);
    expect(after.allowed).toBe(false);
    expect(after.decisions[0]).toMatchObject({ ruleId: 'KR-OUT-900', ruleSetVersion: '2026-12-01.1' });
  });

  it('produces a compact audit record', () => {
    const input = policyInput({ item: { categories: ['biometric'] } });
    const details = policyAuditDetails(input, evaluatePolicy([kr, kh], input));
    expect(details).toMatchObject({
      action: 'send',
      allowed: false,
      denied: ['KR-OUT-005'],
      obligations: [],
    });
  });
});

describe('condition operators', () => {
  const decide = (when: unknown, input = policyInput()) =>
    evaluatePolicy([singleRuleSet({ when })], input).allowed ? 'passes' : 'blocks';

  it.each([
    ['tlpAtLeast matches a stricter level', { field: 'markings.tlp', tlpAtLeast: 'AMBER' }, 'RED', 'blocks'],
    ['tlpAtLeast skips a looser level', { field: 'markings.tlp', tlpAtLeast: 'AMBER' }, 'GREEN', 'passes'],
  ] as const)('%s', (_name, when, tlp, expected) => {
    expect(decide(when, policyInput({ markings: { tlp, namedRecipients: ['CNP'] } }))).toBe(expected);
  });

  it('treats a blank string as absent for exists', () => {
    const when = { field: 'markings.legalBasis.reference', exists: false };
    expect(
      decide(when, policyInput({ markings: { legalBasis: { kind: 'interpol', reference: ' ' } } })),
    ).toBe('blocks');
  });

  it('compares dates by calendar day, and a missing date never matches', () => {
    const when = { field: 'markings.retainUntil', after: '2026-12-31' };
    expect(decide(when, policyInput({ markings: { retainUntil: '2027-01-01' } }))).toBe('blocks');
    expect(decide(when, policyInput({ markings: { retainUntil: '2026-12-31' } }))).toBe('passes');
    expect(decide(when)).toBe('passes');
  });

  it('reads not, any and field references', () => {
    const when = { not: { any: [{ field: 'sender.country', equals: { field: 'recipient.country' } }] } };
    expect(decide(when)).toBe('blocks');
    expect(decide(when, policyInput({ recipient: agencies.nis }))).toBe('passes');
  });
});

describe('policyScopes and selectEffectiveRuleSet', () => {
  it('uses the sender outbound and the holder inbound rules on forward', () => {
    const input = policyInput({ action: 'forward', sender: agencies.cnp, recipient: agencies.knpa });
    expect(policyScopes(input)).toEqual([
      { country: 'KH', direction: 'outbound' },
      { country: 'KH', direction: 'inbound' },
    ]);
  });

  it('picks the latest version in force and ignores future ones', () => {
    const later = { ...kr, version: '2027-01-01.1', effectiveFrom: '2027-01-01' };
    const sameDay = { ...kr, version: '2026-11-26.2' };
    expect(selectEffectiveRuleSet([later, kr, sameDay], 'KR', '2026-12-01T00:00:00Z')?.version).toBe(
      '2026-11-26.2',
    );
    expect(selectEffectiveRuleSet([later, kr], 'KR', '2027-01-01')?.version).toBe('2027-01-01.1');
    expect(selectEffectiveRuleSet([kr], 'KR', '2026-11-25T23:59:59Z')).toBeUndefined();
    expect(selectEffectiveRuleSet([kr], 'KH', '2026-12-01')).toBeUndefined();
  });
});
