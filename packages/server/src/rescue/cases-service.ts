/*
 * The rescue case's use cases, one file per job; routes and other features import them from here.
 * - board-service.ts: the 24/7 board (no personal data)
 * - case-view.ts: the case page, read through case-read.ts (access decided and audited)
 * - transitions-service.ts: state changes and risk overrides
 * - team-service.ts: who is on the case team
 * - case-records-service.ts: screening, non-punishment, role, consent, repatriation, location
 * Intake (intake-service.ts), duplicates, files and the request PDF have their own files.
 */
export { rescueBoard } from './board-service.ts';
export { withReadAccess } from './case-read.ts';
export {
  changePersonRole,
  recordConsent,
  recordScreening,
  setNonPunishment,
  updateLocation,
  updateRepatriation,
} from './case-records-service.ts';
export { getRescueCase, loadCaseView } from './case-view.ts';
export { addTeamMember, removeTeamMember } from './team-service.ts';
export { overrideRisk, transitionRescueCase } from './transitions-service.ts';
