import { type Actor, actingUserId, authorize, type FieldProblemInput, isSystem } from '@liaison/core';
import { proposeEscorts, proposeFlights } from '@liaison/core/fugitives/removal-planner';
import {
  assignmentProblems,
  escortsOf,
  flightLoad,
  loadProblems,
  planProblems,
} from '@liaison/core/fugitives/removal-rules';
import type {
  AddEscortsInput,
  AddMembersInput,
  AddSuspectsInput,
  AssignInput,
  EscortProposal,
  FlightInput,
  FlightProposal,
  RemovalInput,
  RemovalKind,
  RemovalListItem,
  RemovalStatus,
  RemovalView,
} from '@liaison/core/fugitives/removal-schemas';
import { sql } from 'kysely';
import { audit, withAudit } from '../../audit/audit.ts';
import type { Ctx, Tx } from '../../context.ts';
import { officersByIds } from './escort-officers.ts';
import { moveFugitivesOnConfirm } from './removal-lifecycle.ts';
import { flightLabel, loadRemoval, planOf, presentRemoval, type RemovalRows } from './removal-read.ts';
import { changeRemoval, refuse, requireStatus, uniquely } from './removal-write.ts';
import { resolveSuspects, type SuspectSnapshot } from './suspect-sources.ts';

/** `RM-2026-0007`: one counter per year, taken under a row lock so references never repeat. */
async function nextReference(trx: Tx, at: Date): Promise<string> {
  const year = at.getUTCFullYear();
  const row = await trx
    .insertInto('removal_counters')
    .values({ year, last_seq: 1 })
    .onConflict((oc) =>
      oc.column('year').doUpdateSet((eb) => ({ last_seq: eb('removal_counters.last_seq', '+', 1) })),
    )
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return `RM-${year}-${String(row.last_seq).padStart(4, '0')}`;
}

/** Refuses suspects who are already in another open removal: a suspect is on one flight home only. */
async function assertNotElsewhere(
  trx: Tx,
  removalId: string | null,
  snapshots: SuspectSnapshot[],
  path: string,
) {
  const fugitiveIds = snapshots.flatMap((s) => (s.fugitiveId ? [s.fugitiveId] : []));
  const personIds = snapshots.flatMap((s) => (s.personEntityId ? [s.personEntityId] : []));
  if (fugitiveIds.length === 0 && personIds.length === 0) return;
  let query = trx
    .selectFrom('removal_suspects')
    .innerJoin('removals', 'removals.id', 'removal_suspects.removal_id')
    .select(['removal_suspects.fugitive_id', 'removal_suspects.person_entity_id', 'removals.reference'])
    .where('removal_suspects.open', '=', true)
    .where((eb) =>
      eb.or([
        ...(fugitiveIds.length ? [eb('removal_suspects.fugitive_id', 'in', fugitiveIds)] : []),
        ...(personIds.length ? [eb('removal_suspects.person_entity_id', 'in', personIds)] : []),
      ]),
    );
  if (removalId) query = query.where('removal_suspects.removal_id', '<>', removalId);
  const elsewhere = await query.execute();
  const problems: FieldProblemInput[] = [];
  snapshots.forEach((s, i) => {
    const hit = elsewhere.find(
      (e) =>
        (s.fugitiveId && e.fugitive_id === s.fugitiveId) ||
        (s.personEntityId && e.person_entity_id === s.personEntityId),
    );
    if (hit)
      problems.push({
        path: `${path}/${i}/${s.fugitiveId ? 'fugitiveId' : 'personEntityId'}`,
        message: `${s.name} is already in removal ${hit.reference}: a suspect is on one flight only`,
        code: 'already_in_use',
      });
  });
  if (problems.length) refuse('Some suspects are already in another removal.', problems);
}

async function insertSuspects(
  trx: Tx,
  actor: Actor,
  removalId: string,
  from: number,
  list: SuspectSnapshot[],
) {
  if (list.length === 0) return;
  await uniquely(
    '/suspects',
    'A suspect was just added to another removal: a suspect is on one flight only',
    () =>
      trx
        .insertInto('removal_suspects')
        .values(
          list.map((s, i) => ({
            removal_id: removalId,
            fugitive_id: s.fugitiveId,
            person_entity_id: s.personEntityId,
            name: s.name,
            name_local: s.nameLocal,
            fugitive_reference: s.fugitiveReference,
            birth_date: s.birthDate,
            nationality: s.nationality,
            passport_number: s.passportNumber,
            warrant_number: s.warrantNumber,
            position: from + i,
            added_by: actingUserId(actor),
          })),
        )
        .execute(),
  );
}

