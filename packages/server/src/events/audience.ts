import { type Actor, hasPermission, type Permission } from '@liaison/core';
import type { LiveEvent } from './event-bus.ts';

/**
 * Whether a user is in an event's audience: named by user id, or of a named agency (and holding the
 * permission when one is given), or, with no agencies named, holding the permission.
 */
export function inAudience(actor: Actor, audience: LiveEvent['audience']): boolean {
  if (audience.userIds?.includes(actor.userId)) return true;
  const permitted = !audience.permission || hasPermission(actor.roles, audience.permission as Permission);
  if (audience.agencyCodes) return audience.agencyCodes.includes(actor.agencyCode) && permitted;
  return audience.permission !== undefined && permitted;
}
