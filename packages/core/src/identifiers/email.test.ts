import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseEmail } from './email.ts';

describe('normaliseEmail', () => {
  it('trims and lower-cases', () => {
    expect(normaliseEmail('  Recruit.HR@Gmail.COM ')).toMatchObject({
      valid: true,
      value: 'recruit.hr@gmail.com',
    });
  });

  it('converts an internationalised domain to punycode and keeps Unicode for display', () => {
    expect(normaliseEmail('Kim@한국.kr')).toMatchObject({
      valid: true,
      value: 'kim@xn--3e0b707e.kr',
      display: 'kim@한국.kr',
    });
  });

  it('accepts mailto: links and full-width at signs typed with a Korean keyboard', () => {
    expect(normaliseEmail('mailto:boss@example.com').value).toBe('boss@example.com');
    expect(normaliseEmail('boss＠example.com').value).toBe('boss@example.com');
  });

  it.each([
    ['boss.example.com', 'email address has no @'],
    ['@example.com', 'email address has nothing before the @'],
    ['bo ss@example.com', 'email address has characters not allowed before the @'],
    ['boss..x@example.com', 'email address has characters not allowed before the @'],
    ['boss@localhost', 'email domain name has no top-level domain (like .com or .kr)'],
    ['boss@exa_mple.com', 'email domain name contains an empty or malformed part'],
  ])('rejects %s: %s', (raw, problem) => {
    expect(normaliseEmail(raw)).toMatchObject({ valid: false, raw, problem });
  });
});

const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
const validEmail = fc
  .tuple(
    fc.stringMatching(/^[a-z0-9_+-]{1,12}(\.[a-z0-9_+-]{1,8})?$/),
    label,
    fc.constantFrom('com', 'kr', 'kh'),
  )
  .map(([local, host, tld]) => `${local}@${host}.${tld}`);

describe('normaliseEmail properties', () => {
  it('is idempotent and case-insensitive on valid addresses', () => {
    fc.assert(
      fc.property(validEmail, (email) => {
        const result = normaliseEmail(email.toUpperCase());
        expect(result.valid).toBe(true);
        expect(normaliseEmail(result.value).value).toBe(result.value);
        expect(normaliseEmail(result.display).value).toBe(result.value);
      }),
    );
  });

  it('gives a defanged address the value of the address itself', () => {
    const defang = fc.constantFrom(
      (e: string) => e.replace('@', '[at]').replace(/\.(?=[^.]+$)/, '[.]'),
      (e: string) => e.replace('@', '(at)'),
      (e: string) => e.replace('@', ' [@] '),
      (e: string) => e.replace(/\.(?=[^.]+$)/, '(dot)'),
      (e: string) => `<mailto:${e}>`.replace('<mailto:', 'mailto:').replace(/>$/, ''),
    );
    fc.assert(
      fc.property(validEmail, defang, (email, write) => {
        expect(normaliseEmail(write(email)).value).toBe(normaliseEmail(email).value);
      }),
    );
  });

  it('never throws on arbitrary strings and keeps them as entered', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (raw) => {
        const result = normaliseEmail(raw);
        expect(result.raw).toBe(raw);
        if (!result.valid) expect(result.problem).toBeTruthy();
      }),
    );
  });
});
