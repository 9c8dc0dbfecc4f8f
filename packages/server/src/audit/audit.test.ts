import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { auditEntryHash, genesisHash } from '@liaison/core';
import { sql } from 'kysely';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { NodeConfig } from '../config.ts';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { verifyAuditChain } from './audit-repository.ts';
import { checkpointAuditHead, verifyAudit } from './verify-audit.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-audit-'));
let t: TestNode;
async function restart(overrides: Partial<NodeConfig> = {}) {
  await t?.close();
  t = await startTestNode(overrides);
}
beforeEach(() => restart());
afterAll(async () => {
  await t.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Tampering as a database administrator would: the append-only triggers are switched off first. */
async function asDba(...statements: string[]) {
  const db = t.node.app.db;
  await sql.raw('alter table audit_log disable trigger audit_log_no_update').execute(db);
  await sql.raw('alter table audit_checkpoints disable trigger audit_checkpoints_no_update').execute(db);
  for (const statement of statements) await sql.raw(statement).execute(db);
  await sql.raw('alter table audit_log enable trigger audit_log_no_update').execute(db);
  await sql.raw('alter table audit_checkpoints enable trigger audit_checkpoints_no_update').execute(db);
}

async function headSeq(): Promise<number> {
  const top = await t.node.app.db
    .selectFrom('audit_log')
    .select('seq')
    .orderBy('seq', 'desc')
    .limit(1)
    .execute();
  return Number(top[0]!.seq);
}

/** Adds an audited write (a new user) so the log grows past a checkpoint. */
async function appendSome() {
  await t.signIn(['analyst']);
}

describe('the audit chain', () => {
  it('is intact after the demo accounts are created', async () => {
    const result = await verifyAudit(t.node.app);
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
    await verifyAudit(t.node.app);
    await expect(sql`delete from audit_checkpoints`.execute(t.node.app.db)).rejects.toThrow(/append-only/);
  });

  it('names an altered entry', async () => {
    await asDba(`update audit_log set details = '{"email":"someone-else@knpa.demo"}' where seq = 5`);
    expect((await verifyAudit(t.node.app)).break).toEqual({ seq: '5', reason: 'hash-mismatch' });
  });

  it('names the entry after a deleted one', async () => {
    await asDba('delete from audit_log where seq = 7');
    expect((await verifyAudit(t.node.app)).break).toEqual({ seq: '8', reason: 'broken-link' });
  });

  it('names an altered entry, not a deleted one after it', async () => {
    await asDba(
      `update audit_log set hash = '${'f'.repeat(64)}' where seq = 5`,
      'delete from audit_log where seq = 9',
    );
    expect((await verifyAudit(t.node.app)).break).toEqual({ seq: '5', reason: 'hash-mismatch' });
    // The same, read in pages that end between the two.
    expect((await verifyAuditChain(t.node.app.db, { pageSize: 3 })).break).toEqual({
      seq: '5',
      reason: 'hash-mismatch',
    });
  });

  it('names the entry after a deleted one, not an altered one after it', async () => {
    await asDba('delete from audit_log where seq = 6', `update audit_log set action = 'x' where seq = 10`);
    expect((await verifyAudit(t.node.app)).break).toEqual({ seq: '7', reason: 'broken-link' });
  });

  it('names reordered entries', async () => {
    await asDba(
      'update audit_log set seq = -1 where seq = 3',
      'update audit_log set seq = 3 where seq = 4',
      'update audit_log set seq = 4 where seq = -1',
    );
    const result = await verifyAudit(t.node.app);
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
    expect(verify).toMatchObject({ intact: true, firstBad: null, checkpoint: { seq: expect.any(String) } });
  });
});

describe('checkpoints of the chain head', () => {
  it('shows a tail cut off after a checkpoint, naming the first missing entry', async () => {
    const verified = await verifyAudit(t.node.app);
    const head = await headSeq();
    expect(verified.checkpoint?.seq).toBe(String(head));
    await asDba(`delete from audit_log where seq > ${head - 3}`);
    expect((await verifyAudit(t.node.app)).break).toEqual({
      seq: String(head - 2),
      reason: 'truncated',
      source: 'database',
    });
  });

  it('shows it through the file when the database checkpoints are removed too', async () => {
    const file = path.join(tmp, 'file-survives', 'audit-checkpoint.jws');
    await restart({ auditCheckpointFile: file });
    await verifyAudit(t.node.app);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const head = await headSeq();
    await asDba(`delete from audit_log where seq >= ${head - 1}`, 'delete from audit_checkpoints');
    const result = await verifyAudit(t.node.app);
    expect(result.break).toEqual({ seq: String(head - 1), reason: 'truncated', source: 'file' });
    expect(await checkpointAuditHead(t.node.app)).toBeNull();
  });

  it('keeps checkpointing as the log grows, checking only the new entries', async () => {
    const file = path.join(tmp, 'grows', 'audit-checkpoint.jws');
    await restart({ auditCheckpointFile: file });
    const first = await checkpointAuditHead(t.node.app);
    expect(first?.seq).toBe(String(await headSeq()));
    await appendSome();
    const second = await checkpointAuditHead(t.node.app);
    expect(Number(second?.seq)).toBe(await headSeq());
    expect(Number(second?.seq)).toBeGreaterThan(Number(first?.seq));
    const rows = await t.node.app.db.selectFrom('audit_checkpoints').select('seq').orderBy('seq').execute();
    expect(rows.map((r) => String(r.seq))).toEqual([first!.seq, second!.seq]);
    // An entry altered after it was checkpointed: the next checkpoint is refused, and verify names it.
    await appendSome();
    await asDba(`update audit_log set action = 'x' where seq = ${second!.seq}`);
    expect(await checkpointAuditHead(t.node.app)).toBeNull();
    expect((await verifyAudit(t.node.app)).break).toEqual({ seq: second!.seq, reason: 'hash-mismatch' });
  });

  it('names a rebuilt chain at the checkpoint it no longer matches', async () => {
    const checkpoint = (await verifyAudit(t.node.app)).checkpoint!;
    await appendSome();
    // Entry 5 altered and every hash from there recomputed, as someone without the node's key could.
    const rows = await t.node.app.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    let previous = genesisHash;
    const updates: string[] = [];
    for (const row of rows) {
      const details = String(row.seq) === '5' ? { email: 'someone-else@knpa.demo' } : row.details;
      const hash = auditEntryHash(previous, {
        seq: String(row.seq),
        at: row.at.toISOString(),
        actorId: row.actor_id,
        actorAgency: row.actor_agency,
        action: row.action,
        recordType: row.record_type,
        recordId: row.record_id,
        ip: row.ip,
        purpose: row.purpose,
        details,
      });
      if (Number(row.seq) >= 5) {
        const json = JSON.stringify(details).replaceAll("'", "''");
        updates.push(
          `update audit_log set details = '${json}', prev_hash = '${previous}', hash = '${hash}' where seq = ${row.seq}`,
        );
      }
      previous = hash;
    }
    await asDba(...updates);
    expect((await verifyAuditChain(t.node.app.db)).break).toBeNull();
    expect((await verifyAudit(t.node.app)).break).toEqual({
      seq: checkpoint.seq,
      reason: 'checkpoint-mismatch',
      source: 'database',
    });
  });

  it('refuses a checkpoint the node did not sign', async () => {
    const file = path.join(tmp, 'forged', 'audit-checkpoint.jws');
    await restart({ auditCheckpointFile: file });
    const checkpoint = (await verifyAudit(t.node.app)).checkpoint!;
    const [header, , signature] = checkpoint.jws.split('.');
    const claims = {
      v: 1,
      node: 'knpa',
      seq: String(Number(checkpoint.seq) + 50),
      hash: checkpoint.hash,
      at: checkpoint.at,
    };
    const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    fs.writeFileSync(file, forged);
    expect((await verifyAudit(t.node.app)).break).toEqual({
      seq: claims.seq,
      reason: 'bad-checkpoint',
      source: 'file',
    });
    fs.writeFileSync(file, checkpoint.jws);
    await asDba(`update audit_checkpoints set hash = '${'0'.repeat(64)}' where seq = ${checkpoint.seq}`);
    expect((await verifyAudit(t.node.app)).break).toEqual({
      seq: checkpoint.seq,
      reason: 'bad-checkpoint',
      source: 'database',
    });
  });
});
