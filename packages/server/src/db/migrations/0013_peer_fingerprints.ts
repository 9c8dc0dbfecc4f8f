import { createHash } from 'node:crypto';
import { calculateJwkThumbprint, type JWK } from 'jose';
import { type Kysely, sql } from 'kysely';

// The fingerprint of a peer covers its identity and its keys (federation README, "Partners and their
// fingerprint"): SHA-256 over ['liaison-peer/1', node, agency, country, URL, signing and encryption key
// thumbprints], 16 groups of four hex digits. Earlier it was made of the key ids alone. Each known peer's
// stored fingerprint is recomputed from what this node holds: its current keys' own thumbprints (not their
// stored ids), so a peer stored with a key under another key's id shows a fingerprint its partner does not
// read out. The rule is written out here, not imported, so this migration keeps meaning what it did.

interface PeerRow {
  id: string;
  node_name: string;
  agency_code: string;
  country: string;
  url: string;
}

async function currentKeys(db: Kysely<unknown>, peerId: string) {
  const { rows } = await sql<{ use: 'sig' | 'enc'; kid: string; public_jwk: JWK }>`
    select use, kid, public_jwk from peer_keys where peer_id = ${peerId} and retired_at is null
  `.execute(db);
  return { sig: rows.find((r) => r.use === 'sig'), enc: rows.find((r) => r.use === 'enc') };
}

async function fingerprintOf(peer: PeerRow, sig: JWK, enc: JWK): Promise<string> {
  const covered = [
    'liaison-peer/1',
    peer.node_name,
    peer.agency_code,
    peer.country,
    peer.url,
    await calculateJwkThumbprint(sig),
    await calculateJwkThumbprint(enc),
  ];
  return createHash('sha256')
    .update(JSON.stringify(covered))
    .digest('hex')
    .toUpperCase()
    .match(/.{4}/g)!
    .join(' ');
}

/** The earlier form: the signing key id as hex in groups of four, then the first 8 hex digits of the other. */
function keyIdFingerprint(signingKid: string, encryptionKid: string): string {
  const hex = Buffer.from(signingKid, 'base64url').toString('hex').toUpperCase();
  const encHex = Buffer.from(encryptionKid, 'base64url').toString('hex').toUpperCase().slice(0, 8);
  return `${hex.match(/.{4}/g)!.join(' ')} / ${encHex}`;
}

async function recompute(
  db: Kysely<unknown>,
  compute: (
    peer: PeerRow,
    sig: { kid: string; public_jwk: JWK },
    enc: { kid: string; public_jwk: JWK },
  ) => Promise<string>,
): Promise<void> {
  const { rows: peers } = await sql<PeerRow>`
    select id, node_name, agency_code, country, url from peers
  `.execute(db);
  for (const peer of peers) {
    const { sig, enc } = await currentKeys(db, peer.id);
    if (!sig || !enc) continue;
    const fingerprint = await compute(peer, sig, enc);
    await sql`update peers set fingerprint = ${fingerprint} where id = ${peer.id}`.execute(db);
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await recompute(db, (peer, sig, enc) => fingerprintOf(peer, sig.public_jwk, enc.public_jwk));
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await recompute(db, async (_peer, sig, enc) => keyIdFingerprint(sig.kid, enc.kid));
}
