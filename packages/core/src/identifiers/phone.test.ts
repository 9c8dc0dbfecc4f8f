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

describe('normalisePhone in the recording agency’s country', () => {
  it('reads a number without a calling code in the default country and says the country was assumed', () => {
    expect(normalisePhone('010-1234-5678', { defaultCountry: 'KR' })).toMatchObject({
      valid: true,
      value: '+821012345678',
      details: { country: 'KR', countryAssumed: 'KR' },
    });
    expect(normalisePhone('+82 10 1234 5678', { defaultCountry: 'KR' }).details).not.toHaveProperty(
      'countryAssumed',
    );
  });

  it('reads a number valid in both countries in the default country instead of refusing it as ambiguous', () => {
    const ambiguous = '012 100 0000';
    expect(normalisePhone(ambiguous).valid).toBe(false);
    expect(normalisePhone(ambiguous, { defaultCountry: 'KR' })).toMatchObject({
      valid: true,
      value: '+82121000000',
      details: { countryAssumed: 'KR' },
    });
    expect(normalisePhone(ambiguous, { defaultCountry: 'KH' })).toMatchObject({
      valid: true,
      value: '+855121000000',
      details: { countryAssumed: 'KH' },
    });
  });

  it("reads a KNPA officer's 012 345 678 as Cambodian (no Korean 012 number has 9 digits), saying it was guessed", () => {
    expect(normalisePhone('012 345 678', { defaultCountry: 'KR' })).toMatchObject({
      valid: true,
      value: '+85512345678',
      details: { country: 'KH', countryGuessed: 'true' },
    });
  });

  it("keeps a CNP officer's Phnom Penh 023 number Cambodian rather than reading it as a Seoul number", () => {
    expect(normalisePhone('023 508 208', { defaultCountry: 'KH' })).toMatchObject({
      value: '+85523508208',
      details: { country: 'KH', countryAssumed: 'KH', key: 'digits' },
    });
  });

  it.each([
    ['Tel: +855 12 345 678', undefined],
    ['휴대폰: 012-345-678', 'KH'],
    ['H.P 012 345 678', 'KH'],
    ['(+855) 12-345-678', undefined],
    ['+855\u00a012\u00a0345\u00a0678', undefined],
    ['012‑345‑678', 'KH'],
  ])('reads %s (default %s) past its label and formatting', (raw, defaultCountry) => {
    expect(normalisePhone(raw, { defaultCountry })).toMatchObject({ valid: true, value: '+85512345678' });
  });
});

describe('normalisePhone keeps the digits of a number the phone library calls invalid', () => {
  it.each([
    ['+855 23 508 208', undefined],
    ['+855-23-508-208', undefined],
    ['(+855) 23-508-208', undefined],
    ['+855 (0)23 508 208', undefined],
    ['00855 23 508 208', undefined],
    ['0855 23 508208', undefined],
    ['855 23 508 208', 'KR'],
    ['023 508 208', 'KH'],
    ['០២៣ ៥០៨ ២០៨', 'KH'],
  ])('gives %s (default %s) the key +85523508208, flagged', (raw, defaultCountry) => {
    const phone = normalisePhone(raw, { defaultCountry });
    expect(phone).toMatchObject({ valid: false, value: '+85523508208', display: '+855 23 508 208' });
    expect(phone.details).toMatchObject({ key: 'digits', country: 'KH' });
    expect(phone.problem).toBe('not a valid phone number in KH');
  });

  it('keeps no digits key for fragments or for two numbers run together', () => {
    expect(normalisePhone('+855 88 123').details?.key).toBeUndefined();
    expect(normalisePhone('010-1111-2222 010', { defaultCountry: 'KR' }).details?.key).toBeUndefined();
    expect(normalisePhone('12-34', { defaultCountry: 'KR' }).details?.key).toBeUndefined();
  });

  it('gives every way of writing the same unverified digits one key, and the key reads back to itself', () => {
    const subscriber = fc.stringMatching(/^[1-37]\d{5}$/);
    fc.assert(
      fc.property(subscriber, (rest) => {
        const e164 = `+85523${rest}`;
        const first = normalisePhone(e164);
        fc.pre(!first.valid && first.details?.key === 'digits');
        const [a, b] = [rest.slice(0, 3), rest.slice(3)];
        for (const [raw, country] of [
          [`+855 23 ${a} ${b}`, undefined],
          [`00855-23-${a}-${b}`, undefined],
          [`0855 23 ${a}${b}`, undefined],
          [`(+855) 023 ${a} ${b}`, undefined],
          [`023 ${a} ${b}`, 'KH'],
          [`855 23 ${a} ${b}`, 'KR'],
        ] as const) {
          expect(normalisePhone(raw, { defaultCountry: country }).value).toBe(e164);
        }
        expect(normalisePhone(first.value).value).toBe(first.value);
        expect(normalisePhone(first.display).value).toBe(first.value);
      }),
    );
  });

  it('never gives a valid number and an unverified one the same key', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^0(?:1[0-9]|2[3-6]|[3-9]\d)\d{6,7}$/),
        fc.constantFrom('KR', 'KH'),
        (n, c) => {
          const phone = normalisePhone(n, { defaultCountry: c });
          if (phone.details?.key !== 'digits') return;
          expect(phone.valid).toBe(false);
          expect(normalisePhone(phone.value).valid).toBe(false);
        },
      ),
    );
  });
});
