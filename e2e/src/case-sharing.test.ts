import type { Actor } from '@liaison/core';
import { CaseInput, TaskInput } from '@liaison/core/cases/index';
import { createCase } from '@liaison/server/cases/cases-service';
import { createTask } from '@liaison/server/cases/tasks-service';
import { systemCtx } from '@liaison/server/context';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasHorizontalOverflow, shot } from './harness.ts';
import { type DemoNode, startTwoNodes, type TwoNodes } from './two-nodes.ts';

// A joint case workspace from the case page: KNPA shares a case with CNP, CNP works on the mirror, KNPA
// retracts. Two real nodes; the shares travel through their own delivery workers.

let nodes: TwoNodes;

const caseTitle = 'Mule accounts behind the Bavet call centre';
const caseTask = 'Request freeze of the mule accounts listed by victims';

/**
 * A new case of KNPA's investigator, with one task. (Not a demo case: both demo nodes hold KNPA's demo cases,
 * and a mirror whose number is taken gets a `@knpa` suffix that the case page cannot show yet.)
 */
async function investigatorCase(target: DemoNode): Promise<void> {
  const user = await target.node.app.db
    .selectFrom('users')
    .innerJoin('agencies', 'agencies.id', 'users.agency_id')
    .select([
      'users.id',
      'users.agency_id',
      'users.unit_id',
      'users.roles',
      'users.display_name',
      'agencies.code',
    ])
    .where('users.email', '=', 'investigator@knpa.demo')
    .executeTakeFirstOrThrow();
  const actor: Actor = {
    userId: user.id,
    agencyId: user.agency_id,
    agencyCode: user.code,
    unitId: user.unit_id,
    roles: user.roles,
    email: 'investigator@knpa.demo',
    displayName: user.display_name,
    via: 'system',
    job: 'test-seed',
  };
  const ctx = systemCtx(target.node.app);
  const created = await createCase(
    ctx,
    actor,
    CaseInput.parse({
      title: caseTitle,
      language: 'en',
      crimeTypes: ['voice_phishing'],
      leadAgency: 'KNPA',
      markings: { tlp: 'AMBER', handlingCode: 'H1' },
    }),
  );
  await createTask(ctx, actor, created.id, TaskInput.parse({ title: caseTask }));
}

beforeAll(async () => {
  nodes = await startTwoNodes();
  await investigatorCase(nodes.knpa);
}, 120_000);

afterAll(async () => {
  await nodes?.close();
});

const form = '[data-testid=case-share-form]';
const cnpRow = '[data-testid=case-share-row][data-peer=cnp]';

describe('sharing a case with a partner node', () => {
  it('shares a case from its page, shows the mirror on the partner, and retracts it', async () => {
    const { knpa, cnp } = nodes;
    // KNPA's investigator (Korean UI) opens the case and its "Partners" tab.
    const kim = await nodes.signedIn(knpa, 'investigator@knpa.demo');
    await kim.click('[data-testid=nav-cases]');
    await kim.click(`[data-testid=case-list] a:has-text("${caseTitle}")`);
    await kim.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const caseId = kim.url().split('/').pop()!;
    await kim.click('#case-tab-sharing');
    await kim.waitForSelector('[data-testid=case-sharing] .empty');
    await kim.click('button[name=open-share-form]');

    await kim.waitForSelector(`${form} select[name=peer] option[value=cnp]`, { state: 'attached' });
    await kim.selectOption(`${form} select[name=peer]`, 'cnp');
    await kim.check(`${form} input[name=scope][value=tasks]`);
    await kim.check(`${form} input[name=scope][value=notes]`);
    await kim.uncheck(`${form} input[name=scope][value=entities]`);
    await kim.selectOption(`${form} select[name=sourceReliability]`, 'B');

    // A missing purpose is explained beside its field.
    await kim.click(`${form} button[type=submit]`);
    const purposeError = `${form} .field[data-invalid=true]:has(input[name=purpose]) .field-error`;
    await kim.waitForSelector(purposeError);

    // Korea's rules refuse an intelligence source, and the refusal reads as the rule explains it.
    await kim.fill(`${form} input[name=purpose]`, 'Joint investigation of the Bavet voice-phishing ring');
    await kim.check(`${form} input[name=category-intelligence_source]`);
    await kim.click(`${form} button[type=submit]`);
    await kim.waitForSelector('[data-testid=share-blocked]');
    expect(await kim.textContent('[data-testid=share-blocked]')).toContain('KR-OUT-003');
    await shot(kim, 'case-sharing-blocked-ko');

    await kim.uncheck(`${form} input[name=category-intelligence_source]`);
    await kim.check(`${form} input[name=category-suspect_personal_data]`);
    await kim.click(`${form} button[type=submit]`);
    await kim.waitForSelector(`${cnpRow}[data-state=active][data-role=origin]`);
    // CNP's node confirms it stored the share; the tab hears it live (well before its 30 s fallback look).
    await kim.waitForSelector(`${cnpRow}[data-delivery=delivered]`, { timeout: 10_000 });
    const markings = await kim.textContent(`${cnpRow} [data-testid=case-share-markings]`);
    expect(markings).toContain('KNPA');
    expect(markings).toContain('TLP:AMBER');
    expect(await hasHorizontalOverflow(kim)).toBe(false);
    await shot(kim, 'case-sharing-active-ko');

    // CNP's investigator (Khmer UI) opens the mirror: KNPA's case, with its task.
    const chan = await nodes.signedIn(cnp, 'investigator@cnp.demo');
    await chan.goto(`/cases/${caseId}`);
    await chan.waitForSelector('[data-testid=case-mirror-notice][data-origin=KNPA]');
    // The summary names KNPA as the owner and CNP as the agency it is shared with (was "CNP / KNPA").
    const owner = await chan.waitForSelector('[data-testid=case-owner][data-owner=KNPA]');
    expect(await owner.textContent()).toContain('CNP');
    await chan.waitForSelector(`[data-testid=case-tasks] >> text=${caseTask}`);
    await chan.click('#case-tab-sharing');
    await chan.waitForSelector(
      '[data-testid=case-share-row][data-peer=knpa][data-role=mirror][data-state=active]',
    );
    expect(await chan.locator('button[name=open-share-form]').count()).toBe(0);
    await shot(chan, 'case-sharing-mirror-km');

    // KNPA retracts after confirming; the share stays listed as retracted.
    await kim.click(`${cnpRow} [data-testid=case-share-retract]`);
    await kim.click(`${cnpRow} [data-testid=case-share-retract-confirm]`);
    await kim.waitForSelector(`${cnpRow}[data-state=retracted]`);
    expect(await kim.textContent('[data-testid=case-sharing-status]')).toContain('CNP');

    // On CNP the mirror is gone once the retraction arrives.
    await expect
      .poll(
        async () =>
          (
            await cnp.node.app.db
              .selectFrom('case_shares')
              .select('state')
              .where('case_id', '=', caseId)
              .executeTakeFirst()
          )?.state,
        { timeout: 15_000 },
      )
      .toBe('retracted');
    await chan.reload();
    await chan.waitForSelector('.status-page');
    expect(
      await knpa.node.app.db.selectFrom('cases').select('id').where('id', '=', caseId).execute(),
    ).toHaveLength(1);
  }, 60_000);
});
