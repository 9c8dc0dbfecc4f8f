import type { LogEntry } from '@liaison/core/operations/schemas';
import type { LiveEvent } from '../events/event-bus.ts';
import type { OperationRow } from './presenters.ts';

/** The live event's type: a line of the execution log, pushed to whoever watches the operation. */
export const operationLogEventType = 'operation.log';

/**
 * Who is told of a new log entry: those who may see the operation (`operation-visibility.ts`) — holders of
 * `operations.read` in its agencies, or for a TLP:RED plan the owner agency's and the officers named on it.
 */
export function operationAudience(
  op: Pick<OperationRow, 'tlp' | 'owner_agency' | 'lead_agency' | 'partner_agency' | 'teams' | 'created_by'>,
): LiveEvent['audience'] {
  const teams = op.teams as { leaderId?: string; officerIds: string[] }[];
  const named = [
    ...(op.created_by ? [op.created_by] : []),
    ...teams.flatMap((t) => [...(t.leaderId ? [t.leaderId] : []), ...t.officerIds]),
  ];
  const agencyCodes =
    op.tlp === 'RED' ? [op.owner_agency] : [...new Set([op.owner_agency, op.lead_agency, op.partner_agency])];
  return { userIds: [...new Set(named)], agencyCodes, permission: 'operations.read' };
}

export function logEvent(op: Parameters<typeof operationAudience>[0], entry: LogEntry): LiveEvent {
  return {
    type: operationLogEventType,
    audience: operationAudience(op),
    payload: { operationId: entry.operationId, entry },
  };
}
