import type { FlightKind } from './removal-schemas.ts';

/**
 * The escort rule (workflow 2): a commercial flight carries at most 2 escorted suspects, each with 2 escorts;
 * a larger group goes by charter, whose limit is its seats for everyone aboard. Every suspect has 2 escorts,
 * on any flight, and an officer escorts one suspect only.
 */
export const escortRule = { commercialMaxSuspects: 2, escortsPerSuspect: 2 } as const;

/** The plan as the rules see it: flights, suspects with their flight, and everyone else aboard. */
export interface PlanFlight {
  id: string;
  kind: FlightKind;
  label: string;
  seats: number | null;
  departsAt: string;
  arrivesAt: string;
}
export interface PlanSuspect {
  id: string;
  name: string;
  flightId: string | null;
}
export interface PlanMember {
  id: string;
  role: 'escort' | 'crew' | 'medical' | 'interpreter' | 'other';
  /** The escorted suspect (escorts only). */
  suspectId: string | null;
  /** The flight of a member who is not an escort. */
  flightId: string | null;
  userId: string | null;
}
export interface Plan {
  flights: readonly PlanFlight[];
  suspects: readonly PlanSuspect[];
  members: readonly PlanMember[];
}

/** One refusal, naming the field (a JSON pointer into the request or into the plan). */
export interface RuleProblem {
  path: string;
  message: string;
}

export interface FlightLoad {
  suspects: number;
  escorts: number;
  others: number;
  total: number;
}

/** Who is aboard a flight: its suspects, their escorts, and its other members. */
export function flightLoad(plan: Plan, flightId: string): FlightLoad {
  const aboard = new Set(plan.suspects.filter((s) => s.flightId === flightId).map((s) => s.id));
  const escorts = plan.members.filter((m) => m.role === 'escort' && m.suspectId && aboard.has(m.suspectId));
  const others = plan.members.filter((m) => m.role !== 'escort' && m.flightId === flightId);
  return {
    suspects: aboard.size,
    escorts: escorts.length,
    others: others.length,
    total: aboard.size + escorts.length + others.length,
  };
}

/** A flight's problems with its load: over the commercial limit, over a charter's seats. */
export function loadProblems(flight: PlanFlight, load: FlightLoad, path: string): RuleProblem[] {
  if (flight.kind === 'commercial' && load.suspects > escortRule.commercialMaxSuspects)
    return [
      {
        path,
        message: `Commercial flight ${flight.label} would carry ${load.suspects} escorted suspects: the rule allows ${escortRule.commercialMaxSuspects}. Use a charter or another flight`,
      },
    ];
  if (flight.kind === 'charter' && flight.seats !== null && load.total > flight.seats)
    return [
      {
        path,
        message: `Charter ${flight.label} would carry ${load.total} people: it has ${flight.seats} seats`,
      },
    ];
  return [];
}

export function escortsOf(plan: Plan, suspectId: string): PlanMember[] {
  return plan.members.filter((m) => m.role === 'escort' && m.suspectId === suspectId);
}

/**
 * Refusals for putting a suspect on a flight (`path` names the request's field): a suspect already on another
 * flight must be taken off it first, and the flight must stay within its limit with the suspect and their
 * escorts aboard.
 */
export function assignmentProblems(
  plan: Plan,
  suspectId: string,
  flightId: string,
  path = '/flightId',
): RuleProblem[] {
  const suspect = plan.suspects.find((s) => s.id === suspectId);
  const flight = plan.flights.find((f) => f.id === flightId);
  if (!suspect) return [{ path: '/suspectId', message: 'No such suspect in this removal' }];
  if (!flight) return [{ path, message: 'No such flight in this removal' }];
  if (suspect.flightId === flightId) return [];
  if (suspect.flightId !== null) {
    const current = plan.flights.find((f) => f.id === suspect.flightId);
    return [
      {
        path,
        message: `${suspect.name} is already on flight ${current?.label ?? suspect.flightId}: a suspect is on one flight only; take them off it first`,
      },
    ];
  }
  const moved: Plan = {
    ...plan,
    suspects: plan.suspects.map((s) => (s.id === suspectId ? { ...s, flightId } : s)),
  };
  return loadProblems(flight, flightLoad(moved, flightId), path);
}

/**
 * Everything that keeps a plan from being confirmed, each naming its field in the plan: no flight, a suspect on
 * no flight, fewer escorts than the rule, an officer escorting two suspects, a flight over its limit, an arrival
 * before the departure. Empty when the plan meets the rule.
 */
export function planProblems(plan: Plan): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (plan.suspects.length === 0) problems.push({ path: '/suspects', message: 'Add the suspects to remove' });
  if (plan.flights.length === 0) problems.push({ path: '/flights', message: 'Add a flight' });
  const flightIds = new Set(plan.flights.map((f) => f.id));
  const officerSeen = new Map<string, string>();
  plan.suspects.forEach((s, i) => {
    if (s.flightId === null || !flightIds.has(s.flightId))
      problems.push({ path: `/suspects/${i}/flightId`, message: `Put ${s.name} on a flight` });
    const escorts = escortsOf(plan, s.id);
    if (escorts.length < escortRule.escortsPerSuspect)
      problems.push({
        path: `/suspects/${i}/escorts`,
        message: `${s.name} has ${escorts.length} escort${escorts.length === 1 ? '' : 's'}: the rule is ${escortRule.escortsPerSuspect}`,
      });
    for (const e of escorts) {
      if (!e.userId) continue;
      const other = officerSeen.get(e.userId);
      if (other !== undefined && other !== s.id)
        problems.push({ path: `/suspects/${i}/escorts`, message: 'An officer escorts one suspect only' });
      officerSeen.set(e.userId, s.id);
    }
  });
  plan.flights.forEach((f, i) => {
    if (Date.parse(f.arrivesAt) <= Date.parse(f.departsAt))
      problems.push({ path: `/flights/${i}/arrivesAt`, message: 'The arrival must be after the departure' });
    problems.push(...loadProblems(f, flightLoad(plan, f.id), `/flights/${i}`));
  });
  plan.members.forEach((m, i) => {
    if (m.role !== 'escort' && (m.flightId === null || !flightIds.has(m.flightId)))
      problems.push({ path: `/members/${i}/flightId`, message: 'Put this person on a flight' });
  });
  return problems;
}
