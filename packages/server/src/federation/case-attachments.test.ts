import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { type Actor, LiaisonError } from '@liaison/core';
import { CaseInput } from '@liaison/core/cases/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseQueuedBlobs } from '../cases/attachment-blobs.ts';
import {
  listAttachments,
  openAttachment,
  removeAttachment,
  uploadAttachment,
} from '../cases/attachments-service.ts';
import { createCase } from '../cases/cases-service.ts';
import { caseBody, tinyPng } from '../cases/testing/case-fixtures.ts';
import type { Ctx } from '../context.ts';
import { fileStoreOf } from '../files/file-store-config.ts';
import type { TestClient } from '../testing/test-client.ts';
import { fetchPendingAttachments } from './attachment-files/fetch-job.ts';
import { filesPath } from './attachment-files/wire.ts';
import { retractCaseShare, shareCase } from './case-sync/share.ts';
import type { ShareScope } from './case-sync/types.ts';
import { signPayload } from './envelope.ts';
import { federationOf } from './runtime.ts';
import { agencyOfficer, closeNodes, type FederatedTestNode, startPeeredPair, syncPair } from './testing.ts';

let knpa: FederatedTestNode;
let cnp: FederatedTestNode;
let kim: { ctx: Ctx; actor: Actor };
let chan: { ctx: Ctx; actor: Actor };
const dataDirs: string[] = [];

const shareMarkings = {
  legalBasis: { kind: 'police_cooperation' as const },
  purpose: 'Joint investigation of a voice-phishing ring',
};

const sync = () => syncPair(knpa, cnp);
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
/** Text no other test uses, so every test has blobs of its own. */
const ledger = (label: string, repeat = 1) =>
  Buffer.from(`${label} ${randomUUID()}\n${'Transfer 1,000 USD to account 0012-345-678\n'.repeat(repeat)}`);

async function attach(
  who: { ctx: Ctx; actor: Actor },
  caseId: string,
  filename: string,
  content: Buffer,
  declaredType = 'text/plain',
) {
  return uploadAttachment(who.ctx, who.actor, caseId, {
    filename,
    declaredType,
    content: Readable.from([content]),
  });
}

async function newCase(title: string) {
  return (await createCase(kim.ctx, kim.actor, CaseInput.parse(caseBody({ title })))).id;
}

async function share(caseId: string, scope: ShareScope[] = ['notes', 'attachments']) {
  await shareCase(kim.ctx, kim.actor, caseId, { peer: 'cnp', scope, markings: shareMarkings });
  await sync();
}

async function bytesOf(t: FederatedTestNode, who: { ctx: Ctx; actor: Actor }, caseId: string, id: string) {
  const { content } = await openAttachment(who.ctx, who.actor, caseId, id);
  const chunks: Buffer[] = [];
  for await (const chunk of content) chunks.push(chunk as Buffer);
  void t;
  return Buffer.concat(chunks);
}

const stored = (t: FederatedTestNode, hash: string) => fileStoreOf(t.node.app).has(hash);

async function audits(t: FederatedTestNode, action: string) {
  return t.node.app.db
    .selectFrom('audit_log')
    .select(['details', 'record_id'])
    .where('action', '=', action)
    .orderBy('seq')
    .execute();
}

async function pendingRow(t: FederatedTestNode, attachmentId: string) {
  return t.node.app.db
    .selectFrom('attachment_fetches')
    .selectAll()
    .where('attachment_id', '=', attachmentId)
    .executeTakeFirst();
}

/** Makes the node's pending fetches due now (the test does not wait out the back-off). */
async function dueNow(t: FederatedTestNode) {
  await t.node.app.db
    .updateTable('attachment_fetches')
    .set({ next_attempt_at: new Date(Date.now() - 1000) })
    .execute();
}

/** A blob's file in a node's data directory (the data-dir file store: `files/ab/cd/<sha256>`). */
function blobPath(dir: string, hash: string) {
  return path.join(dir, 'files', hash.slice(0, 2), hash.slice(2, 4), hash);
}

