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

  it('filters the register by status, province and name, and refuses an unknown filter value by name', async () => {
    const liaison = await t.signIn(['liaison_officer']);
    const tag = `F${Date.now()}`;
    for (const [name, province, status] of [
      [`${tag} Alpha`, 'pursat', 'active'],
      [`${tag} Bravo`, 'pursat', 'closed'],
      [`${tag} Charlie`, 'kampot', 'active'],
    ] as const)
      expect((await liaison.post('/api/v1/compounds', { name, province, status })).statusCode).toBe(201);
    const names = async (query: string) =>
      (await liaison.get(`/api/v1/compounds?q=${tag}&${query}`)).json().map((c: { name: string }) => c.name);
    expect(await names('province=pursat')).toEqual([`${tag} Alpha`, `${tag} Bravo`]);
    expect(await names('status=active')).toEqual([`${tag} Alpha`, `${tag} Charlie`]);
    expect(await names('status=active&province=pursat')).toEqual([`${tag} Alpha`]);
    const bad = await liaison.get('/api/v1/compounds?status=demolished');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('status');
  });

  it('shows the linked rescue cases only to readers of the rescue board', async () => {
    const liaison = await t.signIn(['liaison_officer']);
    const compound = (
      await liaison.post('/api/v1/compounds', { name: 'Need To Know', province: 'kampot' })
    ).json();
    const { caseId } = (
      await liaison.post('/api/v1/rescue/reports', {
        channel: 'police',
        consentToProcessing: false,
        reporter: { relation: 'other', language: 'en' },
        person: { namesLatin: ['SEO JIHO'] },
        narrative: 'Kampot',
      })
    ).json();
    await liaison.patch(`/api/v1/rescue/cases/${caseId}/location`, { compoundId: compound.id });
    expect(
      (await liaison.get(`/api/v1/compounds/${compound.id}`))
        .json()
        .rescueCases.map((c: { id: string }) => c.id),
    ).toEqual([caseId]);
    const analyst = await t.signIn(['analyst']);
    const seen = await analyst.get(`/api/v1/compounds/${compound.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().rescueCases).toEqual([]);
    expect(JSON.stringify(seen.json())).not.toContain(caseId);
    expect((await analyst.patch(`/api/v1/compounds/${compound.id}`, { status: 'closed' })).statusCode).toBe(
      403,
    );
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
