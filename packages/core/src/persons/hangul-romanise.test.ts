import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { passportSpelling, romaniseHangulName, syllableVariants } from './hangul-romanise.ts';

describe('Hangul romanisation', () => {
  it('spells 한복남 syllable by syllable as HAN BOKNAM, without sound changes', () => {
    expect(passportSpelling('한복남')).toBe('HAN BOKNAM');
  });

  it('lists the common spellings of the surname 이', () => {
    const [reading] = romaniseHangulName('이영수');
    expect(reading?.surnameSpellings).toEqual(expect.arrayContaining(['I', 'LEE', 'YI', 'RHEE', 'RI']));
  });

  it('lists YOUNGSOO and YEONGSU among the spellings of 영수', () => {
    const [reading] = romaniseHangulName('이영수');
    expect(reading?.givenSpellings[0]).toBe('YEONGSU');
    expect(reading?.givenSpellings).toEqual(expect.arrayContaining(['YOUNGSOO', 'YUNGSU']));
  });

  it.each([
    ['경', 'KYUNG'],
    ['현', 'HYUN'],
    ['준', 'JOON'],
    ['희', 'HEE'],
    ['철', 'CHUL'],
    ['우', 'WOO'],
    ['진', 'CHIN'],
    ['건', 'GUN'],
  ])('gives %s the popular variant %s', (syllable, variant) => {
    expect(syllableVariants(syllable)).toContain(variant);
  });

  it('reads 남궁민 with the double surname 남궁 first', () => {
    const [first, second] = romaniseHangulName('남궁민');
    expect(first?.surname).toBe('남궁');
    expect(first?.surnameSpellings).toEqual(expect.arrayContaining(['NAMGUNG', 'NAMGOONG', 'NAMKUNG']));
    expect(second?.surname).toBe('남');
  });

  it("follows the writer's space between surname and given name", () => {
    expect(romaniseHangulName('선 우진').map((r) => r.surname)).toEqual(['선']);
  });

  it('folds the North Korean surname 리 into the clan 이', () => {
    expect(romaniseHangulName('리영수')[0]?.surnameClan).toBe('이');
  });

  it('always spells a random Hangul syllable string in upper-case ASCII', () => {
    const syllable = fc.integer({ min: 0xac00, max: 0xd7a3 }).map((code) => String.fromCharCode(code));
    fc.assert(
      fc.property(fc.array(syllable, { minLength: 1, maxLength: 5 }), (syllables) => {
        const spelling = passportSpelling(syllables.join(''));
        expect(spelling).toMatch(/^[A-Z]+( [A-Z]+)?$/);
        for (const reading of romaniseHangulName(syllables.join(''))) {
          for (const form of [...reading.surnameSpellings, ...reading.givenSpellings]) {
            expect(form).toMatch(/^[A-Z]+$/);
          }
        }
      }),
    );
  });

  it('spells North Korean names the McCune–Reischauer way too (정 JONG, 설 SOL)', () => {
    expect(syllableVariants('정')).toContain('JONG');
    expect(syllableVariants('설')).toContain('SOL');
    expect(romaniseHangulName('김정은')[0]?.givenSpellings).toContain('JONGUN');
  });
});
