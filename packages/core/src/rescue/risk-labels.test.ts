import { describe, expect, it } from 'vitest';
import { assessRisk, riskIndicators } from './risk.ts';
import { riskReasonCode, riskReasonLabels, riskReasonText } from './risk-labels.ts';

describe('risk reasons in every language', () => {
  it('every reason assessRisk can give (all 512 sets of indicators) has a code whose English is its text', () => {
    const unknown = new Set<string>();
    for (let mask = 0; mask < 1 << riskIndicators.length; mask++) {
      const present = riskIndicators.filter((_, i) => mask & (1 << i));
      for (const reason of assessRisk(present).reasons) {
        const code = riskReasonCode(reason);
        if (!code || riskReasonLabels[code].en !== reason.text) unknown.add(reason.text);
      }
    }
    expect([...unknown]).toEqual([]);
  });

  it('reads a combination in Korean and keeps an unknown text as written', () => {
    const [, , combination] = assessRisk(['violence', 'medical_need']).reasons;
    expect(riskReasonText(combination!, 'ko')).toBe('폭력과 치료 필요가 함께 있음: 긴급');
    expect(riskReasonText({ indicator: 'combination', text: 'Older wording' }, 'km')).toBe('Older wording');
  });
});
