import { type Obligation, PolicyItem, PolicyMarkings, policyAuditDetails } from '@liaison/core/policy/index';
import { systemCtx } from '../../context.ts';
import { publishAll } from '../../correlation/correlate.ts';
import type { LiveEvent } from '../../events/event-bus.ts';
import { decidePolicy } from '../../exchange/policy.ts';
import type { ApplyInput } from '../outbox.ts';
import type { CaseRef } from './types.ts';

// Helpers of the incoming handlers: the inbound rules, the case reference, events after commit.

/** The receiving country's inbound rules on a share message; the markings must name the sending agency. */
export function receiveCheck(
  input: ApplyInput,
): { ok: true; obligations: Obligation[]; details: unknown } | { ok: false; reason: string } {
  const { app, peer, message } = input;
  const markings = PolicyMarkings.safeParse(message.body.markings);
  const item = PolicyItem.safeParse(message.body.policyItem);
  if (!markings.success || !item.success) return { ok: false, reason: 'malformed markings' };
  if (markings.data.originAgency !== peer.agency_code)
    return {
      ok: false,
      reason: `originating agency ${markings.data.originAgency} is not the sending peer's`,
    };
  const policyInput = {
    action: 'receive' as const,
    sender: { agency: peer.agency_code, country: peer.country },
    recipient: { agency: app.config.nodeAgency, country: app.config.nodeCountry },
    item: item.data,
    markings: markings.data,
    now: app.now().toISOString(),
  };
  const decision = decidePolicy(app, policyInput);
  const details = policyAuditDetails(policyInput, decision);
  if (!decision.allowed) {
    input.audit({
      actorId: null,
      actorAgency: peer.agency_code,
      action: 'policy.blocked',
      recordType: 'case',
      recordId: null,
      ip: null,
      details,
    });
    return { ok: false, reason: decision.explanation };
  }
  return { ok: true, obligations: decision.obligations, details };
}

export function refOf(body: Record<string, unknown>): CaseRef | null {
  const ref = body.ref as CaseRef | undefined;
  return ref && typeof ref.originNode === 'string' && typeof ref.caseId === 'string' ? ref : null;
}

export function publishAfter(input: ApplyInput, events: LiveEvent[]) {
  if (events.length > 0) input.afterCommit(() => publishAll(systemCtx(input.app), events));
}

export function announce(input: ApplyInput, caseId: string, type: string) {
  const { app, peer } = input;
  input.afterCommit(() =>
    app.events.publish({
      type,
      audience: { agencyCodes: [app.config.nodeAgency], permission: 'cases.read' },
      payload: { caseId, peer: peer.node_name },
    }),
  );
}
