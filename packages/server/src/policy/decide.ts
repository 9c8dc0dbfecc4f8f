import { type Actor, LiaisonError } from '@liaison/core';
import {
  evaluatePolicy,
  type Obligation,
  type PolicyDecision,
  type PolicyInput,
  PolicyItem,
  PolicyMarkings,
  policyAuditDetails,
} from '@liaison/core/policy/index';
import { audit, withAudit } from '../audit/audit.ts';
import type { AuditInput } from '../audit/audit-repository.ts';
import type { AppContext, Ctx, Tx } from '../context.ts';
import { currentRuleSets } from './rule-files.ts';

// The one room where this node decides what may leave for a peer and what it keeps from one: a message, a
// hit query, a shared case and its later edits all ask here, against the rule files as they are on disk now
// (a rule change needs no restart). The rules themselves are pure, in @liaison/core/policy.

/** The partner on the other side of the decision. */
export interface PolicyPeer {
  agency_code: string;
  country: string;
}

/** Allowed or refused, the rule that decided a refusal, and the compact record the audit entry carries. */
export interface PolicyVerdict {
  allowed: boolean;
  /** The first rule that refused (e.g. `KR-OUT-003`); null when allowed. */
  rule: string | null;
  input: PolicyInput;
  decision: PolicyDecision;
  /** What the audit entry of the action (or of its refusal) carries as its policy details. */
  details: ReturnType<typeof policyAuditDetails>;
}

function verdictOf(app: AppContext, input: PolicyInput): PolicyVerdict {
  const decision = evaluatePolicy(
    currentRuleSets(app.config.policiesDir, (problem) =>
      app.log.error({ problem }, 'a rule file was refused; the previous version stays in force'),
    ),
    input,
  );
  return {
    allowed: decision.allowed,
    rule: decision.decisions.find((d) => d.outcome === 'denied')?.ruleId ?? null,
    input,
    decision,
    details: policyAuditDetails(input, decision),
  };
}

/** What leaves this node: an item of a kind (message, hit query, case share) under markings, for a peer. */
export interface OutgoingItem {
  action?: 'send' | 'hit_query';
  peer: PolicyPeer;
  item: PolicyInput['item'];
  markings: PolicyInput['markings'];
}

/** The sender's (this node's country's) outbound rules on an item for a peer. */
export function decideOutgoing(app: AppContext, outgoing: OutgoingItem): PolicyVerdict {
  return verdictOf(app, {
    action: outgoing.action ?? 'send',
    sender: { agency: app.config.nodeAgency, country: app.config.nodeCountry },
    recipient: { agency: outgoing.peer.agency_code, country: outgoing.peer.country },
    item: outgoing.item,
    markings: outgoing.markings,
    now: app.now().toISOString(),
  });
}

/**
 * A user's send refused: recorded (its own transaction: nothing else happens) and thrown with its
 * explanation and the refusing rules.
 */
export async function refuseOutgoing(
  ctx: Ctx,
  actor: Actor,
  verdict: PolicyVerdict,
  recordType: string,
): Promise<never> {
  await withAudit(ctx.app.db, (trx) =>
    audit({ ...ctx, trx }, actor, 'policy.blocked', { type: recordType, id: null }, verdict.details, {
      purpose: ctx.purpose,
    }),
  );
  throw new LiaisonError('policy-blocked', verdict.decision.explanation, {
    extra: {
      decisions: verdict.decision.decisions
        .filter((d) => d.outcome === 'denied')
        .map((d) => ({ ruleId: d.ruleId, explanation: d.explanation, reason: d.reason })),
    },
  });
}

/** A refusal made by the node itself (a shared case's edit not sent), audited in the caller's transaction. */
export async function auditNodeRefusal(
  trx: Tx,
  app: AppContext,
  verdict: PolicyVerdict,
  subject: { recordType: string; recordId: string | null; details?: Record<string, unknown> },
): Promise<void> {
  await audit(
    { app, ip: null, trx },
    { actorId: null, actorAgency: app.config.nodeAgency },
    'policy.blocked',
    { type: subject.recordType, id: subject.recordId },
    { ...verdict.details, ...subject.details },
  );
}

/** The answer of the inbound check: what a message may be kept under, or why it is turned away. */
export type IncomingCheck =
  | {
      allowed: true;
      markings: PolicyMarkings;
      item: PolicyItem;
      obligations: Obligation[];
      verdict: PolicyVerdict;
    }
  | { allowed: false; malformed: boolean; reason: string };

/**
 * The inbound check of everything a peer sends to be kept (a message, a shared case or its edits): the
 * markings and policy item it carries are read, must name the sending peer's agency as originator, and this
 * node's inbound rules decide. A refusal is audited (`policy.blocked`) on the subject given, in the apply
 * run's batch; the caller turns the message away with the reason.
 */
export function checkIncoming(
  app: AppContext,
  peer: PolicyPeer,
  carried: { markings: unknown; policyItem: unknown },
  audit: (entry: AuditInput) => void,
  subject: { recordType: string; recordId: string | null },
): IncomingCheck {
  const markings = PolicyMarkings.safeParse(carried.markings);
  const item = PolicyItem.safeParse(carried.policyItem);
  if (!markings.success || !item.success)
    return { allowed: false, malformed: true, reason: 'malformed markings' };
  if (markings.data.originAgency !== peer.agency_code)
    return {
      allowed: false,
      malformed: false,
      reason: `originating agency ${markings.data.originAgency} is not the sending peer's`,
    };
  const verdict = verdictOf(app, {
    action: 'receive',
    sender: { agency: peer.agency_code, country: peer.country },
    recipient: { agency: app.config.nodeAgency, country: app.config.nodeCountry },
    item: item.data,
    markings: markings.data,
    now: app.now().toISOString(),
  });
  if (!verdict.allowed) {
    audit({
      actorId: null,
      actorAgency: peer.agency_code,
      action: 'policy.blocked',
      recordType: subject.recordType,
      recordId: subject.recordId,
      ip: null,
      details: verdict.details,
    });
    return { allowed: false, malformed: false, reason: verdict.decision.explanation };
  }
  return {
    allowed: true,
    markings: markings.data,
    item: item.data,
    obligations: verdict.decision.obligations,
    verdict,
  };
}

/** The retention date a received item carries: the rules' `retain_until` obligation, else its markings'. */
export function retainUntilOf(check: Extract<IncomingCheck, { allowed: true }>): string | null {
  const retention = check.obligations.find(
    (o): o is Extract<Obligation, { kind: 'retain_until' }> => o.kind === 'retain_until',
  );
  return retention?.until ?? check.markings.retainUntil ?? null;
}
