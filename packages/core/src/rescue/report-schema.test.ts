import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cambodianProvinceIds, cambodianProvinces } from './provinces.ts';
import { honeypotField, PublicReportInput, ReportAddition, RescueReportInput } from './report-schema.ts';

const minimal = {
  channel: 'family_call',
  reporter: { relation: 'mother', language: 'ko', phone: '010-1234-5678' },
  person: { namesHangul: ['한복남'], namesLatin: ['HAN BOKNAM'], birthDate: '1999-03-02' },
  narrative: 'He took a job in Phnom Penh and stopped answering two days ago.',
  consentToProcessing: true,
};

describe('RescueReportInput', () => {
  it('accepts a family report and fills the defaults', () => {
    const report = RescueReportInput.parse(minimal);
    expect(report.person.nationality).toBe('KR');
    expect(report.location).toEqual({});
    expect(report.indicators).toEqual([]);
  });

  it('accepts a full report with a location, a ransom and indicators', () => {
    const parsed = RescueReportInput.safeParse({
      ...minimal,
      lastContactAt: '2026-01-09T21:00:00+09:00',
      location: {
        compoundName: 'Golden Fortune Park',
        province: 'preah_sihanouk',
        coordinates: { lat: 10.63, lon: 103.52 },
        floor: '7',
        room: '712',
      },
      ransom: { amount: 15000, currency: 'USDT', wallet: 'TXYZ' },
      indicators: ['violence', 'ransom_demand'],
    });
    expect(parsed.success).toBe(true);
  });

  it.each<[string, Record<string, unknown>]>([
    ['a birth date in the future', { person: { namesLatin: ['KIM MINSU'], birthDate: '2999-01-01' } }],
    ['a person with nothing to find them by', { person: { sex: 'male' } }],
    ['a filled honeypot', { [honeypotField]: 'http://spam.example' }],
    ['an unknown field', { favouriteColour: 'blue' }],
    ['a latitude out of range', { location: { coordinates: { lat: 91, lon: 0 } } }],
    ['a province outside Cambodia', { location: { province: 'bangkok' } }],
    ['a negative ransom', { ransom: { amount: -1, currency: 'USD' } }],
    ['a made-up currency', { ransom: { amount: 1, currency: 'dollars' } }],
    ['a narrative over 10,000 characters', { narrative: 'x'.repeat(10_001) }],
    ['an indicator listed twice', { indicators: ['minor', 'minor'] }],
    ['an unknown channel', { channel: 'carrier_pigeon' }],
  ])('rejects %s', (_name, change) => {
    expect(RescueReportInput.safeParse({ ...minimal, ...change }).success).toBe(false);
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(() => RescueReportInput.safeParse(value)).not.toThrow();
        expect(() => PublicReportInput.safeParse(value)).not.toThrow();
      }),
    );
  });

  it('never throws on arbitrary values in each field', () => {
    const keys = [...Object.keys(minimal), 'location', 'ransom', 'indicators', 'lastContactAt'];
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.jsonValue(), (key, value) => {
        expect(() => RescueReportInput.safeParse({ ...minimal, [key]: value })).not.toThrow();
      }),
    );
  });
});

describe('PublicReportInput', () => {
  const { channel: _channel, ...publicReport } = minimal;

  it('accepts a report from the public form', () => {
    expect(PublicReportInput.safeParse(publicReport).success).toBe(true);
  });

  it('rejects a report without consent', () => {
    expect(PublicReportInput.safeParse({ ...publicReport, consentToProcessing: false }).success).toBe(false);
  });

  it('does not let the public choose a channel', () => {
    expect(PublicReportInput.safeParse(minimal).success).toBe(false);
  });
});

describe('ReportAddition', () => {
  it('accepts text up to 5000 characters and nothing longer', () => {
    expect(ReportAddition.safeParse({ text: 'He called again.' }).success).toBe(true);
    expect(ReportAddition.safeParse({ text: 'x'.repeat(5001) }).success).toBe(false);
  });
});

describe('cambodianProvinces', () => {
  it('lists the 25 provinces with centroids inside Cambodia', () => {
    expect(cambodianProvinceIds).toHaveLength(25);
    for (const p of Object.values(cambodianProvinces)) {
      expect(p.lat).toBeGreaterThan(10);
      expect(p.lat).toBeLessThan(15);
      expect(p.lon).toBeGreaterThan(102);
      expect(p.lon).toBeLessThan(108);
    }
  });
});
