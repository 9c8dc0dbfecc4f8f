import { seedDemo } from '@liaison/server/demo/seed-demo';
import { introduce } from '@liaison/server/federation/testing';
import { createNode, type LiaisonNode } from '@liaison/server/node';
import { openTestDatabase } from '@liaison/server/testing/test-database';
import { testConfig } from '@liaison/server/testing/test-node';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { ensureWebBuild, webDist } from './build-web.ts';
import { demoPassword, signIn } from './journeys.ts';

// Two real nodes in this process, as the two agencies run them: KNPA (Korea) and the CNP joint desk
// (Cambodia), each with its own in-memory database (demo data) and port, peered the way `liaison peer add`
// does it, and one headless chromium. Their delivery workers run on their own, so what the browser sees is live.

export interface DemoNode {
  node: LiaisonNode;
  url: string;
}

export interface TwoNodes {
  knpa: DemoNode;
  cnp: DemoNode;
  /** A fresh browser context on `target`, signed in as `email` (a demo account) and at Home. */
  signedIn(target: DemoNode, email: string): Promise<Page>;
  close(): Promise<void>;
}

async function startNode(name: string, agency: string, country: string): Promise<DemoNode> {
  const database = await openTestDatabase();
  const node = await createNode(
    testConfig({ webDist, nodeName: name, nodeAgency: agency, nodeCountry: country }),
    { database, logger: false },
  );
  await seedDemo({ app: node.app, ip: null, purpose: null });
  const url = await node.http.listen({ port: 0, host: '127.0.0.1' });
  node.app.config.publicUrl = url;
  return { node, url };
}

export async function startTwoNodes(): Promise<TwoNodes> {
  ensureWebBuild();
  const [knpa, cnp] = await Promise.all([startNode('knpa', 'KNPA', 'KR'), startNode('cnp', 'CNP', 'KH')]);
  await introduce(knpa, cnp);
  await introduce(cnp, knpa);
  const browser: Browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  const contexts: BrowserContext[] = [];
  return {
    knpa,
    cnp,
    async signedIn(target, email) {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 900 },
        baseURL: target.url,
        locale: 'en-GB',
      });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      await signIn(page, email, demoPassword);
      await page.waitForSelector('[data-testid=home-name]');
      return page;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => {});
      await browser.close();
      await knpa.node.close();
      await cnp.node.close();
    },
  };
}
