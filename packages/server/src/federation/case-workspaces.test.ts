import type { Actor } from '@liaison/core';
import { CaseInput, NoteInput, TaskInput, TaskPatch } from '@liaison/core/cases/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase, updateCase } from '../cases/cases-service.ts';
import { createNote, editNote } from '../cases/notes-service.ts';
import { createTask, deleteTask, updateTask } from '../cases/tasks-service.ts';
import { caseBody } from '../cases/testing/case-fixtures.ts';
import type { Ctx } from '../context.ts';
import { purgeExpired } from '../exchange/retention.ts';
import { retractCaseShare, shareCase } from './case-sync/share.ts';
import { deliverPending } from './delivery.ts';
import { agencyOfficer, closeNodes, type FederatedTestNode, startPeeredPair, syncPair } from './testing.ts';

let knpa: FederatedTestNode;
let cnp: FederatedTestNode;
let kim: { ctx: Ctx; actor: Actor };
let chan: { ctx: Ctx; actor: Actor };

const shareMarkings = {
  legalBasis: { kind: 'police_cooperation' as const },
  purpose: 'Joint investigation of a voice-phishing ring',
  sourceReliability: 'B',
  informationAccuracy: '2',
};

const sync = () => syncPair(knpa, cnp);

async function snapshot(t: FederatedTestNode, caseId: string) {
  const db = t.node.app.db;
  const header = await db
    .selectFrom('cases')
    .select(['title', 'summary', 'priority', 'status', 'tlp'])
    .where('id', '=', caseId)
    .executeTakeFirst();
  const tasks = await db
    .selectFrom('case_tasks')
    .select(['id', 'title', 'status', 'description'])
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute();
  const notes = await db
    .selectFrom('case_notes')
    .select(['id', 'body'])
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute();
  return { header, tasks, notes };
}

async function sharedCase(title: string) {
  const c = await createCase(kim.ctx, kim.actor, CaseInput.parse(caseBody({ title })));
  const task = await createTask(
    kim.ctx,
    kim.actor,
    c.id,
    TaskInput.parse({ title: 'Trace the mule accounts' }),
  );
  const note = await createNote(
    kim.ctx,
    kim.actor,
    c.id,
    NoteInput.parse({ body: 'First lead', language: 'en' }),
  );
  await shareCase(kim.ctx, kim.actor, c.id, {
    peer: 'cnp',
    scope: ['tasks', 'notes'],
    markings: shareMarkings,
  });
  await sync();
  return { caseId: c.id, taskId: task.id, noteId: note.id };
}

beforeAll(async () => {
  ({ knpa, cnp } = await startPeeredPair());
  kim = await agencyOfficer(knpa, 'KNPA');
  chan = await agencyOfficer(cnp, 'CNP');
});
afterAll(() => closeNodes(knpa, cnp));

