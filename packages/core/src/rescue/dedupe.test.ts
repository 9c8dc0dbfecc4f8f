import { describe, expect, it } from 'vitest';
import { latinNameKey, passportKey, phoneKey, reportFingerprints, sharedFingerprints } from './dedupe.ts';

describe('dedupe keys', () => {
  it.each([
    ['+821012345678', '821012345678'],
    ['01012345678', '821012345678'],
    ['010-1234-5678', '821012345678'],
    ['+82 010 1234 5678', '821012345678'],
    ['0082 10 1234 5678', '821012345678'],
    ['012 345 678', '85512345678'],
    ['+855 12 345 678', '85512345678'],
    ['0855 12 345 678', '85512345678'],
    ['+855 012 345 678', '85512345678'],
  ])('reads the phone %s as %s', (raw, key) => {
    expect(phoneKey(raw)).toBe(key);
  });

  it('upper-cases a passport number and drops spaces', () => {
    expect(passportKey(' m12 345 678 ')).toBe('M12345678');
  });

  it('gives the same Latin key whatever the order and case of the names', () => {
    expect(latinNameKey('Boknam Han')).toBe(latinNameKey('HAN, BOKNAM'));
  });
});

describe('reportFingerprints', () => {
  it('finds the same person reported by the family and by the embassy', () => {
    const family = reportFingerprints({
      person: { namesHangul: ['한복남'], namesLatin: ['Han Boknam'], phone: '010-1234-5678' },
    });
    const embassy = reportFingerprints({
      person: { namesLatin: ['BOKNAM HAN'], passportNumber: 'M12345678', phone: '+82 10 1234 5678' },
    });
    expect(sharedFingerprints(family, embassy).map((f) => f.kind)).toEqual(['phone', 'name_latin']);
  });

  it('lists each key once', () => {
    const keys = reportFingerprints({
      person: { namesLatin: ['Kim Minsu', 'MINSU KIM'], birthDate: '2001-05-05' },
    });
    expect(keys).toEqual([
      { kind: 'birth_date', key: '2001-05-05' },
      { kind: 'name_latin', key: 'KIM MINSU' },
    ]);
  });
});
