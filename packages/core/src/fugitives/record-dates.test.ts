import { describe, expect, it } from 'vitest';
import { recordDateProblems } from './record-dates.ts';

const now = new Date('2026-12-04T12:00:00Z');

describe('record dates', () => {
  it('names each impossible date', () => {
    expect(
      recordDateProblems(
        {
          birthDate: '2027-01-01',
          warrant: { issuedOn: '2026-12-05' },
          passport: { statusOn: '2026-12-31' },
          wantedSince: '2027-01-01T00:00:00Z',
        },
        now,
      ).map((p) => p.path),
    ).toEqual(['/birthDate', '/warrant/issuedOn', '/passport/statusOn', '/wantedSince']);
    expect(recordDateProblems({ birthDate: '1899-12-31' }, now)[0]?.message).toContain('1900');
  });

  it('takes today and the past', () => {
    expect(
      recordDateProblems(
        { birthDate: '1988-03-14', warrant: { issuedOn: '2026-12-04' }, wantedSince: '2026-12-04T12:00:00Z' },
        now,
      ),
    ).toEqual([]);
  });
});
