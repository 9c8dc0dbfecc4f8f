import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LiaisonError } from '../errors/catalogue.ts';
import { applyRiskOverride, assessRisk, type RiskIndicator, riskIndicators, riskRank } from './risk.ts';

describe('assessRisk', () => {
  it.each<[string, RiskIndicator[], string]>([
    ['a minor makes the risk critical', ['minor'], 'critical'],
    ['a risk of self-harm makes the risk critical', ['self_harm_risk'], 'critical'],
    ['violence with a medical need is critical', ['violence', 'medical_need'], 'critical'],
    [
      'a threat of resale with weapons is critical',
      ['threat_of_resale_or_transfer', 'weapons_seen'],
      'critical',
    ],
    ['violence with confinement is high', ['violence', 'confinement_confirmed'], 'high'],
    ['a ransom demand alone is medium', ['ransom_demand'], 'medium'],
    ['no indicator is low', [], 'low'],
  ])('%s', (_name, indicators, level) => {
    expect(assessRisk(indicators).level).toBe(level);
  });

  it('gives a reason for every indicator and for a critical combination', () => {
    const { reasons } = assessRisk(['medical_need', 'violence']);
    expect(reasons.map((r) => r.indicator)).toEqual(['violence', 'medical_need', 'combination']);
    expect(reasons.every((r) => r.text.length > 0)).toBe(true);
  });

  it('counts a repeated indicator once', () => {
    expect(assessRisk(['ransom_demand', 'ransom_demand', 'ransom_demand'])).toEqual(
      assessRisk(['ransom_demand']),
    );
  });

  it('never lowers the level when an indicator is added', () => {
    const indicators = fc.subarray([...riskIndicators]);
    fc.assert(
      fc.property(indicators, fc.constantFrom(...riskIndicators), (some, extra) => {
        const before = riskRank(assessRisk(some).level);
        const afterAdding = riskRank(assessRisk([...some, extra]).level);
        expect(afterAdding).toBeLessThanOrEqual(before);
      }),
    );
  });
});

describe('applyRiskOverride', () => {
  it('keeps the assessment beside the override', () => {
    const assessed = assessRisk(['ransom_demand']);
    const decision = applyRiskOverride(assessed, {
      level: 'critical',
      reason: 'Attaché reports a transfer tonight',
      by: 'officer-7',
    });
    expect(decision.level).toBe('critical');
    expect(decision.assessed.level).toBe('medium');
    expect(decision.override?.by).toBe('officer-7');
  });

  it('rejects an override without a real reason', () => {
    const assessed = assessRisk([]);
    expect(() => applyRiskOverride(assessed, { level: 'low', reason: 'ok  ', by: 'officer-7' })).toThrowError(
      LiaisonError,
    );
  });
});
