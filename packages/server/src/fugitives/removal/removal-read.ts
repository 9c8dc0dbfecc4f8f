import { type Actor, isSystem, LiaisonError } from '@liaison/core';
import { proposeFlights } from '@liaison/core/fugitives/removal-planner';
import { type Plan, planProblems } from '@liaison/core/fugitives/removal-rules';
import type {
  FlightKind,
  FlightView,
  MemberRole,
  MemberView,
  RemovalKind,
  RemovalStatus,
  RemovalView,
  SuspectView,
} from '@liaison/core/fugitives/removal-schemas';
import type { Selectable } from 'kysely';
import type { Db } from '../../context.ts';
import type { RemovalTables } from './tables.ts';

type Row<T extends keyof RemovalTables> = Selectable<RemovalTables[T]>;

/** A removal with all its rows, as read in one go (in a write, under a lock on the removal's row). */
export interface RemovalRows {
  removal: Row<'removals'> & { owner_agency: string };
  flights: Row<'removal_flights'>[];
  suspects: Row<'removal_suspects'>[];
  members: Row<'removal_members'>[];
}

/**
 * The removal if the actor may see it, else 404: a removal belongs to the agency that plans it (its officers
 * with the register's permission; the service checks that), as the fugitives it sends home do.
 */
export async function loadRemoval(
  db: Db,
  actor: Actor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<RemovalRows> {
  let query = db
    .selectFrom('removals')
    .innerJoin('agencies', 'agencies.id', 'removals.owner_agency_id')
    .selectAll('removals')
    .select('agencies.code as owner_agency')
    .where('removals.id', '=', id);
  if (!isSystem(actor)) query = query.where('removals.owner_agency_id', '=', actor.agencyId);
  if (options.forUpdate) query = query.forUpdate('removals');
  const removal = await query.executeTakeFirst();
  if (!removal) throw new LiaisonError('not-found', 'No such removal.');
  const [flights, suspects, members] = await Promise.all([
    db.selectFrom('removal_flights').selectAll().where('removal_id', '=', id).orderBy('departs_at').execute(),
    db.selectFrom('removal_suspects').selectAll().where('removal_id', '=', id).orderBy('position').execute(),
    db.selectFrom('removal_members').selectAll().where('removal_id', '=', id).orderBy('position').execute(),
  ]);
  return { removal, flights, suspects, members };
}

export function flightLabel(f: Pick<Row<'removal_flights'>, 'flight_number' | 'airline' | 'kind'>): string {
  return f.flight_number ?? `${f.airline} charter`;
}

/** The rows as the escort rule sees them (core removal-rules.ts). */
export function planOf(rows: Pick<RemovalRows, 'flights' | 'suspects' | 'members'>): Plan {
  return {
    flights: rows.flights.map((f) => ({
      id: f.id,
      kind: f.kind as FlightKind,
      label: flightLabel(f),
      seats: f.seats,
      departsAt: f.departs_at.toISOString(),
      arrivesAt: f.arrives_at.toISOString(),
    })),
    suspects: rows.suspects.map((s) => ({ id: s.id, name: s.name, flightId: s.flight_id })),
    members: rows.members.map((m) => ({
      id: m.id,
      role: m.role as MemberRole,
      suspectId: m.suspect_id,
      flightId: m.flight_id,
      userId: m.user_id,
    })),
  };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentFlight(f: Row<'removal_flights'>): FlightView {
  return {
    id: f.id,
    kind: f.kind as FlightKind,
    airline: f.airline,
    flightNumber: f.flight_number,
    from: f.from_airport,
    to: f.to_airport,
    departsAt: f.departs_at.toISOString(),
    arrivesAt: f.arrives_at.toISOString(),
    seats: f.seats,
  };
}

export function presentSuspect(s: Row<'removal_suspects'>): SuspectView {
  return {
    id: s.id,
    fugitiveId: s.fugitive_id,
    personEntityId: s.person_entity_id,
    name: s.name,
    nameLocal: s.name_local,
    fugitiveReference: s.fugitive_reference,
    birthDate: s.birth_date,
    nationality: s.nationality,
    passportNumber: s.passport_number,
    warrantNumber: s.warrant_number,
    flightId: s.flight_id,
    seat: s.seat,
    boardedAt: iso(s.boarded_at),
    warrantExecutedBy: s.warrant_executed_by,
    warrantExecutedAt: iso(s.warrant_executed_at),
  };
}

export function presentMember(m: Row<'removal_members'>): MemberView {
  return {
    id: m.id,
    role: m.role as MemberRole,
    suspectId: m.suspect_id,
    flightId: m.flight_id,
    userId: m.user_id,
    name: m.name,
    agency: m.agency,
    passportNumber: m.passport_number,
    seat: m.seat,
  };
}

/** The removal with the rule's verdict on it now: what keeps it from being confirmed, and the proposal. */
export function presentRemoval(rows: RemovalRows): RemovalView {
  const r = rows.removal;
  return {
    id: r.id,
    reference: r.reference,
    kind: r.kind as RemovalKind,
    status: r.status as RemovalStatus,
    receivingUnit: r.receiving_unit,
    notes: r.notes,
    ownerAgency: r.owner_agency,
    flights: rows.flights.map(presentFlight),
    suspects: rows.suspects.map(presentSuspect),
    members: rows.members.map(presentMember),
    problems: planProblems(planOf(rows)),
    proposal: proposeFlights(rows.suspects.length),
    confirmedAt: iso(r.confirmed_at),
    handedOverAt: iso(r.handed_over_at),
    receivedBy: r.received_by,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  };
}
