import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, hasHorizontalOverflow, shot, startHarness } from './harness.ts';
import { demoPassword, signIn } from './journeys.ts';

const phone = { width: 390, height: 844 };

async function move(page: Page, to: string) {
  await page.click(`[data-testid=move-${to}]`);
  await page.waitForFunction((state) => !document.querySelector(`[data-testid=move-${state}]`), to);
}

/** A real PNG (a piece of the page itself), for uploads the server checks by their first bytes. */
async function pngOf(page: Page, name: string) {
  const buffer = await page.screenshot({ clip: { x: 0, y: 0, width: 120, height: 140 } });
  return { name, mimeType: 'image/png', buffer };
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

    // A mother, signed out on her phone, finds the form from the login page and files in Korean.
    const narrative =
      '아들이 고수익 아르바이트 광고를 보고 바벳에 갔다가 감금되었습니다. 폭행을 당했다고 합니다.';
    const reporter = await harness.newPage(phone);
    await reporter.goto('/login');
    await reporter.click('[data-testid=public-report-link]');
    await reporter.waitForURL((url) => url.pathname === '/report');
    await reporter.click('button:has-text("한국어")');
    await reporter.waitForSelector('[data-testid=public-report-form]');
    await reporter.getByLabel('한글 성명').fill('한지우');
    await reporter.getByLabel('생년월일').fill('2002-04-18');
    await reporter.getByLabel('대상자 전화번호').fill('010-3030-4040');
    await reporter.getByLabel('신고자 전화번호').fill('010-7777-1212');
    await reporter.getByLabel('단지 또는 건물 이름').fill('바벳 단지');
    await reporter.getByLabel('주(州)').selectOption('svay_rieng');
    await reporter.getByLabel('알고 계신 내용을 적어 주세요').fill(narrative);
    await reporter.getByLabel('폭행').check();
    await reporter.getByLabel('감금 확인').check();
    await reporter.getByText('대상자를 찾고 돕기 위해').click();
    expect(await hasHorizontalOverflow(reporter)).toBe(false);
    await shot(reporter, 'rescue-public-form-ko');
    await reporter.click('[data-testid=public-report-form] button[type=submit]');
    await reporter.waitForSelector('[data-testid=public-reference]');
    const publicReference = (await reporter.textContent('[data-testid=public-reference]')) ?? '';
    expect(publicReference).toMatch(/^LR-/);
    // The person's photo, for the rescue request.
    await reporter
      .locator('input[type=file]')
      .first()
      .setInputFiles(await pngOf(reporter, 'jiwoo.png'));
    await reporter.waitForSelector('text=파일 1개를 올렸습니다.');
    await shot(reporter, 'rescue-public-form-ko-done');
    // The private link shows the status, and nothing of the person.
    await reporter.click('[data-testid=private-link]');
    await reporter.waitForURL((url) => url.pathname.startsWith('/report/status/'));
    await reporter.waitForSelector(`text=${publicReference}`);
    expect(await reporter.textContent('body')).not.toContain('한지우');

    // A friend files the same person in English from another phone, with the passport spelling.
    const friend = await harness.newPage(phone);
    await friend.goto('/report');
    await friend.click('button:has-text("English")');
    await friend.waitForSelector('[data-testid=public-report-form]');
    await friend.getByLabel('Your relation to the person').selectOption('friend');
    await friend.getByLabel('Name in Latin letters').fill('HAN JIWOO');
    await friend.getByLabel('Date of birth').fill('2002-04-18');
    await friend.getByLabel('Their phone').fill('+82 10 3030 4040');
    await friend
      .getByLabel('Tell us what you know')
      .fill('My friend Jiwoo went to Bavet for a job and is held there.');
    await friend.getByText('I agree that the police').click();
    await friend.click('[data-testid=public-report-form] button[type=submit]');
    const secondPublic = (await friend.textContent('[data-testid=public-reference]')) ?? '';
    expect(secondPublic).toMatch(/^LR-/);

    const caseOf = (reference: string) =>
      harness.node.app.db
        .selectFrom('rescue_reports')
        .innerJoin('rescue_cases', 'rescue_cases.id', 'rescue_reports.case_id')
        .select(['rescue_cases.id', 'rescue_cases.reference'])
        .where('rescue_reports.public_reference', '=', reference)
        .executeTakeFirstOrThrow();
    const first = await caseOf(publicReference);
    const second = await caseOf(secondPublic);

    // The consular officer sees it on the board, states a purpose, joins the team and sees the report.
    await officer.reload();
    await officer.click(`[data-testid=rescue-row-${first.reference}] a`);
    await officer.fill('input[name=purpose]', 'Triage of a new public report');
    await officer.click('button[type=submit]');
    await officer.click('[data-testid=join-team]');
    await officer.waitForSelector('[data-testid=move-verifying]:not([disabled])');
    expect(await officer.textContent('[data-testid=person-names]')).toContain('한지우');
    expect(await officer.textContent('body')).toContain(narrative);
    await move(officer, 'verifying');

    // Triage: forced-criminality screening, consent, and the non-punishment flag (refused without a reason).
    for (const indicator of ['deception_in_recruitment', 'confinement', 'forced_to_commit_crimes'])
      await officer.check(`input[name=screening-${indicator}][value=yes]`);
    await officer.click('[data-testid=screening-submit]');
    await officer.waitForSelector(
      '[data-testid=screening-outcome][data-outcome=likely_victim_of_trafficking]',
    );
    await officer.fill('input[name=consent-basis]', 'Mother consented by phone on behalf of her son');
    await officer.click('[data-testid=consent-submit]');
    await officer.waitForSelector('[data-testid=consent-submit-saved]');
    await officer.check('input[name=non-punishment]');
    await officer.fill('input[name=non-punishment-reason]', 'no');
    await officer.click('[data-testid=non-punishment-submit]');
    const reasonError = officer.locator('input[name=non-punishment-reason] ~ .field-error');
    await reasonError.waitFor();
    expect(await officer.getAttribute('input[name=non-punishment-reason]', 'aria-invalid')).toBe('true');
    await officer.fill(
      'input[name=non-punishment-reason]',
      'Screened as forced into scams; recommend non-punishment',
    );
    await officer.click('[data-testid=non-punishment-submit]');
    await officer.waitForSelector('[data-testid=non-punishment-state][data-flag=true]');

    // The second report is a restricted case to this officer: named by reference only, until they open it.
    const restricted = officer.locator(`[data-testid=duplicate-restricted-${second.reference}]`);
    await restricted.waitFor();
    expect(await restricted.textContent()).not.toContain('HAN JIWOO');
    await restricted.locator('a').click();
    await officer.fill('input[name=purpose]', 'Second report of the same person: merge');
    await officer.click('button[type=submit]');
    await officer.click('[data-testid=join-team]');
    await officer.waitForSelector('[data-testid=move-verifying]:not([disabled])');
    await officer.goto(`/rescue/${first.id}`);
    await officer.fill(
      'input[name=merge-reason]',
      'Same phone and birth date; Hangul and passport spelling agree',
    );
    await officer.click(`[data-testid=merge-${second.reference}]`);
    await officer.waitForFunction(() =>
      document.querySelector('[data-testid=person-names]')?.textContent?.includes('HAN JIWOO'),
    );

    // Located: the compound from the register, floor and room; then the rescue request is produced and opened.
    const compound = await officer.locator('select[name=compound-id] option').nth(1).textContent();
    await officer.selectOption('select[name=compound-id]', { label: compound ?? '' });
    await officer.fill('input[name=floor]', '7');
    await officer.fill('input[name=room]', '712');
    await officer.click('[data-testid=location-submit]');
    await officer.waitForSelector('[data-testid=location-submit-saved]');
    expect(await officer.textContent('body')).toContain('712');
    await officer.locator('input[name=case-file]').setInputFiles(await pngOf(officer, 'building.png'));
    await officer.waitForSelector('[data-testid=uploads] li[data-status=done]');
    await move(officer, 'located');
    const href = (await officer.getAttribute('[data-testid=request-pdf]', 'href')) ?? '';
    const [pdf] = await Promise.all([
      officer.context().waitForEvent('page'),
      officer.click('[data-testid=request-pdf]'),
    ]);
    await pdf.waitForLoadState();
    expect(pdf.url()).toContain(href);
    const pdfResponse = await pdf.request.get(href);
    expect(pdfResponse.headers()['content-type']).toBe('application/pdf');
    expect((await pdfResponse.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await pdf.close();
    await officer.reload();
    await officer.waitForSelector('[data-testid=rescue-history]');
    // The entry is shown in the officer's language; its kind is on the row.
    await officer.waitForSelector('[data-testid=rescue-history] li[data-kind=rescue_request_produced]');

    for (const state of ['rescue_requested', 'rescue_planned', 'rescued', 'in_protection'])
      await move(officer, state);

    // Repatriation, step by step; a malformed flight number is refused beside its field.
    await officer.selectOption('select[name=doc-type]', 'emergency_travel_certificate');
    await officer.fill('input[name=doc-issued]', '2026-03-02');
    await officer.fill('input[name=flight-number]', 'KE 69O');
    await officer.fill('input[name=flight-date]', '2026-03-04');
    await officer.fill('input[name=escort-name]', 'Insp. Park Jihoon');
    await officer.fill('input[name=escort-agency]', 'KNPA');
    await officer.fill('input[name=arrival-at]', '2026-03-05T06:40');
    await officer.selectOption('select[name=handover-to]', 'family');
    await officer.fill('input[name=handover-by]', 'Mother, at Incheon airport');
    await officer.fill('input[name=handover-at]', '2026-03-05T08:10');
    await officer.fill('textarea[name=follow-up]', 'Counselling arranged with the victim support centre');
    await officer.click('[data-testid=repatriation-submit]');
    await officer.locator('input[name=flight-number] ~ .field-error').waitFor();
    await officer.fill('input[name=flight-number]', 'KE690');
    await officer.click('[data-testid=repatriation-submit]');
    await officer.waitForFunction(() =>
      /6\D+6/.test(document.querySelector('[data-testid=repatriation-progress]')?.textContent ?? ''),
    );
    await move(officer, 'repatriated');
    await shot(officer, 'rescue-case-page');

    // The numbers update: one more case, and the merged duplicate is not counted twice.
    await officer.goto('/rescue');
    await officer.waitForSelector('[data-testid=stats-total]');
    expect(Number(await officer.textContent('[data-testid=stats-total]'))).toBe(totalBefore + 1);

    // An investigator outside the team is refused.
    const outsider = await harness.newPage();
    await signIn(outsider, 'investigator@cnp.demo', demoPassword);
    await outsider.waitForURL((url) => !url.pathname.startsWith('/login'));
    await outsider.goto(`/rescue/${first.id}`);
    await outsider.waitForSelector('[data-testid=rescue-refused]');
    expect(await outsider.textContent('body')).not.toContain('한지우');
  });
});
