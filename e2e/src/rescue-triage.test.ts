import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, shot, shotsDir, startHarness } from './harness.ts';
import { demoPassword, signIn } from './journeys.ts';

const phone = { width: 390, height: 844 };
let ip = 40;

async function move(page: Page, to: string) {
  await page.click(`[data-testid=move-${to}]`);
  await page.waitForFunction((state) => !document.querySelector(`[data-testid=move-${state}]`), to);
}

describe('rescue triage and state meaning', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    await harness?.close();
  });

  /** A public report, as the form files it: no team yet. */
  async function publicReport(name: string, passport: string): Promise<{ id: string; reference: string }> {
    const response = await harness.node.http.inject({
      method: 'POST',
      url: '/api/v1/public/reports',
      remoteAddress: `203.0.113.${ip++}`,
      payload: {
        consentToProcessing: true,
        reporter: { relation: 'sibling', phone: '010-4141-5252', language: 'ko' },
        person: { namesHangul: [name], birthDate: '2003-07-07', passportNumber: passport },
        location: { province: 'svay_rieng' },
        narrative: '아들이 시아누크빌의 단지에 갇혀 있다고 연락이 왔습니다.',
        indicators: ['no_contact_over_72h'],
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    return harness.node.app.db
      .selectFrom('rescue_reports')
      .innerJoin('rescue_cases', 'rescue_cases.id', 'rescue_reports.case_id')
      .select(['rescue_cases.id', 'rescue_cases.reference'])
      .where('rescue_reports.public_reference', '=', response.json().reference)
      .executeTakeFirstOrThrow();
  }

  it('takes a public report from the queue without a purpose, and confirms an incomplete repatriation with a reason', async () => {
    const first = await publicReport('문가람', 'M81112222');
    const officer = await harness.newPage();
    await signIn(officer, 'consular@mofa.demo', demoPassword);
    await officer.waitForURL((url) => !url.pathname.startsWith('/login'));
    await officer.selectOption('header select[name=language]', 'ko');
    await officer.goto('/rescue');
    const row = officer.locator(`[data-testid=triage-row-${first.reference}]`);
    await row.waitFor();
    // The queue names the report by reference and place only.
    expect(await officer.textContent('[data-testid=triage-queue]')).not.toContain('문가람');
    expect(await row.textContent()).toContain('온라인 신고서');
    await shot(officer, 'W4/triage-queue-ko-1280');

    const mobile = await harness.newPage(phone);
    await signIn(mobile, 'consular@mofa.demo', demoPassword);
    await mobile.waitForURL((url) => !url.pathname.startsWith('/login'));
    await mobile.goto('/rescue');
    await mobile.locator(`[data-testid=triage-row-${first.reference}]`).waitFor();
    await shot(mobile, 'W4/triage-queue-ko-390');

    // Taking it opens the case at once: no purpose prompt, the officer is the team.
    await officer.click(`[data-testid=take-${first.reference}]`);
    await officer.waitForURL((url) => url.pathname === `/rescue/${first.id}`);
    await officer.waitForSelector('[data-testid=person-names]');
    expect(await officer.locator('input[name=purpose]').count()).toBe(0);
    expect(await officer.textContent('[data-testid=person-names]')).toContain('문가람');

    // Linking a registered compound elsewhere keeps the family's province, and the form says so.
    await officer.selectOption('select[name=compound-id]', { label: 'Golden Fortune Park' });
    await officer.waitForSelector('[data-testid=province-differs]');
    expect(await officer.inputValue('select[name=province]')).toBe('svay_rieng');
    await officer
      .locator('[data-testid=location-form]')
      .screenshot({ path: `${shotsDir}/W4/location-ko-1280.png` });
    await officer.click('[data-testid=location-submit]');
    await officer.waitForSelector('[data-testid=location-submit-saved]');
    await officer.waitForFunction(() =>
      document.querySelector('[data-testid=person-panel]')?.textContent?.includes('등록부'),
    );

    await officer.goto('/rescue');
    await officer.waitForSelector('[data-testid=stats-total]');
    expect(await officer.locator(`[data-testid=triage-row-${first.reference}]`).count()).toBe(0);

    // Along the path to protection, then "repatriated" with none of the steps on record.
    await officer.goto(`/rescue/${first.id}`);
    for (const state of [
      'verifying',
      'located',
      'rescue_requested',
      'rescue_planned',
      'rescued',
      'in_protection',
    ])
      await move(officer, state);
    await officer.click('[data-testid=move-repatriated]');
    const confirmation = officer.locator('[data-testid=confirm-incomplete]');
    await confirmation.waitFor();
    const text = (await confirmation.textContent()) ?? '';
    for (const step of ['여행 증명서', '항공편', '도착', '인계']) expect(text).toContain(step);
    expect(await officer.isDisabled('[data-testid=confirm-move]')).toBe(true);
    await officer
      .locator('section[aria-label="상태 변경"]')
      .screenshot({ path: `${shotsDir}/W4/confirm-incomplete-ko-1280.png` });
    await officer.fill('input[name=transition-reason]', '가족과 함께 귀국, 서류는 대사관이 추후 송부');
    await officer.click('[data-testid=confirm-move]');
    await officer.waitForSelector('[data-testid=move-closed]');
    expect(await officer.locator('[data-testid=confirm-incomplete]').count()).toBe(0);
    const stored = await harness.node.app.db
      .selectFrom('rescue_events')
      .select(['reason', 'details'])
      .where('case_id', '=', first.id)
      .where('to_state', '=', 'repatriated')
      .executeTakeFirstOrThrow();
    expect(stored.reason).toContain('서류는 대사관이');
    expect(stored.details).toMatchObject({ confirmedIncomplete: true });

    // The same in Khmer, on the phone: the queue, taking, and the confirmation's wording.
    const second = await publicReport('문가온', 'M81113333');
    await officer.selectOption('header select[name=language]', 'km');
    await officer.goto('/rescue');
    await officer.locator(`[data-testid=triage-row-${second.reference}]`).waitFor();
    await shot(officer, 'W4/triage-queue-km-1280');
    const khmer = await harness.newPage(phone);
    await signIn(khmer, 'consular@mofa.demo', demoPassword);
    await khmer.waitForURL((url) => !url.pathname.startsWith('/login'));
    await khmer.goto('/rescue');
    await khmer.locator(`[data-testid=triage-row-${second.reference}]`).waitFor();
    await shot(khmer, 'W4/triage-queue-km-390');
    await khmer.click(`[data-testid=take-${second.reference}]`);
    await khmer.waitForURL((url) => url.pathname === `/rescue/${second.id}`);
    for (const state of [
      'verifying',
      'located',
      'rescue_requested',
      'rescue_planned',
      'rescued',
      'in_protection',
    ])
      await move(khmer, state);
    await khmer.click('[data-testid=move-repatriated]');
    await khmer.locator('[data-testid=confirm-incomplete]').waitFor();
    expect(await khmer.textContent('[data-testid=confirm-incomplete]')).toContain('ឯកសារធ្វើដំណើរ');
    await khmer.locator('[data-testid=confirm-incomplete]').scrollIntoViewIfNeeded();
    await khmer
      .locator('[data-testid=confirm-incomplete]')
      .screenshot({ path: `${shotsDir}/W4/confirm-incomplete-km-390.png` });
    await officer.goto(`/rescue/${second.id}`);
    await officer.waitForSelector('[data-testid=person-names]');
    await officer
      .locator('[data-testid=person-panel]')
      .screenshot({ path: `${shotsDir}/W4/person-km-1280.png` });
  });

  it('shows the family their status in their language, switched on the page', async () => {
    const response = await harness.node.http.inject({
      method: 'POST',
      url: '/api/v1/public/reports',
      remoteAddress: `203.0.113.${ip++}`,
      payload: {
        consentToProcessing: true,
        reporter: { relation: 'sibling', phone: '010-4141-6363', language: 'ko' },
        person: { namesHangul: ['문가윤'], birthDate: '2003-08-08' },
        location: { province: 'svay_rieng' },
        narrative: '동생과 연락이 끊겼습니다.',
        indicators: ['no_contact_over_72h'],
      },
    });
    const { statusPath } = response.json();
    const family = await harness.newPage(phone);
    await family.goto(statusPath);
    await family.click('button:has-text("한국어")');
    await family.waitForSelector('text=접수됨');
    await shot(family, 'W4/status-ko-390');
    await family.click('button:has-text("ខ្មែរ")');
    await family.waitForSelector('text=បានទទួល');
    expect(await family.getAttribute('main', 'lang')).toBe('km');
    await shot(family, 'W4/status-km-390');
  });
});
