import type { Obligation } from '@liaison/core/policy/index';
import { systemCtx } from '../../context.ts';
import { publishAll } from '../../correlation/correlate.ts';
import type { LiveEvent } from '../../events/event-bus.ts';
import { checkIncoming } from '../../policy/decide.ts';
import type { ApplyInput } from '../outbox.ts';
import type { CaseRef } from './types.ts';

// Helpers of the incoming handlers: the inbound rules, the case reference, events after commit.

/** The inbound check (the policy room's) on a share message; the markings must name the sending agency. */
export function receiveCheck(
  input: ApplyInput,
): { ok: true; obligations: Obligation[]; details: unknown } | { ok: false; reason: string } {
  const { app, peer, message } = input;
  const check = checkIncoming(
    app,
    peer,
    { markings: message.body.markings, policyItem: message.body.policyItem },
    input.audit,
    { recordType: 'case', recordId: null },
  );
  if (!check.allowed) return { ok: false, reason: check.reason };
  return { ok: true, obligations: check.obligations, details: check.verdict.details };
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
