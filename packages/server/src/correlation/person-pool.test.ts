import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../cli/system-actor.ts';
import { person } from '../graph/entities/graph-test-support.ts';
import type { TestClient } from '../testing/test-client.ts';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { personPool, recountPersonNames } from './person-pool.ts';

let t: TestNode;
let knpa: TestClient;

async function entity(body: object): Promise<string> {
  const response = await knpa.post('/api/v1/entities', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json().entity.id;
}

const candidatesOf = async (id: string) =>
  (await knpa.get(`/api/v1/entities/${id}/person-candidates`)).json() as {
    entity: { id: string };
    reasons: { code: string; params?: Record<string, string> }[];
  }[];

async function count(key: string): Promise<number> {
  const row = await sql<{
    persons: number;
  }>`select persons from person_name_counts where key = ${key}`.execute(t.node.app.db);
  return Number(row.rows[0]?.persons ?? 0);
}

beforeAll(async () => {
  t = await startTestNode();
  knpa = await t.signIn(['analyst'], 'KNPA');
});
afterAll(() => t.close());

describe('person candidate pool', () => {
  it('pools a typo and an unlisted romanisation, which an exact spelling match never reached', async () => {
    const andrew = await entity(
      person([{ value: 'Andrew Walker', script: 'latin' }], { birthDate: '1995-05-07' }),
    );
    const typo = await entity(
      person([{ value: 'Ansrew Walker', script: 'latin' }], { birthDate: '1995-05-07' }),
    );
    expect((await candidatesOf(typo)).map((c) => c.entity.id)).toContain(andrew);
    const hangul = await entity(person([{ value: '조영수', script: 'hangul' }], { birthDate: '1970-02-03' }));
    const heard = await entity(
      person([{ value: 'CHO YOUNGSHU', script: 'latin' }], { birthDate: '1970-02-03' }),
    );
    expect((await candidatesOf(heard)).map((c) => c.entity.id)).toContain(hangul);
  });

  it('keeps every candidate reason with a code and the parts that differ', async () => {
    const dara = await entity(person([{ value: 'SOK DARA', script: 'latin' }], { birthDate: '1980-01-01' }));
    const other = await entity(person([{ value: 'SOK DRAA', script: 'latin' }], { birthDate: '1980-01-01' }));
    const found = (await candidatesOf(other)).find((c) => c.entity.id === dara);
    expect(found?.reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining(['surname-exact-common', 'given-similar', 'birth-date-equal']),
    );
    expect(found?.reasons.find((r) => r.code === 'given-similar')?.params).toMatchObject({
      a: 'Draa',
      b: 'Dara',
    });
  });

  it('counts names as persons are stored and deleted, and a recount agrees', async () => {
    const before = await count('*');
    const id = await entity(person([{ value: '황보 민', script: 'hangul' }]));
    expect(await count('*')).toBe(before + 1);
    expect(await count('s:황보')).toBe(1);
    expect((await knpa.delete(`/api/v1/entities/${id}`)).statusCode).toBeLessThan(300);
    expect(await count('s:황보')).toBe(0);
    const total = await count('*');
    await recountPersonNames(t.node.app.db);
    expect(await count('*')).toBe(total);
  });

  it('says so when other persons carry the very name, and does not propose on the name alone', async () => {
    const minjun = async () => entity(person([{ value: '김민준', script: 'hangul' }]));
    const first = await minjun();
    await minjun();
    await minjun();
    const latin = await entity(person([{ value: 'KIM MIN-JUN', script: 'latin' }]));
    const found = await candidatesOf(latin);
    expect(found.map((c) => c.entity.id)).not.toContain(first);
  });

  it('ranks what persons share, and reaches for the given name alone only to fill the pool', async () => {
    const agency = await t.node.app.db
      .selectFrom('agencies')
      .select(['id', 'code'])
      .where('code', '=', 'KNPA')
      .executeTakeFirstOrThrow();
    const pool = (id: string, names: string[], birthDate: string | undefined, size: number) =>
      personPool(
        t.node.app.db,
        systemActor(agency),
        { id, names, identifiers: [], ...(birthDate && { birthDate }) },
        size,
      );
    const target = await entity(
      person([{ value: 'PRUM VISAL', script: 'latin' }], { birthDate: '1983-04-05' }),
    );
    const same = await entity(
      person([{ value: 'Visal Prum', script: 'latin' }], { birthDate: '1983-04-05' }),
    );
    const swapped = await entity(
      person([{ value: 'PROM VISALL', script: 'latin' }], { birthDate: '1983-05-04' }),
    );
    const givenOnly = await entity(person([{ value: 'KEO VISAL', script: 'latin' }]));
    const found = await pool(target, ['PRUM VISAL'], '1983-04-05', 10);
    expect(found.slice(0, 2)).toEqual([same, swapped]);
    expect(found).toContain(givenOnly);
    expect(found).not.toContain(target);
    // A full pool of better-ranked persons leaves the given name alone out.
    expect(await pool(target, ['PRUM VISAL'], '1983-04-05', 2)).toEqual([same, swapped]);
  });
});
