import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, hasHorizontalOverflow, shot, shotsDir, startHarness } from './harness.ts';
import { demoPassword, signIn } from './journeys.ts';

// Field officers use phones (issue 16): at 390 px the header and navigation took half the screen, tables wrapped
// one character per line and the link chart sat below its form.

const phone = { width: 390, height: 844 };
const languages = ['ko', 'km'] as const;
type Language = (typeof languages)[number];

async function openMenu(page: Page) {
  await page.click('[data-testid=menu-toggle]');
  await page.locator('#shell-nav').waitFor({ state: 'visible' });
}

async function chooseLanguage(page: Page, language: Language) {
  await openMenu(page);
  await page.selectOption('header select[name=language]', language);
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
  await page.keyboard.press('Escape');
  await page.locator('#shell-nav').waitFor({ state: 'hidden' });
}

/** What the browser shows of a table: how its rows are laid out, and each first-row cell's label. */
function tableLayout(page: Page, testId: string) {
  return page.$eval(`[data-testid=${testId}]`, (table) => {
    const element = table as HTMLTableElement;
    const row = element.tBodies[0]?.rows[0];
    const wrap = element.closest('.table-wrap') ?? element.parentElement;
    return {
      headings: Array.from(element.tHead?.rows[0]?.cells ?? [], (cell) => cell.textContent?.trim() ?? ''),
      headHeight: element.tHead?.getBoundingClientRect().height ?? 0,
      rowDisplay: row ? getComputedStyle(row).display : '',
      rowWidth: row?.getBoundingClientRect().width ?? 0,
      cells: Array.from(row?.cells ?? [], (cell) => ({
        label: cell.getAttribute('data-label'),
        printed: getComputedStyle(cell, '::before').content,
        width: cell.getBoundingClientRect().width,
      })),
      wrapScrolls: wrap ? wrap.scrollWidth > wrap.clientWidth : false,
    };
  });
}

async function expectCards(page: Page, testId: string) {
  const layout = await tableLayout(page, testId);
  expect(layout.rowDisplay).toBe('block');
  // The headings stay for screen readers but take no room.
  expect(layout.headHeight).toBeLessThanOrEqual(1);
  expect(layout.wrapScrolls).toBe(false);
  // A card is as wide as the page's column, not one character.
  expect(layout.rowWidth).toBeGreaterThan(300);
  expect(layout.cells.length).toBeGreaterThan(1);
  layout.cells.forEach((cell, index) => {
    const heading = layout.headings[index] ?? '';
    expect(cell.label).toBe(heading);
    if (heading !== '') expect(cell.printed).toBe(JSON.stringify(heading));
  });
}

