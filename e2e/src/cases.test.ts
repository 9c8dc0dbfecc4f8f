import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, hasHorizontalOverflow, shot, startHarness } from './harness.ts';
import { demoPassword, signIn } from './journeys.ts';

describe('joint cases', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('lets an investigator open a case, add a task and a note, and find it in the list', async () => {
    const page = await harness.newPage();
    await signIn(page, 'investigator@knpa.demo', demoPassword);
    await page.waitForSelector('[data-testid=home-name]');

    await page.click('[data-testid=nav-cases]');
    await page.waitForSelector('[data-testid=case-list]');
    await shot(page, 'cases-list');
    await page.click('a[href="/cases/new"]');
    await page.fill('[data-testid=case-form] input[name=title]', 'E2E: mule accounts in Poipet');
    await page.check('[data-testid=case-form] input[name=crimeTypes][value=voice_phishing]');

    // The form keeps its draft across a reload.
    await page.reload();
    expect(await page.inputValue('[data-testid=case-form] input[name=title]')).toBe(
      'E2E: mule accounts in Poipet',
    );
    expect(await page.isChecked('[data-testid=case-form] input[name=crimeTypes][value=voice_phishing]')).toBe(
      true,
    );
    await page.click('[data-testid=case-form] button[type=submit]');

    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await page.waitForSelector('[data-testid=case-summary]');
    expect(await page.textContent('h1')).toMatch(/^KNPA-\d{4}-\d{6} · E2E: mule accounts in Poipet$/);
    expect(await page.textContent('[data-testid=case-markings]')).toContain('TLP:AMBER');

    await page.fill('[data-testid=task-form] input[name=title]', 'Freeze the Poipet mule accounts');
    await page.click('[data-testid=task-form] button[type=submit]');
    await page.waitForSelector('[data-testid=case-tasks] >> text=Freeze the Poipet mule accounts');

    await page.click('#case-tab-notes');
    await page.fill('[data-testid=note-form] textarea[name=body]', '피해자 3명, 같은 텔레그램 ID');
    await page.click('[data-testid=note-form] button[type=submit]');
    await page.waitForSelector('[data-testid=case-notes] >> text=피해자 3명, 같은 텔레그램 ID');
    expect(await hasHorizontalOverflow(page)).toBe(false);
    await shot(page, 'case-page');

    await page.click('[data-testid=nav-cases]');
    await page.waitForSelector('[data-testid=case-list] >> text=E2E: mule accounts in Poipet');
  });
});
