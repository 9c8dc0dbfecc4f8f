// The failure classes of person matching found on labelled data (issue 15), one pinned case each, and bad
// input scored without errors and never strong on names alone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countNameFrequencies } from './name-frequency.ts';
import type { PersonFacts } from './person-facts.ts';
import { isProposed, scorePersonMatch } from './person-match.ts';

const proposed = (a: PersonFacts, b: PersonFacts) => isProposed(scorePersonMatch(a, b));
const names = (a: string, b: string) => proposed({ names: [a] }, { names: [b] });
const codes = (a: PersonFacts, b: PersonFacts) => scorePersonMatch(a, b).reasons.map((r) => r.code);

describe('person match: failure classes', () => {
  it('does not propose two names sharing one part when the other clearly differs', () => {
    expect(names('SOK DARA', 'CHEA DARA')).toBe(false);
    expect(names('John Smith', 'John Miller')).toBe(false);
    const match = scorePersonMatch({ names: ['SOK DARA'] }, { names: ['SOK VISAL'] });
    expect(match.reasons.find((r) => r.code === 'given-differs')?.params).toEqual({ a: 'Dara', b: 'Visal' });
  });

  it('says a name-only pair has no distinguishing facts, and counts namesakes against it', () => {
    const a = { names: ['김민준'] };
    const b = { names: ['KIM MIN-JUN'] };
    expect(codes(a, b)).toContain('name-only');
    expect(scorePersonMatch(a, b).verdict).not.toBe('strong');
    const node = [['김민준'], ['KIM MIN-JUN'], ['Kim Minjun'], ['김민준'], ['MINJUN KIM']];
    const frequencies = countNameFrequencies(node);
    const withNamesakes = scorePersonMatch(a, b, { frequencies });
    expect(withNamesakes.reasons.find((r) => r.code === 'namesakes')?.params).toEqual({ count: '3' });
    expect(isProposed(withNamesakes)).toBe(false);
    // An equal birth date still tells them apart from the namesakes.
    const dated = scorePersonMatch(
      { ...a, birthDate: '1990-05-05' },
      { ...b, birthDate: '1990-05-05' },
      { frequencies },
    );
    expect(isProposed(dated)).toBe(true);
  });

  it('costs a one-digit or day/month slip of the birth date little, a different year a lot', () => {
    const base = { names: ['Dara SOK'], birthDate: '1985-03-14' };
    const score = (birthDate: string) => scorePersonMatch(base, { names: ['SOK Dara'], birthDate }).score;
    expect(score('1985-03-14')).toBeGreaterThan(score('1985-03-15'));
    expect(score('1985-03-15')).toBeGreaterThan(0.6);
    expect(score('1985-14-03')).toBeGreaterThan(0.6);
    expect(score('1985-03-41')).toBeGreaterThan(0.6);
    expect(score('1971-08-02')).toBeLessThan(0.2);
  });

  it('compares Hangul with Hangul by jamo: 이재명 is not 이재형, but is 이 재명', () => {
    expect(names('이재명', '이재형')).toBe(false);
    expect(names('이재명', '이 재명')).toBe(true);
  });

  it('aligns Latin spacing, hyphens, glued forms and middle names', () => {
    expect(names('VladimirPutin', 'PUTIN, Vladimir')).toBe(true);
    expect(names('Jean-Pierre DUPONT', 'JEAN PIERRE DUPONT')).toBe(true);
    expect(names('Angela Dorothea Merkel', 'MERKEL, Angela')).toBe(true);
    expect(codes({ names: ['Angela Dorothea Merkel'] }, { names: ['MERKEL, Angela'] })).toContain(
      'middle-name-one-side',
    );
  });

  it('allows a slip in a part under four letters, as a doubt that a birth date outweighs', () => {
    const a = { names: ['Thomas, Ben'], birthDate: '1974-01-07' };
    const b = { names: ['Thomas, Bem'], birthDate: '1974-01-07' };
    expect(codes(a, b)).toContain('given-similar');
    expect(proposed(a, b)).toBe(true);
    expect(names('Thomas, Ben', 'Thomas, Bem')).toBe(false);
  });

  it('reads Chinese names in Wade–Giles and Cantonese', () => {
    expect(names('張學良', 'CHANG HSUEH-LIANG')).toBe(true);
    expect(names('陳大文', 'CHAN TAI MAN')).toBe(true);
    expect(names('張學友', 'CHEUNG HOK YAU')).toBe(true);
  });

  it('reads other scripts through transliteration', () => {
    expect(names('Владимир Путин', 'Vladimir PUTIN')).toBe(true);
    expect(names('Nguyễn Văn An', 'NGUYEN VAN AN')).toBe(true);
    expect(names('حسين منصور', 'Hussein MANSUR')).toBe(true);
    expect(names('Владимир Путин', 'Boris Yeltsin')).toBe(false);
  });

  it('calls no conflict when the given names differ, whatever the identifiers', () => {
    const a = { names: ['SOK DARA'], birthDate: '1980-01-01', phones: ['+85512345678'] };
    const b = { names: ['SOK VISAL'], birthDate: '1992-06-30', phones: ['+85512345678'] };
    expect(scorePersonMatch(a, b).verdict).not.toBe('conflict');
  });

  it('weighs a surname by how common it is among the node’s own persons', () => {
    const a = { names: ['HWANG MINSU'] };
    const b = { names: ['황민수'] };
    const rare = scorePersonMatch(a, b, { frequencies: countNameFrequencies([['HWANG MINSU'], ['황민수']]) });
    const hwangs = Array.from({ length: 400 }, (_, i) => [`HWANG ${['JIWON', 'SEOYEON', 'HAJUN'][i % 3]}`]);
    const common = scorePersonMatch(a, b, {
      frequencies: countNameFrequencies([...hwangs, ['HWANG MINSU']]),
    });
    const surname = (m: typeof rare) => m.reasons.find((r) => r.factor === 'surname')?.effect ?? 0;
    expect(surname(common)).toBeLessThan(surname(rare));
    expect(common.reasons.find((r) => r.factor === 'surname')?.code).toBe('surname-variant-common');
  });
});

