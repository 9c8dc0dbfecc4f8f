import { escortRule, type Plan } from '@liaison/core/fugitives/removal-rules';
import type { FlightProposal, RemovalView } from '@liaison/core/fugitives/removal-schemas';
import type { TFunction } from 'i18next';

const ruleValues = { max: escortRule.commercialMaxSuspects, per: escortRule.escortsPerSuspect };

export function flightName(f: RemovalView['flights'][number]): string {
  return f.flightNumber ?? f.airline;
}

/** Why the planner proposes what it does, in the reader's language (core removal-planner.ts says it in English). */
export function proposalText(t: TFunction, p: FlightProposal): string {
  return t(`proposal.${p.reason}`, {
    ...ruleValues,
    suspects: p.suspects,
    escorts: p.escortsNeeded,
    flights: p.flights.length,
  });
}

/** One of the plan's problems (core planProblems, named by its path), in the reader's language. */
export function problemText(
  t: TFunction,
  problem: { path: string; message: string },
  view: RemovalView,
): string {
  const [, list, index, field] = problem.path.split('/');
  const i = Number(index);
  if (problem.path === '/suspects') return t('problem.noSuspects');
  if (problem.path === '/flights') return t('problem.noFlights');
  if (list === 'suspects') {
    const s = view.suspects[i];
    const name = s?.name ?? '';
    if (field === 'flightId') return t('problem.noFlight', { name });
    if (field === 'escorts') {
      if (problem.message.includes('one suspect only')) return t('problem.officerTwice');
      const count = view.members.filter((m) => m.role === 'escort' && m.suspectId === s?.id).length;
      return t('problem.escorts', { name, count, per: ruleValues.per });
    }
  }
  if (list === 'flights') {
    const f = view.flights[i];
    const flight = f ? flightName(f) : '';
    if (field === 'arrivesAt') return t('problem.arrival', { flight });
    if (f?.kind === 'commercial') return t('problem.overCommercial', { flight, max: ruleValues.max });
    return t('problem.overSeats', { flight });
  }
  if (list === 'members') return t('problem.memberFlight');
  return problem.message;
}

export { ruleValues };

/** The removal as core's escort rule reads it (removal-rules.ts), to check a change before sending it. */
export function planOfView(view: RemovalView): Plan {
  return {
    flights: view.flights.map((f) => ({
      id: f.id,
      kind: f.kind,
      label: flightName(f),
      seats: f.seats,
      departsAt: f.departsAt,
      arrivesAt: f.arrivesAt,
    })),
    suspects: view.suspects.map((s) => ({ id: s.id, name: s.name, flightId: s.flightId })),
    members: view.members.map((m) => ({
      id: m.id,
      role: m.role,
      suspectId: m.suspectId,
      flightId: m.flightId,
      userId: m.userId,
    })),
  };
}
