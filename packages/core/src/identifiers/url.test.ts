import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseDomain, normaliseUrl } from './url.ts';

describe('normaliseUrl', () => {
  it('adds https:// when the scheme is missing', () => {
    expect(normaliseUrl('good-jobs-asia.com/apply').value).toBe('https://good-jobs-asia.com/apply');
  });

  it('lower-cases the host, drops the default port, the fragment and the trailing slash', () => {
    expect(normaliseUrl('HTTPS://WWW.Example.COM:443/Apply/#top').value).toBe(
      'https://www.example.com/Apply',
    );
    expect(normaliseUrl('http://example.com:80/').value).toBe('http://example.com');
  });

  it('strips tracking parameters and sorts the rest', () => {
    const url =
      'https://example.com/job?utm_source=fb&utm_campaign=x&z=2&fbclid=abc&a=1&gclid=1&igshid=2&ref=tg';
    expect(normaliseUrl(url).value).toBe('https://example.com/job?a=1&z=2');
  });

  it('converts an internationalised host to punycode and keeps Unicode in the display', () => {
    expect(normaliseUrl('http://한국.kr/경로')).toMatchObject({
      value: 'http://xn--3e0b707e.kr/%EA%B2%BD%EB%A1%9C',
      display: 'http://한국.kr/경로',
    });
  });

  it('undoes defanged links', () => {
    expect(normaliseUrl('hxxps://scam-site[.]xyz/login').value).toBe('https://scam-site.xyz/login');
  });

  it('records credentials placed before the host, a phishing trick, and keys on the real host', () => {
    expect(normaliseUrl('https://google.com@evil.example/x')).toMatchObject({
      value: 'https://evil.example/x',
      details: { host: 'evil.example', username: 'google.com' },
    });
  });

  it.each([
    ['javascript:alert(1)', 'only http and https links are accepted'],
    ['ftp://example.com', 'only http and https links are accepted'],
    ['http://exa mple.com', 'web address contains spaces'],
    ['not-a-site', 'web address domain name has no top-level domain (like .com or .kr)'],
  ])('rejects %s: %s', (raw, problem) => {
    expect(normaliseUrl(raw)).toMatchObject({ valid: false, raw, problem });
  });
});

describe('normaliseDomain', () => {
  it('removes www. and lower-cases', () => {
    expect(normaliseDomain('WWW.Example.com.').value).toBe('example.com');
  });

  it('takes the host of a URL', () => {
    expect(normaliseDomain('https://www.한국.kr/path')).toMatchObject({
      value: 'xn--3e0b707e.kr',
      display: '한국.kr',
    });
  });

  it('keeps subdomains, which on shared hosts belong to different people', () => {
    expect(normaliseDomain('scam1.pages.dev').value).toBe('scam1.pages.dev');
  });

  it('rejects an IP address and a malformed name', () => {
    expect(normaliseDomain('1.2.3.4').problem).toBe('an IP address is not a domain name');
    expect(normaliseDomain('bad_name.com').valid).toBe(false);
  });
});

const host = fc
  .array(fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?$/), { minLength: 1, maxLength: 3 })
  .chain((labels) => fc.constantFrom('com', 'kr', 'xyz').map((tld) => [...labels, tld].join('.')));
const path = fc.array(fc.stringMatching(/^[A-Za-z0-9_~-]{1,8}$/), { maxLength: 3 }).map((s) => s.join('/'));
const query = fc.dictionary(
  fc.constantFrom('id', 'page', 'utm_source', 'fbclid', 'q'),
  fc.stringMatching(/^\w{0,5}$/),
);
const validUrl = fc
  .tuple(fc.constantFrom('', 'http://', 'https://'), host, path, query)
  .map(
    ([scheme, h, p, q]) => `${scheme}${h}/${p}${Object.keys(q).length ? `?${new URLSearchParams(q)}` : ''}`,
  );

describe('normaliseUrl and normaliseDomain properties', () => {
  it('are idempotent on valid input', () => {
    fc.assert(
      fc.property(validUrl, (raw) => {
        const url = normaliseUrl(raw);
        expect(url.valid).toBe(true);
        expect(normaliseUrl(url.value).value).toBe(url.value);
        expect(normaliseUrl(url.display).value).toBe(url.value);
        const domain = normaliseDomain(raw);
        expect(normaliseDomain(domain.value).value).toBe(domain.value);
        expect(normaliseDomain(domain.display).value).toBe(domain.value);
      }),
    );
  });

  it('never throw on arbitrary strings and keep them as entered', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (raw) => {
        for (const result of [normaliseUrl(raw), normaliseDomain(raw)]) {
          expect(result.raw).toBe(raw);
          if (!result.valid) expect(result.problem).toBeTruthy();
        }
      }),
    );
  });
});
