import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../context.ts';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { demoFugitiveIds, seedDemoFugitives } from './demo-fugitives.ts';

let t: TestNode;

beforeAll(async () => {
  t = await startTestNode();
});
afterAll(() => t.close());

describe('demo fugitives', () => {
  it('enters the demo register once, with its flags, and tells other seeders the ids', async () => {
    const ctx = systemCtx(t.node.app);
    await seedDemoFugitives(ctx);
    await seedDemoFugitives(ctx);
    const ids = await demoFugitiveIds(t.node.app.db);
    expect(Object.keys(ids).sort()).toEqual([
      'choi-seongmin',
      'han-boknam',
      'jung-woojin',
      'kim-taeyang',
      'lee-youngsoo',
      'park-jihoon',
    ]);
    const rows = await t.node.app.db.selectFrom('fugitives').select(['id', 'status', 'flags']).execute();
    expect(rows).toHaveLength(6);
    const status = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(status[ids['han-boknam']!]!.status).toBe('under_surveillance');
    expect(status[ids['jung-woojin']!]!.status).toBe('sighted');
    expect(status[ids['kim-taeyang']!]!.status).toBe('closed');
    expect(status[ids['lee-youngsoo']!]!.flags).toMatchObject({ warrant: 'expiring' });
    expect(status[ids['choi-seongmin']!]!.flags).toMatchObject({ stalled: true });
  });
});
