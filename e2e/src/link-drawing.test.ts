import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, shot, shotsDir, startHarness } from './harness.ts';
import { demoPassword, signIn } from './journeys.ts';

// Issue 16, the analyst's tools: links drawn in the web app (entity page and chart) with type, dates and amounts;
// entities picked by search, never by id; the shortest path said in words; the export named after the chart with
// its markings; the chart's canvas drawing Hangul and Khmer in the bundled Noto faces.

async function setLanguage(page: Page, language: 'en' | 'ko' | 'km') {
  await page.selectOption('header select[name=language]', language);
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
}

describe('drawing links and reading the chart', () => {
  let harness: Harness;
  const ids: Record<string, { id: string; caption: string }> = {};

  beforeAll(async () => {
    harness = await startHarness();
    const rows = await harness.node.app.db
      .selectFrom('entities')
      .select(['id', 'caption', 'properties'])
      .where('type', 'in', ['bank_account', 'person'])
      .execute();
    for (const row of rows) {
      const text = JSON.stringify(row.properties);
      if (text.includes('123-45-678901')) ids.kb = row;
      if (text.includes('110-123-456789')) ids.shinhan = row;
      if (text.includes('한복남')) ids.han = row;
      if (text.includes('김민수')) ids.kim = row;
    }
    expect(Object.keys(ids).sort()).toEqual(['han', 'kb', 'kim', 'shinhan']);
  }, 120_000);

  afterAll(async () => {
    await harness?.close();
  });

  const linksBetween = (a: string, b: string) =>
    harness.node.app.db
      .selectFrom('links')
      .select(['type', 'properties', 'valid_from'])
      .where((eb) =>
        eb.or([
          eb.and([eb('source_id', '=', a), eb('target_id', '=', b)]),
          eb.and([eb('source_id', '=', b), eb('target_id', '=', a)]),
        ]),
      )
      .execute();

  it('draws a transfer from the entity page to an account found by search; a missing amount writes nothing', async () => {
    const page = await harness.newPage({ width: 1280, height: 900 });
    await signIn(page, 'analyst@knpa.demo', demoPassword);
    await page.waitForSelector('[data-testid=home-name]');
    await page.goto(`/graph/entities/${ids.kb!.id}`);
    const form = page.locator('[data-testid=link-form]');
    await form.waitFor();
    await form.locator('select[name=linkType]').selectOption('transferred_to');
    // The target is found by typing part of its number; the list shows only what fits a transfer.
    await page.fill('[data-testid=link-target-search]', '110-123');
    const option = page.locator('[data-testid=link-target-options] [role=option]', {
      hasText: ids.shinhan!.caption,
    });
    await option.click();
    await expect(page.locator('[data-testid=link-target-chosen]').getAttribute('data-id')).resolves.toBe(
      ids.shinhan!.id,
    );
    await form.locator('input[name=validFrom]').fill('2025-11-01');
    await form.locator('input[name=currency]').fill('krw');
    await form.locator('input[name=at]').fill('2025-11-05T10:00');
    await form.locator('button[type=submit]').click();
    // The server names the missing amount under its field, and nothing is written.
    await form.locator('.field-error').first().waitFor();
    expect(await form.locator('.field[data-invalid=true] input[name=amount]').count()).toBe(1);
    expect(await linksBetween(ids.kb!.id, ids.shinhan!.id)).toEqual([]);

    await form.locator('input[name=amount]').fill('5000000');
    await form.locator('button[type=submit]').click();
    await page.waitForSelector('[data-testid=link-created]');
    const stored = await linksBetween(ids.kb!.id, ids.shinhan!.id);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.type).toBe('transferred_to');
    expect(stored[0]!.properties).toMatchObject({ amount: 5_000_000, currency: 'KRW' });
    expect(String(stored[0]!.valid_from)).toMatch(/2025-11-0[01]/);
    await page.locator('[data-testid=entity-neighbours] li', { hasText: ids.shinhan!.caption }).waitFor();
    for (const language of ['ko', 'km'] as const) {
      await page.setViewportSize({ width: 1280, height: 900 });
      await setLanguage(page, language);
      await form.locator('select[name=linkType]').selectOption('transferred_to');
      await shot(page, `w3/entity-link-form-${language}-1280`);
      await page.setViewportSize({ width: 390, height: 844 });
      await shot(page, `w3/entity-link-form-${language}-390`);
    }
  }, 90_000);

  it('starts the chart by search, draws a link from the selected entity, says the path, exports with markings', async () => {
    const page = await harness.newPage({ width: 1280, height: 900 });
    await signIn(page, 'analyst@knpa.demo', demoPassword);
    await page.waitForSelector('[data-testid=home-name]');
    await setLanguage(page, 'ko');
    await page.goto('/graph');
    await page.fill('[data-testid=chart-start-search]', '한복남');
    await page
      .locator('[data-testid=chart-start-options] [role=option]', { hasText: '한복남' })
      .first()
      .click();
    await page.click('[data-testid=chart-expand-form] button[type=submit]');
    await page.waitForSelector('[data-testid=chart-node-list]');
    await page.waitForSelector('[data-testid=chart-canvas][data-fonts=ready]');

    // Select 한복남 and draw "uses" to the Shinhan account, found by search.
    await page.locator('[data-testid=chart-node-list] button', { hasText: ids.han!.caption }).first().click();
    const form = page.locator('[data-testid=link-form]');
    await form.locator('select[name=linkType]').selectOption('uses');
    await page.fill('[data-testid=link-target-search]', '110-123');
    await page
      .locator('[data-testid=link-target-options] [role=option]', { hasText: ids.shinhan!.caption })
      .click();
    await form.locator('input[name=validFrom]').fill('2025-10-01');
    await form.locator('button[type=submit]').click();
    await page.waitForSelector('[data-testid=link-created]');
    expect((await linksBetween(ids.han!.id, ids.shinhan!.id)).map((l) => l.type)).toEqual(['uses']);
    await page
      .locator('[data-testid=chart-node-list] li', { hasText: ids.shinhan!.caption })
      .first()
      .waitFor();

    // The shortest path from the Shinhan account to 김민수, in words (the link drawn is part of it).
    const pathForm = page.locator('[data-testid=chart-path-form]');
    await pathForm.locator('select[name=pathFrom]').selectOption(ids.shinhan!.id);
    await pathForm.locator('select[name=pathTo]').selectOption(ids.kim!.id);
    await pathForm.locator('button[type=submit]').click();
    const words = page.locator('[data-testid=chart-path-words]');
    await words.waitFor();
    const steps = await words.locator('li').allTextContents();
    expect(steps).toEqual([
      `${ids.shinhan!.caption} ← 사용 — ${ids.han!.caption}`,
      `${ids.han!.caption} — 공범·지인 → ${ids.kim!.caption}`,
    ]);

    // The canvas draws its labels in the bundled faces, which now cover them.
    await page.waitForSelector('[data-testid=chart-canvas][data-fonts=ready]');
    expect(
      await page.evaluate(
        (text) => document.fonts.check('12px "Noto Sans KR Variable"', text),
        `${ids.han!.caption} 사용 공범`,
      ),
    ).toBe(true);
    const families = await page.evaluate(() => {
      const faces: string[] = [];
      document.fonts.forEach((f) => {
        if (f.status === 'loaded') faces.push(f.family);
      });
      return faces;
    });
    expect(families.some((f) => f.includes('Noto Sans KR'))).toBe(true);

    // Saved under a name, the export is named after it; the markings are written above the picture.
    await page.fill('[data-testid=chart-save-form] input[name=name]', '한복남 조직망');
    await page.click('[data-testid=chart-save-form] button[type=submit]');
    await page.locator('[data-testid=saved-charts]', { hasText: '한복남 조직망' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid=chart-export]'),
    ]);
    const file = download.suggestedFilename();
    expect(file).toMatch(/^liaison-chart-한복남-조직망-\d{4}-\d{2}-\d{2}\.png$/);
    fs.mkdirSync(path.join(shotsDir, 'w3'), { recursive: true });
    await download.saveAs(path.join(shotsDir, 'w3', 'chart-export-ko.png'));
    await shot(page, 'w3/chart-ko-1280');

    // In Khmer the canvas's link and type names are Khmer, drawn in the Khmer face once it has loaded.
    await setLanguage(page, 'km');
    await page.waitForSelector('[data-testid=chart-canvas][data-fonts=ready]');
    expect(
      await page.evaluate(() => document.fonts.check('12px "Noto Sans Khmer Variable"', 'ប្រើប្រាស់ មនុស្ស')),
    ).toBe(true);
    const [khmerDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid=chart-export]'),
    ]);
    await khmerDownload.saveAs(path.join(shotsDir, 'w3', 'chart-export-km.png'));
    await shot(page, 'w3/chart-km-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, 'w3/chart-km-390');
  }, 120_000);
});
