import { briefingLabels } from '@liaison/server/operations/briefing/briefing-labels';
import { comparable, pdfText } from '@liaison/server/operations/briefing/pdf-text';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, shot, startHarness } from './harness.ts';
import { demoPassword, signIn } from './journeys.ts';

// The commander plans an operation with legal authority on both sides and gives the GO; the briefing pack is then
// opened from the operation page in Korean and in Khmer, and its text read: the headings are in that language,
// the names as entered.

const khmerSuspect = 'សុខ វិចិត្រ';

/** Calls the API as the signed-in user (session cookie and CSRF token), from the page. */
async function api(page: Page, method: string, path: string, body: unknown) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = await (await fetch('/api/v1/me')).json();
      const response = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify(body),
      });
      return { status: response.status, json: await response.json() };
    },
    { method, path, body },
  );
}

describe('the operation briefing pack', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('is opened from the operation page in Korean and in Khmer, and reads in that language', async () => {
    const page = await harness.newPage();
    await signIn(page, 'commander@cnp.demo', demoPassword);
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    const compound = await api(page, 'POST', '/api/v1/compounds', {
      name: 'Golden Sand Park',
      province: 'banteay_meanchey',
      lat: 13.68,
      lon: 102.62,
    });
    expect(compound.status).toBe(201);
    const at = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
    const today = new Date().toISOString().slice(0, 10);
    const created = await api(page, 'POST', '/api/v1/operations', {
      codeName: 'DAWN HARBOUR',
      objective: 'Raid the compound, arrest the ring, rescue the confined Korean nationals.',
      leadAgency: 'CNP',
      partnerAgency: 'KNPA',
      crimeTypes: ['voice_phishing'],
      targets: [
        { kind: 'compound', compoundId: compound.json.id },
        { kind: 'person', label: '김민수' },
        { kind: 'person', label: khmerSuspect },
      ],
      teams: [
        { agencyCode: 'CNP', name: 'ក្រុមចូលទីតាំង', role: 'entry', headcount: 40, contact: '+855 12 345 678' },
        { agencyCode: 'KNPA', name: '한국 연락팀', role: 'liaison', headcount: 3 },
      ],
      legalAuthority: [
        {
          agencyCode: 'CNP',
          kind: 'search_warrant',
          number: 'BMC-2026-117',
          issuedBy: 'Banteay Meanchey Court',
          issuedOn: today,
        },
        {
          agencyCode: 'KNPA',
          kind: 'arrest_warrant',
          number: '2026-영-1234',
          issuedBy: 'Seoul Central District Court',
          issuedOn: today,
        },
      ],
      timing: { briefingAt: at(20), plannedStart: at(24), plannedEnd: at(30) },
      risks: [
        { description: 'Armed guards at the east gate', level: 'high', mitigation: 'Perimeter team first' },
      ],
      markings: { tlp: 'AMBER', handlingCode: 'H2' },
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const go = await api(page, 'POST', `/api/v1/operations/${created.json.id}/decision`, {
      decision: 'go',
      version: created.json.version,
    });
    expect(go.status, JSON.stringify(go.json)).toBe(200);

    await page.goto(`${harness.baseUrl}/operations/${created.json.id}`);
    await page.waitForSelector('[data-testid=briefing-download]');
    await shot(page, 'operation-briefing-download');
    for (const lang of ['ko', 'km'] as const) {
      const link = `[data-testid=briefing-pdf-${lang}]`;
      const href = (await page.getAttribute(link, 'href')) ?? '';
      expect(href).toBe(`/api/v1/operations/${created.json.id}/briefing.pdf?lang=${lang}`);
      const [tab] = await Promise.all([page.context().waitForEvent('page'), page.click(link)]);
      await tab.waitForLoadState();
      expect(tab.url()).toContain(href);
      const response = await tab.request.get(href);
      expect(response.headers()['content-type']).toBe('application/pdf');
      const text = comparable(pdfText(await response.body()));
      const l = briefingLabels[lang];
      for (const heading of [l.title, l.objective, l.map, l.targets, l.teams, l.timings, l.legal, l.risks])
        expect(text, `${lang}: ${heading}`).toContain(comparable(heading));
      expect(text).toContain(comparable(l.go));
      for (const name of ['DAWN HARBOUR', '김민수', khmerSuspect, '한국 연락팀'])
        expect(text, `${lang}: ${name}`).toContain(comparable(name));
      await tab.close();
    }
  });
});
