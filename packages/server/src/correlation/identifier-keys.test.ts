import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../db/migrations/index.ts';
import { phone } from '../graph/entities/graph-test-support.ts';
import type { TestClient } from '../testing/test-client.ts';
import { startTwoAgencyNode, type TestNode } from '../testing/test-node.ts';
import { rekeyStoredIdentifiers } from './rekey.ts';

// How identifiers are keyed as each agency writes them (core/src/identifiers/README.md): numbers without a
// calling code in the recording agency's country, labelled wallets, unverified numbers by their digits.

let t: TestNode;
let knpa: TestClient;
let cnp: TestClient;
let knpaCase: string;
let cnpCase: string;

beforeAll(async () => {
  ({ t, knpa, cnp, knpaCase, cnpCase } = await startTwoAgencyNode({
    knpa: 'Loan scam victims',
    cnp: 'Compound in Sihanoukville',
  }));
});
afterAll(() => t.close());

const tron = 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t';
const wallet = (address: string, chain = 'tron') => ({
  type: 'crypto_wallet',
  properties: { address, chain },
});

describe('numbers written without a calling code', () => {
  it("reads each agency's national numbers in its own country, says so, and correlates them with international forms", async () => {
    const kr = await knpa.post('/api/v1/entities', { ...phone('010-4803-0422'), caseId: knpaCase });
    expect(kr.statusCode).toBe(201);
    expect(kr.json().identifiers[0]).toMatchObject({
      value: '+821048030422',
      valid: true,
      details: { country: 'KR', countryAssumed: 'KR' },
    });
    const kh = await cnp.post('/api/v1/entities', { ...phone('097 123 4567'), caseId: cnpCase });
    expect(kh.json().identifiers[0]).toMatchObject({
      value: '+855971234567',
      details: { countryAssumed: 'KH' },
    });

    const krAbroad = await cnp.post('/api/v1/entities', { ...phone('+82 10 4803 0422'), caseId: cnpCase });
    expect(krAbroad.json().hits).toHaveLength(1);
    const khAbroad = await knpa.post('/api/v1/entities', {
      ...phone('(+855) 97-123-4567'),
      caseId: knpaCase,
    });
    expect(khAbroad.json().hits).toHaveLength(1);

    const page = (await knpa.get(`/api/v1/entities/${kr.json().entity.id}`)).json();
    expect(page.identifiers[0].details).toMatchObject({ countryAssumed: 'KR' });
  });

  it('reads a number pasted as text in the officer’s country, and takes it whole before a comma', async () => {
    const found = (
      await cnp.post('/api/v1/extract', { text: '연락처 097 123 4567, 계좌 ABA 000 123 456, 확인 바랍니다' })
    ).json();
    expect(found.map((f: { identifier: { value: string } }) => f.identifier.value)).toEqual([
      '+855971234567',
      'bank:KH-ABA:000123456',
    ]);
  });

  it("checks a national number in the checking officer's country", async () => {
    const checked = (await cnp.get('/api/v1/identifiers/check?q=097%20123%204567')).json();
    expect(checked).toMatchObject({ identifier: { value: '+855971234567' }, matchCount: 2 });
  });
});

describe('numbers the phone library cannot verify', () => {
  it('keeps them by their digits, flagged, and raises a hit when the same digits are written another way', async () => {
    const office = await cnp.post('/api/v1/entities', { ...phone('023 508 208'), caseId: cnpCase });
    expect(office.statusCode).toBe(201);
    expect(office.json().identifiers[0]).toMatchObject({
      value: '+85523508208',
      valid: false,
      problem: 'not a valid phone number in KH',
      details: { key: 'digits' },
    });
    const same = await knpa.post('/api/v1/entities', { ...phone('+855 23 508 208'), caseId: knpaCase });
    expect(same.json().hits).toHaveLength(1);
    const other = await knpa.post('/api/v1/entities', { ...phone('+855 23 508 209'), caseId: knpaCase });
    expect(other.json().hits).toEqual([]);

    // Search reads the same digits in the searcher's country and finds the record it is on.
    const found = (await cnp.get('/api/v1/search?q=023-508-208')).json();
    expect(found.identifierReadings).toContain('phone');
    expect(found.entities.map((e: { id: string }) => e.id)).toContain(office.json().entity.id);
  });
});

describe('wallets written with their token label', () => {
  it('saves a labelled wallet (was refused) and correlates it with the bare address', async () => {
    const bare = await cnp.post('/api/v1/entities', { ...wallet(tron), caseId: cnpCase });
    expect(bare.statusCode).toBe(201);
    const labelled = await knpa.post('/api/v1/entities', {
      ...wallet(`USDT(TRC20): ${tron}`, 'other'),
      caseId: knpaCase,
    });
    expect(labelled.statusCode).toBe(201);
    expect(labelled.json().identifiers[0]).toMatchObject({ value: `tron:${tron}`, valid: true });
    expect(labelled.json().hits).toHaveLength(1);
  });

  it('refuses a label naming another chain than the address, at the address field', async () => {
    const wrong = await knpa.post('/api/v1/entities', { ...wallet(`USDT(ERC20): ${tron}`, 'other') });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields[0]).toMatchObject({
      path: '/properties/address',
      message: 'the label names Ethereum but this is a TRON address',
    });
  });
});

describe('re-keying stored identifiers (migration 0018)', () => {
  it('gives a row stored under the old keys its new key, and the migration puts it back on the way down', async () => {
    const created = await cnp.post('/api/v1/entities', { ...phone('023 508 301'), caseId: cnpCase });
    const id = created.json().entity.id;
    const db = t.node.app.db;
    // What the normaliser stored before: the cleaned text, no key, no details.
    await db
      .updateTable('identifiers')
      .set({ value: '023508301', display: '023508301', details: null })
      .where('entity_id', '=', id)
      .execute();
    const before = await rekeyStoredIdentifiers(db as never);
    expect(before).toEqual([
      expect.objectContaining({ value: '023508301', display: '023508301', details: null }),
    ]);
    const row = () =>
      db.selectFrom('identifiers').selectAll().where('entity_id', '=', id).executeTakeFirstOrThrow();
    expect(await row()).toMatchObject({
      value: '+85523508301',
      display: '+855 23 508 301',
      details: expect.objectContaining({ key: 'digits' }),
    });
    expect(await rekeyStoredIdentifiers(db as never)).toEqual([]);

    const migration = migrations['0018_identifier_rekey'];
    await db.updateTable('identifiers').set({ value: '023508301' }).where('entity_id', '=', id).execute();
    await migration?.down?.(db as never);
    await migration?.up(db as never);
    expect(await row()).toMatchObject({ value: '+85523508301' });
    await migration?.down?.(db as never);
    expect((await row()).value).toBe('023508301');
    await migration?.up(db as never);
    expect((await row()).value).toBe('+85523508301');
  });
});
