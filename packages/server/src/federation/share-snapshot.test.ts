import type { Actor } from '@liaison/core';
import { CaseInput } from '@liaison/core/cases/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase } from '../cases/cases-service.ts';
import { caseBody } from '../cases/testing/case-fixtures.ts';
import type { Ctx } from '../context.ts';
import { deleteEntity } from '../graph/entities/entity-edits.ts';
import { createEntities } from '../graph/entities/entity-writes.ts';
import { person, phone } from '../graph/entities/graph-test-support.ts';
import { createLink } from '../graph/links/link-service.ts';
import type { TestClient } from '../testing/test-client.ts';
import { shareCase } from './case-sync/share.ts';
import { agencyOfficer, closeNodes, type FederatedTestNode, startPeeredPair, syncPair } from './testing.ts';

let knpa: FederatedTestNode;
let cnp: FederatedTestNode;
let kim: { ctx: Ctx; actor: Actor };
let cnpReader: TestClient;

beforeAll(async () => {
  ({ knpa, cnp } = await startPeeredPair());
  kim = await agencyOfficer(knpa, 'KNPA');
  cnpReader = await cnp.signIn(['investigator'], 'CNP');
});
afterAll(() => closeNodes(knpa, cnp));

describe('the snapshot of a newly shared case', () => {
  it('never carries a deleted entity, or a link touching one, to the peer', async () => {
    const c = await createCase(kim.ctx, kim.actor, CaseInput.parse(caseBody({ title: 'Kampot compound' })));
    const [boss, recruiter, handset] = await createEntities(kim.ctx, kim.actor, [
      { ...person([{ value: 'Chan Vuthy', script: 'latin' }]), caseId: c.id, role: 'suspect' },
      { ...person([{ value: 'Keo Sophal', script: 'latin' }]), caseId: c.id, role: 'suspect' },
      { ...phone('+855 16 222 333'), caseId: c.id },
    ]);
    const kept = await createLink(kim.ctx, kim.actor, {
      type: 'uses',
      sourceId: boss!.entity.id,
      targetId: handset!.entity.id,
      properties: {},
    });
    await createLink(kim.ctx, kim.actor, {
      type: 'uses',
      sourceId: recruiter!.entity.id,
      targetId: handset!.entity.id,
      properties: {},
    });
    await deleteEntity(kim.ctx, kim.actor, recruiter!.entity.id, { reason: 'entered in error' });
    await shareCase(kim.ctx, kim.actor, c.id, {
      peer: 'cnp',
      scope: ['entities'],
      markings: { legalBasis: { kind: 'police_cooperation' }, purpose: 'Joint investigation' },
    });
    await syncPair(knpa, cnp);
    const db = cnp.node.app.db;
    const mirrored = await db
      .selectFrom('case_entities')
      .select('entity_id')
      .where('case_id', '=', c.id)
      .orderBy('entity_id')
      .execute();
    expect(mirrored.map((m) => m.entity_id).sort()).toEqual([boss!.entity.id, handset!.entity.id].sort());
    expect(
      await db.selectFrom('entities').select('id').where('id', '=', recruiter!.entity.id).execute(),
    ).toEqual([]);
    const links = await db
      .selectFrom('links')
      .select('id')
      .where('target_id', '=', handset!.entity.id)
      .execute();
    expect(links.map((l) => l.id)).toEqual([kept.id]);
  });

  it('keeps a mirrored case whose number is taken on the peer as <number>@<node>, readable in lists and on its page', async () => {
    const c = await createCase(kim.ctx, kim.actor, CaseInput.parse(caseBody({ title: 'Poipet casino' })));
    const cnpAgency = await cnp.node.app.db
      .selectFrom('users')
      .select(['id', 'agency_id'])
      .where('email', 'like', '%@cnp.test')
      .executeTakeFirstOrThrow();
    // The peer already has a case of that number (both demo nodes load KNPA's demo cases).
    await cnp.node.app.db
      .insertInto('cases')
      .values({
        number: c.number,
        owner_agency_id: cnpAgency.agency_id,
        lead_agency: 'CNP',
        title: 'Local case with the same number',
        language: 'en',
        crime_types: ['voice_phishing'],
        tlp: 'AMBER',
        handling_code: 'H0',
        assigned_officer_ids: [cnpAgency.id],
        created_by: cnpAgency.id,
      })
      .execute();
    await shareCase(kim.ctx, kim.actor, c.id, {
      peer: 'cnp',
      scope: ['tasks'],
      markings: { legalBasis: { kind: 'police_cooperation' }, purpose: 'Joint investigation' },
    });
    await syncPair(knpa, cnp);
    const mirror = await cnpReader.get(`/api/v1/cases/${c.id}`);
    expect(mirror.statusCode, mirror.body).toBe(200);
    expect(mirror.json().case.number).toBe(`${c.number}@knpa`);
    const list = await cnpReader.get('/api/v1/cases?limit=100');
    expect(list.statusCode, list.body).toBe(200);
  });
});
