import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isProposed, scorePersonMatch } from './person-match.ts';
import { consonantSkeleton } from './phonetic-key.ts';
import { romaniseThaiWord } from './thai-romanise.ts';

const skeletons = (word: string) => romaniseThaiWord(word).map(consonantSkeleton);

describe('Thai romanisation', () => {
  it.each([
    // Silent letters under ์ left out (RTGS), finals by their sound, the popular -ORN, the Pali–Sanskrit -TRA.
    ['รัตนพันธ์', 'RATTANAPHAN'],
    ['รัตนพันธ์', 'RATANAPAN'],
    ['สมศักดิ์', 'SOMSAK'],
    ['สมศักดิ์', 'SOMSAKDI'],
    ['ธนากร', 'THANAKON'],
    ['ธนากร', 'THANAKORN'],
    ['ศิริพร', 'SIRIPHON'],
    ['ศิริพร', 'SIRIPORN'],
    ['ชินวัตร', 'SHINAWATRA'],
    ['ชินวัตร', 'CHINNAWAT'],
    ['จันทร์โอชา', 'CHANOCHA'],
    ['ยิ่งลักษณ์', 'YINGLUCK'],
  ])('spells %s with the consonants of %s', (thai, latin) => {
    expect(skeletons(thai)).toContain(consonantSkeleton(latin));
  });

  it('keeps the letter-by-letter spelling among the spoken ones', () => {
    expect(romaniseThaiWord('รัตนพันธ์')).toContain('RATNPHANTH');
    expect(romaniseThaiWord('รัตนพันธ์')[0]).toBe('RATNPHAN');
  });

  it('matches a Thai name with its Latin spellings, and not with another name', () => {
    const same = (a: string, b: string) => isProposed(scorePersonMatch({ names: [a] }, { names: [b] }));
    expect(same('ทักษิณ ชินวัตร', 'Thaksin Shinawatra')).toBe(true);
    expect(same('ธนากร รัตนพันธ์', 'RATTANAPHAN Thanakorn')).toBe(true);
    expect(same('ศิริพร ชินวัตร', 'SIRIPORN SHINAWATRA')).toBe(true);
    expect(same('ธนากร รัตนพันธ์', 'SOMCHAI RATTANAPHAN')).toBe(false);
  });

  const thaiLetter = fc.constantFrom(...'กขคงจชซญณดตถทธนบปผพฟภมยรลวศษสหอฮะัาำิีึืุูเแโใไ่้๊๋์'.split(''));
  it('gives upper-case ASCII spellings, at most ten, without error, for any Thai text', () => {
    fc.assert(
      fc.property(fc.array(thaiLetter, { minLength: 1, maxLength: 12 }), (letters) => {
        const spellings = romaniseThaiWord(letters.join(''));
        expect(spellings.length).toBeLessThanOrEqual(10);
        for (const spelling of spellings) expect(spelling).toMatch(/^[A-Z]+$/);
        expect(new Set(spellings).size).toBe(spellings.length);
      }),
    );
  });

  it('is the same for text in NFC and NFD', () => {
    fc.assert(
      fc.property(fc.array(thaiLetter, { minLength: 1, maxLength: 12 }), (letters) => {
        const word = letters.join('');
        expect(romaniseThaiWord(word.normalize('NFD'))).toEqual(romaniseThaiWord(word.normalize('NFC')));
      }),
    );
  });
});