export async function listRemovals(
  ctx: Ctx,
  actor: Actor,
  filter: { fugitiveId?: string | undefined } = {},
): Promise<RemovalListItem[]> {
  authorize(actor, 'fugitives.read');
  let query = ctx.app.db.selectFrom('removals').select((eb) => [
    'removals.id',
    'removals.reference',
    'removals.kind',
    'removals.status',
    'removals.receiving_unit',
    'removals.updated_at',
    eb
      .selectFrom('removal_suspects')
      .select(eb.fn.countAll<string>().as('n'))
      .whereRef('removal_suspects.removal_id', '=', 'removals.id')
      .as('suspects'),
    eb
      .selectFrom('removal_flights')
      .select(eb.fn.countAll<string>().as('n'))
      .whereRef('removal_flights.removal_id', '=', 'removals.id')
      .as('flights'),
    eb
      .selectFrom('removal_flights')
      .select((sub) => sub.fn.min('removal_flights.departs_at').as('d'))
      .whereRef('removal_flights.removal_id', '=', 'removals.id')
      .as('first_departure'),
  ]);
  if (!isSystem(actor)) query = query.where('removals.owner_agency_id', '=', actor.agencyId);
  if (filter.fugitiveId)
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('removal_suspects')
          .select(sql.lit(1).as('one'))
          .whereRef('removal_suspects.removal_id', '=', 'removals.id')
          .where('removal_suspects.fugitive_id', '=', filter.fugitiveId!),
      ),
    );
  const rows = await query.orderBy('removals.updated_at', 'desc').limit(200).execute();
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    kind: r.kind as RemovalKind,
    status: r.status as RemovalStatus,
    receivingUnit: r.receiving_unit.name,
    suspects: Number(r.suspects ?? 0),
    flights: Number(r.flights ?? 0),
    firstDeparture: r.first_departure ? new Date(r.first_departure as unknown as string).toISOString() : null,
    updatedAt: r.updated_at.toISOString(),
  }));
}

export async function getRemoval(ctx: Ctx, actor: Actor, id: string): Promise<RemovalView> {
  authorize(actor, 'fugitives.read');
  return presentRemoval(await loadRemoval(ctx.app.db, actor, id));
}

/** A new plan, with its suspects at once (a charter's list in one request). */
export async function createRemoval(ctx: Ctx, actor: Actor, input: RemovalInput): Promise<RemovalView> {
  authorize(actor, 'fugitives.write');
  const id = await withAudit(ctx.app.db, async (trx) => {
    const snapshots = await resolveSuspects(trx, actor, input.suspects);
    await assertNotElsewhere(trx, null, snapshots, '/suspects');
    const now = ctx.app.now();
    const removal = await trx
      .insertInto('removals')
      .values({
        reference: await nextReference(trx, now),
        kind: input.kind,
        receiving_unit: JSON.stringify(input.receivingUnit),
        notes: input.notes,
        owner_agency_id: actor.agencyId,
        created_by: actingUserId(actor),
        created_at: now,
        updated_at: now,
      })
      .returning(['id', 'reference'])
      .executeTakeFirstOrThrow();
    await insertSuspects(trx, actor, removal.id, 0, snapshots);
    await audit(
      { ...ctx, trx },
      actor,
      'removal.created',
      { type: 'removal', id: removal.id },
      {
        reference: removal.reference,
        kind: input.kind,
        receivingUnit: input.receivingUnit.name,
        suspects: snapshots.length,
        fugitiveIds: snapshots.flatMap((s) => (s.fugitiveId ? [s.fugitiveId] : [])),
      },
    );
    return removal.id;
  });
  return getRemoval(ctx, actor, id);
}

