import { describe, expect, it } from 'vitest';
import { FugitiveInput, SightingInput, Warrant } from './schemas.ts';

const markings = { tlp: 'AMBER', handlingCode: 'H1' };

describe('fugitive schemas', () => {
  it('refuses a warrant that expires before it was issued, on expiresOn', () => {
    const result = Warrant.safeParse({
      number: '2026-12345',
      court: 'Seoul Central District Court',
      charges: ['Fraud'],
      issuedOn: '2026-05-01',
      expiresOn: '2026-04-30',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['expiresOn']);
  });

  it('needs a non-alias name, and the date a passport was invalidated', () => {
    const onlyAlias = FugitiveInput.safeParse({
      names: [{ value: 'Big Han', script: 'latin', kind: 'alias' }],
      nationality: 'KR',
      markings,
    });
    expect(onlyAlias.error?.issues[0]?.path).toEqual(['names']);
    const invalidated = FugitiveInput.safeParse({
      names: [{ value: '한복남', script: 'hangul', kind: 'primary' }],
      nationality: 'KR',
      passport: { number: 'M12345678', status: 'invalidated' },
      markings,
    });
    expect(invalidated.error?.issues[0]?.path).toEqual(['passport', 'statusOn']);
  });

  it('takes a sighting with the 4x4 evaluation and a place', () => {
    const sighting = SightingInput.parse({
      seenAt: '2026-11-02T20:15:00+07:00',
      place: { province: 'preah_sihanouk', text: 'Casino on Ekareach Street' },
      source: 'cctv',
      reliability: 'B',
      accuracy: '2',
      description: 'Seen leaving the casino',
    });
    expect(sighting.documentIds).toEqual([]);
    expect(SightingInput.safeParse({ ...sighting, reliability: 'E' }).success).toBe(false);
    expect(SightingInput.safeParse({ ...sighting, place: { lat: 10.6 } }).error?.issues[0]?.path).toEqual([
      'place',
      'lon',
    ]);
  });
});
