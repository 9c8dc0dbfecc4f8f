import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, hasHorizontalOverflow, shot, startHarness } from './harness.ts';
import { demoPassword, signIn } from './journeys.ts';

/** A JSON call from the signed-in page, with the session's anti-forgery token. */
async function call(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = await (await fetch('/api/v1/me')).json();
      const response = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: body === undefined ? null : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, json: text ? JSON.parse(text) : null };
    },
    { method, path, body },
  );
}

async function chooseLanguage(page: Page, language: string) {
  await page.selectOption('header select[name=language]', language);
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
}

describe('a compound’s page and the register’s filters', () => {
  let harness: Harness;
  let compoundId = '';
  let caseReference = '';
  let caseId = '';

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('filters the register by status, province and name; the page shows linked cases and operations and edits', async () => {
    const page = await harness.newPage();
    await signIn(page, 'liaison@knpa.demo', demoPassword);
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    // A demo compound raided by joint operations, with a rescue case linked to it.
    const list = await call(page, 'GET', '/api/v1/compounds?q=Bavet Dragon');
    compoundId = list.json[0].id;
    const report = await call(page, 'POST', '/api/v1/rescue/reports', {
      channel: 'police',
      consentToProcessing: false,
      reporter: { relation: 'other', language: 'en' },
      person: { namesLatin: ['HAN SEOYUN'] },
      narrative: 'Held at Bavet Dragon Plaza',
    });
    caseId = report.json.caseId;
    caseReference = report.json.reference ?? '';
    expect(
      (await call(page, 'PATCH', `/api/v1/rescue/cases/${caseId}/location`, { compoundId })).status,
    ).toBe(204);
    if (!caseReference)
      caseReference = (await call(page, 'GET', `/api/v1/rescue/cases/${caseId}`)).json.reference;

    await page.goto('/compounds');
    const rows = page.locator('[data-testid=compound-list] tbody tr');
    await rows.first().waitFor();
    const all = await rows.count();
    await page.selectOption('[data-testid=compound-filters] select[name=province]', 'svay_rieng');
    await page.waitForURL((url) => url.searchParams.get('province') === 'svay_rieng');
    await expect.poll(() => rows.filter({ hasNotText: 'Svay Rieng' }).count()).toBe(0);
    expect(await rows.count()).toBeLessThan(all);
    await page.selectOption('[data-testid=compound-filters] select[name=status]', 'closed');
    await page.getByText('No compound matches these filters.').waitFor();
    await page.selectOption('[data-testid=compound-filters] select[name=status]', 'raided');
    await page.fill('[data-testid=compound-filters] input[name=q]', 'dragon');
    await expect.poll(() => rows.count()).toBe(1);
    await expect.poll(() => rows.first().textContent()).toContain('Bavet Dragon Plaza');
    expect(await rows.first().textContent()).toContain('Raided');

    await rows.first().getByRole('link', { name: 'Bavet Dragon Plaza' }).click();
    await page.waitForURL(`**/compounds/${compoundId}`);
    const operations = page.locator('[data-testid=compound-operations] tbody tr');
    await operations.first().waitFor();
    const operationLink = operations.first().locator('a');
    expect(await operationLink.getAttribute('href')).toMatch(/^\/operations\/[0-9a-f-]{36}$/);
    const cases = page.locator('[data-testid=compound-cases] tbody tr');
    await cases.first().waitFor();
    expect(await cases.count()).toBe(1);
    expect(await cases.first().locator('a').getAttribute('href')).toBe(`/rescue/${caseId}`);
    expect(await cases.first().textContent()).toContain(caseReference);

    // Editing: a latitude that is not a number is refused by field, and nothing is written.
    await page.getByRole('button', { name: 'Edit' }).click();
    const form = page.locator('[data-testid=compound-form]');
    await form.locator('input[name=lat]').fill('north');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await form.locator('.field-error').first().waitFor();
    expect(await form.locator('.field[data-invalid=true]').textContent()).toContain('Latitude');
    expect((await call(page, 'GET', `/api/v1/compounds/${compoundId}`)).json.lat).toBe(11.064);
    // A valid change: status, an alias and the position (the border distance is worked out again).
    await form.locator('input[name=lat]').fill('11.1');
    await form.locator('input[name=aliases]').fill('Dragon Tower, Jin Long');
    await form.locator('select[name=status]').selectOption('relocated');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved.').waitFor();
    const after = (await call(page, 'GET', `/api/v1/compounds/${compoundId}`)).json;
    expect(after).toMatchObject({
      lat: 11.1,
      lon: 106.152,
      status: 'relocated',
      aliases: ['Dragon Tower', 'Jin Long'],
    });
    expect(await page.locator('[data-testid=compound-page]').textContent()).toContain(
      'Dragon Tower, Jin Long',
    );
    expect(await page.locator('[data-testid=compound-page] .page-header').first().textContent()).toContain(
      'Relocated',
    );
    const audit = await call(page, 'GET', `/api/v1/compounds/${compoundId}`);
    expect(audit.status).toBe(200);

    for (const language of ['ko', 'km']) {
      await chooseLanguage(page, language);
      await page.locator('[data-testid=compound-operations]').waitFor();
      await shot(page, `W6/compound-page-1280-${language}`);
      await page.goto('/compounds?status=raided');
      await page.locator('[data-testid=compound-list]').waitFor();
      // The Natural Earth base map: the neighbours and the provinces labelled in the reader's language.
      const countries = page.locator('.leaflet-tooltip.map-label-country');
      await countries.first().waitFor();
      const expected =
        language === 'ko' ? ['태국', '라오스', '베트남', '캄폿'] : ['ថៃ', 'ឡាវ', 'វៀតណាម', 'កំពត'];
      const labels = await page.locator('.leaflet-tooltip.map-label').allTextContents();
      for (const name of expected) expect(labels).toContain(name);
      expect(await page.locator('.leaflet-control-attribution').textContent()).toContain('Natural Earth');
      await page.waitForTimeout(300);
      await shot(page, `W6/compound-register-1280-${language}`);
      await page.goto(`/compounds/${compoundId}`);
    }
  });

  it('at phone width, in Korean and Khmer, the page and the register fit the screen', async () => {
    const page = await harness.newPage();
    await signIn(page, 'liaison@knpa.demo', demoPassword);
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    for (const language of ['ko', 'km']) {
      // The language select sits in the header at desktop width (behind the menu on a phone).
      await page.setViewportSize({ width: 1280, height: 800 });
      await chooseLanguage(page, language);
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`/compounds/${compoundId}`);
      await page.locator('[data-testid=compound-operations]').waitFor();
      await shot(page, `W6/compound-page-390-${language}`);
      expect(await hasHorizontalOverflow(page)).toBe(false);
      await page.goto('/compounds');
      await page.locator('[data-testid=compound-list]').waitFor();
      await page.waitForTimeout(500);
      await shot(page, `W6/compound-register-390-${language}`);
    }
  });

  it('an analyst reads the compound but not its rescue cases, and may not edit it', async () => {
    const page = await harness.newPage();
    await signIn(page, 'analyst@knpa.demo', demoPassword);
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`/compounds/${compoundId}`);
    await page.locator('[data-testid=compound-page]').waitFor();
    await shot(page, 'W6/compound-page-analyst');
    // The analyst reads in Korean (the demo account's language).
    await page.getByText('구출 사건은 구출 현황판 열람 권한이 있는 사용자에게만 표시됩니다.').waitFor();
    expect(await page.locator('[data-testid=compound-cases]').count()).toBe(0);
    expect(await page.getByRole('button', { name: '수정' }).count()).toBe(0);
    expect(await page.content()).not.toContain(caseReference);
  });
});