describe('Liaison on a phone', () => {
  let harness: Harness;

  beforeAll(async () => {
    fs.mkdirSync(path.join(shotsDir, 'W5'), { recursive: true });
    harness = await startHarness();
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('folds the navigation into a menu that opens and navigates, in Korean and Khmer', async () => {
    const page = await harness.newPage(phone);
    await signIn(page, 'investigator@knpa.demo', demoPassword);
    await page.waitForSelector('[data-testid=home-name]');
    for (const language of languages) {
      await chooseLanguage(page, language);
      await page.goto('/');
      await page.waitForSelector('[data-testid=home-name]');
      // Closed, the header is one line of brand and menu and one of search: the page has the screen.
      expect(await page.isVisible('[data-testid=nav-cases]')).toBe(false);
      expect(await page.isVisible('[data-testid=header-user]')).toBe(false);
      const header = await page.locator('.shell-header').boundingBox();
      expect(header?.height).toBeLessThan(phone.height * 0.15);
      expect(await page.getAttribute('[data-testid=menu-toggle]', 'aria-expanded')).toBe('false');
      expect(await hasHorizontalOverflow(page)).toBe(false);
      await shot(page, `W5/home-phone-${language}`);

      await openMenu(page);
      expect(await page.getAttribute('[data-testid=menu-toggle]', 'aria-expanded')).toBe('true');
      expect(await page.isVisible('[data-testid=header-user]')).toBe(true);
      expect(await hasHorizontalOverflow(page)).toBe(false);
      await page.screenshot({ path: `${shotsDir}/W5/menu-phone-${language}.png` });
      await page.click('[data-testid=nav-cases]');
      await page.waitForURL('**/cases');
      await page.waitForSelector('[data-testid=case-list] tbody tr');
      // Choosing a page closes the menu.
      await page.locator('#shell-nav').waitFor({ state: 'hidden' });
      expect(await page.getAttribute('[data-testid=menu-toggle]', 'aria-expanded')).toBe('false');
    }
  }, 90_000);

  it('shows tables as cards with no sideways scroll, the shared entity table too', async () => {
    const page = await harness.newPage(phone);
    await signIn(page, 'investigator@knpa.demo', demoPassword);
    await page.waitForSelector('[data-testid=home-name]');
    for (const language of languages) {
      await chooseLanguage(page, language);
      await page.goto('/cases');
      await page.waitForSelector('[data-testid=case-list] tbody tr');
      await expectCards(page, 'case-list');
      expect(await hasHorizontalOverflow(page)).toBe(false);
      await shot(page, `W5/cases-phone-${language}`);

      // The seeded Cambodian compound case, which has people and accounts on it.
      await page.click('[data-testid=case-list] a >> text=KNPA-2026-000001');
      await page.waitForSelector('[data-testid=case-summary]');
      await page.waitForSelector('[data-testid=case-tasks] tbody tr');
      await expectCards(page, 'case-tasks');
      await page.click('#case-tab-entities');
      await page.waitForSelector('[data-testid=case-entities] tbody tr');
      await expectCards(page, 'case-entities');
      await page
        .locator('[data-testid=case-entities] tbody tr')
        .first()
        .screenshot({ path: `${shotsDir}/W5/case-entity-card-${language}.png` });
      expect(await hasHorizontalOverflow(page)).toBe(false);
      await shot(page, `W5/case-phone-${language}`);
    }
  }, 90_000);

  it('never scrolls sideways on the pages of the menu, in Korean and Khmer, at 390 and 1280 px', async () => {
    for (const viewport of [phone, { width: 1280, height: 800 }]) {
      const page = await harness.newPage(viewport);
      await signIn(page, 'commander@cnp.demo', demoPassword);
      await page.waitForSelector('[data-testid=home-name]');
      const paths = await page.$$eval('#shell-nav a', (links) =>
        links.map((link) => new URL((link as HTMLAnchorElement).href).pathname),
      );
      expect(paths.length).toBeGreaterThan(4);
      // Only a phone needs the menu; wider screens show the navigation and the user's tools as before.
      const isPhone = viewport.width === phone.width;
      expect(await page.isVisible('[data-testid=menu-toggle]')).toBe(isPhone);
      expect(await page.isVisible('[data-testid=nav-cases]')).toBe(!isPhone);
      expect(await page.isVisible('[data-testid=header-user]')).toBe(!isPhone);
      for (const language of languages) {
        if (isPhone) await chooseLanguage(page, language);
        else await page.selectOption('header select[name=language]', language);
        await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
        for (const address of paths) {
          await page.goto(address);
          await page.waitForSelector('main h1');
          // Lists arrive after the heading; give them a moment to lay out before measuring.
          await page.waitForTimeout(400);
          const overflows = await hasHorizontalOverflow(page);
          if (isPhone) {
            // With the menu closed the page starts right under the header, however short it is.
            const gap = await page.evaluate(
              () =>
                (document.querySelector('main')?.getBoundingClientRect().top ?? 0) -
                (document.querySelector('.shell-header')?.getBoundingClientRect().bottom ?? 0),
            );
            expect({ address, gap }).toEqual({ address, gap: 0 });
          }
          await shot(page, `W5/page${address.replace(/\//g, '_')}-${viewport.width}-${language}`);
          expect({ address, overflows }).toEqual({ address, overflows: false });
        }
      }
      await page.context().close();
    }
  }, 240_000);

  it('puts the link chart before its forms on a phone', async () => {
    const page = await harness.newPage(phone);
    await signIn(page, 'analyst@knpa.demo', demoPassword);
    await page.waitForSelector('[data-testid=home-name]');
    for (const language of languages) {
      await chooseLanguage(page, language);
      await page.goto('/graph');
      await page.waitForSelector('[data-testid=chart-page]');
      // Nothing drawn yet: the form that starts a chart is on top.
      const emptyCanvas = await page.locator('.chart-canvas').boundingBox();
      const emptyForm = await page.locator('.chart-side').boundingBox();
      expect(emptyForm!.y).toBeLessThan(emptyCanvas!.y);

      await page.keyboard.press('/');
      await page.keyboard.type('한복남');
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-testid=search-entities]');
      await page.click('[data-testid=search-entities] a >> text=한복남');
      await page.waitForSelector('[data-testid=entity-open-chart]');
      expect(await hasHorizontalOverflow(page)).toBe(false);
      await shot(page, `W5/entity-phone-${language}`);
      await page.click('[data-testid=entity-open-chart]');
      await page.waitForSelector('[data-testid=chart-node-list]');
      await page.waitForSelector('.__________cytoscape_container canvas');
      const canvas = await page.locator('.chart-canvas').boundingBox();
      const form = await page.locator('.chart-side').boundingBox();
      expect(canvas!.y).toBeLessThan(form!.y);
      // The chart is in the first screen, and as wide as the screen allows.
      expect(canvas!.y).toBeLessThan(phone.height / 2);
      expect(canvas!.width).toBeGreaterThan(330);
      expect(canvas!.y + canvas!.height).toBeLessThanOrEqual(phone.height);
      expect(await hasHorizontalOverflow(page)).toBe(false);
      await shot(page, `W5/chart-phone-${language}`);
    }
  }, 90_000);
});
