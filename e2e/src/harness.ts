import fs from 'node:fs';
import path from 'node:path';
import { seedDemo } from '@liaison/server/demo/seed-demo';
import { createNode, type LiaisonNode } from '@liaison/server/node';
import { openTestDatabase } from '@liaison/server/testing/test-database';
import { testConfig } from '@liaison/server/testing/test-node';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { ensureWebBuild, webDist } from './build-web.ts';

export const shotsDir = process.env.LIAISON_SHOTS_DIR ?? '/tmp/liaison-shots';

export interface Harness {
  /** e.g. http://127.0.0.1:41234 */
  baseUrl: string;
  node: LiaisonNode;
  browser: Browser;
  /** A fresh browser context (own cookies and storage) and page, at 1280×800 unless told otherwise. */
  newPage(options?: { width?: number; height?: number }): Promise<Page>;
  close(): Promise<void>;
}

/**
 * A real node in this process (fresh in-memory database with the demo data, serving the built web app)
 * on a free port, and a headless chromium. One per test file: `beforeAll(start)`, `afterAll(close)`.
 */
export async function startHarness(): Promise<Harness> {
  ensureWebBuild();
  const database = await openTestDatabase();
  const node = await createNode(testConfig({ webDist }), { database, logger: false });
  await seedDemo({ app: node.app, ip: null, purpose: null });
  const address = await node.http.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const contexts: BrowserContext[] = [];
  return {
    baseUrl: address,
    node,
    browser,
    async newPage({ width = 1280, height = 800 } = {}) {
      const context = await browser.newContext({
        viewport: { width, height },
        baseURL: address,
        locale: 'en-GB',
      });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      return page;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => {});
      await browser.close();
      await node.close();
    },
  };
}

/** A full-page screenshot into the shots folder (for looking at, not for comparing). */
export async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage: true });
}

/** True when the page is wider than the window, i.e. the user would have to scroll sideways. */
export async function hasHorizontalOverflow(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}