export function addSuspects(ctx: Ctx, actor: Actor, id: string, input: AddSuspectsInput) {
  return changeRemoval(ctx, actor, id, async (trx, rows) => {
    requireStatus(rows, ['planning'], 'adding suspects');
    const snapshots = await resolveSuspects(trx, actor, input.suspects);
    const problems: FieldProblemInput[] = [];
    snapshots.forEach((s, i) => {
      if (
        rows.suspects.some(
          (x) =>
            (s.fugitiveId && x.fugitive_id === s.fugitiveId) ||
            (s.personEntityId && x.person_entity_id === s.personEntityId),
        )
      )
        problems.push({
          path: `/suspects/${i}/${s.fugitiveId ? 'fugitiveId' : 'personEntityId'}`,
          message: `${s.name} is already in this removal`,
          code: 'already_in_use',
        });
    });
    if (problems.length) refuse('Some suspects are already in this removal.', problems);
    await assertNotElsewhere(trx, id, snapshots, '/suspects');
    const from = Math.max(-1, ...rows.suspects.map((s) => s.position)) + 1;
    await insertSuspects(trx, actor, id, from, snapshots);
    return {
      action: 'removal.suspects_added',
      details: {
        suspects: snapshots.length,
        fugitiveIds: snapshots.flatMap((s) => (s.fugitiveId ? [s.fugitiveId] : [])),
      },
    };
  });
}

function findSuspect(rows: RemovalRows, suspectId: string, path = '/suspectId') {
  const suspect = rows.suspects.find((s) => s.id === suspectId);
  if (!suspect)
    refuse('No such suspect in this removal.', [
      { path, message: 'No such suspect in this removal', code: 'not_found' },
    ]);
  return suspect;
}

/** Takes a suspect (and their escorts) out of the plan. */
export function removeSuspect(ctx: Ctx, actor: Actor, id: string, suspectId: string) {
  return changeRemoval(ctx, actor, id, async (trx, rows) => {
    requireStatus(rows, ['planning'], 'taking a suspect out');
    const suspect = findSuspect(rows, suspectId);
    await trx.deleteFrom('removal_suspects').where('id', '=', suspectId).execute();
    return {
      action: 'removal.suspect_removed',
      details: {
        suspectId,
        fugitiveId: suspect.fugitive_id,
        escorts: escortsOf(planOf(rows), suspectId).length,
      },
    };
  });
}

/** The seats already taken on a flight (by suspects, their escorts and the others aboard). */
function seatsTaken(rows: RemovalRows, flightId: string, except: string | null = null): Map<string, string> {
  const taken = new Map<string, string>();
  const aboard = rows.suspects.filter((s) => s.flight_id === flightId);
  for (const s of aboard) if (s.seat && s.id !== except) taken.set(s.seat, s.name);
  const ids = new Set(aboard.map((s) => s.id));
  for (const m of rows.members)
    if (m.seat && m.id !== except && ((m.suspect_id && ids.has(m.suspect_id)) || m.flight_id === flightId))
      taken.set(m.seat, m.name);
  return taken;
}

