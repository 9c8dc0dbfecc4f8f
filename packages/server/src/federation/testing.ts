import { randomUUID } from 'node:crypto';
import type { Actor } from '@liaison/core';
import { CompactEncrypt, importJWK, type JWK } from 'jose';
import { systemActor } from '../cli/system-actor.ts';
import type { NodeConfig } from '../config.ts';
import { type Ctx, systemCtx } from '../context.ts';
import { buildHttpApp } from '../http/app.ts';
import type { LiaisonNode } from '../node.ts';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { deliverPending, messagesPath } from './delivery.ts';
import type { FederationMessage } from './envelope.ts';
import { addPeer } from './peer-add.ts';
import { exportIdentity } from './peers.ts';
import { federationOf } from './runtime.ts';

export interface FederatedTestNode extends TestNode {
  url: string;
  port: number;
  /** Stops serving HTTP (the node is "down"); the database stays. */
  goDown(): Promise<void>;
  /** Serves again on the same port, as a restarted process would. */
  comeBack(): Promise<void>;
}

async function listen(t: TestNode, port: number): Promise<number> {
  federationOf(t.node.app).autoStart = false;
  await t.node.http.listen({ port, host: '127.0.0.1' });
  const address = t.node.http.server.address();
  return typeof address === 'object' && address ? address.port : port;
}

/** A node on real HTTP (loopback) whose delivery worker is driven by the test (`deliverPending`). */
export async function startFederatedNode(overrides: Partial<NodeConfig>): Promise<FederatedTestNode> {
  const t = await startTestNode(overrides);
  const port = await listen(t, 0);
  const url = `http://127.0.0.1:${port}`;
  t.node.app.config.publicUrl = url;
  const node: FederatedTestNode = {
    ...t,
    url,
    port,
    async goDown() {
      await node.node.http.close();
    },
    async comeBack() {
      node.node.http = (await buildHttpApp(node.node.app, { logger: false })) as typeof node.node.http;
      await listen(node, port);
    },
  };
  return node;
}

/** Closes test nodes, the HTTP server a `comeBack` made included; nodes that never started are skipped. */
export async function closeNodes(...nodes: (FederatedTestNode | undefined)[]): Promise<void> {
  for (const t of nodes) await t?.node.http.close();
  for (const t of nodes) await t?.close();
}

/** KNPA (KR) and CNP (KH), each knowing the other; `overrides` e.g. give each its own data directory. */
export async function startPeeredPair(
  overrides: { knpa?: Partial<NodeConfig>; cnp?: Partial<NodeConfig> } = {},
): Promise<{ knpa: FederatedTestNode; cnp: FederatedTestNode }> {
  const knpa = await startFederatedNode({
    nodeName: 'knpa',
    nodeAgency: 'KNPA',
    nodeCountry: 'KR',
    ...overrides.knpa,
  });
  const cnp = await startFederatedNode({
    nodeName: 'cnp',
    nodeAgency: 'CNP',
    nodeCountry: 'KH',
    ...overrides.cnp,
  });
  await introduce(knpa, cnp);
  await introduce(cnp, knpa);
  return { knpa, cnp };
}

/** `to` learns `peer`'s identity; the fingerprint is taken as confirmed, as with `peer add --yes`. */
export async function introduce(to: { node: LiaisonNode }, peer: { node: LiaisonNode }): Promise<void> {
  const identity = await exportIdentity(peer.node.app);
  const agency = await to.node.app.db
    .selectFrom('agencies')
    .select(['id', 'code'])
    .where('code', '=', to.node.app.config.nodeAgency)
    .executeTakeFirstOrThrow();
  await addPeer(systemCtx(to.node.app), systemActor(agency), identity, identity.fingerprint);
}

/** An officer of the node's agency acting through the services (a real user, so records have an author). */
export async function agencyOfficer(t: FederatedTestNode, code: string): Promise<{ ctx: Ctx; actor: Actor }> {
  const user = await t.node.app.db
    .selectFrom('users')
    .innerJoin('agencies', 'agencies.id', 'users.agency_id')
    .select(['users.id', 'users.agency_id', 'users.email'])
    .where('agencies.code', '=', code)
    .executeTakeFirstOrThrow();
  const actor: Actor = {
    userId: user.id,
    agencyId: user.agency_id,
    agencyCode: code,
    unitId: null,
    roles: [],
    email: user.email,
    displayName: user.email,
    via: 'system',
    job: 'test-seed',
  };
  return { ctx: systemCtx(t.node.app), actor };
}

/** Delivers both ways a few times, so replies to replies (echoes, acknowledgements) settle too. */
export async function syncPair(a: FederatedTestNode, b: FederatedTestNode, rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await deliverPending(a.node.app);
    await deliverPending(b.node.app);
  }
}

export interface Receipt {
  status: string;
  reason?: string;
}

/** Posts sealed messages to the node's federation endpoint over loopback HTTP, as a peer (or an impostor) would. */
export async function postMessages(to: { url: string }, messages: string[]): Promise<Receipt[]> {
  const response = await fetch(new URL(messagesPath, to.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ messages }),
  });
  return ((await response.json()) as { receipts: Receipt[] }).receipts;
}

/** The node's audit entries of one action, oldest first. */
export function auditEntries(t: TestNode, action: string) {
  return t.node.app.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', action)
    .orderBy('seq')
    .execute();
}

/** A message as a node signs it (`exchange.item`, empty body unless given), sent now. */
export function messageEnvelope(
  fields: Pick<FederationMessage, 'from' | 'to' | 'seq'> & Partial<FederationMessage>,
): FederationMessage {
  const now = new Date().toISOString();
  return { v: 1, id: randomUUID(), kind: 'exchange.item', createdAt: now, sentAt: now, body: {}, ...fields };
}

/** Encrypts a signed message (a compact JWS, forged or not) for a node's encryption key, as `sealMessage` does. */
export async function encryptFor(encryptionKey: JWK, jws: string): Promise<string> {
  return new CompactEncrypt(new TextEncoder().encode(jws))
    .setProtectedHeader({ alg: 'ECDH-ES', enc: 'A256GCM', kid: encryptionKey.kid!, cty: 'liaison+jws' })
    .encrypt(await importJWK(encryptionKey, 'ECDH-ES'));
}
