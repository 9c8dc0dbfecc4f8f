import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseNationalId } from './national-id.ts';
import { normalisePassport } from './passport.ts';

describe('normalisePassport', () => {
  it.each([
    ['M12345678', 'KR', 'KR:M12345678'],
    ['m 123 a4567', 'KR', 'KR:M123A4567'],
    ['KR:M12345678', undefined, 'KR:M12345678'],
    ['KOR M12345678', undefined, 'KR:M12345678'],
    ['M12345678 (KR)', undefined, 'KR:M12345678'],
    ['N1234567', 'KH', 'KH:N1234567'],
    ['N01234567', 'KHM', 'KH:N01234567'],
    ['EA1234567', 'CN', 'CN:EA1234567'],
  ])('reads %s (country %s) as %s', (raw, defaultCountry, value) => {
    expect(normalisePassport(raw, { defaultCountry })).toMatchObject({ valid: true, value });
  });

  it('never guesses the country from the shape of the number', () => {
    expect(normalisePassport('M12345678')).toMatchObject({ valid: true, value: 'XX:M12345678' });
  });

  it.each([
    [
      'X12345678',
      'KR',
      'Korean passport number must be M, S, R, O or D followed by 8 digits, or like M123A4567',
    ],
    [
      'M1234567',
      'KR',
      'Korean passport number must be M, S, R, O or D followed by 8 digits, or like M123A4567',
    ],
    ['123456789', 'KH', 'Cambodian passport number must be a letter followed by 7 or 8 digits'],
    ['AB12', undefined, 'passport number must be 6–12 letters and digits'],
    ['M1234#5678', 'KR', 'passport number may hold only letters and digits'],
  ])('rejects %s (country %s)', (raw, defaultCountry, problem) => {
    expect(normalisePassport(raw, { defaultCountry })).toMatchObject({ valid: false, raw, problem });
  });
});

describe('normaliseNationalId', () => {
  it('reads a Korean resident registration number and flags the country as guessed', () => {
    expect(normaliseNationalId('900101-1234567')).toMatchObject({
      valid: true,
      value: 'KR:9001011234567',
      display: 'KR 900101-1234567',
      details: { countryGuessed: 'true' },
    });
  });

  it('rejects a Korean number that does not start with a real date', () => {
    expect(normaliseNationalId('901301-1234567', { defaultCountry: 'KR' }).problem).toBe(
      'Korean resident registration number does not start with a real birth date',
    );
  });

  it('reads a Cambodian ID card number', () => {
    expect(normaliseNationalId('123456789', { defaultCountry: 'KH' }).value).toBe('KH:123456789');
    expect(normaliseNationalId('12345', { defaultCountry: 'KH' }).valid).toBe(false);
  });
});

describe('passport and national ID properties', () => {
  const koreanPassport = fc.oneof(
    fc.stringMatching(/^[MSROD]\d{8}$/),
    fc.stringMatching(/^[MSROD]\d{3}[A-Z]\d{4}$/),
  );

  it('are idempotent and ignore case and spaces', () => {
    fc.assert(
      fc.property(koreanPassport, fc.nat(8), (number, at) => {
        const written = `${number.slice(0, at)} ${number.slice(at)}`.toLowerCase();
        const result = normalisePassport(written, { defaultCountry: 'KR' });
        expect(result.value).toBe(`KR:${number}`);
        expect(normalisePassport(result.value).value).toBe(result.value);
        expect(normalisePassport(result.display).value).toBe(result.value);
      }),
    );
  });

  it('never throw on arbitrary strings and keep them as entered', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        fc.constantFrom(undefined, 'KR', 'KH', 'US'),
        (raw, country) => {
          for (const result of [
            normalisePassport(raw, { defaultCountry: country }),
            normaliseNationalId(raw, { defaultCountry: country }),
          ]) {
            expect(result.raw).toBe(raw);
            if (!result.valid) expect(result.problem).toBeTruthy();
          }
        },
      ),
    );
  });
});