/** Adds a flight, and puts the listed suspects on it, each checked against the rule. */
export function addFlight(ctx: Ctx, actor: Actor, id: string, input: FlightInput) {
  return changeRemoval(ctx, actor, id, async (trx, rows) => {
    requireStatus(rows, ['planning'], 'adding a flight');
    const problems: FieldProblemInput[] = [];
    input.suspectIds.forEach((suspectId, i) => {
      const s = rows.suspects.find((x) => x.id === suspectId);
      if (!s)
        problems.push({
          path: `/suspectIds/${i}`,
          message: 'No such suspect in this removal',
          code: 'not_found',
        });
      else if (s.flight_id) {
        const on = rows.flights.find((f) => f.id === s.flight_id);
        problems.push({
          path: `/suspectIds/${i}`,
          message: `${s.name} is already on flight ${on ? flightLabel(on) : s.flight_id}: a suspect is on one flight only`,
        });
      }
    });
    if (new Set(input.suspectIds).size !== input.suspectIds.length)
      problems.push({ path: '/suspectIds', message: 'List each suspect once' });
    if (problems.length) refuse('The flight cannot take these suspects.', problems);
    const flight = await trx
      .insertInto('removal_flights')
      .values({
        removal_id: id,
        kind: input.kind,
        airline: input.airline,
        flight_number: input.flightNumber ?? null,
        from_airport: input.from,
        to_airport: input.to,
        departs_at: input.departsAt,
        arrives_at: input.arrivesAt,
        seats: input.kind === 'charter' ? (input.seats ?? null) : null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const wanted = new Set(input.suspectIds);
    const plan = planOf({
      ...rows,
      flights: [...rows.flights, flight],
      suspects: rows.suspects.map((s) => (wanted.has(s.id) ? { ...s, flight_id: flight.id } : s)),
    });
    const over = loadProblems(plan.flights.at(-1)!, flightLoad(plan, flight.id), '/suspectIds');
    if (over.length) refuse(over[0]!.message, over);
    if (input.suspectIds.length)
      await trx
        .updateTable('removal_suspects')
        .set({ flight_id: flight.id })
        .where('id', 'in', input.suspectIds)
        .execute();
    return {
      action: 'removal.flight_added',
      details: {
        flightId: flight.id,
        kind: input.kind,
        flight: flightLabel(flight),
        suspects: input.suspectIds.length,
      },
    };
  });
}

/** Removes a flight; its suspects are left on no flight and its other people go with it. */
export function removeFlight(ctx: Ctx, actor: Actor, id: string, flightId: string) {
  return changeRemoval(ctx, actor, id, async (trx, rows) => {
    requireStatus(rows, ['planning'], 'removing a flight');
    const flight = rows.flights.find((f) => f.id === flightId);
    if (!flight)
      refuse('No such flight in this removal.', [
        { path: '/flightId', message: 'No such flight in this removal', code: 'not_found' },
      ]);
    await trx
      .updateTable('removal_suspects')
      .set({ flight_id: null, seat: null })
      .where('flight_id', '=', flightId)
      .execute();
    await trx
      .deleteFrom('removal_members')
      .where('flight_id', '=', flightId)
      .where('role', '<>', 'escort')
      .execute();
    await trx.deleteFrom('removal_flights').where('id', '=', flightId).execute();
    return { action: 'removal.flight_removed', details: { flightId, flight: flightLabel(flight) } };
  });
}

/** Puts a suspect on a flight (or takes them off it with `flightId: null`), with a seat. */
export function assignSuspect(ctx: Ctx, actor: Actor, id: string, suspectId: string, input: AssignInput) {
  return changeRemoval(ctx, actor, id, async (trx, rows) => {
    requireStatus(rows, ['planning'], 'changing who flies where');
    const suspect = findSuspect(rows, suspectId);
    if (input.flightId !== null) {
      const problems = assignmentProblems(planOf(rows), suspectId, input.flightId);
      if (problems.length) refuse(problems[0]!.message, problems);
      if (input.seat) {
        const holder = seatsTaken(rows, input.flightId, suspectId).get(input.seat);
        if (holder)
          refuse(`Seat ${input.seat} is taken by ${holder}.`, [
            { path: '/seat', message: `Seat ${input.seat} is taken by ${holder}`, code: 'already_in_use' },
          ]);
      }
    }
    await trx
      .updateTable('removal_suspects')
      .set({ flight_id: input.flightId, seat: input.flightId === null ? null : (input.seat ?? suspect.seat) })
      .where('id', '=', suspectId)
      .execute();
    return {
      action: 'removal.suspect_assigned',
      details: { suspectId, flightId: input.flightId, seat: input.seat ?? null },
    };
  });
}

/** Adds escorts (officers of the node or named people), each for one suspect, flying with them. */
export function addEscorts(ctx: Ctx, actor: Actor, id: string, input: AddEscortsInput) {
  return changeRemoval(ctx, actor, id, async (trx, rows) => {
    requireStatus(rows, ['planning'], 'adding escorts');
    const officers = await officersByIds(
      trx,
      input.escorts.flatMap((e) => (e.userId ? [e.userId] : [])),
    );
    const problems: FieldProblemInput[] = [];
    const alreadyEscorting = new Set(rows.members.flatMap((m) => (m.user_id ? [m.user_id] : [])));
    const inRequest = new Set<string>();
    const seats = new Map<string, Map<string, string>>();
    input.escorts.forEach((e, i) => {
      const suspect = rows.suspects.find((s) => s.id === e.suspectId);
      if (!suspect)
        problems.push({
          path: `/escorts/${i}/suspectId`,
          message: 'No such suspect in this removal',
          code: 'not_found',
        });
      if (e.userId) {
        if (!officers.has(e.userId))
          problems.push({ path: `/escorts/${i}/userId`, message: 'No such officer', code: 'not_found' });
        else if (alreadyEscorting.has(e.userId) || inRequest.has(e.userId))
          problems.push({
            path: `/escorts/${i}/userId`,
            message: `${officers.get(e.userId)!.name} already escorts a suspect of this removal: an officer escorts one suspect only`,
            code: 'already_in_use',
          });
        inRequest.add(e.userId);
      }
      if (e.seat && suspect?.flight_id) {
        const taken = seats.get(suspect.flight_id) ?? seatsTaken(rows, suspect.flight_id);
        seats.set(suspect.flight_id, taken);
        const holder = taken.get(e.seat);
        if (holder)
          problems.push({
            path: `/escorts/${i}/seat`,
            message: `Seat ${e.seat} is taken by ${holder}`,
            code: 'already_in_use',
          });
        taken.set(e.seat, e.name ?? 'an escort');
      }
    });
    if (problems.length) refuse('Some escorts cannot be added.', problems);
    // The flights with the new escorts aboard must stay within their seats.
    const from = Math.max(-1, ...rows.members.map((m) => m.position)) + 1;
    const added = input.escorts.map((e, i) => {
      const officer = e.userId ? officers.get(e.userId) : undefined;
      return {
        removal_id: id,
        role: 'escort',
        suspect_id: e.suspectId,
        flight_id: null,
        user_id: e.userId ?? null,
        name: e.name ?? officer!.name,
        agency: e.agency ?? officer?.agency ?? '',
        passport_number: e.passportNumber ?? null,
        seat: e.seat ?? null,
        position: from + i,
        added_by: actingUserId(actor),
      };
    });
    const plan = planOf({
      ...rows,
      members: [...rows.members, ...added.map((a, i) => ({ ...a, id: `new-${i}`, added_at: new Date() }))],
    });
    const over = plan.flights.flatMap((f, i) => loadProblems(f, flightLoad(plan, f.id), `/flights/${i}`));
    if (over.length) refuse(over[0]!.message, [{ path: '/escorts', message: over[0]!.message }]);
    await uniquely(
      '/escorts',
      'An officer was just assigned to this removal: an officer escorts one suspect only',
      () => trx.insertInto('removal_members').values(added).execute(),
    );
    return {
      action: 'removal.escorts_added',
      details: { escorts: added.length, userIds: added.flatMap((a) => (a.user_id ? [a.user_id] : [])) },
    };
  });
}

/** Adds a charter's other people aboard: crew, medical staff, interpreters and others. */
export function addMembers(ctx: Ctx, actor: Actor, id: string, input: AddMembersInput) {
  return changeRemoval(ctx, actor, id, async (trx, rows) => {
    requireStatus(rows, ['planning'], 'adding people aboard');
    const problems: FieldProblemInput[] = [];
    const seats = new Map<string, Map<string, string>>();
    input.members.forEach((m, i) => {
      if (!rows.flights.some((f) => f.id === m.flightId)) {
        problems.push({
          path: `/members/${i}/flightId`,
          message: 'No such flight in this removal',
          code: 'not_found',
        });
        return;
      }
      if (m.seat) {
        const taken = seats.get(m.flightId) ?? seatsTaken(rows, m.flightId);
        seats.set(m.flightId, taken);
        const holder = taken.get(m.seat);
        if (holder)
          problems.push({
            path: `/members/${i}/seat`,
            message: `Seat ${m.seat} is taken by ${holder}`,
            code: 'already_in_use',
          });
        taken.set(m.seat, m.name);
      }
    });
    if (problems.length) refuse('Some people cannot be added.', problems);
    const from = Math.max(-1, ...rows.members.map((m) => m.position)) + 1;
    const added = input.members.map((m, i) => ({
      removal_id: id,
      role: m.role,
      suspect_id: null,
      flight_id: m.flightId,
      user_id: null,
      name: m.name,
      agency: m.agency,
      passport_number: m.passportNumber ?? null,
      seat: m.seat ?? null,
      position: from + i,
      added_by: actingUserId(actor),
    }));
    const plan = planOf({
      ...rows,
      members: [...rows.members, ...added.map((a, i) => ({ ...a, id: `new-${i}`, added_at: new Date() }))],
    });
    const over = plan.flights.flatMap((f) => loadProblems(f, flightLoad(plan, f.id), '/members'));
    if (over.length) refuse(over[0]!.message, over);
    await trx.insertInto('removal_members').values(added).execute();
    return {
      action: 'removal.members_added',
      details: { members: added.length, roles: [...new Set(added.map((a) => a.role))] },
    };
  });
}

/** Takes an escort or another person off the plan. */
export function removeMember(ctx: Ctx, actor: Actor, id: string, memberId: string) {
  return changeRemoval(ctx, actor, id, async (trx, rows) => {
    requireStatus(rows, ['planning'], 'taking someone off the plan');
    const member = rows.members.find((m) => m.id === memberId);
    if (!member)
      refuse('No such person in this removal.', [
        { path: '/memberId', message: 'No such person in this removal', code: 'not_found' },
      ]);
    await trx.deleteFrom('removal_members').where('id', '=', memberId).execute();
    return {
      action: 'removal.member_removed',
      details: { memberId, role: member.role, suspectId: member.suspect_id },
    };
  });
}

/** The planner's flight proposal for the removal's suspects (writes nothing). */
export async function proposeRemovalFlights(
  ctx: Ctx,
  actor: Actor,
  id: string,
  mode: 'auto' | 'commercial',
): Promise<FlightProposal> {
  authorize(actor, 'fugitives.read');
  const rows = await loadRemoval(ctx.app.db, actor, id);
  return proposeFlights(rows.suspects.length, mode);
}

/** Proposes officers from the pool for every suspect short of escorts (writes nothing; add them to apply). */
export async function proposeRemovalEscorts(
  ctx: Ctx,
  actor: Actor,
  id: string,
  pool: readonly string[],
): Promise<EscortProposal> {
  authorize(actor, 'fugitives.write');
  const rows = await loadRemoval(ctx.app.db, actor, id);
  const officers = await officersByIds(ctx.app.db, pool);
  const unknown = pool.findIndex((userId) => !officers.has(userId));
  if (unknown >= 0)
    refuse('Some officers of the pool are unknown.', [
      { path: `/pool/${unknown}`, message: 'No such officer', code: 'not_found' },
    ]);
  const plan = planOf(rows);
  const taken = rows.members.flatMap((m) => (m.user_id ? [m.user_id] : []));
  return proposeEscorts(
    rows.suspects.map((s) => {
      const escorts = escortsOf(plan, s.id);
      return {
        suspectId: s.id,
        escortUserIds: escorts.flatMap((e) => (e.userId ? [e.userId] : [])),
        escortCount: escorts.length,
      };
    }),
    pool.filter((u) => !taken.includes(u)),
  );
}

/** Confirms a plan that meets the rule; refused with every problem named otherwise. */
export function confirmRemoval(ctx: Ctx, actor: Actor, id: string) {
  return changeRemoval(ctx, actor, id, async (trx, rows) => {
    requireStatus(rows, ['planning'], 'confirming');
    const problems = planProblems(planOf(rows));
    if (problems.length) refuse('The plan does not meet the escort rule yet.', problems);
    await trx
      .updateTable('removals')
      .set({ status: 'confirmed', confirmed_at: ctx.app.now(), confirmed_by: actingUserId(actor) })
      .where('id', '=', id)
      .execute();
    const moved = await moveFugitivesOnConfirm(trx, ctx, actor, rows);
    return {
      action: 'removal.confirmed',
      details: {
        fugitivesMoved: moved,
        flights: rows.flights.map(flightLabel),
        suspects: rows.suspects.length,
        escorts: rows.members.filter((m) => m.role === 'escort').length,
      },
    };
  });
}

/** Back to planning, while nobody has boarded. */
export function reopenRemoval(ctx: Ctx, actor: Actor, id: string) {
  return changeRemoval(ctx, actor, id, async (trx, rows) => {
    requireStatus(rows, ['confirmed'], 'reopening the plan');
    if (rows.suspects.some((s) => s.boarded_at))
      refuse('A suspect has boarded: the plan can no longer change.', [
        { path: '/status', message: 'A suspect has boarded' },
      ]);
    await trx
      .updateTable('removals')
      .set({ status: 'planning', confirmed_at: null, confirmed_by: null })
      .where('id', '=', id)
      .execute();
    return { action: 'removal.reopened', details: {} };
  });
}
