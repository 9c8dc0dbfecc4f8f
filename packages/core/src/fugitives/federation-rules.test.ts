import { describe, expect, it } from 'vitest';
import { evaluatePolicy } from '../policy/engine.ts';
import { agencies, policyInput, readRuleFile } from '../policy/policy.test-support.ts';

// The rules that judge fugitives, sightings and operations as they travel (rule sets 2026-12-04.1; the
// server asks them field group by field group: server/src/policy/record-fields.ts). Each new rule bites in
// one case and lets the action through in another; the rest of each set is the 2026-11-26.1 set unchanged,
// so that set's tables (kr-/kh-outbound and inbound tests) still describe it.

const kr = readRuleFile('KR', '2026-12-04');
const kh = readRuleFile('KH', '2026-12-04');
const now = '2026-12-04T03:00:00Z';

function outcome(set: typeof kr, ruleId: string, input: ReturnType<typeof policyInput>) {
  const decision = evaluatePolicy([set], input);
  return { outcome: decision.decisions.find((d) => d.ruleId === ruleId)?.outcome, decision };
}

const targets = (ongoingOperation: boolean) => ({
  kind: 'operation' as const,
  categories: ['location' as const],
  ongoingOperation,
});
const source = { kind: 'sighting' as const, categories: ['intelligence_source' as const] };
const receivedBy = (recipient: typeof agencies.knpa | typeof agencies.cnp) => ({
  action: 'receive' as const,
  sender: recipient === agencies.cnp ? agencies.knpa : agencies.cnp,
  recipient,
  markings: { originAgency: recipient === agencies.cnp ? 'KNPA' : 'CNP' },
  now,
});

describe('rule sets 2026-12-04.1', () => {
  it('are the 2026-11-26.1 sets with only the new rules added', () => {
    for (const [set, added] of [
      [kr, ['KR-OUT-009', 'KR-IN-009']],
      [kh, ['KH-IN-008']],
    ] as const) {
      const earlier = readRuleFile(set.country);
      expect(set.rules.filter((r) => !(added as readonly string[]).includes(r.id))).toEqual(earlier.rules);
      expect(set.rules.map((r) => r.id)).toEqual(expect.arrayContaining([...added]));
    }
  });

  it('KR-OUT-009 keeps an ongoing operation’s targets from the partner below TLP:AMBER+STRICT', () => {
    const amber = outcome(
      kr,
      'KR-OUT-009',
      policyInput({ item: targets(true), markings: { tlp: 'AMBER' }, now }),
    );
    expect(amber.outcome).toBe('denied');
    expect(amber.decision.explanation).toContain('blocked by KR-OUT-009: ');
    expect(
      outcome(kr, 'KR-OUT-009', policyInput({ item: targets(true), markings: { tlp: 'AMBER+STRICT' }, now }))
        .outcome,
    ).toBe('satisfied');
    expect(
      outcome(kr, 'KR-OUT-009', policyInput({ item: targets(false), markings: { tlp: 'AMBER' }, now }))
        .outcome,
    ).toBe('not_applicable');
  });

  it('KR-IN-009 and KH-IN-008 refuse a record carrying an informant’s identity, and take one without', () => {
    for (const [set, id, recipient] of [
      [kr, 'KR-IN-009', agencies.knpa],
      [kh, 'KH-IN-008', agencies.cnp],
    ] as const) {
      const refused = outcome(set, id, policyInput({ ...receivedBy(recipient), item: source }));
      expect(refused.outcome).toBe('denied');
      expect(refused.decision.allowed).toBe(false);
      const plain = outcome(
        set,
        id,
        policyInput({ ...receivedBy(recipient), item: { kind: 'sighting', categories: [] } }),
      );
      expect(plain.outcome).toBe('not_applicable');
      expect(plain.decision.allowed).toBe(true);
    }
  });

  it('a warrant and a Red Notice reference go under Interpol with its reference (KR-OUT-004), not without one', () => {
    const warrant = {
      kind: 'fugitive' as const,
      categories: ['criminal_record' as const],
      subjectNationalities: ['KR'],
    };
    const interpol = { legalBasis: { kind: 'interpol' as const, reference: 'A-1234/5-2026' } };
    expect(evaluatePolicy([kr], policyInput({ item: warrant, markings: interpol, now })).allowed).toBe(true);
    const bare = evaluatePolicy(
      [kr],
      policyInput({ item: warrant, markings: { legalBasis: { kind: 'police_cooperation' } }, now }),
    );
    expect(bare.explanation).toContain('blocked by KR-OUT-004: ');
  });

  it('a sighting’s source never leaves either country (KR-OUT-003, KH-OUT-003)', () => {
    expect(evaluatePolicy([kr], policyInput({ item: source, now })).explanation).toContain(
      'blocked by KR-OUT-003',
    );
    const fromCnp = policyInput({
      sender: agencies.cnp,
      recipient: agencies.knpa,
      item: source,
      markings: { originAgency: 'CNP' },
      now,
    });
    expect(evaluatePolicy([kh], fromCnp).explanation).toContain('blocked by KH-OUT-003');
  });
});
