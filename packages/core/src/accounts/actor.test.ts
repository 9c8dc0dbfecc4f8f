import { describe, expect, it } from 'vitest';
import {
  type Actor,
  actingUserId,
  assertPeerPath,
  assertPublicPath,
  authorize,
  authorizeAny,
  can,
  isSystem,
  type Principal,
} from './actor.ts';
import { permissions } from './permissions.ts';

const fields = {
  userId: 'u1',
  agencyId: 'a1',
  agencyCode: 'KNPA',
  unitId: null,
  email: 'x@y.z',
  displayName: 'X',
};

const user: Actor = { ...fields, roles: ['investigator'], via: 'session' };
const token: Actor = { ...fields, roles: ['investigator'], via: 'token' };
const job: Actor = { ...fields, roles: [], via: 'system', job: 'cli' };
const peer: Actor = { ...fields, roles: [], via: 'peer', path: 'case-sync', peer: 'cnp' };
const publicForm: Actor = { ...fields, roles: [], via: 'public', path: 'public-report' };
// A peer's or the public form's principal may carry roles by mistake: they never count.
const peerWithRoles: Actor = { ...peer, roles: ['administrator', 'commander'] };
const publicWithRoles: Actor = { ...publicForm, roles: ['administrator', 'commander'] };

describe('principals', () => {
  it('users and API tokens hold exactly their roles’ permissions', () => {
    for (const principal of [user, token]) {
      expect(can(principal, 'cases.read')).toBe(true);
      expect(can(principal, 'users.manage')).toBe(false);
      expect(() => authorize(principal, 'cases.write')).not.toThrow();
      expect(() => authorize(principal, 'agencies.manage')).toThrow(/agencies.manage/);
      expect(() => authorizeAny(principal, ['users.manage', 'cases.read'])).not.toThrow();
      expect(() => authorizeAny(principal, ['users.manage', 'peers.manage'])).toThrow();
    }
  });

  it('a named system job may do everything and is the only unrestricted principal', () => {
    for (const permission of permissions) expect(can(job, permission)).toBe(true);
    expect(isSystem(job)).toBe(true);
    for (const other of [user, token, peer, publicForm]) expect(isSystem(other)).toBe(false);
  });

  it('a peer and the public form hold no staff permission, whatever roles they carry', () => {
    for (const principal of [peer, publicForm, peerWithRoles, publicWithRoles])
      for (const permission of permissions) {
        expect(can(principal, permission), `${principal.via} ${permission}`).toBe(false);
        expect(() => authorize(principal, permission)).toThrow();
      }
  });

  it('a peer and the public form may each do only what their own path allows', () => {
    expect(() => assertPeerPath(peer, 'case-sync')).not.toThrow();
    expect(() => assertPublicPath(publicForm, 'public-report')).not.toThrow();
    for (const other of [user, token, job, publicForm] as Principal[])
      expect(() => assertPeerPath(other, 'case-sync')).toThrow();
    for (const other of [user, token, job, peer] as Principal[])
      expect(() => assertPublicPath(other, 'public-report')).toThrow();
  });

  it('names a user as the one who acted only for people', () => {
    expect(actingUserId(user)).toBe('u1');
    expect(actingUserId(token)).toBe('u1');
    for (const other of [job, peer, publicForm]) expect(actingUserId(other)).toBeNull();
  });
});
