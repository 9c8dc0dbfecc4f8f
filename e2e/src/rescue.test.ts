import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, shot, startHarness } from './harness.ts';
import { demoPassword, signIn } from './journeys.ts';

// The public form needs the shell to render `publicPages` from the registry for signed-out visitors.
const appSource = fs.readFileSync(
  path.resolve(import.meta.dirname, '../../packages/web/src/app/App.tsx'),
  'utf8',
);
const publicFormMounted = appSource.includes('publicPages');

async function apiPost(page: Page, url: string, body: unknown) {
  const me = await (await page.request.get('/api/v1/me')).json();
  const response = await page.request.post(url, { data: body, headers: { 'x-csrf-token': me.csrfToken } });
  return { status: response.status(), body: await response.json().catch(() => null) };
}

async function move(page: Page, to: string) {
  await page.click(`[data-testid=move-${to}]`);
  await page.waitForFunction((state) => !document.querySelector(`[data-testid=move-${state}]`), to);
}

describe('citizen protection', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('takes a Korean public report through triage, merge, the rescue request, rescue and repatriation', async () => {
    const officer = await harness.newPage();
    await signIn(officer, 'consular@mofa.demo', demoPassword);
    await officer.waitForURL((url) => !url.pathname.startsWith('/login'));
    await officer.goto('/rescue');
    await officer.waitForSelector('[data-testid=stats-total]');
    const totalBefore = Number(await officer.textContent('[data-testid=stats-total]'));

    const report = {
      consentToProcessing: true,
      reporter: { relation: 'mother', phone: '010-7777-1212', language: 'ko' },
      person: { namesHangul: ['한지우'], birthDate: '2002-04-18', phone: '010-3030-4040' },
      location: { province: 'svay_rieng', compoundName: '바벳 단지' },
      narrative: '아들이 고수익 아르바이트 광고를 보고 바벳에 갔다가 감금되었습니다. 폭행을 당했다고 합니다.',
      indicators: ['violence', 'confinement_confirmed'],
    };
    let publicReference: string;
    if (publicFormMounted) {
      const reporter = await harness.newPage({ width: 390, height: 844 });
      await reporter.goto('/report');
      await reporter.click('button:has-text("한국어")');
      await reporter.waitForSelector('[data-testid=public-report-form]');
      await reporter.getByLabel('한글 성명').fill('한지우');
      await reporter.getByLabel('생년월일').fill('2002-04-18');
      await reporter.getByLabel('대상자 전화번호').fill('010-3030-4040');
      await reporter.getByLabel('신고자 전화번호').fill('010-7777-1212');
      await reporter.getByLabel('주(州)').selectOption('svay_rieng');
      await reporter.getByLabel('알고 계신 내용을 적어 주세요').fill(report.narrative);
      await reporter.getByLabel('폭행').check();
      await reporter.getByText('대상자를 찾고 돕기 위해').click();
      await shot(reporter, 'rescue-public-form');
      await reporter.click('[data-testid=public-report-form] button[type=submit]');
      publicReference = (await reporter.textContent('[data-testid=public-reference]')) ?? '';
    } else {
      // Until the shell mounts the public pages, file through the same public API the form uses.
      const response = await officer.request.post('/api/v1/public/reports', { data: report });
      expect(response.status()).toBe(201);
      publicReference = (await response.json()).reference;
    }
    expect(publicReference).toMatch(/^LR-/);

    const row = await harness.node.app.db
      .selectFrom('rescue_reports')
      .innerJoin('rescue_cases', 'rescue_cases.id', 'rescue_reports.case_id')
      .select(['rescue_cases.id', 'rescue_cases.reference'])
      .where('rescue_reports.public_reference', '=', publicReference)
      .executeTakeFirstOrThrow();

    // The consular officer sees it on the board, states a purpose, joins the team and triages.
    await officer.reload();
    await officer.click(`[data-testid=rescue-row-${row.reference}] a`);
    await officer.fill('input[name=purpose]', 'Triage of a new public report');
    await officer.click('button[type=submit]');
    await officer.click('[data-testid=join-team]');
    await officer.waitForSelector('[data-testid=move-verifying]:not([disabled])');
    await move(officer, 'verifying');

    // A second report of the same person arrives through the embassy line and is merged by the officer.
    const second = await apiPost(officer, '/api/v1/rescue/reports', {
      ...report,
      channel: 'embassy_line',
      consentToProcessing: true,
      person: { namesLatin: ['HAN JIWOO'], birthDate: '2002-04-18', phone: '+82 10 3030 4040' },
    });
    expect(second.status).toBe(201);
    await officer.reload();
    await officer.fill(
      'input[name=merge-reason]',
      'Same phone and birth date; Hangul and passport spelling agree',
    );
    await officer.click(`[data-testid=merge-${second.body.reference}]`);
    await officer.waitForFunction(() =>
      document.querySelector('[data-testid=person-names]')?.textContent?.includes('HAN JIWOO'),
    );

    await move(officer, 'located');
    const [pdf] = await Promise.all([
      officer.context().waitForEvent('page'),
      officer.click('[data-testid=request-pdf]'),
    ]);
    const pdfResponse = await pdf.request.get(
      (await officer.getAttribute('[data-testid=request-pdf]', 'href')) ?? '',
    );
    expect(pdfResponse.headers()['content-type']).toBe('application/pdf');
    expect((await pdfResponse.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await pdf.close();
    for (const state of ['rescue_requested', 'rescue_planned', 'rescued', 'in_protection', 'repatriated'])
      await move(officer, state);
    await shot(officer, 'rescue-case-page');
    expect(await officer.textContent('[data-testid=rescue-history]')).toContain('rescue_request_produced');

    // The numbers update: one more case, and the merged duplicate is not counted twice.
    await officer.goto('/rescue');
    await officer.waitForSelector('[data-testid=stats-total]');
    expect(Number(await officer.textContent('[data-testid=stats-total]'))).toBe(totalBefore + 1);

    // An investigator outside the team is refused.
    const outsider = await harness.newPage();
    await signIn(outsider, 'investigator@cnp.demo', demoPassword);
    await outsider.waitForURL((url) => !url.pathname.startsWith('/login'));
    await outsider.goto(`/rescue/${row.id}`);
    await outsider.waitForSelector('[data-testid=rescue-refused]');
  });
});