describe('joint case workspaces', () => {
  it('mirrors a shared case with its tasks and notes, under the markings and the receiving rules', async () => {
    const { caseId, taskId, noteId } = await sharedCase('Bavet compound');
    const mirror = await snapshot(cnp, caseId);
    expect(mirror).toEqual(await snapshot(knpa, caseId));
    expect(mirror.header?.title).toBe('Bavet compound');
    expect(mirror.tasks.map((t) => t.id)).toEqual([taskId]);
    expect(mirror.notes.map((n) => n.id)).toEqual([noteId]);
    const share = await cnp.node.app.db
      .selectFrom('case_shares')
      .selectAll()
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(share).toMatchObject({ role: 'mirror', origin_node: 'knpa', state: 'active' });
    expect(share.markings).toMatchObject({
      originAgency: 'KNPA',
      handlingCode: 'H1',
      tlp: 'AMBER',
      legalBasis: { kind: 'police_cooperation' },
      purpose: shareMarkings.purpose,
      sourceReliability: 'B',
      informationAccuracy: '2',
    });
    expect(share.retain_until).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const mapped = await cnp.node.app.db
      .selectFrom('mirrored_records')
      .select(['record_type', 'origin_node', 'origin_id', 'local_id'])
      .where('case_id', '=', caseId)
      .execute();
    expect(mapped.map((m) => m.record_type).sort()).toEqual(['case', 'note', 'task']);
    expect(mapped.every((m) => m.origin_node === 'knpa')).toBe(true);
    const audit = await cnp.node.app.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'case.share_received')
      .where('record_id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.details)).toContain('KH-IN-');
  });

  it('carries edits both ways: the mirror adds a task and edits a note, the originator sees them', async () => {
    const { caseId, noteId } = await sharedCase('Both ways');
    const added = await createTask(
      chan.ctx,
      chan.actor,
      caseId,
      TaskInput.parse({ title: 'Raid planning (CNP)' }),
    );
    const note = (await snapshot(cnp, caseId)).notes[0]!;
    const version = (
      await cnp.node.app.db
        .selectFrom('case_notes')
        .select('version')
        .where('id', '=', note.id)
        .executeTakeFirstOrThrow()
    ).version;
    await editNote(chan.ctx, chan.actor, caseId, noteId, {
      body: 'First lead, confirmed by CNP',
      baseVersion: version,
    });
    await sync();
    const origin = await snapshot(knpa, caseId);
    expect(origin.tasks.map((t) => t.title)).toContain('Raid planning (CNP)');
    expect(origin.tasks.map((t) => t.id)).toContain(added.id);
    expect(origin.notes[0]!.body).toContain('confirmed by CNP');
    expect(origin).toEqual(await snapshot(cnp, caseId));
  });

  it('converges under concurrent edits on both nodes, whichever order the messages arrive in', async () => {
    for (const first of ['knpa', 'cnp'] as const) {
      const { caseId, taskId, noteId } = await sharedCase(`Concurrent ${first}`);
      // Both nodes edit before either hears of the other: same field (title), different fields, and a
      // note deleted on one side... well, tasks: KNPA renames and completes, CNP renames and describes.
      await updateTask(
        kim.ctx,
        kim.actor,
        caseId,
        taskId,
        TaskPatch.parse({ title: 'KNPA title', status: 'done' }),
      );
      await new Promise((r) => setTimeout(r, 5));
      await updateTask(
        chan.ctx,
        chan.actor,
        caseId,
        taskId,
        TaskPatch.parse({ title: 'CNP title', description: 'from Phnom Penh' }),
      );
      const cases = (t: FederatedTestNode) =>
        t.node.app.db
          .selectFrom('cases')
          .select('version')
          .where('id', '=', caseId)
          .executeTakeFirstOrThrow();
      await updateCase(kim.ctx, kim.actor, caseId, (await cases(knpa)).version, { summary: 'KNPA summary' });
      await updateCase(chan.ctx, chan.actor, caseId, (await cases(cnp)).version, { priority: 'critical' });
      const noteVersion = (
        await cnp.node.app.db
          .selectFrom('case_notes')
          .select('version')
          .where('id', '=', noteId)
          .executeTakeFirstOrThrow()
      ).version;
      await editNote(chan.ctx, chan.actor, caseId, noteId, {
        body: 'Edited on CNP',
        baseVersion: noteVersion,
      });
      await deleteTask(kim.ctx, kim.actor, caseId, taskId);
      const [a, b] = first === 'knpa' ? [knpa, cnp] : [cnp, knpa];
      await deliverPending(a.node.app);
      await deliverPending(b.node.app);
      await sync();
      const k = await snapshot(knpa, caseId);
      expect(await snapshot(cnp, caseId)).toEqual(k);
      // Different fields merge; a removal outlives a concurrent edit.
      expect(k.header).toMatchObject({ summary: 'KNPA summary', priority: 'critical' });
      expect(k.tasks.find((t) => t.id === taskId)).toBeUndefined();
      expect(k.notes.find((n) => n.id === noteId)?.body).toContain('Edited on CNP');
    }
  });

  it('resolves a same-field race by (hybrid logical clock, node name) on both nodes', async () => {
    for (const first of ['knpa', 'cnp'] as const) {
      const { caseId, taskId } = await sharedCase(`Race ${first}`);
      await updateTask(kim.ctx, kim.actor, caseId, taskId, TaskPatch.parse({ title: 'KNPA wrote first' }));
      await new Promise((r) => setTimeout(r, 5));
      await updateTask(chan.ctx, chan.actor, caseId, taskId, TaskPatch.parse({ title: 'CNP wrote last' }));
      const [a, b] = first === 'knpa' ? [knpa, cnp] : [cnp, knpa];
      await deliverPending(a.node.app);
      await deliverPending(b.node.app);
      const title = async (t: FederatedTestNode) =>
        (
          await t.node.app.db
            .selectFrom('case_tasks')
            .select('title')
            .where('id', '=', taskId)
            .executeTakeFirstOrThrow()
        ).title;
      expect(await title(knpa)).toBe('CNP wrote last');
      expect(await title(cnp)).toBe('CNP wrote last');
    }
  });

  it('removes the mirror when the originator retracts, and drops edits that cross the retraction', async () => {
    const { caseId, taskId } = await sharedCase('To retract');
    await updateTask(chan.ctx, chan.actor, caseId, taskId, TaskPatch.parse({ title: 'late edit' }));
    await retractCaseShare(kim.ctx, kim.actor, caseId, 'cnp');
    await sync();
    expect(
      await cnp.node.app.db.selectFrom('cases').select('id').where('id', '=', caseId).execute(),
    ).toHaveLength(0);
    expect(
      await cnp.node.app.db.selectFrom('case_tasks').select('id').where('case_id', '=', caseId).execute(),
    ).toHaveLength(0);
    const share = await cnp.node.app.db
      .selectFrom('case_shares')
      .select('state')
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(share.state).toBe('retracted');
    const task = await knpa.node.app.db
      .selectFrom('case_tasks')
      .select('title')
      .where('id', '=', taskId)
      .executeTakeFirstOrThrow();
    expect(task.title).toBe('Trace the mule accounts');
    const outcomes = await knpa.node.app.db
      .selectFrom('inbox')
      .select('outcome')
      .where('kind', '=', 'case.sync')
      .execute();
    expect(outcomes.every((o) => o.outcome === 'applied')).toBe(true);
  });

  it('refuses to share under an outbound rule, audited', async () => {
    const c = await createCase(kim.ctx, kim.actor, CaseInput.parse(caseBody({ title: 'Informant' })));
    await expect(
      shareCase(kim.ctx, kim.actor, c.id, {
        peer: 'cnp',
        scope: [],
        markings: shareMarkings,
        categories: ['intelligence_source'],
      }),
    ).rejects.toMatchObject({ code: 'policy-blocked' });
  });

  it('disposes of received items and mirrors past their retention date, audited', async () => {
    const { caseId } = await sharedCase('Retention');
    const app = cnp.node.app;
    const peer = await app.db.selectFrom('peers').select('id').executeTakeFirstOrThrow();
    const old = {
      direction: 'in' as const,
      peer_id: peer.id,
      kind: 'notification',
      subject: 'old',
      body: 'secret',
      priority: 'normal',
      markings: '{}',
      author_name: 'x',
      author_agency: 'KNPA',
      identifiers: '[]',
      attachments: '[]',
      categories: [],
      questions: '[]',
      translations: '{}',
      created_at: new Date(),
      retain_until: '2020-01-01',
    };
    const purgeId = crypto.randomUUID();
    const anonId = crypto.randomUUID();
    await app.db
      .insertInto('exchange_items')
      .values([
        {
          ...old,
          id: purgeId,
          thread_id: purgeId,
          obligations: JSON.stringify([{ kind: 'retain_until', until: '2020-01-01', disposal: 'purge' }]),
        },
        {
          ...old,
          id: anonId,
          thread_id: anonId,
          obligations: JSON.stringify([{ kind: 'retain_until', until: '2020-01-01', disposal: 'anonymise' }]),
        },
      ])
      .execute();
    await app.db
      .updateTable('case_shares')
      .set({ retain_until: '2020-01-01' })
      .where('case_id', '=', caseId)
      .execute();
    const result = await purgeExpired(app);
    expect(result).toMatchObject({ purged: 1, anonymised: 1, cases: 1 });
    expect(
      await app.db.selectFrom('exchange_items').select('id').where('id', '=', purgeId).execute(),
    ).toHaveLength(0);
    const anon = await app.db
      .selectFrom('exchange_items')
      .select(['subject', 'body'])
      .where('id', '=', anonId)
      .executeTakeFirstOrThrow();
    expect(anon).toEqual({ subject: '[anonymised]', body: '' });
    expect(await app.db.selectFrom('cases').select('id').where('id', '=', caseId).execute()).toHaveLength(0);
    const audited = await app.db
      .selectFrom('audit_log')
      .select(['action', 'record_id'])
      .where('action', 'like', 'retention.%')
      .execute();
    expect(audited.map((a) => a.record_id)).toEqual(expect.arrayContaining([purgeId, anonId, caseId]));
    expect((await purgeExpired(app)).purged).toBe(0);
  });
});
