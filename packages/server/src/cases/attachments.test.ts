import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../demo/demo-accounts.ts';
import type { TestClient } from '../testing/test-client.ts';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { caseBody, multipartBody, tinyPng } from './testing/case-fixtures.ts';

let t: TestNode;
let dataDir: string;
let client: TestClient;
let caseId: string;

async function blobFiles(): Promise<string[]> {
  const root = path.join(dataDir, 'files');
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => e.name);
}

function upload(file: Parameters<typeof multipartBody>[0], fields?: Record<string, string>) {
  const { payload, headers } = multipartBody(file, fields);
  return client.request({ method: 'POST', url: `/api/v1/cases/${caseId}/attachments`, payload, headers });
}

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'liaison-attachments-'));
  t = await startTestNode({ dataDir });
  client = t.client();
  await client.login('investigator@knpa.demo', demoPassword);
  caseId = (await client.post('/api/v1/cases', caseBody())).json().id;
});
afterAll(async () => {
  await t.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('attachments', () => {
  it('stores an upload under its SHA-256, and streams it back with its type; each download is audited', async () => {
    const sha = createHash('sha256').update(tinyPng).digest('hex');
    const response = await upload({ filename: '현장 사진.png', contentType: 'image/png', content: tinyPng });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      filename: '현장 사진.png',
      mediaType: 'image/png',
      sizeBytes: tinyPng.length,
      sha256: sha,
    });
    await fs.access(path.join(dataDir, 'files', sha.slice(0, 2), sha.slice(2, 4), sha));

    const download = await client.get(`/api/v1/cases/${caseId}/attachments/${response.json().id}/content`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="__ __.png"; filename*=UTF-8''${encodeURIComponent('현장 사진.png')}`,
    );
    expect(download.rawPayload.equals(tinyPng)).toBe(true);
    const actions = await t.node.app.db
      .selectFrom('audit_log')
      .select('action')
      .where('record_id', '=', caseId)
      .execute();
    expect(actions.map((a) => a.action)).toContain('case.attachment_downloaded');

    const again = await upload({ filename: 'copy.png', contentType: 'image/png', content: tinyPng });
    expect(again.json().sha256).toBe(sha);
    expect((await blobFiles()).filter((name) => name === sha)).toHaveLength(1);
  });

  it('rejects a file whose content is not its declared type, writing nothing', async () => {
    const before = await t.node.app.db.selectFrom('case_attachments').select('id').execute();
    const blobsBefore = await blobFiles();
    const fake = await upload({
      filename: 'invoice.pdf',
      contentType: 'application/pdf',
      content: Buffer.from('MZ\x90\x00 this is no pdf at all'),
    });
    expect(fake.statusCode).toBe(415);
    expect(fake.json().detail).toMatch(/not application\/pdf/);
    const disguised = await upload({ filename: 'notes.txt', contentType: 'text/plain', content: tinyPng });
    expect(disguised.statusCode).toBe(415);
    const mismatch = await upload({ filename: 'photo.jpg', contentType: 'image/png', content: tinyPng });
    expect(mismatch.statusCode).toBe(400);
    const forbidden = await upload({
      filename: 'run.exe',
      contentType: 'application/x-msdownload',
      content: Buffer.from('MZ'),
    });
    expect(forbidden.statusCode).toBe(415);
    expect(await t.node.app.db.selectFrom('case_attachments').select('id').execute()).toHaveLength(
      before.length,
    );
    expect(await blobFiles()).toEqual(blobsBefore);
  });

  it('takes the declared type from the form field over the part header', async () => {
    const response = await upload(
      {
        filename: 'list.csv',
        contentType: 'application/octet-stream',
        content: Buffer.from('phone,amount\n01012345678,5000000\n'),
      },
      { mediaType: 'text/csv' },
    );
    expect(response.statusCode).toBe(201);
    expect(response.json().mediaType).toBe('text/csv');
  });

  it('answers 404 for an attachment of a case the user cannot see', async () => {
    const outsider = t.client();
    await outsider.login('investigator@cnp.demo', demoPassword);
    const attachments = (await client.get(`/api/v1/cases/${caseId}/attachments`)).json();
    expect(
      (await outsider.get(`/api/v1/cases/${caseId}/attachments/${attachments[0].id}/content`)).statusCode,
    ).toBe(404);
    const { payload, headers } = multipartBody({
      filename: 'x.png',
      contentType: 'image/png',
      content: tinyPng,
    });
    expect(
      (
        await outsider.request({
          method: 'POST',
          url: `/api/v1/cases/${caseId}/attachments`,
          payload,
          headers,
        })
      ).statusCode,
    ).toBe(404);
  });
});
