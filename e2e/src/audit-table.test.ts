import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, shot, startHarness } from './harness.ts';
import { demoPassword, signIn } from './journeys.ts';

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** True when the audit table is wider than its panel (the officer would scroll the table sideways). */
function tableOverflows(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const wrap = document.querySelector('[data-testid=audit-table]')!.parentElement!;
    return wrap.scrollWidth > wrap.clientWidth + 1;
  });
}

describe('the audit table', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('names cases by their number, not a UUID, and fits 1280 px in English, Korean and Khmer', async () => {
    const page = await harness.newPage({ width: 1280, height: 900 });
    await signIn(page, 'auditor@knpa.demo', demoPassword);
    await page.click('[data-testid=nav-audit]');
    await page.waitForSelector('[data-testid=audit-table] >> text=auth.login');
    expect(await tableOverflows(page)).toBe(false);
    await page.selectOption('header select[name=language]', 'ko');
    await page.waitForFunction(() => document.documentElement.lang === 'ko');
    expect(await tableOverflows(page)).toBe(false);
    await shot(page, 'w7/audit-all-ko-1280');
    await page.selectOption('header select[name=language]', 'en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');

    const cases = await page.evaluate(() =>
      fetch('/api/v1/audit?recordType=case&limit=50').then(
        (r) => r.json() as Promise<{ recordId: string; recordLabel: string | null }[]>,
      ),
    );
    expect(cases.length).toBeGreaterThan(0);
    for (const entry of cases) expect(entry.recordLabel).toMatch(/^[A-Z]+-\d{4}-\d+/);

    await page.fill('input[name=recordType]', 'case');
    await page.click('text=Apply filters');
    await page.waitForSelector(`[data-testid=audit-record] >> text=${cases[0]!.recordLabel}`);
    const cells = await page.locator('[data-testid=audit-record]').allTextContents();
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) expect(cell).not.toMatch(uuid);
    expect(cells.join(' ')).toContain(cases[0]!.recordLabel!);

    for (const language of ['ko', 'km'] as const) {
      await page.selectOption('header select[name=language]', language);
      await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
      await page.locator('[data-testid=audit-table]').waitFor();
      expect(await tableOverflows(page)).toBe(false);
      await shot(page, `w7/audit-${language}-1280`);
    }
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, 'w7/audit-km-390');
  });
});
