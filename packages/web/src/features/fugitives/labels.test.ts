import { FugitiveInput } from '@liaison/core/fugitives/schemas';
import { describe, expect, it } from 'vitest';
import { emptyDraft, flagBadges, inputFromDraft, namesForReader } from './labels.ts';

const names = [
  { value: 'Big Han', script: 'latin', kind: 'alias' },
  { value: 'HAN BOKNAM', script: 'latin', kind: 'passport' },
  { value: '한복남', script: 'hangul', kind: 'primary' },
] as const;

describe('fugitive labels', () => {
  it("shows the name in the reader's script, never an alias first", () => {
    expect(namesForReader(names, 'ko').main).toBe('한복남');
    expect(namesForReader(names, 'en').main).toBe('한복남');
    expect(namesForReader([names[0], names[1]], 'en').main).toBe('HAN BOKNAM');
    expect(namesForReader(names, 'km').others.map((n) => n.value)).toEqual(['HAN BOKNAM', 'Big Han']);
  });

  it('orders flags worst first', () => {
    expect(
      flagBadges({
        warrant: 'expired',
        warrantDaysLeft: -3,
        stalled: true,
        daysInState: 20,
        stallLimitDays: 14,
        computedAt: '2026-12-04T00:00:00Z',
      }).map((b) => [b.kind, b.days]),
    ).toEqual([
      ['expired', 3],
      ['stalled', 20],
    ]);
    expect(flagBadges(null)).toEqual([]);
  });

  it('turns a filled draft into an input the schema takes', () => {
    const input = inputFromDraft({
      ...emptyDraft,
      names: [
        { value: ' 한복남 ', script: 'hangul', kind: 'primary' },
        { value: '', script: 'latin', kind: 'passport' },
      ],
      birthDate: '1988-03-14',
      passportNumber: 'M12345678',
      warrantNumber: '2026-1234',
      court: 'Seoul Central District Court',
      charges: 'Fraud\n\nOrganised crime\n',
      issuedOn: '2026-01-05',
      expiresOn: '2027-01-05',
      noticeType: 'red',
      noticeReference: 'A-1/2026',
      dangerMarkers: ['violent'],
    });
    expect(input.names).toEqual([{ value: '한복남', script: 'hangul', kind: 'primary' }]);
    expect(input.warrant?.charges).toEqual(['Fraud', 'Organised crime']);
    expect(FugitiveInput.safeParse(input).success).toBe(true);
  });

  it('leaves out sections nobody filled in', () => {
    const input = inputFromDraft({
      ...emptyDraft,
      names: [{ value: 'HAN BOKNAM', script: 'latin', kind: 'passport' }],
    });
    expect(input.passport).toBeUndefined();
    expect(input.warrant).toBeUndefined();
    expect(input.interpol).toBeUndefined();
  });
});
