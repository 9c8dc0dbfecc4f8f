import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonAppearance, RecordChange } from '../../changes/record-changes.ts';
import { systemCtx } from '../../context.ts';
import { createTestCase, createTestEntity, createTestUser } from '../../testing/factories.ts';
import { startTestNode, type TestNode } from '../../testing/test-node.ts';
import { addEntityToCase } from '../entities/case-members.ts';

// The intake tells the node's change feed when a person appears, so a watcher (the fugitive flag next) learns
// of every person created here or added to a case, in the transaction that did it, and of nothing else.

let t: TestNode;
const seen: PersonAppearance[] = [];
beforeAll(async () => {
  t = await startTestNode();
  t.node.app.changes.observe(async (_trx, change: RecordChange) => {
    if (change.on === 'person') seen.push(change);
  });
});
afterAll(() => t.close());

const person = (name: string) => ({
  type: 'person',
  properties: { names: [{ kind: 'primary', value: name, script: 'latin' }] },
});

describe('person appeared', () => {
  it('is told when a person is created, with the case it was placed in; not for a phone', async () => {
    const { actor } = await createTestUser(t.node.app, ['investigator']);
    const joint = await createTestCase(t.node.app, actor, { title: 'Appearances' });
    seen.length = 0;
    const loose = await createTestEntity(t.node.app, actor, person('Kim Loose'));
    const placed = await createTestEntity(t.node.app, actor, person('Park Placed'), joint.id);
    await createTestEntity(t.node.app, actor, { type: 'phone', properties: { number: '+855 12 555 019' } });
    expect(seen).toEqual([
      { on: 'person', where: 'created', entityIds: [loose.entity.id] },
      { on: 'person', where: 'created', entityIds: [placed.entity.id], caseId: joint.id },
    ]);
  });

  it('is told when an existing person is added to a case, and not when the addition is refused', async () => {
    const { actor } = await createTestUser(t.node.app, ['investigator']);
    const first = await createTestCase(t.node.app, actor, { title: 'First' });
    const second = await createTestCase(t.node.app, actor, { title: 'Second' });
    const suspect = await createTestEntity(t.node.app, actor, person('Lee Moved'), first.id);
    seen.length = 0;
    await addEntityToCase(systemCtx(t.node.app), actor, second.id, { entityId: suspect.entity.id });
    await expect(
      addEntityToCase(systemCtx(t.node.app), actor, second.id, { entityId: suspect.entity.id }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(seen).toEqual([
      { on: 'person', where: 'case', entityIds: [suspect.entity.id], caseId: second.id },
    ]);
  });
});
