import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness.ts';
import { demoPassword, signIn } from './journeys.ts';

describe('the compound map', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('shows a compound name made of HTML as text in its tooltip, injecting nothing', async () => {
    const page = await harness.newPage();
    await signIn(page, 'liaison@knpa.demo', demoPassword);
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    const name = `<img src=x onerror="document.body.dataset.injected='yes'">`;
    const status = await page.evaluate(async (compoundName) => {
      const me = await (await fetch('/api/v1/me')).json();
      const response = await fetch('/api/v1/compounds', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ name: compoundName, province: 'svay_rieng', lat: 11.2, lon: 106.4 }),
      });
      return response.status;
    }, name);
    expect(status).toBe(201);

    await page.click('[data-testid=nav-compounds]');
    await page.waitForURL((url) => url.pathname === '/compounds');
    // Circle markers are SVG paths in the overlay pane, drawn in the marker colour; provinces are grey.
    const markers = page.locator('.leaflet-overlay-pane path[stroke="#b71c1c"]');
    await markers.first().waitFor();
    const tooltips = page.locator('.leaflet-tooltip-pane .leaflet-tooltip:not(.map-label)');
    const ours = tooltips.filter({ hasText: 'onerror' });
    const injectedImage = page.locator('.leaflet-tooltip-pane img');
    // Hover each marker until the crafted compound's tooltip opens: as text it says "onerror"; as HTML it
    // holds an <img> instead.
    let found = false;
    for (const marker of await markers.all()) {
      await marker.hover({ force: true });
      await tooltips
        .first()
        .waitFor({ timeout: 2_000 })
        .catch(() => {});
      if ((await ours.count()) > 0 || (await injectedImage.count()) > 0) {
        found = true;
        break;
      }
    }
    expect(found).toBe(true);
    expect(await injectedImage.count()).toBe(0);
    expect(await ours.textContent()).toBe(`${name} (Active)`);
    // An injected image's error handler runs once its load fails: give it the time to.
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => document.body.dataset.injected ?? null)).toBeNull();
  });
});
