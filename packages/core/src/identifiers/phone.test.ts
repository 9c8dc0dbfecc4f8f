import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalisePhone } from './phone.ts';

describe('normalisePhone', () => {
  it.each([
    ['+85512345678', undefined],
    ['+855 12 345 678', undefined],
    ['(+855) 12-345-678', undefined],
    ['00855 12 345 678', undefined],
    ['0855 12 345 678', undefined],
    ['+855 012 345 678', undefined],
    ['012 345 678', 'KH'],
    ['012.345.678', 'KH'],
    ['85512345678', 'KH'],
    ['tel:+85512345678', undefined],
  ])('reads the Cambodian number %s (default %s) as +85512345678', (raw, defaultCountry) => {
    const phone = normalisePhone(raw, { defaultCountry });
    expect(phone).toMatchObject({ valid: true, value: '+85512345678', display: '+855 12 345 678' });
    expect(phone.details).toMatchObject({ country: 'KH', type: 'mobile' });
  });

  it.each([
    ['010-1234-5678', 'KR'],
    ['+82-10-1234-5678', undefined],
    ['0082 10 1234 5678', undefined],
    ['+82 010 1234 5678', undefined],
    ['082-10-1234-5678', undefined],
    ['０１０−１２３４−５６７８', 'KR'],
  ])('reads the Korean mobile %s (default %s) as +821012345678', (raw, defaultCountry) => {
    expect(normalisePhone(raw, { defaultCountry })).toMatchObject({
      valid: true,
      value: '+821012345678',
      display: '+82 10 1234 5678',
    });
  });

  it('reads Khmer digits', () => {
    expect(normalisePhone('០១២ ៣៤៥ ៦៧៨', { defaultCountry: 'KH' }).value).toBe('+85512345678');
  });

  it('guesses Korea or Cambodia without a default country only when one reading is valid, and says so', () => {
    expect(normalisePhone('010-1234-5678').details).toMatchObject({ country: 'KR', countryGuessed: 'true' });
    expect(normalisePhone('012 345 678').details).toMatchObject({ country: 'KH', countryGuessed: 'true' });
  });

  it('keeps an impossible number as entered, flagged with a reason', () => {
    const phone = normalisePhone('12-34', { defaultCountry: 'KR' });
    expect(phone).toMatchObject({ valid: false, raw: '12-34', value: '1234' });
    expect(phone.problem).toMatch(/phone number/);
  });

  it('rejects letters inside a number', () => {
    expect(normalisePhone('010-CALL-NOW', { defaultCountry: 'KR' })).toMatchObject({
      valid: false,
      problem: 'phone number contains characters other than digits and formatting',
    });
  });

  it('rejects a national number valid in neither Korea nor Cambodia when no country is given', () => {
    expect(normalisePhone('0999 999').problem).toBe(
      'phone number has no country code and no default country, and is not a valid Korean or Cambodian number',
    );
  });

  it('rejects an empty number', () => {
    expect(normalisePhone('  ').problem).toBe('phone number is empty');
  });
});

const koreanMobile = fc.stringMatching(/^[2-9]\d{7}$/).map((rest) => `010${rest}`);
const cambodianMobile = fc.constantFrom(
  '12',
  '17',
  '92',
  '96',
  '97',
  '98',
  '10',
  '15',
  '16',
  '70',
  '77',
  '78',
);

describe('normalisePhone properties', () => {
  it('gives the same E.164 whatever spaces, dashes and dots are inserted between digits', () => {
    const separators = fc.array(fc.constantFrom('', '', ' ', '-', '.'), { minLength: 16, maxLength: 16 });
    fc.assert(
      fc.property(koreanMobile, separators, (national, seps) => {
        fc.pre(normalisePhone(national, { defaultCountry: 'KR' }).valid);
        const formatted = [...national].map((d, i) => (i === 0 ? d : `${seps[i] ?? ''}${d}`)).join('');
        const expected = `+82${national.slice(1)}`;
        expect(normalisePhone(formatted, { defaultCountry: 'KR' }).value).toBe(expected);
        expect(normalisePhone(`+82 ${formatted.slice(1)}`).value).toBe(expected);
      }),
    );
  });

  it('is idempotent on valid numbers: the value and the display normalise to the same value', () => {
    fc.assert(
      fc.property(cambodianMobile, fc.stringMatching(/^[1-9]\d{5}$/), (prefix, rest) => {
        const phone = normalisePhone(`0${prefix}${rest}`, { defaultCountry: 'KH' });
        fc.pre(phone.valid);
        expect(normalisePhone(phone.value).value).toBe(phone.value);
        expect(normalisePhone(phone.display).value).toBe(phone.value);
      }),
    );
  });

  it('never throws and always keeps the raw input', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        fc.constantFrom(undefined, 'KR', 'KH', 'ZZ'),
        (raw, country) => {
          const phone = normalisePhone(raw, { defaultCountry: country });
          expect(phone.raw).toBe(raw);
          if (!phone.valid) expect(phone.problem).toBeTruthy();
        },
      ),
    );
  });
});
