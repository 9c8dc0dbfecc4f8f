import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness.ts';
import { demoPassword, signIn } from './journeys.ts';

// Hits without noise (issue 16): the case page's paste-to-extract keeps whole numbers and accounts, and offers
// the record already carrying an identifier instead of entering it again.

const shots = '/tmp/liaison-shots/W1';

async function openCase(page: Page, title: string): Promise<void> {
  await page.click('[data-testid=nav-cases]');
  await page.click('a[href="/cases/new"]');
  await page.fill('[data-testid=case-form] input[name=title]', title);
  await page.check('[data-testid=case-form] input[name=crimeTypes][value=voice_phishing]');
  await page.click('[data-testid=case-form] button[type=submit]');
  await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
  await page.waitForSelector('[data-testid=case-summary]');
}

async function setLanguage(page: Page, language: 'en' | 'ko' | 'km') {
  await page.selectOption('select[name=language]', language);
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
}

/** Pastes into the case page's text box as a user does (focus, then the clipboard's text inserted at once). */
async function pasteAndExtract(page: Page, text: string) {
  const box = page.locator('[data-testid=extract-form] textarea[name=text]');
  await box.fill('');
  await box.focus();
  await page.keyboard.insertText(text);
  await page.click('[data-testid=extract-form] button:not([data-testid=extract-add])');
  await page.waitForSelector('[data-testid=extract-results]');
}

const pasted = '피해자 연락처: +855 88 123 4567\n입금 계좌 국민은행 123-45-678901 (예금주 김철수)';

describe('paste to extract on the case page', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  }, 120_000);
  afterAll(async () => {
    await harness?.close();
  });

  it('keeps "+855 88 123 4567" and "국민은행 123-45-678901" whole, and offers the record already in the case', async () => {
    const page = await harness.newPage();
    await signIn(page, 'investigator@knpa.demo', demoPassword);
    await page.waitForSelector('[data-testid=home-name]');
    await setLanguage(page, 'ko');
    await openCase(page, 'E2E: 붙여넣기 추출');
    await page.click('#case-tab-entities');
    await page.click('details.add-entity:has([data-testid=extract-form]) > summary');

    await pasteAndExtract(page, pasted);
    const items = page.locator('[data-testid=extract-item]');
    expect(await items.count()).toBe(2);
    const texts = await items.allInnerTexts();
    expect(texts.join('\n')).toContain('+855 88 123 4567');
    expect(texts.join('\n')).toMatch(/123-45-678901/);
    expect(texts.join('\n')).not.toMatch(/too short|\+85588123\b/);
    // Nothing of this new case carries them yet (the demo's records elsewhere may: offered, not duplicated).
    expect(await page.locator('[data-testid=extract-existing][data-in-case=true]').count()).toBe(0);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: `${shots}/extract-found-ko-1280.png`, fullPage: true });
    await page.click('[data-testid=extract-add]');
    await page.waitForSelector('[data-testid=case-entities] >> text=+855 88 123 4567');

    // The same phone and account again, spelt otherwise: offered as already in the case, not added twice.
    await pasteAndExtract(page, '다시: +855-88-123-4567, 국민은행 12345678901');
    await page.waitForSelector('[data-testid=extract-existing][data-in-case=true]');
    const again = page.locator('[data-testid=extract-item]');
    for (let i = 0; i < (await again.count()); i++) {
      const item = again.nth(i);
      if (await item.locator('[data-testid=extract-existing][data-in-case=true]').count())
        expect(await item.locator('input[type=checkbox]').isDisabled()).toBe(true);
    }
    await page.screenshot({ path: `${shots}/extract-existing-ko-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${shots}/extract-existing-ko-390.png`, fullPage: true });
    // The language select sits in the menu at phone width: change it at desk width.
    await page.setViewportSize({ width: 1280, height: 900 });
    await setLanguage(page, 'km');
    await page.screenshot({ path: `${shots}/extract-existing-km-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${shots}/extract-existing-km-390.png`, fullPage: true });
    const rows = await page.locator('[data-testid=case-entities] >> text=+855 88 123 4567').count();
    expect(rows).toBe(1);
  }, 120_000);
});
