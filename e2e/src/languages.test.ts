import { rescueHistoryKinds } from '@liaison/core/rescue/history-kinds';
import { cambodianProvinceIds } from '@liaison/core/rescue/provinces';
import { reportChannels } from '@liaison/core/rescue/report-schema';
import { riskLevels } from '@liaison/core/rescue/risk';
import { rescueOutcomes } from '@liaison/core/rescue/stats';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, shot, startHarness } from './harness.ts';
import { demoPassword, signIn } from './journeys.ts';

// Codes of the core that used to reach the Korean and Khmer screens as they are.
const codes = [
  ...reportChannels,
  ...cambodianProvinceIds,
  ...rescueHistoryKinds.filter((k) => k.includes('_')),
  ...rescueOutcomes.filter((k) => k.includes('_')),
  ...riskLevels.map((l) => l.toUpperCase()),
];

/** The codes the page shows as text (word-bounded, so `kep` inside another word does not count). */
async function rawCodesOn(page: Page): Promise<string[]> {
  // biome-ignore lint/performance/useDomNodeTextContent: what the reader sees, not the DOM's hidden text
  const text = await page.innerText('main');
  return codes.filter((code) => new RegExp(`(^|[^\\p{L}_])${code}([^\\p{L}_]|$)`, 'u').test(text));
}

async function chooseLanguage(page: Page, language: 'ko' | 'km') {
  // The account keeps the choice: wait for it to be saved before another device signs in.
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/me/preferences'));
  await page.selectOption('.language-switcher select', language);
  await page.waitForFunction((l) => document.documentElement.lang === l, language);
  await saved;
}

describe('every screen in the reader’s language', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    await harness?.close();
  });

  for (const language of ['ko', 'km'] as const) {
    it(`shows the rescue board, a case and the public form's provinces in ${language}, no raw codes`, async () => {
      for (const width of [1280, 390]) {
        const page = await harness.newPage({ width, height: 900 });
        await signIn(page, 'consular@mofa.demo', demoPassword);
        await page.waitForURL((url) => !url.pathname.startsWith('/login'));
        await page.goto('/rescue');
        await page.waitForSelector('[data-testid=stats-total]');
        // Chosen once at desktop width; the choice is the account's, so the phone opens in it.
        if (width === 1280) await chooseLanguage(page, language);
        else await page.waitForFunction((l) => document.documentElement.lang === l, language);
        await page.waitForSelector('[data-testid^=rescue-row-]');
        expect(await rawCodesOn(page)).toEqual([]);
        await shot(page, `W2/rescue-board-${language}-${width}`);

        await page.click('[data-testid^=rescue-row-] a');
        const purpose = page.locator('input[name=purpose]');
        await Promise.race([
          page.waitForSelector('[data-testid=rescue-history]'),
          purpose.waitFor({ state: 'visible' }),
        ]);
        if (await purpose.isVisible()) {
          await purpose.fill('Checking the case for the morning briefing');
          await page.click('form button[type=submit]');
        }
        await page.waitForSelector('[data-testid=rescue-history]');
        expect(await rawCodesOn(page)).toEqual([]);
        await shot(page, `W2/rescue-case-${language}-${width}`);
        await page.close();
      }

      const reporter = await harness.newPage({ width: 390, height: 844 });
      await reporter.goto('/report');
      await reporter.click(`button:has-text("${language === 'ko' ? '한국어' : 'ខ្មែរ'}")`);
      await reporter.waitForSelector('[data-testid=public-report-form]');
      const provinces = await reporter.$$eval(
        'select[name=province] option, select option[value=preah_sihanouk]',
        (options) => options.map((o) => o.textContent ?? ''),
      );
      expect(provinces).toContain(language === 'ko' ? '프레아시하누크' : 'ព្រះសីហនុ');
      expect(provinces.filter((p) => /^[A-Z][a-z]/.test(p))).toEqual([]);
      await shot(reporter, `W2/public-report-${language}-390`);
    });
  }
});
