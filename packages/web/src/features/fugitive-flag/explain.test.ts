import { describe, expect, it } from 'vitest';
import { explanationLines } from './explain.ts';

describe('explanationLines', () => {
  it('orders passport, names, date, nationality and tells a variant from an exact name', () => {
    const lines = explanationLines({
      name: {
        seen: 'YOUNGSOO LEE',
        wanted: '이영수',
        wantedKind: 'primary',
        surname: 'variant',
        given: 'variant',
      },
      birthDate: { agreement: 'day-month-swapped', seen: '1984-04-03', wanted: '1984-03-04' },
      passport: { number: 'M70001234' },
      nationalities: ['KR'],
      score: 0.97,
      reasons: [],
    });
    expect(lines.map((l) => l.key)).toEqual([
      'why.passport',
      'why.nameVariant',
      'why.dateSwapped',
      'why.nationality',
    ]);
    expect(lines[1]?.values).toEqual({ seen: 'YOUNGSOO LEE', wanted: '이영수', kind: 'primary' });
  });
  it('says an exact name and an equal date', () => {
    const lines = explanationLines({
      name: {
        seen: 'LEE YOUNGSOO',
        wanted: 'LEE YOUNGSOO',
        wantedKind: 'passport',
        surname: 'exact',
        given: 'exact',
      },
      birthDate: { agreement: 'equal', seen: '1984-03-04', wanted: '1984-03-04' },
      passport: null,
      nationalities: [],
      score: 0.9,
      reasons: [],
    });
    expect(lines.map((l) => l.key)).toEqual(['why.nameExact', 'why.dateEqual']);
  });
});
