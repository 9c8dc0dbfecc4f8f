import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, shot, startHarness } from './harness.ts';
import { demoPassword, enrolTotp, signIn } from './journeys.ts';

// Separation of duties (packages/server/src/accounts/README.md): one administrator proposes a role that reads
// case data, the other one approves it; the proposer cannot, and another agency's password is not reset here.
describe('role grants between two administrators', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('creates an officer whose investigator role waits, then the second administrator approves it', async () => {
    const first = await harness.newPage();
    await signIn(first, 'admin@knpa.demo', demoPassword);
    await enrolTotp(first);
    await first.goto('/admin/users/new');
    const form = first.locator('[data-testid=user-form]');
    await form.locator('input[name=email]').fill('seo.jihye@knpa.demo');
    await form.locator('input[name=displayName]').fill('Seo Jihye');
    await form.locator('input[value=investigator]').check();
    await form.locator('input[value=auditor]').check();
    await form.locator('input[name=password]').fill('a long enough password');
    await form.locator('button[type=submit]').click();
    const notice = first.locator('[data-testid=users-notice]');
    await notice.waitFor();
    expect(await notice.textContent()).toContain(
      'Investigator: waiting for a second administrator’s approval',
    );
    const grant = first.locator('[data-testid=role-grant]', { hasText: 'Seo Jihye' });
    await grant.waitFor();
    expect(await grant.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    expect(await grant.getByRole('button', { name: 'Withdraw' }).count()).toBe(1);
    await shot(first, 'role-grant-proposed');

    // Another agency's officer: no password reset from KNPA.
    await first.goto('/admin/users');
    await first.click('[data-testid=users-table] >> text=Chan Vanna');
    await first.locator('[data-testid=reset-elsewhere]').waitFor();
    expect(await first.textContent('[data-testid=reset-elsewhere]')).toContain('an administrator of CNP');

    const second = await harness.newPage();
    await signIn(second, 'security@knpa.demo', demoPassword);
    await enrolTotp(second);
    await second.goto('/admin/users');
    const pending = second.locator('[data-testid=role-grant]', { hasText: 'Seo Jihye' });
    await pending.getByRole('button', { name: 'Approve' }).click();
    await pending.waitFor({ state: 'detached' });
    const row = second.locator('[data-testid=users-table] tr', { hasText: 'seo.jihye@knpa.demo' });
    await row.getByText('Investigator, Auditor').waitFor();
    await shot(second, 'role-grant-approved');
  });
});
