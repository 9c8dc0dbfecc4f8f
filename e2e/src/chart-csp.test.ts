import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness.ts';
import { demoPassword, signIn } from './journeys.ts';

// The node's CSP allows styles from its own files only (style-src 'self'): the link chart must draw without
// an inline <style> (cytoscape adds one for its container unless told otherwise) — issue 16.

describe('the link chart under the CSP', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('draws a chart with no Content Security Policy violation', async () => {
    const analyst = await harness.newPage({ width: 1440, height: 900 });
    const violations: string[] = [];
    analyst.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await signIn(analyst, 'analyst@knpa.demo', demoPassword);
    await analyst.waitForSelector('[data-testid=home-name]');
    await analyst.keyboard.press('/');
    await analyst.keyboard.type('한복남');
    await analyst.keyboard.press('Enter');
    await analyst.waitForSelector('[data-testid=search-entities]');
    await analyst.click('[data-testid=search-entities] a >> text=한복남');
    await analyst.waitForSelector('[data-testid=entity-open-chart]');
    await analyst.click('[data-testid=entity-open-chart]');
    await analyst.waitForSelector('[data-testid=chart-node-list]');
    await analyst.waitForSelector('.__________cytoscape_container canvas');
    // The container is positioned by the app's own stylesheet, as cytoscape needs it to be.
    const position = await analyst.$eval(
      '.__________cytoscape_container',
      (el) => getComputedStyle(el).position,
    );
    expect(position).toBe('relative');
    expect(await analyst.$$('style#__________cytoscape_stylesheet')).toHaveLength(0);
    expect(violations).toEqual([]);
  }, 60_000);
});
