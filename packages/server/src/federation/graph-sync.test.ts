import type { Actor } from '@liaison/core';
import { CaseInput } from '@liaison/core/cases/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase } from '../cases/cases-service.ts';
import { caseBody } from '../cases/testing/case-fixtures.ts';
import type { Ctx } from '../context.ts';
import { createEntities } from '../graph/entities/entity-writes.ts';
import { person, phone } from '../graph/entities/graph-test-support.ts';
import { createLink } from '../graph/links/link-service.ts';
import { retractCaseShare, shareCase } from './case-sync/share.ts';
import { agencyOfficer, closeNodes, type FederatedTestNode, startPeeredPair, syncPair } from './testing.ts';

let knpa: FederatedTestNode;
let cnp: FederatedTestNode;
let kim: { ctx: Ctx; actor: Actor };
let chan: { ctx: Ctx; actor: Actor };

const shareMarkings = {
  legalBasis: { kind: 'police_cooperation' as const },
  purpose: 'Joint investigation of a voice-phishing ring',
};

const sync = () => syncPair(knpa, cnp);

/** The graph's edit and removal paths do not exist yet: a write and its hook line, as such a path would do. */
async function editEntity(t: FederatedTestNode, id: string, properties: Record<string, unknown>) {
  await t.node.app.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('entities')
      .set({ properties: JSON.stringify(properties) })
      .where('id', '=', id)
      .execute();
    await t.node.app.changes.announce(trx, { on: 'graph', record: 'entity', ids: [id] });
  });
}

async function graphOf(t: FederatedTestNode, caseId: string) {
  const db = t.node.app.db;
  const entities = await db
    .selectFrom('case_entities as ce')
    .innerJoin('entities as e', 'e.id', 'ce.entity_id')
    .select(['e.id', 'e.type', 'e.properties', 'ce.role'])
    .where('ce.case_id', '=', caseId)
    .orderBy('e.id')
    .execute();
  const ids = entities.map((e) => e.id);
  const links =
    ids.length === 0
      ? []
      : await db
          .selectFrom('links')
          .select(['id', 'type', 'source_id', 'target_id', 'confidence'])
          .where('source_id', 'in', ids)
          .orderBy('id')
          .execute();
  return { entities, links };
}

beforeAll(async () => {
  ({ knpa, cnp } = await startPeeredPair());
  kim = await agencyOfficer(knpa, 'KNPA');
  chan = await agencyOfficer(cnp, 'CNP');
});
afterAll(() => closeNodes(knpa, cnp));

describe('joint case workspaces: entities and links', () => {
  it('mirrors entities and links, merges concurrent edits, propagates removals; a shared phone raises a hit', async () => {
    // CNP already knows this phone from its own work: the shared one must raise a hit there.
    const [known] = await createEntities(chan.ctx, chan.actor, [phone('+855 12 345 678')]);
    const c = await createCase(kim.ctx, kim.actor, CaseInput.parse(caseBody({ title: 'Bavet compound' })));
    const [recruiter, handset] = await createEntities(kim.ctx, kim.actor, [
      { ...person([{ value: 'Sok Dara', script: 'latin' }]), caseId: c.id, role: 'suspect' },
      { ...phone('+855 12 345 678'), caseId: c.id },
    ]);
    await shareCase(kim.ctx, kim.actor, c.id, {
      peer: 'cnp',
      scope: ['tasks', 'notes', 'entities'],
      markings: shareMarkings,
    });
    await sync();
    // A link made after the share travels too.
    const link = await createLink(kim.ctx, kim.actor, {
      type: 'uses',
      sourceId: recruiter!.entity.id,
      targetId: handset!.entity.id,
      properties: {},
    });
    await sync();
    let [a, b] = [await graphOf(knpa, c.id), await graphOf(cnp, c.id)];
    expect(b.entities.map((e) => e.id)).toEqual(a.entities.map((e) => e.id));
    expect(b.entities.find((e) => e.id === recruiter!.entity.id)?.role).toBe('suspect');
    expect(b.links.map((l) => l.id)).toEqual([link.id]);
    const hits = await cnp.node.app.db
      .selectFrom('hits')
      .select(['entity_id', 'matched_entity_id', 'kind'])
      .where('entity_id', '=', handset!.entity.id)
      .execute();
    expect(hits).toEqual([
      { entity_id: handset!.entity.id, matched_entity_id: known!.entity.id, kind: 'phone' },
    ]);

    // Concurrent edits of the same entity on both nodes before either delivers: both end with the later one.
    await editEntity(knpa, recruiter!.entity.id, {
      names: [{ kind: 'primary', value: 'Sok Dara', script: 'latin' }],
      gender: 'male',
    });
    await editEntity(cnp, recruiter!.entity.id, {
      names: [{ kind: 'primary', value: 'SOK Dara', script: 'latin' }],
    });
    // The mirror adds its own entity to the case; it travels back.
    const [wallet] = await createEntities(chan.ctx, chan.actor, [
      { ...phone('+855 99 000 111'), caseId: c.id },
    ]);
    await sync();
    [a, b] = [await graphOf(knpa, c.id), await graphOf(cnp, c.id)];
    expect(a).toEqual(b);
    expect(a.entities.map((e) => e.id)).toContain(wallet!.entity.id);
    expect(
      (a.entities.find((e) => e.id === recruiter!.entity.id)!.properties as { names: { value: string }[] })
        .names[0]!.value,
    ).toBe('SOK Dara');

    // Removal: the mirror removes the link, the originator removes the phone from the case; both propagate.
    await cnp.node.app.db.transaction().execute(async (trx) => {
      await cnp.node.app.changes.announce(trx, {
        on: 'graph',
        record: 'link',
        ids: [link.id],
        deleted: true,
      });
      await trx.deleteFrom('links').where('id', '=', link.id).execute();
    });
    await knpa.node.app.db.transaction().execute(async (trx) => {
      await trx
        .deleteFrom('case_entities')
        .where('case_id', '=', c.id)
        .where('entity_id', '=', wallet!.entity.id)
        .execute();
      await knpa.node.app.changes.announce(trx, {
        on: 'graph',
        record: 'member',
        ids: [wallet!.entity.id],
        caseId: c.id,
        deleted: true,
      });
    });
    await sync();
    [a, b] = [await graphOf(knpa, c.id), await graphOf(cnp, c.id)];
    expect(a).toEqual(b);
    expect(a.links).toEqual([]);
    expect(a.entities.map((e) => e.id)).not.toContain(wallet!.entity.id);

    // Retraction removes the mirrored graph with the case.
    await retractCaseShare(kim.ctx, kim.actor, c.id, 'cnp');
    await sync();
    expect(await graphOf(cnp, c.id)).toEqual({ entities: [], links: [] });
    const left = await cnp.node.app.db
      .selectFrom('entities')
      .select('id')
      .where('id', '=', recruiter!.entity.id)
      .executeTakeFirst();
    expect(left).toBeUndefined();
  });
});
