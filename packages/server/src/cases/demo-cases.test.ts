import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemCtx } from '../context.ts';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { seedDemoCases } from './demo-cases.ts';

let t: TestNode;
beforeAll(async () => {
  t = await startTestNode();
});
afterAll(() => t.close());

it('seeds the demo cases once, with their tasks, notes and timeline', async () => {
  await seedDemoCases(systemCtx(t.node.app));
  await seedDemoCases(systemCtx(t.node.app));
  const cases = await t.node.app.db.selectFrom('cases').select(['number', 'tlp']).orderBy('number').execute();
  expect(cases.map((c) => c.number)).toEqual([
    expect.stringMatching(/^CNP-/),
    expect.stringMatching(/^KNPA-/),
    expect.stringMatching(/^KNPA-/),
  ]);
  expect(await t.node.app.db.selectFrom('case_tasks').select('id').execute()).toHaveLength(2);
});
