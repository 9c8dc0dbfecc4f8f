/**
 * Screenshots of every page in three languages and both themes, for a person to look at:
 * `npx tsx e2e/src/tour.ts` → /tmp/liaison-shots/tour-*.png (LIAISON_SHOTS_DIR to change).
 */
import type { Page } from 'playwright-core';
import { shot, startHarness } from './harness.ts';
import { demoPassword, enrolTotp, signIn } from './journeys.ts';

const pages = [
  { name: 'home', path: '/' },
  { name: 'agencies', path: '/admin/agencies' },
  { name: 'users', path: '/admin/users' },
  { name: 'user-new', path: '/admin/users/new' },
];

async function setLook(page: Page, language: string, theme: string) {
  await page.evaluate(
    ([lang, look]) => {
      localStorage.setItem('liaison.theme', look!);
      return fetch('/api/v1/me')
        .then((r) => r.json() as Promise<{ csrfToken: string }>)
        .then((me) =>
          fetch('/api/v1/me/preferences', {
            method: 'PATCH',
            headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
            body: JSON.stringify({ language: lang }),
          }),
        );
    },
    [language, theme],
  );
}

const harness = await startHarness();
try {
  const page = await harness.newPage();
  await signIn(page, 'admin@knpa.demo', demoPassword);
  await enrolTotp(page);
  for (const [language, theme] of [
    ['en', 'light'],
    ['ko', 'dark'],
    ['km', 'light'],
  ] as const) {
    await setLook(page, language, theme);
    for (const { name, path } of pages) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      await shot(page, `tour-${name}-${language}-${theme}`);
    }
    const firstUser = page.locator('[data-testid=users-table] a').nth(1);
    await page.goto('/admin/users');
    await firstUser.click();
    await page.waitForLoadState('networkidle');
    await shot(page, `tour-user-edit-${language}-${theme}`);
  }
  const auditor = await harness.newPage({ width: 1280, height: 900 });
  await signIn(auditor, 'auditor@knpa.demo', demoPassword);
  await auditor.waitForSelector('[data-testid=home-name]');
  await setLook(auditor, 'km', 'dark');
  await auditor.goto('/audit');
  await auditor.waitForSelector('[data-testid=audit-table]');
  await shot(auditor, 'tour-audit-km-dark');
  await auditor.goto('/login');
  const anonymous = await harness.newPage({ width: 820, height: 900 });
  await anonymous.goto('/login');
  await anonymous.evaluate(() => localStorage.setItem('liaison.language', 'km'));
  await anonymous.reload();
  await anonymous.waitForSelector('input[name=email]');
  await shot(anonymous, 'tour-login-km-tablet');
} finally {
  await harness.close();
}
