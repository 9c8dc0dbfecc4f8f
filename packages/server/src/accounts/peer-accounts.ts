import type { PeerPrincipal } from '@liaison/core';
import type { Tx } from '../context.ts';

/** The partner node as accounts need it (federation's peer row has these). */
export interface PeerNode {
  node_name: string;
  agency_code: string;
  country: string;
}

// The local account a partner node's records and hits are attributed to (federation's case sync asks for it).

/** The disabled local account that peer-made records are attributed to (created on first use). */
export async function peerUser(trx: Tx, peer: PeerNode): Promise<string> {
  const email = `${peer.node_name}@peers.liaison.invalid`;
  const found = await trx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (found) return found.id;
  let agency = await trx
    .selectFrom('agencies')
    .select('id')
    .where('code', '=', peer.agency_code)
    .executeTakeFirst();
  agency ??= await trx
    .insertInto('agencies')
    .values({ code: peer.agency_code, name: peer.agency_code, country: peer.country })
    .returning('id')
    .executeTakeFirstOrThrow();
  const user = await trx
    .insertInto('users')
    .values({
      email,
      display_name: `${peer.agency_code} (${peer.node_name})`,
      agency_id: agency.id,
      roles: [],
      password_hash: '!',
      disabled: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return user.id;
}

/** The peer acting on its case-sync path, as its disabled local account (hits raised by its entities name it). */
export async function peerActor(trx: Tx, peer: PeerNode): Promise<PeerPrincipal> {
  const userId = await peerUser(trx, peer);
  const agency = await trx
    .selectFrom('agencies')
    .select('id')
    .where('code', '=', peer.agency_code)
    .executeTakeFirstOrThrow();
  return {
    userId,
    agencyId: agency.id,
    agencyCode: peer.agency_code,
    unitId: null,
    roles: [],
    email: `${peer.node_name}@peers.liaison.invalid`,
    displayName: `${peer.agency_code} (${peer.node_name})`,
    via: 'peer',
    path: 'case-sync',
    peer: peer.node_name,
  };
}
