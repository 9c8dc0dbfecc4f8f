import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, hasHorizontalOverflow, shot, startHarness } from './harness.ts';
import { demoPassword, signIn } from './journeys.ts';

// The register in the browser: the demo list shows its flags; a wanted man is entered in Hangul and passport
// spelling with a warrant (an expiry before the issue is refused next to the field, the draft kept); a sighting
// with its 4x4 evaluation is confirmed, which moves him to "sighted"; an arrest dated before that sighting is
// refused, naming the date; the page reads in Korean and Khmer and fits a phone.
describe('fugitive register', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness?.close());

  it('enters a wanted man, confirms a sighting and refuses an impossible arrest date', async () => {
    const page = await harness.newPage();
    await signIn(page, 'liaison@knpa.demo', demoPassword);
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.click('[data-testid=nav-fugitives]');
    await page.waitForSelector('[data-testid=fugitive-list]');
    const flags = await page.locator('[data-testid=fugitive-flags]').allInnerTexts();
    expect(flags.join(' ')).toMatch(/Warrant expires in \d+ days/);
    expect(flags.join(' ')).toMatch(/Stalled/);
    await shot(page, 'fugitives-list');

    await page.goto('/fugitives/new');
    await page.waitForSelector('[data-testid=fugitive-form]');
    await page.fill('input[name="names.0.value"]', '오세훈');
    await page.fill('input[name="names.1.value"]', 'OH SEHUN');
    await page.fill('input[name=birthDate]', '1983-08-19');
    await page.fill('input[name=passportNumber]', 'M44120987');
    await page.fill('input[name=warrantNumber]', '2026-고단-5512');
    await page.fill('input[name=court]', 'Seoul Central District Court');
    await page.fill('textarea[name=charges]', 'Fraud (investment chat rooms)');
    await page.fill('input[name=issuedOn]', '2026-06-01');
    await page.fill('input[name=expiresOn]', '2026-05-01');
    await page.selectOption('select[name=noticeType]', 'red');
    await page.fill('input[name=noticeReference]', 'A-5512/7-2026');
    await page.click('[data-testid=fugitive-form] button[type=submit]');
    await page.waitForSelector('text=The warrant cannot expire before it was issued');
    expect(await page.inputValue('input[name="names.0.value"]')).toBe('오세훈');
    await page.fill('input[name=expiresOn]', '2027-06-01');
    await page.click('[data-testid=fugitive-form] button[type=submit]');
    await page.waitForURL(/\/fugitives\/[0-9a-f-]{36}$/);
    await page.waitForSelector('[data-testid=fugitive-timeline]');
    expect(await page.locator('[data-testid=fugitive-passport]').textContent()).toContain('M44120987');
    const passport = page.locator('[data-testid=passport-form]');
    await passport.locator('select[name=passportStatus]').selectOption('invalidated');
    await passport.locator('button[type=submit]').click();
    await page.waitForSelector('text=Give the date the passport was invalidated');
    await passport.locator('input[name=passportStatusOn]').fill(new Date().toISOString().slice(0, 10));
    await passport.locator('button[type=submit]').click();
    await page.waitForSelector('[data-testid=fugitive-passport] >> text=Invalidated');

    const form = page.locator('[data-testid=sighting-form]');
    const seenAt = new Date(Date.now() - 3 * 86_400_000);
    const local = (d: Date) =>
      new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await form.locator('input[name=seenAt]').fill(local(seenAt));
    await form.locator('select[name=province]').selectOption('preah_sihanouk');
    await form.locator('input[name=place]').fill('Otres Beach villa');
    await form.locator('select[name=source]').selectOption('cctv');
    await form.locator('select[name=reliability]').selectOption('B');
    await form.locator('select[name=accuracy]').selectOption('2');
    await form.locator('textarea[name=description]').fill('Seen on the villa CCTV');
    await form.locator('button[type=submit]').click();
    await page.waitForSelector('[data-testid=sightings] li');
    expect(await page.locator('[data-testid=sightings]').textContent()).toContain('B2');
    await page.locator('[data-testid=sightings] button', { hasText: 'Confirm' }).click();
    await page.waitForSelector('[data-testid=fugitive-timeline] >> text=Sighted');

    const step = page.locator('[data-testid=step-form]');
    await step.locator('select[name=state]').selectOption('arrested');
    await step.locator('input[name=occurredAt]').fill(local(new Date(seenAt.getTime() - 86_400_000)));
    await step.locator('button[type=submit]').click();
    await page.waitForSelector('text=The arrest cannot be dated before the sighting');
    await shot(page, 'fugitive-page');
  });

  it('reads in Korean and Khmer, and fits a phone', async () => {
    const page = await harness.newPage();
    await signIn(page, 'investigator@cnp.demo', demoPassword);
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto('/fugitives?scope=all');
    await page.waitForSelector('[data-testid=fugitive-list]');
    await page.click('[data-testid=fugitive-list] tbody tr a');
    await page.waitForSelector('[data-testid=fugitive-timeline]');
    const url = page.url();
    for (const [language, words] of [
      ['ko', ['진행 경과', '목격 및 제보']],
      ['km', ['វដ្ដជីវិតនៃកំណត់ត្រា', 'ការឃើញ និងព័ត៌មាន']],
    ] as const) {
      await page.selectOption('.language-switcher select[name=language]', language);
      for (const word of words) await page.waitForSelector(`text=${word}`);
      await shot(page, `fugitive-page-${language}`);
    }
    const phone = await harness.newPage({ width: 390, height: 844 });
    await signIn(phone, 'investigator@cnp.demo', demoPassword);
    await phone.waitForURL((u) => !u.pathname.startsWith('/login'));
    await phone.goto(url);
    await phone.waitForSelector('[data-testid=fugitive-timeline]');
    expect(await hasHorizontalOverflow(phone)).toBe(false);
    await shot(phone, 'fugitive-page-phone');
  });
});
