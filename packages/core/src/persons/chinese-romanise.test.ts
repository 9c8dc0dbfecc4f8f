import { describe, expect, it } from 'vitest';
import { romaniseChineseName } from './chinese-romanise.ts';

describe('Chinese romanisation', () => {
  it('spells 张伟 as ZHANG WEI, surname first', () => {
    const reading = romaniseChineseName('张伟');
    expect(reading?.surnameSpellings[0]).toBe('ZHANG');
    expect(reading?.givenSpellings[0]).toBe('WEI');
  });

  it('reads 单 and 曾 with their surname pronunciations', () => {
    expect(romaniseChineseName('单田芳')?.surnameSpellings[0]).toBe('SHAN');
    expect(romaniseChineseName('曾国藩')?.surnameSpellings[0]).toBe('ZENG');
  });

  it('keeps the double surname 欧阳 together', () => {
    expect(romaniseChineseName('欧阳修')).toMatchObject({ surname: '欧阳', given: '修' });
    expect(romaniseChineseName('欧阳修')?.givenSpellings[0]).toBe('XIU');
  });

  it('spells ü as V, U and YU', () => {
    expect(romaniseChineseName('吕布')?.surnameSpellings.slice(0, 3)).toEqual(['LV', 'LU', 'LYU']);
  });

  it('spells Taiwan names in Wade–Giles: 習近平 HSI CHINPING, 張學良 CHANG HSUEHLIANG', () => {
    expect(romaniseChineseName('習近平')).toMatchObject({
      surnameSpellings: expect.arrayContaining(['HSI']),
      givenSpellings: expect.arrayContaining(['CHINPING']),
    });
    expect(romaniseChineseName('張學良')?.givenSpellings).toContain('HSUEHLIANG');
  });

  it('spells Hong Kong names in Cantonese: 陳大文 CHAN TAIMAN, 張學友 CHEUNG HOKYAU', () => {
    expect(romaniseChineseName('陳大文')).toMatchObject({
      surnameSpellings: expect.arrayContaining(['CHAN']),
      givenSpellings: expect.arrayContaining(['TAIMAN']),
    });
    expect(romaniseChineseName('張學友')).toMatchObject({
      surnameSpellings: expect.arrayContaining(['CHEUNG']),
      givenSpellings: expect.arrayContaining(['HOKYAU']),
    });
  });

  it('knows the Hokkien surnames of Southeast Asia: 陈 TAN, 林 LIM, 王 ONG', () => {
    expect(romaniseChineseName('陈伟')?.surnameSpellings).toContain('TAN');
    expect(romaniseChineseName('林明')?.surnameSpellings).toContain('LIM');
    expect(romaniseChineseName('王明')?.surnameSpellings).toContain('ONG');
  });

  it('reads nothing in a name without Han characters', () => {
    expect(romaniseChineseName('Zhang Wei')).toBeUndefined();
  });
});
