import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseName, detectScript, nameKeys } from './name-keys.ts';

const shareKey = (a: string, b: string): boolean => {
  const right = nameKeys(b);
  return [...nameKeys(a)].some((key) => right.has(key));
};

describe('name keys', () => {
  it('detects the script of a name', () => {
    expect(['이영수', 'សុខ ដារា', '张伟', 'Lee Youngsoo'].map(detectScript)).toEqual([
      'hangul',
      'khmer',
      'han',
      'latin',
    ]);
  });

  it('gives 이영수 the spelled keys LEE YOUNGSOO and YI YEONGSU', () => {
    expect([...nameKeys('이영수')]).toEqual(expect.arrayContaining(['LEE YOUNGSOO', 'YI YEONGSU']));
  });

  it('matches 이영수 to LEE YOUNGSOO', () => {
    expect(shareKey('이영수', 'LEE YOUNGSOO')).toBe(true);
  });

  it('matches Lee Youngsoo to Yi Yeongsu by sound key', () => {
    expect(nameKeys('Lee Youngsoo')).toContain('~이 YUNGSU');
    expect(shareKey('Lee Youngsoo', 'Yi Yeongsu')).toBe(true);
  });

  it('matches a flipped Latin name to its Hangul original', () => {
    expect(shareKey('Youngsoo LEE', '이영수')).toBe(true);
  });

  it.each([
    ['박지성', 'PARK JISUNG'],
    ['최정훈', 'Choi Jung-hoon'],
    ['정은희', 'Chung Eunhee'],
    ['남궁민', 'Namkung Min'],
    ['안현우', 'AHN HYUNWOO'],
  ])('matches %s to %s', (hangul, latin) => {
    expect(shareKey(hangul, latin)).toBe(true);
  });

  it('keeps different given names apart', () => {
    expect(shareKey('이영수', 'LEE MINJUN')).toBe(false);
  });

  it('matches 张伟 to Wei Zhang', () => {
    expect(shareKey('张伟', 'Wei Zhang')).toBe(true);
  });

  it('reads a Khmer name in both orders', () => {
    const readings = analyseName('សុខ ដារា').readings.map((r) => r.surname.spellings[0]);
    expect(readings).toEqual(['SOK', 'DAREA']);
  });

  it('gives unreadable text no keys', () => {
    expect(nameKeys('—— 123 !!')).toEqual(new Set());
  });

  it('never throws on arbitrary Unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (text) => {
        expect(nameKeys(text)).toBeInstanceOf(Set);
      }),
      { numRuns: 300 },
    );
  });
});
