import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PeerIdentity } from '@liaison/core/federation/peers';
import { CompactSign, calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../cli/system-actor.ts';
import { systemCtx } from '../context.ts';
import { up as recomputeFingerprints } from '../db/migrations/0013_peer_fingerprints.ts';
import type { TestClient } from '../testing/test-client.ts';
import { deliverPending } from './delivery.ts';
import { enqueueMessage } from './outbox.ts';
import { identityFingerprint } from './peer-identity.ts';
import { exportIdentity, rotateNodeKeys } from './peers.ts';
import {
  auditEntries,
  closeNodes,
  encryptFor,
  type FederatedTestNode,
  introduce,
  messageEnvelope,
  postMessages,
  startFederatedNode,
} from './testing.ts';

// The forgery of issue #9: an identity file for CNP carrying CNP's genuine key ids (so the old fingerprint,
// built from the ids alone, matched what CNP reads out by phone) but the attacker's keys and URL.

let knpa: FederatedTestNode;
let cnp: FederatedTestNode;
let admin: TestClient;
let cnpOfficer: TestClient;
let genuine: PeerIdentity;
let attacker: Awaited<ReturnType<typeof attackerKeys>>;
let attackerServer: http.Server;
let attackerUrl: string;
const attackerReceived: string[] = [];

async function attackerKeys() {
  const sig = await generateKeyPair('Ed25519', { extractable: true });
  const enc = await generateKeyPair('ECDH-ES', { crv: 'X25519', extractable: true });
  const sigJwk = await exportJWK(sig.publicKey);
  const encJwk = await exportJWK(enc.publicKey);
  return {
    sigPrivate: sig.privateKey,
    sigJwk: { ...sigJwk, kid: await calculateJwkThumbprint(sigJwk), use: 'sig' } as JWK,
    encJwk: { ...encJwk, kid: await calculateJwkThumbprint(encJwk), use: 'enc' } as JWK,
  };
}

/** The attacker's file: CNP's name and key ids, the attacker's keys and URL, CNP's (old-style) fingerprint. */
function forgedWithGenuineKids(): PeerIdentity {
  return {
    ...genuine,
    url: attackerUrl,
    signingKey: { ...attacker.sigJwk, kid: genuine.signingKey.kid } as PeerIdentity['signingKey'],
    encryptionKey: { ...attacker.encJwk, kid: genuine.encryptionKey.kid } as PeerIdentity['encryptionKey'],
  };
}

/** A consistent file (ids are the attacker's own thumbprints) claiming to be CNP at the attacker's URL. */
async function forgedWithOwnKids(): Promise<PeerIdentity> {
  const identity: PeerIdentity = {
    ...genuine,
    url: attackerUrl,
    signingKey: attacker.sigJwk as PeerIdentity['signingKey'],
    encryptionKey: attacker.encJwk as PeerIdentity['encryptionKey'],
  };
  return { ...identity, fingerprint: await identityFingerprint(identity) };
}

/** A message "from CNP" signed with the attacker's key under the given key id, sealed for KNPA. */
async function forgedMessage(signKid: string, body: Record<string, unknown>, seq: number) {
  const knpaIdentity = await exportIdentity(knpa.node.app);
  const message = messageEnvelope({ from: 'cnp', to: 'knpa', seq, body });
  const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(message)))
    .setProtectedHeader({ alg: 'EdDSA', kid: signKid, typ: 'liaison+jws' })
    .sign(attacker.sigPrivate);
  return encryptFor(knpaIdentity.encryptionKey as JWK, jws);
}

const postToKnpa = (messages: string[]) => postMessages(knpa, messages);
const audits = auditEntries;

async function knpaPeer() {
  return knpa.node.app.db.selectFrom('peers').selectAll().where('node_name', '=', 'cnp').executeTakeFirst();
}

async function activeKeys(t: FederatedTestNode, node: string) {
  return t.node.app.db
    .selectFrom('peer_keys')
    .innerJoin('peers', 'peers.id', 'peer_keys.peer_id')
    .select(['peer_keys.kid', 'peer_keys.use', 'peer_keys.public_jwk'])
    .where('peers.node_name', '=', node)
    .where('peer_keys.retired_at', 'is', null)
    .orderBy('peer_keys.use')
    .execute();
}

/** The body of a real request CNP queued for KNPA: what the attacker would copy and sign with its key. */
async function urgentRequestBody(): Promise<Record<string, unknown>> {
  const sent = await cnpOfficer.post('/api/v1/exchange/items', {
    peer: 'knpa',
    kind: 'request',
    subject: 'URGENT: release the detained suspect',
    body: 'Our officers are on their way; release him to them.',
    priority: 'urgent',
    markings: {
      handlingCode: 'H2',
      tlp: 'AMBER',
      legalBasis: { kind: 'police_cooperation' },
      purpose: 'Investigation of a voice-phishing ring',
      sourceReliability: 'B',
      informationAccuracy: '2',
    },
  });
  expect(sent.statusCode, sent.body).toBe(201);
  const row = await cnp.node.app.db
    .selectFrom('outbox')
    .select('body')
    .where('kind', '=', 'exchange.item')
    .orderBy('seq', 'desc')
    .executeTakeFirstOrThrow();
  return { ...row.body, id: randomUUID() };
}

