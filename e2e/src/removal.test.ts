import { FugitiveInput, FugitiveStepInput } from '@liaison/core/fugitives/schemas';
import { systemCtx } from '@liaison/server/context';
import { addFugitiveStep, createFugitive } from '@liaison/server/fugitives/fugitives-service';
import { createTestUser, userPrincipal } from '@liaison/server/testing/factories';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, shot, startHarness } from './harness.ts';
import { demoPassword, signIn } from './journeys.ts';

const day = 86_400_000;

/** A fugitive entered, arrested and detained through the register's own writes, as the officer. */
async function detainedFugitive(harness: Harness, n: number, hangul: string, latin: string) {
  const app = harness.node.app;
  const user = await app.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', 'investigator@knpa.demo')
    .executeTakeFirstOrThrow();
  const actor = await userPrincipal(app, user.id);
  const ctx = systemCtx(app);
  const fugitive = await createFugitive(
    ctx,
    actor,
    FugitiveInput.parse({
      names: [
        { value: hangul, script: 'hangul', kind: 'primary' },
        { value: latin, script: 'latin', kind: 'passport' },
      ],
      birthDate: `1994-0${n}-2${n}`,
      nationality: 'KR',
      passport: { number: `M9100000${n}` },
      warrant: {
        number: `2026-SEOUL-77${n}`,
        court: 'Seoul Central District Court',
        charges: ['Fraud (voice phishing)'],
        issuedOn: '2025-11-01',
        expiresOn: '2027-11-01',
      },
      markings: { tlp: 'AMBER', handlingCode: 'H0' },
    }),
  );
  const at = (ms: number) => new Date(Date.now() + ms).toISOString();
  await addFugitiveStep(
    ctx,
    actor,
    fugitive.id,
    FugitiveStepInput.parse({ state: 'arrested', occurredAt: at(-2 * day) }),
  );
  await addFugitiveStep(
    ctx,
    actor,
    fugitive.id,
    FugitiveStepInput.parse({
      state: 'detained',
      occurredAt: at(-day),
      details: { facility: 'Immigration detention, Phnom Penh' },
    }),
  );
  return fugitive;
}

const reason = (page: Page) => page.getAttribute('[data-testid=removal-proposal]', 'data-reason');

describe('removal planning', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
    // Officers enough for the escort pool (two suspects need four escorts).
    for (let i = 0; i < 4; i++) await createTestUser(harness.node.app, ['investigator'], 'KNPA');
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('plans two suspects on one commercial flight within the escort rule; a third makes the planner propose a charter', async () => {
    const first = await detainedFugitive(harness, 1, '오준혁', 'OH JUNHYEOK');
    const second = await detainedFugitive(harness, 2, '신다은', 'SHIN DAEUN');
    const third = await detainedFugitive(harness, 3, '배성민', 'BAE SEONGMIN');

    const page = await harness.newPage();
    await signIn(page, 'investigator@knpa.demo', demoPassword);
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    // From the two fugitives (as a fugitive page or a list links here).
    await page.goto(`/removals/new?fugitive=${first.id}&fugitive=${second.id}`);
    await page.waitForSelector('[data-testid=removal-proposal]');
    expect(await reason(page)).toBe('commercial_fits');
    await page.fill('input[name=unitName]', 'KNPA — Incheon Airport Police Unit');
    await page.fill('input[name=unitPlace]', 'Incheon International Airport T2');
    await page.click('[data-testid=removal-create]');
    await page.waitForURL((url) => /^\/removals\/[0-9a-f-]{36}$/.test(url.pathname));
    await page.waitForSelector('[data-testid=removal-suspects] tr[data-suspect="OH JUNHYEOK"]');
    expect(await reason(page)).toBe('commercial_fits');

    // One commercial flight, both suspects on it.
    const date = new Date(Date.now() + 2 * day).toISOString().slice(0, 10);
    await page.fill('[data-testid=flight-form] input[name=airline]', 'Korean Air');
    await page.fill('[data-testid=flight-form] input[name=flightNumber]', 'KE690');
    await page.fill('[data-testid=flight-form] input[name=departsAt]', `${date}T01:30`);
    await page.fill('[data-testid=flight-form] input[name=arrivesAt]', `${date}T07:20`);
    await page.click('[data-testid=flight-add]');
    await page.waitForSelector('[data-testid=removal-flights]');
    expect(await page.textContent('[data-testid=flight-load]')).toContain('2');

    // Escorts proposed from the pool of officers, assigned in one go: the plan meets the rule.
    await page.click('[data-testid=escorts-propose]');
    await page.waitForSelector('[data-testid=escort-proposal]');
    await page.click('[data-testid=escorts-apply]');
    await page.waitForSelector('[data-testid=removal-ready]');
    expect(await page.isEnabled('[data-testid=removal-confirm]')).toBe(true);
    expect(await page.locator('[data-testid=removal-escorts] li').count()).toBe(4);
    await shot(page, 'removal-two-suspects-commercial');

    // A third suspect: the planner proposes a charter, and says why.
    await page.click('[data-testid=suspects-add-open]');
    await page.check(`input[name="fugitive-${third.id}"]`);
    await page.click('[data-testid=suspects-add]');
    await page.waitForSelector('[data-testid=removal-suspects] tr[data-suspect="BAE SEONGMIN"]');
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid=removal-proposal]')?.getAttribute('data-reason') ===
        'charter_over_limit',
    );
    const rule = (await page.textContent('[data-testid=removal-rule]')) ?? '';
    expect(rule).toMatch(/3/);
    expect(await page.isDisabled('[data-testid=removal-confirm]')).toBe(true);
    expect(await page.locator('[data-testid=removal-problems] li').count()).toBeGreaterThan(0);
    // Putting him on the full commercial flight is refused, naming the rule.
    const thirdRow = page.locator('[data-testid=removal-suspects] tr[data-suspect="BAE SEONGMIN"]');
    const flightOption = await thirdRow
      .locator('select[data-testid=suspect-flight] option')
      .nth(1)
      .getAttribute('value');
    await thirdRow.locator('select[data-testid=suspect-flight]').selectOption(flightOption!);
    await page.waitForSelector('[data-testid=removal-refused] .notice-error');
    expect(await page.textContent('[data-testid=removal-refused]')).toContain('2');
    await shot(page, 'removal-third-suspect-charter');

    // The manifest of the plan downloads as PDF.
    const href = (await page.getAttribute('[data-testid=manifest-pdf]', 'href')) ?? '';
    const pdf = await page.request.get(href);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  }, 180_000);
});
