import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldLatin, latinNameKeys, latinNameTokens } from './latin-name.ts';

describe('Latin names', () => {
  it('strips diacritics and upper-cases', () => {
    expect(foldLatin('Nguyễn Văn Đức')).toBe('NGUYEN VAN DUC');
  });

  it('treats Bok-Nam and BokNam as one given name', () => {
    expect(latinNameKeys('Han Bok-Nam')).toEqual(latinNameKeys('HAN BOKNAM'));
  });

  it('gives Bok Nam written apart a key in common with Bok-Nam', () => {
    const apart = latinNameKeys('Han Bok Nam');
    expect([...latinNameKeys('Han Bok-Nam')].some((key) => apart.has(key))).toBe(true);
  });

  it('treats Dara SOK and SOK Dara as the same name', () => {
    expect(latinNameKeys('Dara SOK')).toEqual(latinNameKeys('SOK Dara'));
  });

  it('reads "SURNAME, Given" with the surname first', () => {
    expect(latinNameTokens('HAN, Bok-Nam')).toEqual(['HAN', 'BOKNAM']);
    expect(latinNameKeys('HAN, Bok-Nam')).toEqual(latinNameKeys('Bok-Nam Han'));
  });

  it('drops honorifics', () => {
    expect(latinNameTokens('Mr. Kim Minjun')).toEqual(['KIM', 'MINJUN']);
  });

  const word = fc.stringMatching(/^[A-Za-z]{1,8}$/);

  it('keeps keys unchanged when the surname moves from the front to the back', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), (words) => {
        const moved = [...words.slice(1), words[0]];
        expect(latinNameKeys(moved.join(' '))).toEqual(latinNameKeys(words.join(' ')));
      }),
    );
  });

  it('keeps keys unchanged by case and by hyphens inside given names', () => {
    fc.assert(
      fc.property(word, fc.array(word, { minLength: 1, maxLength: 3 }), (surname, given) => {
        const plain = latinNameKeys(`${surname} ${given.join('')}`);
        expect(latinNameKeys(`${surname.toLowerCase()} ${given.join('-').toUpperCase()}`)).toEqual(plain);
      }),
    );
  });
});
