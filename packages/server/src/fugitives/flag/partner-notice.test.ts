import type { Actor } from '@liaison/core';
import { CaseInput } from '@liaison/core/cases/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase } from '../../cases/cases-service.ts';
import { caseBody } from '../../cases/testing/case-fixtures.ts';
import type { Ctx } from '../../context.ts';
import { askHit } from '../../exchange/hits.ts';
import { shareCase } from '../../federation/case-sync/share.ts';
import {
  agencyOfficer,
  closeNodes,
  type FederatedTestNode,
  startPeeredPair,
  syncPair,
} from '../../federation/testing.ts';
import { createEntities } from '../../graph/entities/entity-writes.ts';
import { person } from '../../graph/entities/graph-test-support.ts';
import { insertWantedPersons } from './flag-test-support.ts';

// Two real nodes over loopback HTTP: KNPA shares a case whose person is on CNP's wanted list; CNP flags the
// mirrored person and tells KNPA which of KNPA's records matched, without the list or the fugitive's details.

let knpa: FederatedTestNode;
let cnp: FederatedTestNode;
let kim: { ctx: Ctx; actor: Actor };

beforeAll(async () => {
  ({ knpa, cnp } = await startPeeredPair());
  kim = await agencyOfficer(knpa, 'KNPA');
  await insertWantedPersons(cnp.node.app.db, [
    {
      names: [
        { value: 'CHOI DONGHO', script: 'latin', kind: 'passport' },
        { value: '최동호', script: 'hangul', kind: 'primary' },
      ],
      birthDate: '1979-11-02',
      passportNumber: 'KR:M55501234',
    },
  ]);
});
afterAll(() => closeNodes(knpa, cnp));

describe('fugitive flags across nodes', () => {
  it("a person KNPA shared flags on CNP; KNPA's alert users learn which of its records, and nothing of the fugitive", async () => {
    const c = await createCase(
      kim.ctx,
      kim.actor,
      CaseInput.parse(caseBody({ title: 'Sihanoukville compound' })),
    );
    const [choi] = await createEntities(kim.ctx, kim.actor, [
      {
        ...person([{ value: '최동호', script: 'hangul' }], { birthDate: '1979-11-02' }),
        caseId: c.id,
        role: 'suspect',
      },
    ]);
    await shareCase(kim.ctx, kim.actor, c.id, {
      peer: 'cnp',
      scope: ['tasks', 'notes', 'entities'],
      markings: {
        legalBasis: { kind: 'police_cooperation' },
        purpose: 'Joint investigation of a scam compound',
      },
    });
    await syncPair(knpa, cnp);
    const flagged = await cnp.node.app.db
      .selectFrom('fugitive_flags')
      .select(['subject_id', 'source'])
      .execute();
    expect(flagged).toEqual([{ subject_id: choi!.entity.id, source: 'peer' }]);
    await syncPair(cnp, knpa);
    const officer = await knpa.signIn(['liaison_officer']);
    const notices = (await officer.get('/api/v1/fugitive-flags/partner-notices')).json().notices;
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ peer: 'cnp', records: [{ entityId: choi!.entity.id }] });
    // Nothing of CNP's fugitive crossed over: no name, date or passport of theirs is in what KNPA holds.
    const stored = JSON.stringify(
      await knpa.node.app.db.selectFrom('fugitive_flag_notices').selectAll().execute(),
    );
    expect(stored).not.toMatch(/M55501234|CHOI DONGHO/);
    const audited = await knpa.node.app.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'fugitive.flag.notice.received')
      .execute();
    expect(audited).toHaveLength(1);
  });

  it("answers KNPA's hit/no-hit query against CNP's wanted list by name and birth date, and by passport", async () => {
    const ask = (input: Record<string, unknown>) =>
      askHit(kim.ctx, { ...kim.actor, roles: ['investigator'] }, {
        peer: 'cnp',
        purpose: 'Is this man wanted in Cambodia?',
        ...input,
      } as never);
    expect((await ask({ kind: 'name_birth_date', value: 'Dongho Choi', birthDate: '1979-11-02' })).hit).toBe(
      true,
    );
    expect((await ask({ kind: 'name_birth_date', value: 'Dongho Choi', birthDate: '1979-02-11' })).hit).toBe(
      true,
    );
    expect((await ask({ kind: 'name_birth_date', value: 'Dongho Choi', birthDate: '1980-01-01' })).hit).toBe(
      false,
    );
    expect((await ask({ kind: 'passport', value: 'KR M55501234' })).hit).toBe(true);
  });
});
