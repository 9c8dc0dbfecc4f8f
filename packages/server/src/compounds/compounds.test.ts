import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { cambodiaOutline, distanceToBorderKm, provincesGeoJson } from './cambodia-geo.ts';

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
    // Bavet's crossing and Phnom Penh (about 55 km from the nearest Vietnamese border).
    expect(distanceToBorderKm(11.07, 106.13)).toBeLessThan(5);
    expect(distanceToBorderKm(11.56, 104.92)).toBeGreaterThan(40);
    expect(distanceToBorderKm(11.56, 104.92)).toBeLessThan(80);
  });

  it('serves the Natural Earth base map: Cambodia with islands, the coast told from land borders, the neighbours', async () => {
    // The mainland from Natural Earth 1:10m, not a hand-drawn outline of a few dozen points.
    expect(cambodiaOutline.length).toBeGreaterThan(500);
    const land = cambodiaOutline.filter((p) => p.land).length;
    expect(land).toBeGreaterThan(300);
    expect(land).toBeLessThan(cambodiaOutline.length);
    // Every point of the outline lies in the country's frame.
    for (const p of cambodiaOutline) {
      expect(p.lon).toBeGreaterThan(102.2);
      expect(p.lon).toBeLessThan(107.7);
      expect(p.lat).toBeGreaterThan(9.8);
      expect(p.lat).toBeLessThan(14.8);
    }
    // The coast at Sihanoukville is no land border; the Poipet crossing is one.
    const nearest = (lat: number, lon: number) =>
      cambodiaOutline.reduce((best, p) =>
        Math.hypot(p.lat - lat, p.lon - lon) < Math.hypot(best.lat - lat, best.lon - lon) ? p : best,
      );
    expect(nearest(10.63, 103.5).land).toBe(false);
    expect(nearest(13.66, 102.56).land).toBe(true);
    expect(provincesGeoJson().features).toHaveLength(25);
    const response = await t.client().get('/api/v1/map/base');
    expect(response.statusCode).toBe(200);
    const base = response.json();
    expect(base.source).toContain('Natural Earth');
    expect(base.cambodia.length).toBeGreaterThan(1);
    expect(base.neighbours.map((n: { names: { en: string } }) => n.names.en).sort()).toEqual([
      'Laos',
      'Thailand',
      'Vietnam',
    ]);
    expect(JSON.stringify(base).length).toBeLessThan(80_000);
  });
});
