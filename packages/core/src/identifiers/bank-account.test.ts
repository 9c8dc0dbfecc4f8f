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

  it.each([
    ['국민은행(예금주 박서준) 151462-62-463587', 'bank:004:15146262463587'],
    ['KB 국민은행 151462 62 463587 (예금주: 박서준)', 'bank:004:15146262463587'],
    ['국민은행 151462-62-463587 예금주 SOK DARA', 'bank:004:15146262463587'],
    ['국민은행(홍길동) 151462-62-463587', 'bank:004:15146262463587'],
    ['151462-62-463587 (국민은행)', 'bank:004:15146262463587'],
    ['KB 국민은행 acct no. 151462-62-463587', 'bank:004:15146262463587'],
  ])('reads %s past the holder and labels as %s', (raw, value) => {
    expect(normaliseBankAccount(raw)).toMatchObject({ valid: true, value });
  });

  it('tells a Korean bank from its Cambodian subsidiary', () => {
    expect(normaliseBankAccount('Shinhan 110-123-456789').value).toBe('bank:088:110123456789');
    expect(normaliseBankAccount('Shinhan Bank Cambodia 110-123-456789').value).toBe(
      'bank:KH-SHINHAN:110123456789',
    );
    expect(normaliseBankAccount('Woori Bank Cambodia 1234-567-890123').value).toBe(
      'bank:KH-WOORI:1234567890123',
    );
    expect(normaliseBankAccount('KB PRASAC 0001 2345 6789').value).toBe('bank:KH-PRASAC:000123456789');
  });

  it('takes stray punctuation beside the number for no bank name', () => {
    expect(normaliseBankAccount('3370-18-477-', { bank: '윙' }).value).toBe('bank:KH-WING:337018477');
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

  it('gives the same value whoever is named as the holder and wherever', () => {
    const holder = fc.constantFrom('홍길동', 'SOK DARA', '김 민준', 'Chan Sok-Heng');
    const form = fc.constantFrom(
      (bank: string, n: string, h: string) => `${bank}(예금주 ${h}) ${n}`,
      (bank: string, n: string, h: string) => `${bank} ${n} (예금주: ${h})`,
      (bank: string, n: string, h: string) => `${bank} ${n} 예금주 ${h}`,
      (bank: string, n: string, h: string) => `${bank} 계좌 ${n} (name: ${h})`,
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...banks),
        fc.stringMatching(/^\d{6,20}$/),
        holder,
        form,
        (bank, digits, h, write) => {
          const plain = normaliseBankAccount(`${bank.aliases[0]} ${digits}`);
          expect(normaliseBankAccount(write(bank.aliases[0] ?? '', digits, h)).value).toBe(plain.value);
        },
      ),
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
