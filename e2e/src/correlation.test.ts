import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, hasHorizontalOverflow, shot, shotsDir, startHarness } from './harness.ts';
import { demoPassword, signIn } from './journeys.ts';

/** Opens a new case through the form and waits for its page; returns the case page's address. */
async function openCase(page: Page, title: string): Promise<string> {
  await page.click('[data-testid=nav-cases]');
  await page.click('a[href="/cases/new"]');
  await page.fill('[data-testid=case-form] input[name=title]', title);
  await page.check('[data-testid=case-form] input[name=crimeTypes][value=voice_phishing]');
  await page.click('[data-testid=case-form] button[type=submit]');
  await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
  await page.waitForSelector('[data-testid=case-summary]');
  return page.url();
}

async function addEntity(page: Page, type: string, field: string, value: string, role?: string) {
  await page.selectOption('[data-testid=entity-form] select[name=type]', type);
  if (role) await page.selectOption('[data-testid=entity-form] select[name=role]', role);
  await page.fill(`[data-testid=entity-form] [name=${field}]`, value);
  await page.click('[data-testid=entity-form] button[type=submit]');
}

async function setLanguage(page: Page, language: 'en' | 'ko' | 'km') {
  await page.selectOption('select[name=language]', language);
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
}

describe('correlation across agencies', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  }, 120_000);

  afterAll(async () => {
    await harness?.close();
  });

  it('raises a hit that both officers see live when one phone is written two ways', async () => {
    const knpa = await harness.newPage();
    await signIn(knpa, 'investigator@knpa.demo', demoPassword);
    await knpa.waitForSelector('[data-testid=home-name]');
    await setLanguage(knpa, 'en');
    await openCase(knpa, 'E2E: Poipet call centre');
    await knpa.click('#case-tab-entities');
    await addEntity(knpa, 'person', 'names', '박철수', 'suspect');
    await knpa.waitForSelector('[data-testid=case-entities] >> text=박철수');

    // A missing required field is explained next to the field, and the input is kept.
    await knpa.selectOption('[data-testid=entity-form] select[name=type]', 'bank_account');
    await knpa.fill('[data-testid=entity-form] [name=number]', '123-45-999999');
    await knpa.click('[data-testid=entity-form] button[type=submit]');
    await knpa.waitForSelector('[data-testid=entity-form] .field-error');
    expect(await knpa.inputValue('[data-testid=entity-form] [name=number]')).toBe('123-45-999999');

    await addEntity(knpa, 'phone', 'number', '012 345 678');
    await knpa.waitForSelector('[data-testid=case-entities] >> text=012 345 678');
    await shot(knpa, 'correlation-case-entities-en');
    await knpa.click('#case-tab-hits');
    await knpa.waitForSelector('[data-testid=case-hits]');
    expect(await knpa.locator('[data-testid=hit-row]').count()).toBe(0);

    const cnp = await harness.newPage();
    await signIn(cnp, 'investigator@cnp.demo', demoPassword);
    await cnp.waitForSelector('[data-testid=home-name]');
    await setLanguage(cnp, 'en');
    await openCase(cnp, 'E2E: Kampot recruitment');
    await cnp.click('#case-tab-entities');
    const cnpUrl = cnp.url();
    const knpaUrl = knpa.url();
    await addEntity(cnp, 'phone', 'number', '+855 12 345 678');
    await cnp.waitForSelector('[data-testid=case-entities] >> text=+855 12 345 678');
    await shot(cnp, 'correlation-cnp-added-en');
    expect(await cnp.getAttribute('[data-testid=entity-form-status]', 'data-hits')).toBe('1');

    // Without any reload: the KNPA officer's open Hits tab gains the hit, the other side restricted to CNP.
    await knpa.waitForSelector('[data-testid=hit-row]', { timeout: 15_000 });
    expect(knpa.url()).toBe(knpaUrl);
    expect(await knpa.textContent('[data-testid=hit-row]')).toContain('CNP');
    await knpa.waitForSelector('[data-testid=hit-restricted]');
    await knpa.waitForSelector('[data-testid=live-unread][data-count="1"]');
    await knpa.waitForSelector('[data-testid=live-toast]');
    await shot(knpa, 'correlation-hit-knpa-en');

    // The CNP officer learns of it live too: the header count and toast, then the Hits tab.
    await cnp.waitForSelector('[data-testid=live-unread]:not([data-count="0"])', { timeout: 15_000 });
    expect(cnp.url()).toBe(cnpUrl);
    await cnp.click('#case-tab-hits');
    await cnp.waitForSelector('[data-testid=hit-row]');
    expect(await cnp.textContent('[data-testid=hit-row]')).toContain('KNPA');
    expect(await hasHorizontalOverflow(cnp)).toBe(false);
    await shot(cnp, 'correlation-hit-cnp-en');

    for (const language of ['ko', 'km'] as const) {
      await setLanguage(knpa, language);
      await shot(knpa, `correlation-hit-knpa-${language}`);
    }
    await setLanguage(knpa, 'en');
  }, 120_000);

  it('lets an analyst expand the ring, find a path and export the chart as PNG', async () => {
    const analyst = await harness.newPage({ width: 1440, height: 900 });
    await signIn(analyst, 'analyst@knpa.demo', demoPassword);
    await analyst.waitForSelector('[data-testid=home-name]');
    await setLanguage(analyst, 'en');

    // The one search box: a Hangul name finds the person.
    await analyst.keyboard.press('/');
    await analyst.keyboard.type('한복남');
    await analyst.keyboard.press('Enter');
    await analyst.waitForSelector('[data-testid=search-entities]');
    await shot(analyst, 'correlation-search-en');
    await analyst.click('[data-testid=search-entities] a >> text=한복남');
    await analyst.waitForSelector('[data-testid=entity-page]');
    await analyst.waitForSelector('[data-testid=entity-neighbours]');
    await shot(analyst, 'correlation-entity-en');

    await analyst.click('[data-testid=entity-open-chart]');
    await analyst.waitForSelector('[data-testid=chart-node-list]');
    await analyst.selectOption('[data-testid=chart-expand-form] select[name=hops]', '2');
    await analyst.click('[data-testid=chart-expand-form] button[type=submit]');
    await analyst.waitForSelector('[data-testid=chart-node-list] >> text=신한은행');

    const optionValue = (text: string) =>
      analyst.$eval(
        '[data-testid=chart-path-form] select[name=pathFrom]',
        (select, wanted) =>
          Array.from((select as HTMLSelectElement).options).find((o) => o.text.includes(wanted))?.value ?? '',
        text,
      );
    await analyst.selectOption(
      '[data-testid=chart-path-form] select[name=pathFrom]',
      await optionValue('신한은행'),
    );
    await analyst.selectOption(
      '[data-testid=chart-path-form] select[name=pathTo]',
      await optionValue('김민수'),
    );
    await analyst.click('[data-testid=chart-path-form] button[type=submit]');
    await analyst.waitForSelector('[data-testid=chart-status][data-path-links]');
    await shot(analyst, 'correlation-path');
    expect(await analyst.getAttribute('[data-testid=chart-status]', 'data-path-links')).toBe('3');

    await analyst.click('[data-testid=chart-analyse]');
    await analyst.waitForSelector('[data-testid=chart-status][data-analysed]');
    await analyst.fill('[data-testid=chart-save-form] input[name=name]', 'Babet ring');
    await analyst.click('[data-testid=chart-save-form] button[type=submit]');
    await analyst.waitForSelector('[data-testid=saved-charts] >> text=Babet ring');
    await shot(analyst, 'correlation-chart-en');

    const [download] = await Promise.all([
      analyst.waitForEvent('download'),
      analyst.click('[data-testid=chart-export]'),
    ]);
    expect(download.suggestedFilename()).toMatch(/^liaison-chart-Babet-ring-\d{4}-\d{2}-\d{2}\.png$/);
    const file = path.join(shotsDir, download.suggestedFilename());
    await download.saveAs(file);
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(20_000);

    for (const language of ['ko', 'km'] as const) {
      await setLanguage(analyst, language);
      await shot(analyst, `correlation-chart-${language}`);
    }
    await analyst.goto(
      `${analyst.url().split('/graph')[0]}/graph/search?q=${encodeURIComponent('+855976123456')}`,
    );
    await analyst.waitForSelector('[data-testid=search-summary]');
    await shot(analyst, 'correlation-search-km');
  }, 120_000);
});
