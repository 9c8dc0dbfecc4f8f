import type { AuditEntry } from '@liaison/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseBody } from '../cases/testing/case-fixtures.ts';
import type { TestClient } from '../testing/test-client.ts';
import { startTestNode, type TestNode } from '../testing/test-node.ts';

let t: TestNode;
let investigator: TestClient;
let auditor: TestClient;

beforeAll(async () => {
  t = await startTestNode();
  investigator = await t.signIn(['investigator']);
  auditor = await t.signIn(['auditor']);
});
afterAll(() => t.close());

describe('the audit log names records by their number', () => {
  it("shows a case's number beside its id, in one read of the log", async () => {
    const created = await investigator.post('/api/v1/cases', caseBody());
    expect(created.statusCode, created.body).toBe(201);
    const { id, number } = created.json() as { id: string; number: string };

    const read = await auditor.get(`/api/v1/audit?recordType=case&recordId=${id}`);
    expect(read.statusCode, read.body).toBe(200);
    const entries = read.json() as AuditEntry[];
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) expect(entry).toMatchObject({ recordId: id, recordLabel: number });
  });
});
