import { sql } from 'kysely';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { verifyAuditChain } from './audit-repository.ts';

let t: TestNode;
beforeEach(async () => {
  await t?.close();
  t = await startTestNode();
});
afterAll(() => t.close());

/** Tampering as a database administrator would: the append-only trigger is switched off first. */
async function asDba(...statements: string[]) {
  await sql.raw('alter table audit_log disable trigger audit_log_no_update').execute(t.node.app.db);
  for (const statement of statements) await sql.raw(statement).execute(t.node.app.db);
  await sql.raw('alter table audit_log enable trigger audit_log_no_update').execute(t.node.app.db);
}

describe('the audit chain', () => {
  it('is intact after the demo accounts are created', async () => {
    const result = await verifyAuditChain(t.node.app.db);
    expect(result.break).toBeNull();
    expect(result.checked).toBeGreaterThan(10);
  });

  it('refuses an UPDATE or DELETE from the application role', async () => {
    await expect(sql`update audit_log set action = 'x' where seq = 1`.execute(t.node.app.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_log where seq = 1`.execute(t.node.app.db)).rejects.toThrow(
      /append-only/,
    );
  });

  it('names an altered entry', async () => {
    await asDba(`update audit_log set details = '{"email":"someone-else@knpa.demo"}' where seq = 5`);
    expect((await verifyAuditChain(t.node.app.db)).break).toEqual({ seq: '5', reason: 'hash-mismatch' });
  });

  it('names the entry after a deleted one', async () => {
    await asDba('delete from audit_log where seq = 7');
    expect((await verifyAuditChain(t.node.app.db)).break).toEqual({ seq: '8', reason: 'broken-link' });
  });

  it('names reordered entries', async () => {
    await asDba(
      'update audit_log set seq = -1 where seq = 3',
      'update audit_log set seq = 3 where seq = 4',
      'update audit_log set seq = 4 where seq = -1',
    );
    const result = await verifyAuditChain(t.node.app.db);
    expect(result.break?.seq).toBe('3');
  });

  it('lets an auditor browse and filter the log, and verify it over HTTP', async () => {
    const auditor = await t.signIn(['auditor']);
    const all = (await auditor.get('/api/v1/audit?limit=5')).json();
    expect(all).toHaveLength(5);
    expect(Number(all[0].seq)).toBeGreaterThan(Number(all[4].seq));
    const logins = (await auditor.get('/api/v1/audit?action=auth.login')).json();
    expect(logins.every((e: { action: string }) => e.action.startsWith('auth.login'))).toBe(true);
    const verify = (await auditor.post('/api/v1/audit/verify', {})).json();
    expect(verify).toMatchObject({ intact: true, firstBad: null });
  });
});
