import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseBankAccount } from './bank-account.ts';
import { banks, findBank } from './banks.ts';

describe('normaliseBankAccount', () => {
  it.each([
    ['국민은행 123-45-678901', 'bank:004:12345678901'],
    ['KB 123456-01-234567', 'bank:004:12345601234567'],
    ['KB Kookmin Bank 123-45-678901', 'bank:004:12345678901'],
    ['입금 계좌: 신한 110-123-456789', 'bank:088:110123456789'],
    ['카카오뱅크 3333-01-1234567', 'bank:090:3333011234567'],
    ['토스뱅크 1000-1234-5678', 'bank:092:100012345678'],
    ['ABA Bank 000 123 456', 'bank:KH-ABA:000123456'],
    ['ACLEDA 0001-01-123456-1-1', 'bank:KH-ACLEDA:00010112345611'],
    ['bank:004:12345678901', 'bank:004:12345678901'],
  ])('reads %s as %s', (raw, value) => {
    expect(normaliseBankAccount(raw)).toMatchObject({ valid: true, value });
  });

  it('takes the bank from the context when the text has none', () => {
    expect(normaliseBankAccount('110-123-456789', { bank: '신한은행' }).value).toBe('bank:088:110123456789');
  });

  it('keeps the account without a bank as UNKNOWN, and an unrecognised bank under its own name', () => {
    expect(normaliseBankAccount('123456789').value).toBe('bank:UNKNOWN:123456789');
    expect(normaliseBankAccount('Maybank 123456789')).toMatchObject({
      value: 'bank:MAYBANK:123456789',
      details: { bankName: 'Maybank' },
    });
  });

  it.each([
    ['KB 1234A5678', 'bank account number may contain only digits, dashes, dots and spaces'],
    ['국민 12-34', 'bank account number is shorter than 6 digits'],
    ['국민 123456789012345678901', 'bank account number is longer than 20 digits'],
    ['국민은행', 'bank account has no account number'],
  ])('rejects %s: %s', (raw, problem) => {
    expect(normaliseBankAccount(raw)).toMatchObject({ valid: false, raw, problem });
  });

  it('finds Korean banks by code, English and Korean names', () => {
    expect(findBank('88')?.code).toBe('088');
    expect(findBank('IBK기업은행')?.code).toBe('003');
    expect(findBank('K Bank')?.code).toBe('089');
    expect(findBank('NH농협')?.code).toBe('011');
  });
});

describe('normaliseBankAccount properties', () => {
  const separators = fc.array(fc.constantFrom('', '', '-', ' ', '.'), { minLength: 20, maxLength: 20 });
  const account = fc.tuple(fc.constantFrom(...banks), fc.stringMatching(/^\d{6,20}$/), separators);

  it('gives the same value whatever separators are written, and is idempotent', () => {
    fc.assert(
      fc.property(account, ([bank, digits, seps]) => {
        const written = [...digits].map((d, i) => (i === 0 ? d : `${seps[i] ?? ''}${d}`)).join('');
        const result = normaliseBankAccount(`${bank.aliases[0]} ${written}`);
        expect(result.value).toBe(`bank:${bank.code}:${digits}`);
        expect(normaliseBankAccount(result.value).value).toBe(result.value);
        expect(normaliseBankAccount(result.display).value).toBe(result.value);
      }),
    );
  });

  it('never throws on arbitrary strings and keeps them as entered', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (raw) => {
        const result = normaliseBankAccount(raw);
        expect(result.raw).toBe(raw);
        if (!result.valid) expect(result.problem).toBeTruthy();
      }),
    );
  });
});
