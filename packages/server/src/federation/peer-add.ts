import { type Actor, authorize, LiaisonError } from '@liaison/core';
import type { Peer, PeerIdentity } from '@liaison/core/federation/peers';
import type { JWK } from 'jose';
import { audit, withAudit } from '../audit/audit.ts';
import type { Ctx, Db } from '../context.ts';
import {
  type IdentityChange,
  identityChanges,
  identityFingerprint,
  identityKeyProblems,
  sameFingerprint,
} from './peer-identity.ts';
import { activePeerKeys, keysOfOtherPeers, storePeerKeys } from './peer-keys.ts';
import { readPeerAfterWrite } from './peers.ts';
import { checkPeerUrl } from './runtime.ts';

// Adding a partner from its identity file (`liaison peer add`, POST /api/v1/peers). The file's key ids must
// be its keys' thumbprints, the fingerprint confirmed by phone covers keys and identity, and a known peer's
// identity is replaced only when the caller asks for it, with the new fingerprint confirmed.

/** A refused identity is audited in its own transaction: the refusal itself writes nothing else. */
async function auditRefusal(
  ctx: Ctx,
  actor: Actor,
  identity: PeerIdentity,
  reason: string,
  details: Record<string, unknown>,
): Promise<void> {
  const { node, agency, country, url } = identity;
  await withAudit(ctx.app.db, (trx) =>
    audit(
      { ...ctx, trx },
      actor,
      'peer.identity-refused',
      { type: 'peer', id: node },
      { node, agency, country, url, reason, ...details },
    ),
  );
}

/** The identity's fingerprint, once both key ids are known to be the keys' thumbprints (else refused). */
async function checkedFingerprint(ctx: Ctx, actor: Actor, identity: PeerIdentity): Promise<string> {
  const problems = await identityKeyProblems(identity);
  if (problems.length > 0) {
    await auditRefusal(ctx, actor, identity, problems[0]!.reason, {
      problems: problems.map((p) => p.message),
      signingKey: identity.signingKey.kid,
      encryptionKey: identity.encryptionKey.kid,
    });
    throw new LiaisonError('invalid-input', problems.map((p) => p.message).join(' '), {
      fields: problems.map((p) => ({
        path: `/identity/${p.use === 'sig' ? 'signingKey' : 'encryptionKey'}/${p.reason === 'key-id-mismatch' ? 'kid' : 'crv'}`,
        message: p.message,
      })),
    });
  }
  return identityFingerprint(identity);
}

/** What this node holds for a peer of that name, if any. */
async function knownPeer(db: Db, node: string, lock: boolean) {
  let query = db
    .selectFrom('peers')
    .select(['id', 'node_name', 'agency_code', 'country', 'url', 'fingerprint'])
    .where('node_name', '=', node);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) return null;
  const keys = await activePeerKeys(db, row.id);
  return { id: row.id, fingerprint: row.fingerprint, keys, row };
}

async function changesFrom(
  known: NonNullable<Awaited<ReturnType<typeof knownPeer>>>,
  identity: PeerIdentity,
): Promise<IdentityChange[]> {
  return identityChanges(
    {
      agency: known.row.agency_code,
      country: known.row.country,
      url: known.row.url,
      signingKey: known.keys.sig,
      encryptionKey: known.keys.enc,
    },
    identity,
  );
}

export interface PeerPreview {
  /** The fingerprint of the file's contents: what the peer must read out. */
  fingerprint: string;
  /** The fingerprint the file itself states, when it is not the one its contents give. */
  statedFingerprint: string | null;
  /** The peer of that name this node knows already, and what the file would change. */
  known: { fingerprint: string; changes: IdentityChange[] } | null;
}

/** What adding this identity would do, for the caller to show before asking for confirmation. */
export async function previewPeer(ctx: Ctx, actor: Actor, identity: PeerIdentity): Promise<PeerPreview> {
  authorize(actor, 'peers.manage');
  const fingerprint = await checkedFingerprint(ctx, actor, identity);
  const known = await knownPeer(ctx.app.db, identity.node, false);
  return {
    fingerprint,
    statedFingerprint: identity.fingerprint === fingerprint ? null : identity.fingerprint,
    known: known && { fingerprint: known.fingerprint, changes: await changesFrom(known, identity) },
  };
}

type Outcome =
  | { kind: 'added' | 'replaced' | 'unchanged'; peerId: string }
  | { kind: 'changed'; knownFingerprint: string; changes: IdentityChange[] }
  | { kind: 'key-of-another-peer'; holders: { kid: string; node_name: string }[] };

