import { describe, expect, it } from 'vitest';
import { Repatriation, repatriationProgress } from './repatriation.ts';

describe('repatriationProgress', () => {
  it('shows nothing done for a new repatriation', () => {
    const progress = repatriationProgress(Repatriation.parse({}));
    expect(progress).toMatchObject({ doneCount: 0, total: 6, next: 'travelDocument', home: false });
  });

  it('follows the steps up to the handover to the family', () => {
    const r = Repatriation.parse({
      travelDocument: { type: 'emergency_travel_certificate', issuedAt: '2026-02-10' },
      flight: { number: 'KE690', date: '2026-02-12' },
      escortOfficers: [{ name: 'Insp. Park', agency: 'KNPA' }],
      arrival: { at: '2026-02-12T06:30:00+09:00' },
      handover: { to: 'family', by: 'Han Mija', at: '2026-02-12T08:00:00+09:00' },
    });
    expect(r.flight).toMatchObject({ from: 'PNH', to: 'ICN' });
    expect(repatriationProgress(r)).toMatchObject({ doneCount: 5, next: 'followUp', home: true });
  });

  it('rejects a flight number that is not one', () => {
    expect(
      Repatriation.safeParse({ flight: { number: 'flight to Seoul', date: '2026-02-12' } }).success,
    ).toBe(false);
  });
});
