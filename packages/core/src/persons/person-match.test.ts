import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PersonFacts } from './person-facts.ts';
import { findPersonCandidates, scorePersonMatch } from './person-match.ts';

const texts = (facts: PersonFacts, other: PersonFacts) =>
  scorePersonMatch(facts, other).reasons.map((r) => r.text);

describe('person match', () => {
  it('explains 이영수 vs LEE YOUNGSOO by surname and given-name variants', () => {
    const match = scorePersonMatch({ names: ['LEE YOUNGSOO'] }, { names: ['이영수'] });
    expect(match.reasons.map((r) => r.text)).toEqual([
      'surname variant Lee/이 (common surname)',
      'given name variant Youngsoo/영수',
      'name only, no distinguishing facts',
    ]);
    expect(match.verdict).toBe('possible');
  });

  it('never calls a match strong on a name alone', () => {
    expect(scorePersonMatch({ names: ['남궁민'] }, { names: ['NAMGOONG MIN'] }).verdict).toBe('possible');
  });

  it('weights a rare surname more than a common one', () => {
    const kim = scorePersonMatch({ names: ['김민'] }, { names: ['KIM MIN'] }).score;
    const hwangbo = scorePersonMatch({ names: ['황보민'] }, { names: ['HWANGBO MIN'] }).score;
    expect(hwangbo).toBeGreaterThan(kim);
  });

  it('calls a name and an equal birth date a strong match', () => {
    const a = { names: ['이영수'], birthDate: '1998-04-12' };
    const b = { names: ['Yi Yeong-su'], birthDate: '1998-04-12' };
    expect(scorePersonMatch(a, b).verdict).toBe('strong');
    expect(texts(a, b)).toContain('birth date equal 1998-04-12');
  });

  it('flags a differing birth date as a conflict when an identifier says same person', () => {
    const match = scorePersonMatch(
      { names: ['이영수'], birthDate: '1998-04-12', phones: ['+821012345678'] },
      { names: ['LEE YOUNGSOO'], birthDate: '1989-11-30', phones: ['+821012345678'] },
    );
    expect(match.verdict).toBe('conflict');
    expect(match.reasons.find((r) => r.factor === 'birth-date')?.effect).toBeLessThan(-3);
  });

  it('forgives a day/month swap in the birth date', () => {
    const match = scorePersonMatch(
      { names: ['Dara SOK'], birthDate: '1995-03-04' },
      { names: ['SOK Dara'], birthDate: '1995-04-03' },
    );
    expect(match.verdict).not.toBe('conflict');
  });

  it('calls an identical passport strong evidence', () => {
    const match = scorePersonMatch(
      { names: ['Kim Minjun'], passports: ['KR:M12345678'] },
      { names: ['김민준'], passports: ['KR:M12345678'] },
    );
    expect(match.verdict).toBe('strong');
    expect(match.reasons.map((r) => r.text)).toContain('passport equal KR:M12345678');
  });

  it('counts a different passport of the same country against, without calling it a conflict', () => {
    const a = { names: ['Kim Minjun'], passports: ['KR:M12345678'] };
    const b = { names: ['김민준'], passports: ['KR:M87654321'] };
    const withoutPassports = scorePersonMatch({ names: a.names }, { names: b.names });
    const match = scorePersonMatch(a, b);
    expect(match.score).toBeLessThan(withoutPassports.score);
    expect(match.verdict).not.toBe('conflict');
    expect(texts(a, b)).toContain('passport differs (KR)');
  });

  it('counts an equal phone for, a different phone not at all', () => {
    const equal = scorePersonMatch(
      { names: ['Dara Sok'], phones: ['+85512345678'] },
      { names: ['សុខ ដារា'], phones: ['+85512345678'] },
    );
    const differ = scorePersonMatch(
      { names: ['Dara Sok'], phones: ['+85512345678'] },
      { names: ['សុខ ដារា'], phones: ['+85599999999'] },
    );
    const none = scorePersonMatch({ names: ['Dara Sok'] }, { names: ['សុខ ដារា'] });
    expect(equal.verdict).toBe('strong');
    expect(differ.score).toBe(none.score);
  });

  it('flags differing sexes as a conflict when an identifier says same person', () => {
    const match = scorePersonMatch(
      { names: ['Park Jisung'], sex: 'M', birthDate: '1990-01-01', passports: ['KR:M12345678'] },
      { names: ['박지성'], sex: 'F', birthDate: '1990-01-01', passports: ['KR:M12345678'] },
    );
    expect(match.verdict).toBe('conflict');
  });

  it('calls different people with the same surname weak', () => {
    expect(scorePersonMatch({ names: ['김민준'] }, { names: ['KIM SEOYEON'] }).verdict).toBe('weak');
  });

  it('ranks the pool and drops the unlikely', () => {
    const pool = [
      { names: ['KIM SEOYEON'] },
      { names: ['Youngsoo Lee'], birthDate: '1998-04-12' },
      { names: ['LEE YOUNGSOO'] },
      { names: ['Lee Youngsoo'], birthDate: '1970-01-01' },
    ];
    const found = findPersonCandidates({ names: ['이영수'], birthDate: '1998-04-12' }, pool, { limit: 5 });
    // The namesake born in 1970 is not a conflict to resolve but another person: it is not listed.
    expect(found.map((c) => c.index)).toEqual([1, 2]);
    expect(findPersonCandidates({ names: ['이영수'] }, pool, { limit: 1 })).toHaveLength(1);
  });

  const persons: fc.Arbitrary<PersonFacts> = fc.record(
    {
      names: fc.array(
        fc.oneof(
          fc.constantFrom(
            '이영수',
            'LEE YOUNGSOO',
            'Kim Minjun',
            '김민준',
            'សុខ ដារា',
            'Dara SOK',
            '张伟',
            'Wei Zhang',
          ),
          fc.string({ maxLength: 12 }),
        ),
        { maxLength: 3 },
      ),
      birthDate: fc.constantFrom('1990-01-02', '1990-02-01', '1991-05-05', '1990'),
      sex: fc.constantFrom('M' as const, 'F' as const, 'X' as const),
      nationalities: fc.array(fc.constantFrom('KR', 'KH', 'CN'), { maxLength: 2 }),
      passports: fc.array(fc.constantFrom('KR:M1', 'KR:M2', 'KH:N1'), { maxLength: 2 }),
      phones: fc.array(fc.constantFrom('+821012345678', '+85512345678'), { maxLength: 2 }),
      otherIdentifiers: fc.array(fc.constantFrom('tg:boss', 'id:1'), { maxLength: 1 }),
    },
    { requiredKeys: ['names'] },
  );

  it('is symmetric and stays within 0..1', () => {
    fc.assert(
      fc.property(persons, persons, (a, b) => {
        const ab = scorePersonMatch(a, b);
        const ba = scorePersonMatch(b, a);
        expect(ab.score).toBe(ba.score);
        expect(ab.verdict).toBe(ba.verdict);
        expect(ab.score).toBeGreaterThanOrEqual(0);
        expect(ab.score).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });
});
