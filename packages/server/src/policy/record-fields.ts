import type { PolicyInput } from '@liaison/core/policy/index';
import type { AuditInput } from '../audit/audit-repository.ts';
import type { SharedFields, SharedRecordKind } from '../changes/shared-record-kind.ts';
import type { AppContext } from '../context.ts';
import { checkIncoming, decideOutgoing, type PolicyPeer, type PolicyVerdict } from './decide.ts';

// A record's guarded fields (changes/shared-record-kind.ts `FieldGuard`: a fugitive's warrant and Interpol
// notice, a sighting's source, an operation's targets) judged field group by field group, in this room like
// every other decision: outbound by this node's rules (`decideOutgoing`), inbound by the receiver's
// (`checkIncoming`). A shared case and an exchange item carrying such records both ask here.

/** A field group this node's rules keep from the peer, with the verdict (what its audit entry carries). */
export interface FieldRefusal {
  guard: string;
  fields: readonly string[];
  verdict: PolicyVerdict;
}

const carried = (value: unknown) => value !== undefined && value !== null;

/**
 * The fields about to go (`going`) that may not go to `peer` under `markings`: each refused group's fields.
 * Only groups about to go with a value are judged (an empty field carries nothing), on the record's values as
 * known here (`values`: every shared field, so a change of one field is judged as the whole record would be).
 */
export function refusedFields(
  app: AppContext,
  peer: PolicyPeer,
  markings: PolicyInput['markings'],
  kind: SharedRecordKind,
  going: SharedFields,
  values: SharedFields = going,
): FieldRefusal[] {
  const refusals: FieldRefusal[] = [];
  for (const guard of kind.guards ?? []) {
    if (!guard.fields.some((f) => carried(going[f]))) continue;
    const verdict = decideOutgoing(app, { peer, item: guard.item(values), markings });
    if (!verdict.allowed) refusals.push({ guard: guard.name, fields: guard.fields, verdict });
  }
  return refusals;
}

/** `values` without the refused groups' fields. */
export function withoutRefused(values: SharedFields, refusals: readonly FieldRefusal[]): SharedFields {
  const drop = new Set(refusals.flatMap((r) => r.fields));
  return Object.fromEntries(Object.entries(values).filter(([field]) => !drop.has(field)));
}

/**
 * The receiver's check of a peer's record: every guarded group it carries must pass this node's inbound rules
 * (a sighting's source is turned away here even if the sender's rules let it go). The first refusal is
 * audited `policy.blocked` on the record (in the apply run's batch) and answered with the rule's explanation.
 */
export function checkIncomingFields(
  app: AppContext,
  peer: PolicyPeer,
  markings: unknown,
  kind: SharedRecordKind,
  values: SharedFields,
  audit: (entry: AuditInput) => void,
  subject: { recordType: string; recordId: string | null },
): { allowed: true } | { allowed: false; reason: string } {
  for (const guard of kind.guards ?? []) {
    if (!guard.fields.some((f) => carried(values[f]))) continue;
    const check = checkIncoming(app, peer, { markings, policyItem: guard.item(values) }, audit, subject);
    if (!check.allowed) return { allowed: false, reason: `${kind.kind} ${guard.name}: ${check.reason}` };
  }
  return { allowed: true };
}
