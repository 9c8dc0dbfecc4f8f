import { TestClient } from '@liaison/server/testing/test-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, shot, startHarness } from './harness.ts';
import { demoPassword, signIn } from './journeys.ts';

// The journey: a fugitive with a Red Notice is entered in Hangul through the register's screen; a rescue
// report names him in his passport spelling; the flag fires live on the Interpol officer's screen (a liaison
// officer of KNPA), explained — which name met which, and the birth date.
describe('fugitive flag', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness?.close());

  it('a rescue report naming a wanted man in passport spelling flags him live, explained', async () => {
    const officer = await harness.newPage();
    await signIn(officer, 'liaison@knpa.demo', demoPassword);
    await officer.waitForURL((url) => !url.pathname.startsWith('/login'));

    // Entered in Hangul with a Red Notice, through the register's entry form.
    await officer.goto('/fugitives/new');
    await officer.waitForSelector('[data-testid=fugitive-form]');
    await officer.fill('input[name="names.0.value"]', '한복남');
    await officer.selectOption('select[name="names.0.script"]', 'hangul');
    await officer.selectOption('select[name="names.0.kind"]', 'primary');
    await officer.fill('input[name=birthDate]', '1981-05-09');
    await officer.fill('input[name=nationality]', 'KR');
    await officer.selectOption('select[name=noticeType]', 'red');
    await officer.fill('input[name=noticeReference]', 'A-4411/3-2026');
    await officer.selectOption('select[name=noticeStatus]', 'published');
    await officer.click('[data-testid=fugitive-form] button[type=submit]');
    await officer.waitForURL(/\/fugitives\/[0-9a-f-]{36}$/);

    // The officer stays on the home page; the consular call centre files a family's report through the API.
    await officer.goto('/');
    await officer.waitForSelector('[data-testid=header-user]');
    const consular = new TestClient(harness.node.http);
    await consular.login('consular@mofa.demo', demoPassword);
    const filed = await consular.post('/api/v1/rescue/reports', {
      channel: 'family_call',
      consentToProcessing: true,
      reporter: { relation: 'sibling', name: '한복수', phone: '010-5555-1234', language: 'ko' },
      person: { namesLatin: ['HAN BOKNAM'], birthDate: '1981-09-05', nationality: 'KR' },
      location: { compoundName: 'Jin Bei', province: 'preah_sihanouk' },
      narrative: 'My brother says he works in a compound in Sihanoukville and cannot leave.',
      indicators: ['confinement_confirmed'],
    });
    expect(filed.statusCode, filed.body).toBe(201);

    const alert = officer.locator('[data-testid=fugitive-alerts]');
    await alert.waitFor({ timeout: 15_000 });
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('Red Notice');
    expect(text).toContain('HAN BOKNAM');
    expect(text).toContain('한복남');
    expect(text).toContain('day and month swapped');
    await shot(officer, 'fugitive-flag-alert');

    // On the flags page it can be dismissed with a reason, and then it is listed as dismissed.
    await officer.click('[data-testid=fugitive-alerts] a');
    await officer.waitForSelector('[data-testid=fugitive-flags-page] [data-testid=fugitive-flag]');
    await officer.click('[data-testid=flag-dismiss]');
    await officer.fill('textarea[name=reason]', 'The brother confirmed a namesake from Busan');
    await officer.click('[data-testid=dismiss-submit]');
    await officer.waitForSelector('[data-testid=fugitive-flags-page] [data-testid=fugitive-flag]', {
      state: 'detached',
    });
  });
});
