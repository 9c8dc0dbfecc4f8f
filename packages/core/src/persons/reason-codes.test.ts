import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PersonFacts } from './person-facts.ts';
import { scorePersonMatch } from './person-match.ts';
import { isMatchReasonCode, MATCH_REASON_CODES, MATCH_REASON_PARAMS } from './reason-codes.ts';

const seen = new Set<string>();

function expectKnown(a: PersonFacts, b: PersonFacts): void {
  for (const reason of scorePersonMatch(a, b).reasons) {
    expect(isMatchReasonCode(reason.code), reason.code).toBe(true);
    if (!isMatchReasonCode(reason.code)) continue;
    seen.add(reason.code);
    expect(Object.keys(reason.params ?? {}).sort()).toEqual([...MATCH_REASON_PARAMS[reason.code]].sort());
  }
}

describe('match reason codes', () => {
  it('lists every code the scorer gives, with the params it gives', () => {
    const pairs: [PersonFacts, PersonFacts][] = [
      [{ names: ['SOK DARA'] }, { names: ['Dara Sok'] }],
      [
        { names: ['KIM MINJUN'], sex: 'M' },
        { names: ['GIM MIN JUN'], sex: 'F' },
      ],
      [{ names: ['Yusuf NASIR'] }, { names: ['Youssef NASSER'] }],
      [{ names: ['Andrew Walker'] }, { names: ['Ansrew Walkr'] }],
      [{ names: ['SOK DARA'] }, { names: ['CHEA VISAL'] }],
      [{ names: ['SOK DARA'] }, { names: ['CHEA DARA'] }],
      [{ names: ['Angela Dorothea Merkel'] }, { names: ['Angela Merkel'] }],
      [{ names: ['박민수'] }, { names: ['PARK MINSU'] }],
      [
        { names: ['SOK DARA'], sex: 'M' },
        { names: ['SOK VISAL'], sex: 'M' },
      ],
      [{ names: ['HUNN RATANA'] }, { names: ['Hun Ratana'] }],
      [{ names: ['Walker, Andrew'] }, { names: ['Walkre, Andrew'] }],
      [{ names: ['PARK MINSU'] }, { names: ['PRAK MINSU'] }],
    ];
    const dates = [
      '1985-03-14',
      '1985-14-03',
      '1985-03-15',
      '1985-07-01',
      '1990-03-14',
      '1985',
      '1986',
      '1995',
    ];
    for (const birthDate of dates)
      pairs.push([
        { names: ['LEE YOUNGSOO'], birthDate: '1985-03-14' },
        { names: ['Yi Yeongsu'], birthDate },
      ]);
    pairs.push([
      { names: ['X'], birthDate: '1985' },
      { names: ['X'], birthDate: '1986' },
    ]);
    pairs.push([
      { names: ['X'], birthDate: '1985' },
      { names: ['X'], birthDate: '1970' },
    ]);
    pairs.push([
      {
        names: ['A B'],
        nationalities: ['KR'],
        passports: ['KR:M1'],
        phones: ['+1'],
        otherIdentifiers: ['i'],
      },
      {
        names: ['A B'],
        nationalities: ['KR'],
        passports: ['KR:M1'],
        phones: ['+1'],
        otherIdentifiers: ['i'],
      },
    ]);
    pairs.push([
      { names: ['A B'], nationalities: ['KR'], passports: ['KR:M1'] },
      { names: ['A B'], nationalities: ['KH'], passports: ['KR:M2'] },
    ]);
    for (const [a, b] of pairs) expectKnown(a, b);
    const frequencies = { persons: 100, count: () => 10 };
    for (const reason of scorePersonMatch(
      { names: ['KIM MINJUN'] },
      { names: ['KIM MINJUN'] },
      { frequencies },
    ).reasons)
      seen.add(reason.code);
    // Every listed code is one the scorer gives: none is left over from an older scorer.
    expect(MATCH_REASON_CODES.filter((code) => !seen.has(code))).toEqual([]);
  });

  const facts = fc.record(
    {
      names: fc.array(fc.constantFrom('SOK DARA', 'Dara Sok', 'KIM MIN JUN', '김민준', 'Nasser', 'X', ''), {
        minLength: 1,
        maxLength: 2,
      }),
      birthDate: fc.constantFrom('1985-03-14', '1985-14-03', '1985', '1990-01-01'),
      sex: fc.constantFrom('M', 'F', 'X'),
      nationalities: fc.array(fc.constantFrom('KR', 'KH'), { maxLength: 2 }),
      passports: fc.array(fc.constantFrom('KR:M1', 'KR:M2', 'KH:N1'), { maxLength: 2 }),
    },
    { requiredKeys: ['names'] },
  );
  it('gives only listed codes with their listed params, for any facts', () => {
    fc.assert(fc.property(facts, facts, (a, b) => expectKnown(a as PersonFacts, b as PersonFacts)));
  });
});
