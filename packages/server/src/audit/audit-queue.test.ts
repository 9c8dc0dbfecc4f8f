import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '../context.ts';
import { testDatabaseKind } from '../testing/test-database.ts';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { audit, withAudit } from './audit.ts';
import { appendAudit, verifyAuditChain } from './audit-repository.ts';

let t: TestNode;
beforeAll(async () => {
  t = await startTestNode();
});
afterAll(() => t.close());

const clock = new Date('2026-03-01T08:00:00.000Z');
const scope = (trx: Tx) => ({ app: { now: () => clock }, ip: '203.0.113.7', trx });
const nobody = { actorId: null, actorAgency: 'KNPA' };

async function entries(action: string) {
  return t.node.app.db
    .selectFrom('audit_log')
    .select(['seq', 'at', 'action', 'record_id', 'ip', 'actor_agency'])
    .where('action', 'like', `${action}%`)
    .orderBy('seq')
    .execute();
}

describe('audit entries of a transaction', () => {
  it('wait in the transaction and are chained at its end, in order, timed by the app clock', async () => {
    await withAudit(t.node.app.db, async (trx) => {
      await audit(scope(trx), nobody, 'test.queued.first', { type: 'test', id: 'a' }, { n: 1 });
      await audit(scope(trx), nobody, 'test.queued.second', { type: 'test', id: 'b' });
      // Not appended yet: the chain lock has not been taken.
      const seen = await trx
        .selectFrom('audit_log')
        .select('seq')
        .where('action', 'like', 'test.queued%')
        .execute();
      expect(seen).toEqual([]);
    });
    const rows = await entries('test.queued');
    expect(rows.map((r) => [r.action, r.record_id, r.ip, r.actor_agency])).toEqual([
      ['test.queued.first', 'a', '203.0.113.7', 'KNPA'],
      ['test.queued.second', 'b', '203.0.113.7', 'KNPA'],
    ]);
    expect(rows.map((r) => r.at.toISOString())).toEqual([clock.toISOString(), clock.toISOString()]);
    expect(Number(rows[1]!.seq)).toBe(Number(rows[0]!.seq) + 1);
    expect((await verifyAuditChain(t.node.app.db)).break).toBeNull();
  });

  it('take in, in order, entries appended by the lower-level appendAudit in the same transaction', async () => {
    await withAudit(t.node.app.db, async (trx) => {
      await audit(scope(trx), nobody, 'test.mixed.1', { type: 'test', id: '1' });
      const seq = await appendAudit(trx, {
        ...nobody,
        action: 'test.mixed.2',
        recordType: 'test',
        recordId: '2',
        ip: null,
      });
      expect(seq).toBeNull();
      await audit(scope(trx), nobody, 'test.mixed.3', { type: 'test', id: '3' });
    });
    expect((await entries('test.mixed')).map((r) => r.action)).toEqual([
      'test.mixed.1',
      'test.mixed.2',
      'test.mixed.3',
    ]);
  });

  it('are not written when the transaction fails', async () => {
    await expect(
      withAudit(t.node.app.db, async (trx) => {
        await audit(scope(trx), nobody, 'test.rolled_back', { type: 'test', id: 'c' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await entries('test.rolled_back')).toEqual([]);
  });

  // PGlite has one connection: its transactions never overlap, so only PostgreSQL can show the lock's reach.
  it.skipIf(testDatabaseKind() === 'pglite')(
    'do not hold the chain lock while their transaction goes on: a long one does not block another audited write',
    async () => {
      let audited!: () => void;
      const longHasAudited = new Promise<void>((resolve) => {
        audited = resolve;
      });
      let finish!: () => void;
      const longMayFinish = new Promise<void>((resolve) => {
        finish = resolve;
      });
      const long = withAudit(t.node.app.db, async (trx) => {
        await audit(scope(trx), nobody, 'test.overlap.long', { type: 'test', id: 'long' });
        audited();
        await longMayFinish; // the rest of a long transaction (checks, more writes, a slow query)
      });
      await longHasAudited;
      const short = withAudit(t.node.app.db, async (trx) => {
        await audit(scope(trx), nobody, 'test.overlap.short', { type: 'test', id: 'short' });
      });
      const outcome = await Promise.race([
        short.then(() => 'committed'),
        new Promise((resolve) => setTimeout(() => resolve('blocked by the long transaction'), 3_000)),
      ]);
      finish();
      await Promise.all([long, short]);
      expect(outcome).toBe('committed');
      // The chain is ordered by commit: the short transaction's entry first, and it verifies.
      expect((await entries('test.overlap')).map((r) => r.action)).toEqual([
        'test.overlap.short',
        'test.overlap.long',
      ]);
      expect((await verifyAuditChain(t.node.app.db)).break).toBeNull();
    },
  );
});