/**
 * Adds a peer from its identity file. The caller has shown the fingerprint and had it confirmed; the
 * confirmed fingerprint must be the one of the file's contents. The same identity again changes nothing. A
 * known peer whose file differs (URL, agency, country or keys) is replaced only with `replace`: otherwise
 * 409 naming the changes, audited, and nothing is written.
 */
export async function addPeer(
  ctx: Ctx,
  actor: Actor,
  identity: PeerIdentity,
  confirmedFingerprint: string,
  { replace = false }: { replace?: boolean } = {},
): Promise<Peer> {
  authorize(actor, 'peers.manage');
  const fingerprint = await checkedFingerprint(ctx, actor, identity);
  if (!sameFingerprint(confirmedFingerprint, fingerprint))
    throw new LiaisonError(
      'invalid-input',
      `The confirmed fingerprint does not match the file's keys and identity (${fingerprint}).`,
      { fields: [{ path: '/confirmedFingerprint', message: 'does not match the file' }] },
    );
  const urlProblem = checkPeerUrl(identity.url);
  if (urlProblem)
    throw new LiaisonError('invalid-input', `The peer URL ${urlProblem}.`, {
      fields: [{ path: '/identity/url', message: urlProblem }],
    });
  if (identity.node === ctx.app.config.nodeName)
    throw new LiaisonError('invalid-input', 'This is the identity of this node itself.');
  const now = ctx.app.now();
  const keys = { sig: identity.signingKey as JWK, enc: identity.encryptionKey as JWK };
  const outcome = await withAudit(ctx.app.db, async (trx): Promise<Outcome> => {
    const known = await knownPeer(trx, identity.node, true);
    const changes = known ? await changesFrom(known, identity) : [];
    if (known && changes.length === 0) return { kind: 'unchanged', peerId: known.id };
    if (known && !replace) return { kind: 'changed', knownFingerprint: known.fingerprint, changes };
    const holders = await keysOfOtherPeers(trx, known?.id ?? null, [keys.sig.kid!, keys.enc.kid!]);
    if (holders.length > 0) return { kind: 'key-of-another-peer', holders };
    const fields = {
      agency_code: identity.agency,
      country: identity.country,
      url: identity.url,
      fingerprint,
      updated_at: now,
    };
    const peerId = known
      ? (
          await trx
            .updateTable('peers')
            .set(fields)
            .where('id', '=', known.id)
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id
      : (
          await trx
            .insertInto('peers')
            .values({ ...fields, node_name: identity.node, created_at: now })
            .onConflict((oc) => oc.column('node_name').doNothing())
            .returning('id')
            .executeTakeFirst()
        )?.id;
    if (!peerId)
      throw new LiaisonError('conflict', `${identity.node} was added at this moment by someone else.`);
    await storePeerKeys(trx, peerId, keys, now);
    await audit(
      { ...ctx, trx },
      actor,
      known ? 'peer.identity-replaced' : 'peer.added',
      { type: 'peer', id: peerId },
      {
        node: identity.node,
        agency: identity.agency,
        country: identity.country,
        url: identity.url,
        fingerprint,
        ...(known && { previousFingerprint: known.fingerprint, changes }),
      },
    );
    return { kind: known ? 'replaced' : 'added', peerId };
  });
  if (outcome.kind === 'changed') {
    await auditRefusal(ctx, actor, identity, 'identity-changed', {
      fingerprint,
      knownFingerprint: outcome.knownFingerprint,
      changes: outcome.changes,
    });
    throw new LiaisonError(
      'conflict',
      `${identity.node} is already a peer, with fingerprint ${outcome.knownFingerprint}; this file changes its ${outcome.changes.map((c) => c.field).join(', ')}. Nothing was changed. Confirm the new fingerprint with the peer, then replace the known identity explicitly.`,
      { extra: { fingerprint, knownFingerprint: outcome.knownFingerprint, changes: outcome.changes } },
    );
  }
  if (outcome.kind === 'key-of-another-peer') {
    await auditRefusal(ctx, actor, identity, 'key-of-another-peer', { holders: outcome.holders });
    throw new LiaisonError(
      'invalid-input',
      `The file's keys belong to another peer (${[...new Set(outcome.holders.map((h) => h.node_name))].join(', ')}).`,
    );
  }
  return readPeerAfterWrite(ctx, outcome.peerId);
}
