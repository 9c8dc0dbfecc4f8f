import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { distanceToBorderKm } from './cambodia-geo.ts';

let t: TestNode;
beforeAll(async () => {
  t = await startTestNode();
});
afterAll(() => t.close());

describe('the compound register', () => {
  it('registers a compound with aliases, works out the border distance, and links rescue cases', async () => {
    const liaison = await t.signIn(['liaison_officer']);
    const created = await liaison.post('/api/v1/compounds', {
      name: 'Jin Bei 4',
      aliases: ['Golden Sand'],
      province: 'svay_rieng',
      lat: 11.08,
      lon: 106.15,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().borderDistanceKm).toBeLessThan(10);
    const { caseId } = (
      await liaison.post('/api/v1/rescue/reports', {
        channel: 'police',
        consentToProcessing: false,
        reporter: { relation: 'other', language: 'en' },
        person: { namesLatin: ['NAM GIWON'] },
        narrative: 'Seen at Bavet',
      })
    ).json();
    expect(
      (
        await liaison.patch(`/api/v1/rescue/cases/${caseId}/location`, {
          compoundId: created.json().id,
          floor: '3',
        })
      ).statusCode,
    ).toBe(204);
    const page = (await liaison.get(`/api/v1/compounds/${created.json().id}`)).json();
    expect(page.rescueCases.map((c: { id: string }) => c.id)).toContain(caseId);
    expect(JSON.stringify(page)).not.toContain('NAM');
    expect(
      (await liaison.patch(`/api/v1/compounds/${created.json().id}`, { status: 'raided' })).json().status,
    ).toBe('raided');
    const found = await liaison.get('/api/v1/compounds?q=golden');
    expect(found.json()).toHaveLength(1);
  });

  it('lets consular officers read but not write the register', async () => {
    const consular = await t.signIn(['consular_officer'], 'MOFA');
    expect((await consular.get('/api/v1/compounds')).statusCode).toBe(200);
    expect((await consular.post('/api/v1/compounds', { name: 'X', province: 'kampot' })).statusCode).toBe(
      403,
    );
  });

  it('measures distance to the land border, not the coast', () => {
    expect(distanceToBorderKm(13.66, 102.6)).toBeLessThan(10);
    expect(distanceToBorderKm(10.63, 103.51)).toBeGreaterThan(50);
  });
});
