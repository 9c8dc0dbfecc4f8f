import fs from 'node:fs';
import path from 'node:path';
import { CompactSign, compactVerify, decodeProtectedHeader, importJWK } from 'jose';
import type { AppContext, Db } from '../context.ts';
import { type SigningKey, signAlg } from '../federation/keys.ts';
import { federationOf } from '../federation/runtime.ts';
import type { AuditCheckpoint } from './audit-repository.ts';

/**
 * A checkpoint is the chain's head — {seq, hash, at} — signed with the node's signing key (compact JWS, its own
 * `typ` so no other signed payload of the node reads as one). It is kept in `audit_checkpoints` and, for the
 * latest, in a file outside the database (`AUDIT_CHECKPOINT_FILE`): whoever cuts off the log's tail must also
 * remove every copy, and cannot sign a new head without the node's private key.
 */
const checkpointType = 'liaison-audit-checkpoint+jws';

interface CheckpointClaims {
  v: 1;
  node: string;
  seq: string;
  hash: string;
  at: string;
}

const encoder = new TextEncoder();

export async function signCheckpoint(
  app: AppContext,
  head: { seq: string; hash: string },
): Promise<AuditCheckpoint> {
  const key = await federationOf(app).keyring.active('sig');
  const claims: CheckpointClaims = { v: 1, node: app.config.nodeName, ...head, at: app.now().toISOString() };
  const jws = await new CompactSign(encoder.encode(JSON.stringify(claims)))
    .setProtectedHeader({ alg: signAlg, kid: key.kid, typ: checkpointType })
    .sign(key.privateKey);
  return { seq: claims.seq, hash: claims.hash, at: claims.at, jws, source: 'database' };
}

/** True when the node signed exactly this checkpoint (with any of its keys, retired ones included). */
export async function isGenuineCheckpoint(app: AppContext, checkpoint: AuditCheckpoint): Promise<boolean> {
  let kid: string | undefined;
  try {
    const header = decodeProtectedHeader(checkpoint.jws);
    if (header.typ !== checkpointType || header.alg !== signAlg) return false;
    kid = header.kid;
  } catch {
    return false;
  }
  if (!kid) return false;
  const keyring = federationOf(app).keyring;
  let key = await keyring.byKid(kid);
  if (!key) {
    keyring.reset(); // another process may have rotated the keys since this one read them
    key = await keyring.byKid(kid);
  }
  if (key?.use !== 'sig') return false;
  try {
    const publicKey = (await importJWK(key.publicJwk, signAlg)) as SigningKey;
    const { payload } = await compactVerify(checkpoint.jws, publicKey, { algorithms: [signAlg] });
    const claims = JSON.parse(new TextDecoder().decode(payload)) as CheckpointClaims;
    return (
      claims.v === 1 &&
      claims.seq === checkpoint.seq &&
      claims.hash === checkpoint.hash &&
      claims.at === checkpoint.at
    );
  } catch {
    return false;
  }
}

/** What a checkpoint says, unverified; a file that does not read as one claims entry 0 (and fails to verify). */
function readClaims(jws: string, source: AuditCheckpoint['source']): AuditCheckpoint {
  try {
    const claims = JSON.parse(Buffer.from(jws.split('.')[1] ?? '', 'base64url').toString('utf8'));
    if (/^\d+$/.test(claims.seq) && typeof claims.hash === 'string' && typeof claims.at === 'string')
      return { seq: claims.seq, hash: claims.hash, at: claims.at, jws, source };
  } catch {
    // fall through
  }
  return { seq: '0', hash: '', at: '', jws, source };
}

function fromRow(row: { seq: string; hash: string; at: Date; jws: string }): AuditCheckpoint {
  return { seq: String(row.seq), hash: row.hash, at: row.at.toISOString(), jws: row.jws, source: 'database' };
}

function readFileCheckpoint(file: string | null): AuditCheckpoint | null {
  if (!file) return null;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return readClaims(text.trim(), 'file');
}

/** The latest checkpoint of each place it is kept (database, file), unverified. */
export async function latestCheckpoints(app: AppContext): Promise<AuditCheckpoint[]> {
  const row = await app.db
    .selectFrom('audit_checkpoints')
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const file = readFileCheckpoint(app.config.auditCheckpointFile);
  return [...(row ? [fromRow(row)] : []), ...(file ? [file] : [])];
}

/** The database's checkpoints of entries fromSeq..toSeq, and the file's if it falls in between. */
export async function checkpointsBetween(
  db: Db,
  fileCheckpoint: AuditCheckpoint | undefined,
  fromSeq: string,
  toSeq: string,
): Promise<AuditCheckpoint[]> {
  const rows = await db
    .selectFrom('audit_checkpoints')
    .selectAll()
    .where('seq', '>=', fromSeq)
    .where('seq', '<=', toSeq)
    .execute();
  const inRange =
    fileCheckpoint &&
    BigInt(fileCheckpoint.seq) >= BigInt(fromSeq) &&
    BigInt(fileCheckpoint.seq) <= BigInt(toSeq);
  return [...rows.map(fromRow), ...(inRange ? [fileCheckpoint] : [])];
}

/** Keeps a checkpoint in the database, and in the file unless the file already holds a later one. */
export async function storeCheckpoint(app: AppContext, checkpoint: AuditCheckpoint): Promise<void> {
  await app.db
    .insertInto('audit_checkpoints')
    .values({ seq: checkpoint.seq, hash: checkpoint.hash, at: checkpoint.at, jws: checkpoint.jws })
    .onConflict((oc) => oc.column('seq').doNothing())
    .execute();
  const file = app.config.auditCheckpointFile;
  if (!file) return;
  const current = readFileCheckpoint(file);
  if (current && BigInt(current.seq) >= BigInt(checkpoint.seq)) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Written aside and renamed, so a crash leaves the old checkpoint or the new one, never half of one.
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${checkpoint.jws}\n`, { mode: 0o600 });
  fs.renameSync(temporary, file);
}
