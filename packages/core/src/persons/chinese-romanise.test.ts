import { describe, expect, it } from 'vitest';
import { romaniseChineseName } from './chinese-romanise.ts';

describe('Chinese romanisation', () => {
  it('spells 张伟 as ZHANG WEI, surname first', () => {
    expect(romaniseChineseName('张伟')).toMatchObject({
      surnameSpellings: ['ZHANG'],
      givenSpellings: ['WEI'],
    });
  });

  it('reads 单 and 曾 with their surname pronunciations', () => {
    expect(romaniseChineseName('单田芳')?.surnameSpellings).toEqual(['SHAN']);
    expect(romaniseChineseName('曾国藩')?.surnameSpellings).toEqual(['ZENG']);
  });

  it('keeps the double surname 欧阳 together', () => {
    expect(romaniseChineseName('欧阳修')).toMatchObject({ surname: '欧阳', givenSpellings: ['XIU'] });
  });

  it('spells ü as V, U and YU', () => {
    expect(romaniseChineseName('吕布')?.surnameSpellings).toEqual(['LV', 'LU', 'LYU']);
  });

  it('reads nothing in a name without Han characters', () => {
    expect(romaniseChineseName('Zhang Wei')).toBeUndefined();
  });
});
