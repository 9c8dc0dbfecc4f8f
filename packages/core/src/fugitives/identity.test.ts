import { describe, expect, it } from 'vitest';
import { LiaisonError } from '../errors/catalogue.ts';
import { assertNotDuplicate, findDuplicate, nameKey, nameKeysOf, storedPassportOf } from './identity.ts';

const onFile = [
  {
    id: 'a',
    reference: 'KNPA-F-2026-0001',
    nameKeys: ['한복남', 'boknam han'],
    birthDate: '1988-03-14',
    passportNumber: 'KR:M12345678',
  },
];

describe('fugitive identity', () => {
  it('folds names alike whatever the order, case and hyphens', () => {
    expect(nameKey('HAN Bok-nam')).toBe(nameKey('Boknam Han'));
    expect(nameKey(' HAN  BOKNAM ')).toBe('boknam han');
    expect(nameKey('한복남')).toBe('한복남');
    expect(
      nameKeysOf([
        { value: '한복남', script: 'hangul', kind: 'primary' },
        { value: 'HAN BOKNAM', script: 'latin', kind: 'passport' },
        { value: 'Big Han', script: 'latin', kind: 'alias' },
      ]),
    ).toEqual(['한복남', 'boknam han']);
  });

  it('stores the passport normalised and refuses a number that fails its country format', () => {
    expect(storedPassportOf({ number: 'm 1234 5678', status: 'valid' }, 'KR')).toMatchObject({
      number: 'KR:M12345678',
      status: 'valid',
      statusOn: null,
    });
    expect(() => storedPassportOf({ number: '12345', status: 'valid' }, 'KR')).toThrow(LiaisonError);
  });

  it('finds a duplicate on the passport, or the name and birth date, never on the entry itself', () => {
    const samePassport = { nameKeys: ['someone else'], birthDate: null, passportNumber: 'KR:M12345678' };
    expect(findDuplicate(samePassport, onFile)?.on).toBe('passport');
    const sameName = { nameKeys: ['boknam han'], birthDate: '1988-03-14', passportNumber: null };
    expect(findDuplicate(sameName, onFile)?.on).toBe('name_and_birth_date');
    expect(findDuplicate({ ...sameName, birthDate: '1988-03-15' }, onFile)).toBeNull();
    expect(findDuplicate({ ...samePassport, id: 'a' }, onFile)).toBeNull();
  });

  it('names the existing reference and the field in the refusal', () => {
    try {
      assertNotDuplicate({ nameKeys: ['한복남'], birthDate: '1988-03-14', passportNumber: null }, onFile);
      expect.unreachable();
    } catch (error) {
      const e = error as LiaisonError;
      expect(e.code).toBe('conflict');
      expect(e.message).toContain('KNPA-F-2026-0001');
      expect(e.fields?.[0]?.path).toBe('/names');
    }
  });
});
