import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCase, person, phone } from '../graph/entities/graph-test-support.ts';
import type { TestClient } from '../testing/test-client.ts';
import { closeNodes, type FederatedTestNode, startPeeredPair } from './testing.ts';

// A partner's hit/no-hit query looks in the answering node's graph (correlation/partner-hit-source.ts).

let knpa: FederatedTestNode;
let cnp: FederatedTestNode;
let kim: TestClient;
let chan: TestClient;

const ask = async (kind: string, value: string, birthDate?: string) => {
  const response = await chan.post('/api/v1/exchange/hit-queries', {
    peer: 'knpa',
    kind,
    value,
    ...(birthDate && { birthDate }),
    purpose: 'Check before a request for information',
  });
  expect(response.statusCode, response.body).toBe(200);
  expect(Object.keys(response.json()).sort()).toEqual(['hit', 'peer', 'reference']);
  return response.json().hit as boolean;
};

beforeAll(async () => {
  ({ knpa, cnp } = await startPeeredPair());
  kim = await knpa.signIn(['investigator', 'analyst'], 'KNPA');
  chan = await cnp.signIn(['investigator'], 'CNP');
  const caseId = await makeCase(knpa.node, kim, 'Sihanoukville compound');
  const ids: string[] = [];
  for (const entity of [
    phone('010-2345-6789'),
    person([{ value: '이영수', script: 'hangul' }], { birthDate: '1988-03-14' }),
    phone('02-1234-5678'),
    phone('010-9999-0000'),
  ]) {
    const created = await kim.post('/api/v1/entities', { ...entity, caseId });
    expect(created.statusCode, created.body).toBe(201);
    ids.push(created.json().entity.id);
  }
  const marked = await kim.post('/api/v1/identifiers/non-correlating', {
    kind: 'phone',
    value: '02-1234-5678',
    reason: "A bank's call-centre number",
  });
  expect(marked.statusCode, marked.body).toBeLessThan(300);
  expect((await kim.delete(`/api/v1/entities/${ids[3]}`)).statusCode).toBeLessThan(300);
});
afterAll(() => closeNodes(knpa, cnp));

describe("a partner's hit/no-hit query against the graph", () => {
  it('answers hit for an identifier an entity carries, whatever its format', async () => {
    expect(await ask('phone', '+82 10 2345 6789')).toBe(true);
    expect(await ask('phone', '+82 10 2345 0000')).toBe(false);
  });

  it('answers hit for a name in another script or romanisation with the same birth date only', async () => {
    expect(await ask('name_birth_date', 'LEE YOUNGSOO', '1988-03-14')).toBe(true);
    expect(await ask('name_birth_date', 'Yi Yeongsu', '1988-03-14')).toBe(true);
    expect(await ask('name_birth_date', 'LEE YOUNGSOO', '1988-03-15')).toBe(false);
    expect(await ask('name_birth_date', 'PARK MINJI', '1988-03-14')).toBe(false);
  });

  it('answers no hit for an identifier marked as not correlating, or carried only by a deleted entity', async () => {
    expect(await ask('phone', '+82 2 1234 5678')).toBe(false);
    expect(await ask('phone', '+82 10 9999 0000')).toBe(false);
  });
});