describe('person match: bad input', () => {
  const odd = fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.constantFrom(
      '',
      ' ',
      'A',
      '김',
      'ក',
      '\u200b',
      '\u200bKIM\u200d MINSU\u200c',
      'KIM 민수',
      'សុខ Dara 张伟',
      'Jose\u0301 Garci\u0301a',
      'e\u0301\u0301\u0301\u0301',
      '\u202eKIM',
      '٠١٢',
      'Владимир Putin',
      'A B C D E F G H I J K',
      '-',
      ',',
    ),
  );
  const absurdDate = fc.oneof(
    fc.constantFrom('0000-00-00', '9999-99-99', '1990-13-45', '1990-02-30', '12345', 'yesterday', '', '1990'),
    fc.string({ maxLength: 10 }),
  );
  const person = fc.record(
    {
      names: fc.array(odd, { maxLength: 4 }),
      birthDate: absurdDate,
      sex: fc.constantFrom('M' as const, 'F' as const, 'X' as const),
    },
    { requiredKeys: ['names'] },
  );

  it('scores odd names and dates without errors, within 0..1, never strong on names alone', () => {
    fc.assert(
      fc.property(person, person, (a, b) => {
        const match = scorePersonMatch(a, b);
        expect(match.score).toBeGreaterThanOrEqual(0);
        expect(match.score).toBeLessThanOrEqual(1);
        expect(Number.isFinite(match.score)).toBe(true);
        const namesOnly = scorePersonMatch({ names: a.names }, { names: b.names });
        expect(namesOnly.verdict).not.toBe('strong');
        expect(namesOnly.verdict).not.toBe('conflict');
        for (const reason of match.reasons) expect(reason.code).toMatch(/^[a-z-]+$/);
      }),
      { numRuns: 400 },
    );
  });

  it('never proposes a name of one letter or of nothing but marks on names alone', () => {
    for (const [a, b] of [
      ['A', 'A'],
      ['\u200b', '\u200b'],
      ['e\u0301', 'e\u0301'],
      ['김', '김'],
      ['', ''],
    ] as const) {
      expect(scorePersonMatch({ names: [a] }, { names: [b] }).verdict).not.toBe('strong');
    }
    expect(names('A', 'B')).toBe(false);
  });
});
