import * as OTPAuth from 'otpauth';
import type { Page } from 'playwright-core';

/** The password of every demo account (packages/server/src/demo/demo-accounts.ts). */
export const demoPassword = 'liaison-demo-2026';

function totpFor(secret: string) {
  return new OTPAuth.TOTP({
    secret: OTPAuth.Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
  });
}

const stepMs = 30_000;
const lastStepUsed = new Map<string, number>();

/**
 * A code the server has not accepted yet. The server takes each code once (its 30 s step must be later than
 * the last one accepted), so a second sign-in within one step gets the next step's code, which the server
 * accepts as clock drift; a third waits until that next step has begun.
 */
export async function totpCode(secret: string): Promise<string> {
  const now = Date.now();
  const current = Math.floor(now / stepMs);
  const step = Math.max(current, (lastStepUsed.get(secret) ?? current - 1) + 1);
  if (step > current + 1)
    await new Promise((resolve) => setTimeout(resolve, (step - 1) * stepMs - now + 500));
  lastStepUsed.set(secret, step);
  return totpFor(secret).generate({ timestamp: step * stepMs + stepMs / 2 });
}

/** A 6-digit code that is valid in none of the windows the server accepts (previous, current, next). */
export function wrongTotpCode(secret: string): string {
  const totp = totpFor(secret);
  const now = Date.now();
  const valid = new Set([-30_000, 0, 30_000].map((offset) => totp.generate({ timestamp: now + offset })));
  let candidate = 123456;
  while (valid.has(String(candidate).padStart(6, '0'))) candidate += 1;
  return String(candidate).padStart(6, '0');
}

/** Fills the sign-in form and submits it; for enrolled accounts, answers the code step too. */
export async function signIn(page: Page, email: string, password: string, totp?: string): Promise<void> {
  await page.goto('/login');
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
  if (totp === undefined) return;
  await page.waitForSelector('input[name=totp]');
  await page.fill('input[name=totp]', totp);
  await page.click('button[type=submit]');
}

/**
 * Completes the authenticator enrolment a signed-in administrator is sent to; returns the secret so the
 * test can sign in again with codes from it.
 */
export async function enrolTotp(page: Page): Promise<{ secret: string; recoveryCodes: string[] }> {
  await page.waitForURL('**/enrol-totp');
  const secret = (await page.locator('[data-testid=totp-secret]').textContent())?.trim() ?? '';
  await page.fill('input[name=code]', await totpCode(secret));
  await page.click('button[type=submit]');
  const codes = page.locator('[data-testid=recovery-codes] li');
  await codes.first().waitFor();
  const recoveryCodes = (await codes.allTextContents()).map((code) => code.trim());
  await page.getByRole('button', { name: 'I have saved them' }).click();
  await page.waitForSelector('[data-testid=home-name]');
  return { secret, recoveryCodes };
}
