import { type Actor, can, isSystem } from '../accounts/actor.ts';
import type { Tlp } from '../markings/markings.ts';

/** The facts about a case that decide who may see it. */
export interface CaseAccessFacts {
  ownerAgencyId: string;
  tlp: Tlp;
  participatingUnitIds: readonly string[];
  assignedOfficerIds: readonly string[];
  createdBy: string;
}

/** TLP levels whose every read is audited ("every read of a restricted record"). */
export const auditedReadTlps: readonly Tlp[] = ['RED', 'AMBER+STRICT'];

/**
 * Who may see a case. A user with `cases.read` sees the cases of their own agency, and cases where their unit
 * participates or they are assigned. A TLP:RED case is seen only by its assigned officers and its creator.
 * Everyone else is told the case does not exist (404, not 403), so existence is never confirmed.
 * The server enforces the same rule in SQL (`visibleCases`); the two must change together.
 */
export function canSeeCase(actor: Actor, facts: CaseAccessFacts): boolean {
  if (isSystem(actor)) return true;
  if (!can(actor, 'cases.read')) return false;
  const personally = facts.createdBy === actor.userId || facts.assignedOfficerIds.includes(actor.userId);
  if (facts.tlp === 'RED') return personally;
  if (personally || facts.ownerAgencyId === actor.agencyId) return true;
  return actor.unitId !== null && facts.participatingUnitIds.includes(actor.unitId);
}

/** Writing needs `cases.write` on top of seeing the case. */
export function canWriteCase(actor: Actor, facts: CaseAccessFacts): boolean {
  return canSeeCase(actor, facts) && can(actor, 'cases.write');
}

/** True when reading this case must leave an audit entry. */
export function isAuditedRead(tlp: Tlp): boolean {
  return auditedReadTlps.includes(tlp);
}