/** A request to a node's file endpoint signed by `from` (as the fetch job signs it). */
async function askFile(from: FederatedTestNode, to: FederatedTestNode, hash: string, signedHash = hash) {
  const jws = await signPayload(federationOf(from.node.app).keyring, {
    from: from.node.app.config.nodeName,
    to: to.node.app.config.nodeName,
    purpose: 'file',
    iat: Date.now(),
    nonce: randomUUID(),
    sha256: signedHash,
  });
  return fetch(`${to.url}${filesPath}/${hash}`, { headers: { authorization: `Liaison-Signature ${jws}` } });
}

beforeAll(async () => {
  for (const name of ['knpa', 'cnp'])
    dataDirs.push(await fs.mkdtemp(path.join(os.tmpdir(), `liaison-case-attachments-${name}-`)));
  ({ knpa, cnp } = await startPeeredPair({
    knpa: { dataDir: dataDirs[0]! },
    cnp: { dataDir: dataDirs[1]! },
  }));
  kim = await agencyOfficer(knpa, 'KNPA');
  chan = await agencyOfficer(cnp, 'CNP');
});
afterAll(async () => {
  await closeNodes(knpa, cnp);
  for (const dir of dataDirs) await fs.rm(dir, { recursive: true, force: true });
});

describe('attachments of joint case workspaces', () => {
  it('mirrors an attachment pending until its content is pulled, then byte-identical (18 MB: not inline)', async () => {
    const caseId = await newCase('Attachments arrive');
    // Larger than the 16 MiB receive limit of a whole message batch: it can only arrive as a pull.
    const big = ledger('Ledger', 420_000);
    expect(big.length).toBeGreaterThan(16 * 1_048_576);
    const bigRow = await attach(kim, caseId, 'ledger.txt', big);
    const photo = await attach(kim, caseId, 'scene.png', tinyPng, 'image/png');
    await share(caseId);

    const listed = await listAttachments(chan.ctx, chan.actor, caseId);
    expect(listed.map((a) => [a.id, a.filename, a.sizeBytes, a.sha256, a.state])).toEqual([
      [bigRow.id, 'ledger.txt', big.length, sha(big), 'pending'],
      [photo.id, 'scene.png', tinyPng.length, sha(tinyPng), 'pending'],
    ]);
    // Downloading it before the content arrived is a clear problem, not an empty file.
    const early = await openAttachment(chan.ctx, chan.actor, caseId, bigRow.id).catch((e) => e);
    expect(early).toBeInstanceOf(LiaisonError);
    expect(early).toMatchObject({ code: 'conflict', extra: { state: 'pending' } });
    expect(early.message).toContain('still being copied from KNPA');
    const client: TestClient = await cnp.signIn(['investigator'], 'CNP');
    const problem = await client.get(`/api/v1/cases/${caseId}/attachments/${bigRow.id}/content`);
    expect(problem.statusCode).toBe(409);
    expect(problem.headers['content-type']).toContain('application/problem+json');
    expect(problem.json()).toMatchObject({ code: 'conflict', state: 'pending' });
    expect((await client.get(`/api/v1/cases/${caseId}/attachments`)).json()[0].state).toBe('pending');

    expect(await fetchPendingAttachments(cnp.node.app)).toEqual({ fetched: 2, failed: 0 });
    const after = await listAttachments(chan.ctx, chan.actor, caseId);
    expect(after.map((a) => a.state)).toEqual(['available', 'available']);
    expect((await bytesOf(cnp, chan, caseId, bigRow.id)).equals(big)).toBe(true);
    expect((await bytesOf(cnp, chan, caseId, photo.id)).equals(tinyPng)).toBe(true);
    const download = await client.get(`/api/v1/cases/${caseId}/attachments/${photo.id}/content`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(tinyPng)).toBe(true);

    const fetched = await audits(cnp, 'case.attachment_fetched');
    expect(fetched.filter((a) => a.record_id === caseId)).toHaveLength(2);
    const served = (await audits(knpa, 'federation.file.served')).filter((a) => a.record_id === caseId);
    expect(served.map((a) => (a.details as { peer: string }).peer)).toEqual(['cnp', 'cnp']);
    const mapped = await cnp.node.app.db
      .selectFrom('mirrored_records')
      .select(['origin_node', 'local_id'])
      .where('case_id', '=', caseId)
      .where('record_type', '=', 'attachment')
      .execute();
    expect(mapped.map((m) => m.local_id).sort()).toEqual([bigRow.id, photo.id].sort());
  }, 60_000);

  it('carries an attachment added on the mirror to the originator the same way', async () => {
    const caseId = await newCase('Added on the mirror');
    await share(caseId);
    const content = ledger('CNP bank statement', 50);
    const added = await attach(chan, caseId, 'statement.csv', content, 'text/csv');
    await sync();
    const atOrigin = await listAttachments(kim.ctx, kim.actor, caseId);
    expect(atOrigin.map((a) => [a.id, a.filename, a.state])).toEqual([
      [added.id, 'statement.csv', 'pending'],
    ]);
    expect(await fetchPendingAttachments(knpa.node.app)).toEqual({ fetched: 1, failed: 0 });
    expect((await bytesOf(knpa, kim, caseId, added.id)).equals(content)).toBe(true);
    expect((await listAttachments(kim.ctx, kim.actor, caseId))[0]!.state).toBe('available');
    const served = (await audits(cnp, 'federation.file.served')).filter((a) => a.record_id === caseId);
    expect(served.map((a) => (a.details as { peer: string }).peer)).toEqual(['knpa']);
  });

  it('propagates a removal both ways, and the blob goes where nothing else uses it', async () => {
    const caseId = await newCase('Removals');
    const ours = ledger('KNPA memo');
    const fromOrigin = await attach(kim, caseId, 'memo.txt', ours);
    await share(caseId);
    const theirs = ledger('CNP memo');
    const fromMirror = await attach(chan, caseId, 'cnp-memo.txt', theirs);
    await sync();
    await fetchPendingAttachments(cnp.node.app);
    await fetchPendingAttachments(knpa.node.app);
    expect(await stored(cnp, sha(ours))).toBe(true);
    expect(await stored(knpa, sha(theirs))).toBe(true);

    // The originator removes its attachment; the mirror removes the one it added.
    await removeAttachment(kim.ctx, kim.actor, caseId, fromOrigin.id);
    await removeAttachment(chan.ctx, chan.actor, caseId, fromMirror.id);
    await sync();
    await releaseQueuedBlobs(knpa.node.app);
    await releaseQueuedBlobs(cnp.node.app);
    for (const [t, who] of [
      [knpa, kim],
      [cnp, chan],
    ] as const) {
      expect(await listAttachments(who.ctx, who.actor, caseId)).toEqual([]);
      expect(await stored(t, sha(ours))).toBe(false);
      expect(await stored(t, sha(theirs))).toBe(false);
    }
    expect((await audits(knpa, 'case.attachment_removed')).some((a) => a.record_id === caseId)).toBe(true);
    const released = (await audits(cnp, 'file.released')).map(
      (a) => (a.details as { sha256: string }).sha256,
    );
    expect(released).toEqual(expect.arrayContaining([sha(ours), sha(theirs)]));
    const synced = (await audits(cnp, 'case.share_synced')).filter((a) => a.record_id === caseId);
    expect(JSON.stringify(synced.at(-1)?.details)).toContain('"deleted":true');
  });

  it('removes mirrored attachments on retraction; content stays only where another record uses it', async () => {
    const caseId = await newCase('Retracted with attachments');
    const only = ledger('Only in the shared case');
    const alsoElsewhere = ledger('Also in a CNP case');
    const a = await attach(kim, caseId, 'only.txt', only);
    await attach(kim, caseId, 'also.txt', alsoElsewhere);
    // CNP has the second file in a case of its own: when it arrives, the content is there already.
    const cnpCase = await createCase(
      chan.ctx,
      chan.actor,
      CaseInput.parse(caseBody({ title: 'CNP own case' })),
    );
    await attach(chan, cnpCase.id, 'also.txt', alsoElsewhere);
    const pendingBefore = await listAttachments(chan.ctx, chan.actor, cnpCase.id);
    expect(pendingBefore[0]!.state).toBe('available');
    await share(caseId);
    const mirrored = await listAttachments(chan.ctx, chan.actor, caseId);
    expect(mirrored.map((m) => [m.filename, m.state])).toEqual([
      ['only.txt', 'pending'],
      ['also.txt', 'available'],
    ]);
    await fetchPendingAttachments(cnp.node.app);
    expect(await stored(cnp, sha(only))).toBe(true);

    await retractCaseShare(kim.ctx, kim.actor, caseId, 'cnp');
    await sync();
    await releaseQueuedBlobs(cnp.node.app);
    const left = await cnp.node.app.db
      .selectFrom('case_attachments')
      .select('id')
      .where('case_id', '=', caseId)
      .execute();
    expect(left).toEqual([]);
    expect(await stored(cnp, sha(only))).toBe(false);
    expect(await stored(cnp, sha(alsoElsewhere))).toBe(true);
    expect((await listAttachments(chan.ctx, chan.actor, cnpCase.id)).map((x) => x.filename)).toEqual([
      'also.txt',
    ]);
    // The originator keeps its own.
    expect((await bytesOf(knpa, kim, caseId, a.id)).equals(only)).toBe(true);
  });

  it('refuses a blob not shared with the asking peer, or shared without the attachments scope, and audits it', async () => {
    const unshared = ledger('Never shared');
    const notInScope = ledger('Shared without attachments');
    const secret = await newCase('Not shared');
    await attach(kim, secret, 'secret.txt', unshared);
    const notesOnly = await newCase('Notes only');
    await attach(kim, notesOnly, 'scoped-out.txt', notInScope);
    await share(notesOnly, ['notes']);
    expect(await listAttachments(chan.ctx, chan.actor, notesOnly)).toEqual([]);

    for (const content of [unshared, notInScope]) {
      const response = await askFile(cnp, knpa, sha(content));
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.headers.get('x-liaison-file-key')).toBeNull();
      expect(await response.json()).toMatchObject({ code: 'not-found' });
    }
    const refused = (await audits(knpa, 'federation.file.refused')).map(
      (a) => a.details as { peer: string; sha256: string; reason: string },
    );
    expect(refused).toEqual(
      expect.arrayContaining([
        { peer: 'cnp', sha256: sha(unshared), reason: 'not shared with this peer' },
        { peer: 'cnp', sha256: sha(notInScope), reason: 'case shared without the attachments scope' },
      ]),
    );
    // Unsigned, or signed for another file: rejected as a bad federation request, audited.
    const unsigned = await fetch(`${knpa.url}${filesPath}/${sha(unshared)}`);
    expect(unsigned.status).toBe(400);
    expect(await unsigned.json()).toMatchObject({ code: 'federation-rejected' });
    const mismatched = await askFile(cnp, knpa, sha(unshared), sha(notInScope));
    expect(mismatched.status).toBe(400);
    const rejections = await audits(knpa, 'federation.message.rejected');
    expect(rejections.map((r) => JSON.stringify(r.details)).join()).toContain('does not match the file');
  });

  it('rejects a wrong-hash or tampered answer, audits it and retries later; never stores it', async () => {
    const caseId = await newCase('Tampering');
    const content = ledger('Evidence', 2000);
    const hash = sha(content);
    const row = await attach(kim, caseId, 'evidence.txt', content);
    await share(caseId);

    // 1. The origin's store answers other bytes under the hash (a corrupted blob): the SHA-256 check refuses.
    const file = blobPath(dataDirs[0]!, hash);
    await fs.chmod(file, 0o640);
    await fs.writeFile(file, ledger('Not the evidence', 2000));
    expect(await fetchPendingAttachments(cnp.node.app)).toEqual({ fetched: 0, failed: 1 });
    let pending = await pendingRow(cnp, row.id);
    expect(pending).toMatchObject({ attempts: 1 });
    expect(pending!.last_error).toMatch(/^rejected: SHA-256 is [0-9a-f]{64}, not /);
    expect(pending!.next_attempt_at.getTime()).toBeGreaterThan(Date.now());
    expect(await stored(cnp, hash)).toBe(false);
    expect((await listAttachments(chan.ctx, chan.actor, caseId))[0]!.state).toBe('pending');
    const rejected = (await audits(cnp, 'case.attachment_fetch_rejected')).filter(
      (a) => a.record_id === caseId,
    );
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.details).toMatchObject({ attachmentId: row.id, peer: 'knpa', sha256: hash });
    // Not due yet: the job leaves it alone until the back-off has passed.
    expect(await fetchPendingAttachments(cnp.node.app)).toEqual({ fetched: 0, failed: 0 });

    // 2. The right bytes, altered on the way (a proxy flips one bit): the encryption's tag refuses them.
    await fs.writeFile(file, content);
    const proxy = http.createServer(async (req, res) => {
      const upstream = await fetch(`${knpa.url}${req.url}`, {
        headers: { authorization: req.headers.authorization ?? '' },
      });
      const body = Buffer.from(await upstream.arrayBuffer());
      body[Math.floor(body.length / 2)]! ^= 1;
      res.writeHead(upstream.status, {
        'content-type': upstream.headers.get('content-type') ?? 'application/octet-stream',
        'x-liaison-file-key': upstream.headers.get('x-liaison-file-key') ?? '',
      });
      res.end(body);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    const peers = () => cnp.node.app.db.updateTable('peers').where('node_name', '=', 'knpa');
    try {
      await peers().set({ url: proxyUrl }).execute();
      await dueNow(cnp);
      expect(await fetchPendingAttachments(cnp.node.app)).toEqual({ fetched: 0, failed: 1 });
    } finally {
      await peers().set({ url: knpa.url }).execute();
      await new Promise((resolve) => proxy.close(resolve));
    }
    pending = await pendingRow(cnp, row.id);
    expect(pending).toMatchObject({ attempts: 2 });
    expect(pending!.last_error).toContain('does not authenticate');
    expect(await stored(cnp, hash)).toBe(false);
    const staging = await fs.readdir(path.join(dataDirs[1]!, 'files', 'tmp')).catch(() => []);
    expect(staging).toEqual([]);

    // 3. Later, the genuine content: stored, byte-identical.
    await dueNow(cnp);
    expect(await fetchPendingAttachments(cnp.node.app)).toEqual({ fetched: 1, failed: 0 });
    expect((await bytesOf(cnp, chan, caseId, row.id)).equals(content)).toBe(true);
    expect(await pendingRow(cnp, row.id)).toBeUndefined();
  });

  it('pulls the content once the origin, down when the record arrived, comes back', async () => {
    const caseId = await newCase('Origin down');
    const content = ledger('Phone extraction report', 300);
    const row = await attach(kim, caseId, 'extraction.txt', content);
    await share(caseId);
    await knpa.goDown();
    try {
      expect(await fetchPendingAttachments(cnp.node.app)).toEqual({ fetched: 0, failed: 1 });
      const pending = await pendingRow(cnp, row.id);
      expect(pending).toMatchObject({ attempts: 1 });
      expect(pending!.last_error).not.toMatch(/^rejected/);
      expect((await listAttachments(chan.ctx, chan.actor, caseId))[0]!.state).toBe('pending');
      // A network failure is not a refusal: nothing to audit as rejected.
      const rejected = (await audits(cnp, 'case.attachment_fetch_rejected')).filter(
        (a) => a.record_id === caseId,
      );
      expect(rejected).toEqual([]);
    } finally {
      await knpa.comeBack();
    }
    await dueNow(cnp);
    expect(await fetchPendingAttachments(cnp.node.app)).toEqual({ fetched: 1, failed: 0 });
    expect((await bytesOf(cnp, chan, caseId, row.id)).equals(content)).toBe(true);
    expect((await listAttachments(chan.ctx, chan.actor, caseId))[0]!.state).toBe('available');
  });

  it('on a running node, pulls the content by itself once the record is applied', async () => {
    const caseId = await newCase('Real time');
    const content = ledger('Live transfer', 100);
    const row = await attach(kim, caseId, 'live.txt', content);
    federationOf(cnp.node.app).autoStart = true; // as when the delivery worker runs by itself
    try {
      await share(caseId);
      const deadline = Date.now() + 10_000;
      while ((await pendingRow(cnp, row.id)) && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect((await listAttachments(chan.ctx, chan.actor, caseId))[0]!.state).toBe('available');
      expect((await bytesOf(cnp, chan, caseId, row.id)).equals(content)).toBe(true);
    } finally {
      federationOf(cnp.node.app).autoStart = false;
    }
  });
});
