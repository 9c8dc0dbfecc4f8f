import type { Actor } from '@liaison/core';
import { CaseInput } from '@liaison/core/cases/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase } from '../../cases/cases-service.ts';
import { caseBody } from '../../cases/testing/case-fixtures.ts';
import type { Ctx } from '../../context.ts';
import { shareCase } from '../../federation/case-sync/share.ts';
import {
  agencyOfficer,
  closeNodes,
  type FederatedTestNode,
  startPeeredPair,
  syncPair,
} from '../../federation/testing.ts';
import { createLink } from '../links/link-service.ts';
import { deleteEntity, deleteLink, removeEntityFromCase, updateEntity } from './entity-edits.ts';
import { createEntities } from './entity-writes.ts';
import { person, phone } from './graph-test-support.ts';

let knpa: FederatedTestNode;
let cnp: FederatedTestNode;
let kim: { ctx: Ctx; actor: Actor };

const sync = () => syncPair(knpa, cnp);

/** What the peer holds of the case: members, the properties of each, and links between them. */
async function mirrorOf(caseId: string) {
  const db = cnp.node.app.db;
  const members = await db
    .selectFrom('case_entities as ce')
    .innerJoin('entities as e', 'e.id', 'ce.entity_id')
    .select(['e.id', 'e.properties'])
    .where('ce.case_id', '=', caseId)
    .execute();
  const entities = await db.selectFrom('entities').select('id').execute();
  const links = await db.selectFrom('links').select('id').execute();
  return {
    members: new Map(members.map((m) => [m.id, m.properties])),
    entityIds: entities.map((e) => e.id),
    linkIds: links.map((l) => l.id),
  };
}

beforeAll(async () => {
  ({ knpa, cnp } = await startPeeredPair());
  kim = await agencyOfficer(knpa, 'KNPA');
});
afterAll(() => closeNodes(knpa, cnp));

describe('graph edits of a shared case reach the peer', () => {
  it('an edit, a link deletion, a removal from the case and an entity deletion all propagate', async () => {
    const c = await createCase(
      kim.ctx,
      kim.actor,
      CaseInput.parse(caseBody({ title: 'Poipet call centre' })),
    );
    const [boss, handset, victim] = await createEntities(kim.ctx, kim.actor, [
      { ...person([{ value: 'Lim Sovann', script: 'latin' }]), caseId: c.id, role: 'suspect' },
      { ...phone('+855 12 777 888'), caseId: c.id },
      { ...person([{ value: 'Choi Minji', script: 'latin' }]), caseId: c.id, role: 'victim' },
    ]);
    const link = await createLink(kim.ctx, kim.actor, {
      type: 'uses',
      sourceId: boss!.entity.id,
      targetId: handset!.entity.id,
      properties: {},
    });
    await shareCase(kim.ctx, kim.actor, c.id, {
      peer: 'cnp',
      scope: ['entities'],
      markings: {
        legalBasis: { kind: 'police_cooperation' as const },
        purpose: 'Joint investigation of a call centre',
      },
    });
    await sync();
    let mirror = await mirrorOf(c.id);
    expect(mirror.members.size).toBe(3);
    expect(mirror.linkIds).toContain(link.id);

    await updateEntity(kim.ctx, kim.actor, handset!.entity.id, 1, {
      properties: { number: '+855 12 777 999' },
    });
    await deleteLink(kim.ctx, kim.actor, link.id);
    await removeEntityFromCase(kim.ctx, kim.actor, c.id, victim!.entity.id);
    await sync();
    mirror = await mirrorOf(c.id);
    expect(mirror.members.get(handset!.entity.id)).toEqual({ number: '+855 12 777 999' });
    expect(mirror.linkIds).not.toContain(link.id);
    expect([...mirror.members.keys()]).not.toContain(victim!.entity.id);

    await deleteEntity(kim.ctx, kim.actor, handset!.entity.id);
    await sync();
    mirror = await mirrorOf(c.id);
    expect([...mirror.members.keys()]).toEqual([boss!.entity.id]);
    expect(mirror.entityIds).not.toContain(handset!.entity.id);
  });
});
