import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, hasHorizontalOverflow, shot, startHarness } from './harness.ts';
import { demoPassword, enrolTotp, signIn, totpCode, wrongTotpCode } from './journeys.ts';

const admin = 'admin@knpa.demo';

async function chooseLanguage(page: Page, language: 'en' | 'ko' | 'km') {
  await page.selectOption('header select[name=language]', language);
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
}

describe('web foundation', () => {
  let harness: Harness;
  let totpSecret = '';
  // Each TOTP code signs in once (a third sign-in within a minute would wait for a new code): some journeys
  // sign in with a recovery code instead, as a person who lost the phone would.
  let recoveryCodes: string[] = [];

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('sends a new administrator through authenticator enrolment, then home', async () => {
    const page = await harness.newPage();
    await signIn(page, admin, demoPassword);
    await page.waitForURL('**/enrol-totp');
    await page.locator('[data-testid=totp-secret]').waitFor();
    await shot(page, 'enrol-totp');
    const enrolment = await enrolTotp(page);
    totpSecret = enrolment.secret;
    recoveryCodes = enrolment.recoveryCodes;
    expect(enrolment.recoveryCodes).toHaveLength(10);
    expect(await page.textContent('[data-testid=home-name]')).toBe('Park Jiwon (admin)');
    await shot(page, 'home-en-light');
  });

  it('switches the whole UI to Korean and Khmer, saves the choice, and never scrolls sideways at 1280px', async () => {
    const page = await harness.newPage();
    await signIn(page, admin, demoPassword, await totpCode(totpSecret));
    await page.waitForSelector('[data-testid=home-name]');

    await chooseLanguage(page, 'ko');
    expect(await page.textContent('[data-testid=nav-admin-users]')).toBe('사용자');
    expect(await page.textContent('h1')).toBe('지금 처리할 일');
    expect(await hasHorizontalOverflow(page)).toBe(false);
    await shot(page, 'home-ko-light');

    await chooseLanguage(page, 'km');
    expect(await page.textContent('[data-testid=nav-admin-users]')).toBe('អ្នកប្រើប្រាស់');
    expect(await hasHorizontalOverflow(page)).toBe(false);
    await page.click('[data-testid=theme-toggle]');
    await shot(page, 'home-km-dark');
    await page.click('[data-testid=nav-admin-users]');
    await page.waitForSelector('[data-testid=users-table]');
    expect(await hasHorizontalOverflow(page)).toBe(false);
    await shot(page, 'users-km-dark');

    const me = await page.evaluate(() =>
      fetch('/api/v1/me').then((r) => r.json() as Promise<{ language: string }>),
    );
    expect(me.language).toBe('km');
    await page.reload();
    await page.waitForSelector('[data-testid=users-table]');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('km');

    await chooseLanguage(page, 'en');
    await page.click('[data-testid=theme-toggle]');
  });

  it('creates a user through the admin form, showing field errors first, and lists it', async () => {
    const page = await harness.newPage();
    await signIn(page, admin, demoPassword, recoveryCodes[0]);
    await page.click('[data-testid=nav-admin-users]');
    await page.click('text=New user');
    const form = page.locator('[data-testid=user-form]');
    await form.waitFor();

    await form.locator('input[name=email]').fill('not-an-email');
    await form.locator('input[name=displayName]').fill('Kang Haneul');
    await form.locator('input[name=password]').fill('short');
    await form.locator('input[value=investigator]').check();
    await form.locator('button[type=submit]').click();
    await form.locator('.field-error').first().waitFor();
    const errors = await form.locator('.field-error').allTextContents();
    expect(errors.join(' ')).toMatch(/email/i);
    expect(errors.join(' ')).toMatch(/12 characters/);
    // The server's field problems carry codes: switching the UI to Korean says them in Korean.
    await chooseLanguage(page, 'ko');
    const errorsKo = (await form.locator('.field-error').allTextContents()).join(' ');
    expect(errorsKo).toContain('올바른 이메일 주소를 입력하세요');
    expect(errorsKo).toContain('12자 이상 입력하세요');
    await chooseLanguage(page, 'en');
    expect(await form.locator('input[name=displayName]').inputValue()).toBe('Kang Haneul');
    await shot(page, 'user-form-errors');

    await form.locator('input[name=email]').fill('kang.haneul@knpa.demo');
    await form.locator('input[name=password]').fill('a long enough password');
    await form.locator('select[name=unitId]').selectOption({ label: 'Interpol Cooperation Team' });
    await form.locator('select[name=language]').selectOption('ko');
    await form.locator('button[type=submit]').click();
    await page.waitForSelector('[data-testid=users-table] >> text=kang.haneul@knpa.demo');
    expect(await page.textContent('[data-testid=users-notice]')).toContain('kang.haneul@knpa.demo');
    await shot(page, 'users-en-light');
  });

  it('signs out to the login page; a wrong password and a wrong code each say so clearly', async () => {
    const page = await harness.newPage();
    await signIn(page, admin, demoPassword, recoveryCodes[1]);
    await page.waitForSelector('[data-testid=home-name]');
    await page.click('header >> text=Sign out');
    await page.waitForURL('**/login');
    await page.waitForSelector('input[name=email]');

    await signIn(page, admin, 'not the password at all');
    // The same words for an unknown or locked account (nothing tells them apart).
    expect(await page.textContent('[data-testid=login-error]')).toMatch(/^Wrong email or password\. /);
    await shot(page, 'login-wrong-password');

    await signIn(page, admin, demoPassword, wrongTotpCode(totpSecret));
    await page.waitForSelector('.field-error');
    expect(await page.textContent('.field-error')).toContain('That code is not valid');
    await shot(page, 'login-wrong-totp');

    await page.fill('input[name=totp]', await totpCode(totpSecret));
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=home-name]');
  });

  it('lets an auditor read the audit log and verify the chain, also at tablet width', async () => {
    const page = await harness.newPage({ width: 820, height: 1100 });
    await signIn(page, 'auditor@knpa.demo', demoPassword);
    await page.click('[data-testid=nav-audit]');
    await page.waitForSelector('[data-testid=audit-table] >> text=auth.login');
    await page.click('text=Verify chain');
    await page.waitForSelector('[data-testid=chain-status] >> text=Chain intact');
    expect(await hasHorizontalOverflow(page)).toBe(false);
    await shot(page, 'audit-tablet');
  });
});
