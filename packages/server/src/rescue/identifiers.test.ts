import { describe, expect, it } from 'vitest';
import { reportCountry, reportIdentifiers } from './identifiers.ts';

const report = (nationality: string | undefined, phone: string) => ({
  person: { namesLatin: ['SOK DARA'], phone, ...(nationality && { nationality }) },
  narrative: 'Call 097 123 4567 or 010-1234-5678.',
});

const phones = (identifiers: ReturnType<typeof reportIdentifiers>) =>
  identifiers.filter((i) => i.kind === 'phone').map((i) => [i.source, i.value]);

describe('rescue report identifiers', () => {
  it('reads a number without a calling code in the recording agency’s country', () => {
    const found = reportIdentifiers(report('KR', '012 345 678'), { agencyCountry: 'KH' });
    expect(phones(found)).toContainEqual(['person.phone', '+85512345678']);
    expect(phones(found)).toContainEqual(['narrative', '+855971234567']);
  });

  it('reads it in the reported person’s country when the agency’s is not known', () => {
    expect(phones(reportIdentifiers(report('KR', '010-9876-5432')))).toContainEqual([
      'person.phone',
      '+821098765432',
    ]);
    expect(phones(reportIdentifiers(report('KH', '012 345 678')))).toContainEqual([
      'person.phone',
      '+85512345678',
    ]);
  });

  it('keeps a number with its calling code whatever the country', () => {
    const found = reportIdentifiers(report('KR', '+855 12 345 678'), { agencyCountry: 'KR' });
    expect(phones(found)).toContainEqual(['person.phone', '+85512345678']);
  });

  it('takes no country from a value that is not a country code', () => {
    expect(reportCountry(report(undefined, ''), { agencyCountry: ' kh ' })).toBe('KH');
    expect(reportCountry(report(undefined, ''), { agencyCountry: '' })).toBeUndefined();
    expect(reportCountry(report('K1', ''))).toBeUndefined();
  });
});
