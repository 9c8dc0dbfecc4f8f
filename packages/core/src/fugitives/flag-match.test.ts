import { describe, expect, it } from 'vitest';
import { seenFlagKeys, wantedFlagKeys } from './flag-keys.ts';
import { birthDateAgreement, matchWanted, passportNumberKey, type WantedPerson } from './flag-match.ts';

const lee: WantedPerson = {
  id: 'f1',
  names: [
    { value: '이영수', kind: 'primary' },
    { value: 'LEE YOUNGSOO', kind: 'passport' },
  ],
  birthDate: '1985-03-04',
  passportNumber: 'KR:M12345678',
  nationality: 'KR',
};

describe('matchWanted', () => {
  it('flags the passport spelling with the same birth date, naming the Hangul name it met', () => {
    const flag = matchWanted({ names: ['YI YEONGSU'], birthDate: '1985-03-04' }, lee);
    expect(flag?.name).toMatchObject({ seen: 'YI YEONGSU', wantedKind: expect.any(String) });
    expect(flag?.name?.surname).toBe('variant');
    expect(flag?.birthDate).toEqual({ agreement: 'equal', seen: '1985-03-04', wanted: '1985-03-04' });
    expect(flag?.passport).toBeNull();
  });

  it('flags a reordered Latin name with day and month swapped', () => {
    const flag = matchWanted(
      { names: ['Youngsoo Lee'], birthDate: '1985-04-03', nationalities: ['KR'] },
      lee,
    );
    expect(flag?.birthDate?.agreement).toBe('day-month-swapped');
    expect(flag?.nationalities).toEqual(['KR']);
  });

  it('flags an equal passport number whatever the names and country prefix', () => {
    const flag = matchWanted({ names: ['Unknown Man'], passportNumbers: ['XX:M 1234 5678'] }, lee);
    expect(flag?.passport).toEqual({ number: 'M12345678' });
    expect(flag?.name).toBeNull();
  });

  it('does not flag a name alone, another date, or another name on the same date', () => {
    expect(matchWanted({ names: ['LEE YOUNGSOO'] }, lee)).toBeNull();
    expect(matchWanted({ names: ['LEE YOUNGSOO'], birthDate: '1986-03-04' }, lee)).toBeNull();
    expect(matchWanted({ names: ['KIM MINJUN'], birthDate: '1985-03-04' }, lee)).toBeNull();
    expect(matchWanted({ names: ['PARK YOUNGSOO'], birthDate: '1985-03-04' }, lee)).toBeNull();
  });

  it('explains with the person matcher reasons and a score', () => {
    const flag = matchWanted(
      { names: ['이영수'], birthDate: '1985-03-04', passportNumbers: ['KR:M12345678'] },
      lee,
    );
    expect(flag?.name?.surname).toBe('exact');
    expect(flag?.score).toBeGreaterThan(0.85);
    expect(flag?.reasons.map((r) => r.code)).toContain('birth-date-equal');
  });
});

describe('helpers', () => {
  it('reads the passport number without the country', () => {
    expect(passportNumberKey('KR:M12345678')).toBe('M12345678');
    expect(passportNumberKey('m1234-5678')).toBe('M12345678');
  });
  it('tells equal and swapped dates, nothing else', () => {
    expect(birthDateAgreement('1985-03-04', '1985-04-03')).toBe('day-month-swapped');
    expect(birthDateAgreement('1985-03-04', '1985-03-04')).toBe('equal');
    expect(birthDateAgreement('1985-03-04', '1985-03-05')).toBeNull();
    expect(birthDateAgreement('1985', '1985')).toBeNull();
  });
  it('gives a seen person and its wanted record a key in common', () => {
    const wanted = new Set(wantedFlagKeys(lee));
    for (const seen of [
      { names: ['YOUNGSOO LEE'], birthDate: '1985-04-03' },
      { names: ['Yi Yeong-su'] },
      { names: ['nobody'], passportNumbers: ['M12345678'] },
    ])
      expect(seenFlagKeys(seen).some((k) => wanted.has(k))).toBe(true);
  });
});
