import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasHorizontalOverflow, shot } from './harness.ts';
import { type DemoNode, startTwoNodes, type TwoNodes } from './two-nodes.ts';

// Two real nodes in this process (two-nodes.ts), peered the way `liaison peer add` does it. Their delivery
// workers run on their own (no test-driven delivery), so what the browser sees is live.

let nodes: TwoNodes;
let knpa: DemoNode;
let cnp: DemoNode;
const signedIn = (target: DemoNode, email: string) => nodes.signedIn(target, email);

beforeAll(async () => {
  nodes = await startTwoNodes();
  ({ knpa, cnp } = nodes);
}, 120_000);

afterAll(async () => {
  await nodes?.close();
});

const subject = 'Subscriber of +855 12 345 678 (complaint 2026-114)';

describe('exchange between two nodes', () => {
  it('carries a request from KNPA live to CNP’s inbox, and the reply with its delivery state back', async () => {
    // CNP's investigator (Khmer UI) watches the inbox; KNPA's police attaché (English UI) writes.
    const chan = await signedIn(cnp, 'investigator@cnp.demo');
    await chan.click('[data-testid=nav-exchange]');
    await chan.waitForSelector('.exchange-live-dot.is-on');
    const attache = await signedIn(knpa, 'liaison@knpa.demo');
    await attache.click('[data-testid=nav-exchange]');
    await attache.click('[data-testid=exchange-new]');

    const form = '[data-testid=compose-form]';
    await attache.waitForSelector(`${form} select[name=peer] option[value=cnp]`, { state: 'attached' });
    await attache.selectOption(`${form} select[name=peer]`, 'cnp');
    await attache.selectOption(`${form} select[name=priority]`, 'high');
    await attache.fill(
      `${form} input[name=deadline]`,
      new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 16),
    );
    await attache.fill(`${form} input[name=subject]`, subject);
    await attache.fill(`${form} textarea[name=body]`, 'The number called 14 victims in Seoul in March.');
    await attache.fill(`${form} textarea[name=questions]`, 'Who holds the SIM?\nWhere was it last seen?');
    await attache.click(`${form} [data-testid=identifier-fields] button`);
    await attache.fill(`${form} input[name=identifier-0-value]`, '+855 12 345 678');
    await attache.fill(`${form} input[name=purpose]`, 'Investigation of a voice-phishing ring');
    await attache.fill(`${form} input[name=translation-ko-subject]`, '+855 12 345 678 가입자 확인 요청');
    await attache.fill(`${form} input[name=translation-km-subject]`, 'សំណើព័ត៌មានអំពីអ្នកជាវលេខ +855 12 345 678');

    // A rule that blocks says which rule and why, before anything is sent.
    await attache.check(`${form} input[name=categories][value=intelligence_source]`);
    await attache.click(`${form} button[name=check-policy]`);
    await attache.waitForSelector('[data-testid=policy-result] .notice-error');
    expect(await attache.textContent('[data-testid=policy-result]')).toContain('blocked by KR-OUT-003');
    await shot(attache, 'exchange-compose-blocked-en');

    // The draft survives a reload.
    await attache.reload();
    expect(await attache.inputValue(`${form} input[name=subject]`)).toBe(subject);
    await attache.uncheck(`${form} input[name=categories][value=intelligence_source]`);
    await attache.click(`${form} button[name=check-policy]`);
    await attache.waitForSelector('[data-testid=policy-result] .notice-ok');
    await attache.click(`${form} button[type=submit]`);
    await attache.waitForURL(/\/exchange\/[0-9a-f-]{36}$/);
    await attache.waitForSelector('[data-testid=exchange-message][data-kind=request]');

    // It appears on CNP's inbox without a reload, with a quiet notice and the unread count.
    const row = chan.locator('[data-testid=exchange-row]', { hasText: subject });
    await row.waitFor();
    await chan.waitForSelector('[data-testid=live-open]');
    expect(await chan.textContent('[data-testid=exchange-unread]')).toContain('1');
    expect(await row.locator('[data-testid=item-markings]').textContent()).toContain('KNPA');
    expect(await row.locator('[data-testid=item-markings]').textContent()).toContain('TLP:AMBER');
    expect(await hasHorizontalOverflow(chan)).toBe(false);
    await shot(chan, 'exchange-inbox-live-km');

    // CNP opens it (read receipt), acknowledges it and replies.
    await row.locator('a').first().click();
    await chan.waitForSelector('[data-testid=exchange-message][data-kind=request]');
    await chan.click('button[name=acknowledge]');
    await chan.waitForSelector('[data-testid=item-state][data-state="inbound.acknowledged"]');
    await chan.click('button[name=open-reply]');
    const reply = '[data-testid=reply-form]';
    await chan.fill(
      `${reply} textarea[name=body]`,
      'Prepaid SIM bought in Sihanoukville; last seen in Poipet.',
    );
    await chan.fill(`${reply} input[name=translation-en-body]`, '').catch(() => undefined);
    await chan.click(`${reply} button[type=submit]`);
    await chan.waitForSelector('[data-testid=exchange-message][data-kind=reply]');
    await shot(chan, 'exchange-thread-km');

    // KNPA sees the reply arrive in the open thread, and its request marked acknowledged by CNP.
    await attache.waitForSelector('[data-testid=exchange-message][data-kind=reply]');
    await attache.waitForSelector(
      '[data-testid=exchange-message][data-kind=request] [data-testid=item-state][data-state="delivery.acknowledged"]',
    );
    await attache.waitForSelector(
      '[data-testid=exchange-message][data-kind=request] [data-testid=partner-acknowledged]',
    );
    expect(await attache.textContent('[data-testid=exchange-message][data-kind=reply]')).toContain(
      'Prepaid SIM bought in Sihanoukville',
    );
    await shot(attache, 'exchange-thread-en');
    await attache.click('[data-testid=nav-exchange]');
    await attache.click('[data-testid=exchange-tab-out]');
    await attache.waitForSelector('[data-testid=exchange-list-out] [data-state="delivery.acknowledged"]');
    await shot(attache, 'exchange-outbox-en');

    // The same exchange in Korean, for KNPA's investigator.
    const kim = await signedIn(knpa, 'investigator@knpa.demo');
    await kim.click('[data-testid=nav-exchange]');
    await kim.waitForSelector('[data-testid=exchange-list-in] [data-testid=exchange-row]');
    expect(await kim.textContent('[data-testid=exchange-tab-in]')).toContain('수신함');
    await shot(kim, 'exchange-inbox-ko');
  }, 120_000);

  it('answers a hit/no-hit query and opens a follow-up request citing the reference', async () => {
    const attache = await signedIn(knpa, 'liaison@knpa.demo');
    await attache.goto('/exchange/hit');
    const form = '[data-testid=hit-form]';
    await attache.waitForSelector(`${form} select[name=peer] option[value=cnp]`, { state: 'attached' });
    await attache.selectOption(`${form} select[name=peer]`, 'cnp');
    await attache.fill(`${form} input[name=value]`, '+855 12 345 678');
    await attache.fill(`${form} input[name=purpose]`, 'Voice-phishing ring: same number?');
    await attache.click(`${form} button[type=submit]`);
    const answer = attache.locator('[data-testid=hit-answers] li').first();
    await answer.waitFor();
    expect(await answer.textContent()).toMatch(/Hit/);
    await shot(attache, 'exchange-hit-en');
    await attache.click('[data-testid=hit-follow-up]');
    await attache.waitForSelector('[data-testid=compose-form]');
    expect(await attache.inputValue('[data-testid=compose-form] input[name=hitReference]')).not.toBe('');
    expect(await attache.inputValue('[data-testid=compose-form] input[name=identifier-0-value]')).toBe(
      '+855 12 345 678',
    );
  }, 60_000);
});
