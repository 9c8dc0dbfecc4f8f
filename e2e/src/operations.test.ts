import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, hasHorizontalOverflow, shot, startHarness } from './harness.ts';
import { demoPassword, signIn } from './journeys.ts';

// A joint operation end to end: the CNP commander plans it in the form with legal authority on both sides and
// gives the GO; an investigator on the ground records it from a phone-width screen (arrived, entered, two
// arrests, one rescue, secured) while the commander's page follows live; the outcome counts them.

/** A wall-clock `datetime-local` value in Cambodia (the demo commander's zone), `hours` from now. */
function ictLocal(hours: number): string {
  const ict = new Date(Date.now() + hours * 3_600_000 + 7 * 3_600_000);
  return ict.toISOString().slice(0, 16);
}

async function api(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = await (await fetch('/api/v1/me')).json();
      const response = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      return { status: response.status, json: await response.json() };
    },
    { method, path, body },
  );
}

describe('a joint operation', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness?.close());

  it('is planned with authority on both sides, decided GO, and executed from a phone with two arrests and a rescue', async () => {
    const commander = await harness.newPage();
    await signIn(commander, 'commander@cnp.demo', demoPassword);
    await commander.waitForURL((url) => !url.pathname.startsWith('/login'));
    const compound = await api(commander, 'POST', '/api/v1/compounds', {
      name: 'Bavet Lucky Park',
      province: 'svay_rieng',
      lat: 11.08,
      lon: 106.15,
    });
    expect(compound.status).toBe(201);

    // The plan, typed into the form.
    await commander.goto('/operations/new');
    const form = commander.locator('[data-testid=operation-form]');
    await form.locator('[name=codeName]').fill('NIGHT RIVER');
    await form
      .locator('[name=objective]')
      .fill('Raid the compound at Bavet; arrest the ring; rescue the confined.');
    await form.locator('[name=compoundId]').selectOption(compound.json.id);
    await form.locator('[name=persons]').fill('PARK JUNHO');
    await form.locator('[name=gates]').fill('3');
    await form.locator('[name=guards]').fill('6');
    await form.locator('[name=borderKm]').fill('0.05');
    await form.locator('[name="teams.0.name"]').fill('Entry team');
    await form.locator('[name="teams.0.headcount"]').fill('40');
    await form.locator('[name="lead.number"]').fill('SVR-2026-117');
    await form.locator('[name="lead.issuedBy"]').fill('Svay Rieng Provincial Court');
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    await form.locator('[name="lead.issuedOn"]').fill(today);
    await form.locator('[name="partner.number"]').fill('2026-영-0042');
    await form.locator('[name="partner.issuedBy"]').fill('Seoul Central District Court');
    await form.locator('[name="partner.issuedOn"]').fill(today);
    await form.locator('[name=start]').fill(ictLocal(-0.2));
    await form.locator('[name=end]').fill(ictLocal(6));
    await form.locator('button[type=submit]').click();
    await commander.waitForURL(/\/operations\/[0-9a-f-]{36}$/);
    const operationId = commander.url().split('/').at(-1)!;
    await expect
      .poll(() => commander.locator('[data-testid=operation-authority]').textContent())
      .toContain('2026-영-0042');

    // The commander's GO.
    await commander.locator('[data-testid=decision-form] button.button-primary').click();
    await expect.poll(() => commander.locator('[data-testid=operation-decisions] li').count()).toBe(1);
    await shot(commander, 'operation-page-go');

    // On the ground: an investigator at phone width.
    const phone = await harness.newPage({ width: 360, height: 740 });
    await signIn(phone, 'investigator@cnp.demo', demoPassword);
    await phone.waitForURL((url) => !url.pathname.startsWith('/login'));
    await phone.goto(`/operations/${operationId}/log`);
    await phone.locator('[data-testid=log-arrived]').click();
    await expect.poll(() => phone.locator('[data-testid=operation-log] li').count()).toBe(1);
    await phone.locator('[data-testid=log-entered]').click();
    await expect.poll(() => phone.locator('[data-testid=operation-log] li').count()).toBe(2);
    const buttonBox = await phone.locator('[data-testid=log-arrest]').boundingBox();
    expect(buttonBox!.height).toBeGreaterThanOrEqual(48);
    for (const [name, nationality] of [
      ['PARK JUNHO', 'KR'],
      ['LI WEI', 'CN'],
    ] as const) {
      await phone.locator('[data-testid=log-arrest]').click();
      const arrest = phone.locator('[data-testid=log-form-arrest]');
      await arrest.locator('[name=name]').fill(name);
      await arrest.locator('[name=nationality]').fill(nationality);
      await arrest.locator('[data-testid=log-send]').click();
      await expect.poll(() => phone.locator('[data-testid=log-form-arrest]').count()).toBe(0);
    }
    await phone.locator('[data-testid=log-rescue]').click();
    const rescue = phone.locator('[data-testid=log-form-rescue]');
    await rescue.locator('[name=name]').fill('KIM MINJUN');
    await rescue.locator('[data-testid=log-send]').click();
    await expect.poll(() => phone.locator('[data-testid=log-form-rescue]').count()).toBe(0);
    await phone.locator('[data-testid=log-secured]').click();
    await expect.poll(() => phone.locator('[data-testid=operation-log] li').count()).toBe(6);
    expect(await hasHorizontalOverflow(phone)).toBe(false);
    await shot(phone, 'operation-log-phone');

    // The commander's page followed without reloading.
    await expect
      .poll(() => commander.locator('[data-testid=operation-log] li').count(), { timeout: 10_000 })
      .toBe(6);
    const outcome = await commander.locator('[data-testid=operation-outcome]').textContent();
    expect(outcome).toContain('KR 1');
    expect(outcome).toContain('CN 1');
    const detail = await api(commander, 'GET', `/api/v1/operations/${operationId}`);
    expect(detail.json).toMatchObject({ status: 'under_way', tally: { arrests: 2, rescues: 1 } });
    expect(detail.json.rescues[0].rescueCaseReference).toMatch(/^RC-\d{4}-\d{4}$/);
    expect(detail.json.log.map((e: { kind: string }) => e.kind)).toEqual([
      'arrived',
      'entered',
      'arrest',
      'arrest',
      'rescue',
      'secured',
    ]);
  });
});