beforeAll(async () => {
  attackerServer = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      attackerReceived.push(`${request.method} ${request.url} ${body}`);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"receipts":[]}');
    });
  });
  await new Promise<void>((resolve) => attackerServer.listen(0, '127.0.0.1', resolve));
  attackerUrl = `http://127.0.0.1:${(attackerServer.address() as AddressInfo).port}`;
  knpa = await startFederatedNode({ nodeName: 'knpa', nodeAgency: 'KNPA', nodeCountry: 'KR' });
  cnp = await startFederatedNode({ nodeName: 'cnp', nodeAgency: 'CNP', nodeCountry: 'KH' });
  // CNP knows KNPA; KNPA is about to add CNP from a file it was sent.
  await introduce(cnp, knpa);
  genuine = await exportIdentity(cnp.node.app);
  attacker = await attackerKeys();
  admin = await knpa.signIn(['administrator'], 'KNPA');
  cnpOfficer = await cnp.signIn(['investigator'], 'CNP');
});
afterAll(async () => {
  await closeNodes(knpa, cnp);
  await new Promise((resolve) => attackerServer.close(resolve));
});

describe("a partner's identity is bound to its fingerprint", () => {
  it('refuses the forged file (genuine key ids, other keys and URL), audits it, and applies no forged message', async () => {
    const forged = forgedWithGenuineKids();
    // The fingerprint covers the keys themselves, so the forged file does not show CNP's fingerprint.
    expect(await identityFingerprint(forged)).not.toBe(genuine.fingerprint);
    expect(genuine.fingerprint).toBe(await identityFingerprint(genuine));

    const refused = await admin.post('/api/v1/peers', {
      identity: forged,
      confirmedFingerprint: genuine.fingerprint,
    });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.json().code).toBe('invalid-input');
    expect(refused.json().detail).toMatch(/thumbprint/);
    expect(refused.json().fields.map((f: { path: string }) => f.path)).toEqual([
      '/identity/signingKey/kid',
      '/identity/encryptionKey/kid',
    ]);
    expect(await knpaPeer()).toBeUndefined();
    const [entry] = await audits(knpa, 'peer.identity-refused');
    expect(entry?.details).toMatchObject({ node: 'cnp', url: attackerUrl, reason: 'key-id-mismatch' });

    // The attacker's "urgent" request, signed with its key under CNP's key id: nobody signs with that key.
    const body = await urgentRequestBody();
    expect((await postToKnpa([await forgedMessage(genuine.signingKey.kid, body, 1)]))[0]).toMatchObject({
      status: 'rejected',
      reason: 'unknown-peer',
    });

    // The genuine file is added with the fingerprint CNP reads out.
    const added = await admin.post('/api/v1/peers', {
      identity: genuine,
      confirmedFingerprint: genuine.fingerprint,
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ node: 'cnp', url: genuine.url, fingerprint: genuine.fingerprint });

    // The same forged file against the now known peer: refused again, nothing of it stored.
    const again = await admin.post('/api/v1/peers', {
      identity: forged,
      confirmedFingerprint: genuine.fingerprint,
      replace: true,
    });
    expect(again.statusCode, again.body).toBe(400);
    expect((await knpaPeer())?.url).toBe(genuine.url);
    expect((await activeKeys(knpa, 'cnp')).map((k) => k.public_jwk.x)).toEqual([
      genuine.encryptionKey.x,
      genuine.signingKey.x,
    ]);
    const forgedNow = await postToKnpa([await forgedMessage(genuine.signingKey.kid, body, 2)]);
    expect(forgedNow[0]).toMatchObject({ status: 'rejected', reason: 'bad-signature' });
    const applied = await knpa.node.app.db
      .selectFrom('exchange_items')
      .select('id')
      .where('subject', '=', 'URGENT: release the detained suspect')
      .execute();
    expect(applied).toHaveLength(0);

    // An officer's message to CNP goes to CNP, encrypted for CNP's key; the attacker sees nothing.
    const kim = await knpa.signIn(['investigator'], 'KNPA');
    const sent = await kim.post('/api/v1/exchange/items', {
      peer: 'cnp',
      kind: 'request',
      subject: 'Subscriber of +855 12 345 678?',
      body: 'Who holds this number?',
      priority: 'high',
      markings: {
        handlingCode: 'H2',
        tlp: 'AMBER',
        legalBasis: { kind: 'police_cooperation' },
        purpose: 'Investigation of a voice-phishing ring',
        sourceReliability: 'B',
        informationAccuracy: '2',
      },
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect((await deliverPending(knpa.node.app)).delivered).toBe(1);
    expect(attackerReceived).toEqual([]);
    const arrived = await cnp.node.app.db
      .selectFrom('exchange_items')
      .select('id')
      .where('id', '=', sent.json().id)
      .execute();
    expect(arrived).toHaveLength(1);
  });

  it("shows another fingerprint for a changed URL, agency or keys, and replaces a known peer's identity only when told to", async () => {
    const ownKids = await forgedWithOwnKids();
    const movedOnly: PeerIdentity = { ...genuine, url: attackerUrl };
    const renamed: PeerIdentity = { ...genuine, agency: 'KNP' };
    for (const changed of [ownKids, movedOnly, renamed])
      expect(await identityFingerprint(changed)).not.toBe(genuine.fingerprint);

    // Confirmed by the fingerprint the file itself produces (as `peer add --yes` does), still not applied.
    for (const changed of [ownKids, movedOnly]) {
      const response = await admin.post('/api/v1/peers', {
        identity: changed,
        confirmedFingerprint: await identityFingerprint(changed),
      });
      expect(response.statusCode, response.body).toBe(409);
      expect(response.json()).toMatchObject({
        code: 'conflict',
        knownFingerprint: genuine.fingerprint,
        fingerprint: await identityFingerprint(changed),
      });
      expect(response.json().changes).toContainEqual({ field: 'url', known: genuine.url, file: attackerUrl });
    }
    expect((await knpaPeer())?.url).toBe(genuine.url);
    expect((await knpaPeer())?.fingerprint).toBe(genuine.fingerprint);
    const refusals = (await audits(knpa, 'peer.identity-refused')).map(
      (a) => (a.details as { reason: string }).reason,
    );
    expect(refusals.filter((r) => r === 'identity-changed')).toHaveLength(2);
    const forged = await postToKnpa([await forgedMessage(attacker.sigJwk.kid!, {}, 2)]);
    expect(forged[0]).toMatchObject({ status: 'rejected', reason: 'unknown-peer' });

    // The same file again: nothing changes, nothing to confirm anew.
    const same = await admin.post('/api/v1/peers', {
      identity: genuine,
      confirmedFingerprint: genuine.fingerprint,
    });
    expect(same.statusCode, same.body).toBe(201);
    expect(await audits(knpa, 'peer.identity-replaced')).toHaveLength(0);

    // CNP really moved: its new fingerprint confirmed and the replacement asked for.
    const moved: PeerIdentity = { ...genuine, url: genuine.url.replace('127.0.0.1', 'localhost') };
    const wrongConfirmation = await admin.post('/api/v1/peers', {
      identity: moved,
      confirmedFingerprint: genuine.fingerprint,
      replace: true,
    });
    expect(wrongConfirmation.statusCode).toBe(400);
    const replaced = await admin.post('/api/v1/peers', {
      identity: moved,
      confirmedFingerprint: await identityFingerprint(moved),
      replace: true,
    });
    expect(replaced.statusCode, replaced.body).toBe(201);
    expect(replaced.json()).toMatchObject({ url: moved.url, fingerprint: await identityFingerprint(moved) });
    const [entry] = await audits(knpa, 'peer.identity-replaced');
    expect(entry?.details).toMatchObject({
      node: 'cnp',
      fingerprint: await identityFingerprint(moved),
      previousFingerprint: genuine.fingerprint,
      changes: [{ field: 'url', known: genuine.url, file: moved.url }],
    });
    const back = await admin.post('/api/v1/peers', {
      identity: genuine,
      confirmedFingerprint: genuine.fingerprint,
      replace: true,
    });
    expect(back.statusCode, back.body).toBe(201);
  });

  it('refuses and audits a key rotation whose key id is not the thumbprint of the new key', async () => {
    const knpaOnCnp = await cnp.node.app.db
      .selectFrom('peers')
      .select('id')
      .where('node_name', '=', 'knpa')
      .executeTakeFirstOrThrow();
    const bodies = [
      // The attacker's key under CNP's own current key id.
      { signingKey: { ...attacker.sigJwk, kid: genuine.signingKey.kid }, encryptionKey: attacker.encJwk },
      // A key id that is nobody's thumbprint.
      { signingKey: attacker.sigJwk, encryptionKey: { ...attacker.encJwk, kid: attacker.sigJwk.kid } },
      // An X25519 key offered as the signing key.
      { signingKey: attacker.encJwk, encryptionKey: attacker.encJwk },
    ];
    await cnp.node.app.db.transaction().execute(async (trx) => {
      for (const body of bodies)
        await enqueueMessage(trx, cnp.node.app, knpaOnCnp.id, 'federation.keys', body);
    });
    await deliverPending(cnp.node.app);
    const outcomes = await knpa.node.app.db
      .selectFrom('inbox')
      .select('outcome')
      .where('kind', '=', 'federation.keys')
      .orderBy('seq')
      .execute();
    expect(outcomes).toHaveLength(3);
    for (const { outcome } of outcomes) expect(outcome).toMatch(/^rejected: /);
    const reasons = (await audits(knpa, 'federation.message.rejected'))
      .map((a) => a.details as { kind: string; reason: string })
      .filter((d) => d.kind === 'federation.keys')
      .map((d) => d.reason);
    expect(reasons).toHaveLength(3);
    expect(reasons[0]).toMatch(/thumbprint/);
    expect(reasons[1]).toMatch(/thumbprint/);
    expect(reasons[2]).toMatch(/Ed25519/);
    expect(await audits(knpa, 'peer.keys-rotated')).toHaveLength(0);
    expect((await activeKeys(knpa, 'cnp')).map((k) => k.kid)).toEqual([
      genuine.encryptionKey.kid,
      genuine.signingKey.kid,
    ]);

    // A genuine rotation is adopted, and the fingerprint KNPA shows is the one CNP now reads out.
    const cnpAgency = await cnp.node.app.db
      .selectFrom('agencies')
      .select(['id', 'code'])
      .where('code', '=', 'CNP')
      .executeTakeFirstOrThrow();
    const rotated = await rotateNodeKeys(systemCtx(cnp.node.app), systemActor(cnpAgency));
    await deliverPending(cnp.node.app);
    expect(await audits(knpa, 'peer.keys-rotated')).toHaveLength(1);
    expect((await knpaPeer())?.fingerprint).toBe(rotated.fingerprint);
    expect(rotated.fingerprint).not.toBe(genuine.fingerprint);
  });

  it('does not use a stored key whose id is not its thumbprint (stored before ids were checked)', async () => {
    const db = knpa.node.app.db;
    const [enc, sig] = await activeKeys(knpa, 'cnp');
    // What the old code stored for the forged file: the attacker's keys under CNP's key ids.
    await db
      .updateTable('peer_keys')
      .set({ public_jwk: JSON.stringify({ ...attacker.sigJwk, kid: sig!.kid }) })
      .where('kid', '=', sig!.kid)
      .execute();
    await db
      .updateTable('peer_keys')
      .set({ public_jwk: JSON.stringify({ ...attacker.encJwk, kid: enc!.kid }) })
      .where('kid', '=', enc!.kid)
      .execute();
    try {
      const forged = await postToKnpa([await forgedMessage(sig!.kid, {}, 50)]);
      expect(forged[0]).toMatchObject({ status: 'rejected', reason: 'bad-signature' });
      const kim = await knpa.signIn(['investigator'], 'KNPA');
      const sent = await kim.post('/api/v1/exchange/items', {
        peer: 'cnp',
        kind: 'request',
        subject: 'Not for the attacker',
        body: 'Who holds this number?',
        priority: 'normal',
        markings: {
          handlingCode: 'H2',
          tlp: 'AMBER',
          legalBasis: { kind: 'police_cooperation' },
          purpose: 'Investigation of a voice-phishing ring',
          sourceReliability: 'B',
          informationAccuracy: '2',
        },
      });
      expect(sent.statusCode, sent.body).toBe(201);
      expect((await deliverPending(knpa.node.app)).delivered).toBe(0);
      expect(attackerReceived).toEqual([]);
      const queued = await db
        .selectFrom('outbox')
        .select('last_error')
        .where('kind', '=', 'exchange.item')
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      expect(queued.last_error).toMatch(/is not the key with that id/);
    } finally {
      await db
        .updateTable('peer_keys')
        .set({ public_jwk: JSON.stringify(sig!.public_jwk) })
        .where('kid', '=', sig!.kid)
        .execute();
      await db
        .updateTable('peer_keys')
        .set({ public_jwk: JSON.stringify(enc!.public_jwk) })
        .where('kid', '=', enc!.kid)
        .execute();
    }
  });

  it('migration 0013 recomputes the fingerprints of known peers from their keys and identity', async () => {
    const db = knpa.node.app.db;
    const before = (await knpaPeer())!.fingerprint;
    await db.updateTable('peers').set({ fingerprint: 'OLD-STYLE' }).where('node_name', '=', 'cnp').execute();
    await recomputeFingerprints(db as unknown as Kysely<unknown>);
    expect((await knpaPeer())?.fingerprint).toBe(before);
    expect(before).toBe((await exportIdentity(cnp.node.app)).fingerprint);
  });
});
