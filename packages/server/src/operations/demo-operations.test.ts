import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../context.ts';
import { seedDemoFugitives } from '../fugitives/demo-fugitives.ts';
import { seedDemoRescue } from '../rescue/demo-rescue.ts';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { operationsOfCompound } from './compound-operations.ts';
import { seasonStart, seedDemoOperations } from './demo-operations.ts';
import { operationStatistics } from './stats-service.ts';

// The demo's winter season: 12 operations from December to March, 160 arrests with fugitives among them, five
// rescues — loaded once, the same every time.

let t: TestNode;
beforeAll(async () => {
  t = await startTestNode();
  const ctx = systemCtx(t.node.app);
  await seedDemoRescue(ctx);
  await seedDemoFugitives(ctx);
  const started = performance.now();
  await seedDemoOperations(ctx);
  console.log(`demo season loaded in ${Math.round(performance.now() - started)} ms`);
}, 120_000);
afterAll(() => t.close());

describe('the demo season', () => {
  it('has the reference season’s numbers, month by month', async () => {
    const { actor } = await t.signInAs(['commander'], 'CNP');
    const stats = await operationStatistics(systemCtx(t.node.app), actor);
    expect(stats.totals).toMatchObject({ operations: 12, completed: 12, arrests: 160, rescues: 5 });
    expect(stats.totals.fugitivesArrested).toBeGreaterThanOrEqual(2);
    const start = seasonStart(new Date());
    const year = start.getUTCFullYear();
    expect(stats.arrestsByMonth.map((m) => m.key)).toEqual([
      `${year}-12`,
      `${year + 1}-01`,
      `${year + 1}-02`,
      `${year + 1}-03`,
    ]);
    expect(stats.arrestsByMonth.reduce((sum, m) => sum + m.count, 0)).toBe(160);
    expect(stats.arrestsByNationality[0]!.key).toBe('KR');
    expect(stats.arrestsByAgency.map((a) => a.key).sort()).toEqual(['CNP', 'KNPA']);
    expect(stats.operations).toHaveLength(12);
  });

  it('is loaded once, every arrest a graph person, audited', async () => {
    await seedDemoOperations(systemCtx(t.node.app));
    const db = t.node.app.db;
    const count = async (table: 'operations' | 'operation_arrests') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('operations')).toBe(12);
    const orphans = await db
      .selectFrom('operation_arrests')
      .leftJoin('entities', 'entities.id', 'operation_arrests.person_entity_id')
      .select('operation_arrests.id')
      .where('entities.id', 'is', null)
      .execute();
    expect(orphans).toEqual([]);
    const loaded = await db
      .selectFrom('audit_log')
      .select('seq')
      .where('action', '=', 'operation.demo-loaded')
      .execute();
    expect(loaded).toHaveLength(12);
    // The references came from the agency's counters, so a plan typed later takes the next number.
    const counters = await db.selectFrom('operation_counters').select(['agency_code', 'last_seq']).execute();
    expect(counters.reduce((sum, c) => sum + c.last_seq, 0)).toBe(12);
    const bavet = await db
      .selectFrom('compounds')
      .select('id')
      .where('name', '=', 'Bavet Dragon Plaza')
      .executeTakeFirstOrThrow();
    const { actor: commander } = await t.signInAs(['commander'], 'CNP');
    expect((await operationsOfCompound(db, commander, bavet.id)).map((o) => o.codeName)).toEqual([
      'STONE TEMPLE',
      'RIVER LANTERN',
    ]);
    // The register's page lists them for a reader of operations, and not for one without (consular staff).
    const commanderClient = await t.signIn(['commander'], 'KNPA');
    const page = (await commanderClient.get(`/api/v1/compounds/${bavet.id}`)).json();
    expect(page.operations.map((o: { codeName: string }) => o.codeName)).toEqual([
      'STONE TEMPLE',
      'RIVER LANTERN',
    ]);
    const consular = await t.signIn(['consular_officer'], 'MOFA');
    expect((await consular.get(`/api/v1/compounds/${bavet.id}`)).json().operations).toEqual([]);
    const compounds = await db
      .selectFrom('compounds')
      .select('status')
      .where('name', '=', 'Bavet Dragon Plaza')
      .execute();
    expect(compounds).toEqual([{ status: 'raided' }]);
  });
});
