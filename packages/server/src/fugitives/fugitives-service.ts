import { type Actor, actingUserId, authorize, LiaisonError, type Tlp } from '@liaison/core';
import { isAuditedRead } from '@liaison/core/cases/case-access';
import { assertNotDuplicate, nameKeysOf, storedPassportOf } from '@liaison/core/fugitives/identity';
import { assertFugitiveStep, nextFugitiveStates, type PastStep } from '@liaison/core/fugitives/lifecycle';
import { assertRecordDates } from '@liaison/core/fugitives/record-dates';
import { computeRegisterFlags } from '@liaison/core/fugitives/register-flags';
import type {
  Fugitive,
  FugitiveDetail,
  FugitiveInput,
  FugitiveList,
  FugitiveListQuery,
  FugitivePatch,
  FugitiveState,
  FugitiveStep,
  FugitiveStepInput,
  StoredPassport,
  Warrant,
} from '@liaison/core/fugitives/schemas';
import { sql } from 'kysely';
import { displayNamesOf } from '../accounts/users-repository.ts';
import { withAudit } from '../audit/audit.ts';
import type { Ctx, Db, Tx } from '../context.ts';
import {
  assertOwnsRecord,
  findVisibleFugitive,
  fugitiveNotFound,
  lockVisibleFugitive,
  seesSource,
  visibleFugitives,
} from './fugitive-access.ts';
import { assertLinksVisible, assertOwnDocuments } from './fugitive-links.ts';
import { auditFugitive, invalidField, lockIdentities } from './fugitive-repository.ts';
import {
  type FugitiveRow,
  fugitiveColumns,
  presentFile,
  presentFugitive,
  presentSighting,
  presentStep,
  presentSummary,
} from './fugitive-rows.ts';

// The register's use cases (fugitives/README.md). Every write is one transaction with its audit entry; a
// refused request writes nothing.

/** 'KNPA-F-2026-0001'. */
export function formatFugitiveReference(agencyCode: string, year: number, seq: number): string {
  return `${agencyCode}-F-${year}-${String(seq).padStart(4, '0')}`;
}

async function allocateSequence(trx: Tx, agencyCode: string, year: number): Promise<number> {
  const row = await trx
    .insertInto('fugitive_counters')
    .values({ agency_code: agencyCode, year, last_seq: 1 })
    .onConflict((oc) =>
      oc.columns(['agency_code', 'year']).doUpdateSet({ last_seq: sql`fugitive_counters.last_seq + 1` }),
    )
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return row.last_seq;
}

/** Refuses a second entry for the same person (same passport, or same name and birth date). */
async function assertNoDuplicate(
  trx: Tx,
  candidate: { id?: string; nameKeys: string[]; birthDate: string | null; passportNumber: string | null },
): Promise<void> {
  await lockIdentities(trx);
  const rows = await trx
    .selectFrom('fugitives')
    .select([
      'id',
      'reference',
      'name_keys',
      sql<string | null>`birth_date::text`.as('birth_date'),
      'passport_number',
    ])
    .where((eb) => {
      const ors = [];
      if (candidate.passportNumber) ors.push(eb('passport_number', '=', candidate.passportNumber));
      if (candidate.birthDate && candidate.nameKeys.length > 0)
        ors.push(
          eb.and([
            eb('birth_date', '=', candidate.birthDate),
            sql<boolean>`name_keys && ${sql.val(candidate.nameKeys)}::text[]`,
          ]),
        );
      return ors.length > 0 ? eb.or(ors) : sql<boolean>`false`;
    })
    .execute();
  assertNotDuplicate(
    candidate,
    rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      nameKeys: r.name_keys,
      birthDate: r.birth_date,
      passportNumber: r.passport_number,
    })),
  );
}

/**
 * Tells the node's change feed that a fugitive changed (changes/record-changes.ts): the kinds that travel
 * (fugitives/federation) send it on to partners holding a case it is linked to.
 */
export function announceFugitive(trx: Tx, ctx: Ctx, id: string): Promise<void> {
  return ctx.app.changes.announce(trx, { on: 'record', record: 'fugitive', ids: [id] });
}

/**
 * Makes `entityId` the fugitive's graph person, when he has none yet (the fugitive flag's confirmation: the
 * person seen is the wanted man). Written here, the register's own table, and told to the change feed like
 * every other change of a fugitive; the caller audits the decision that led to it. Returns whether it linked.
 */
export async function linkPersonEntity(
  trx: Tx,
  ctx: Ctx,
  fugitiveId: string,
  entityId: string,
): Promise<boolean> {
  const linked = await trx
    .updateTable('fugitives')
    .set((eb) => ({
      person_entity_id: entityId,
      linked_entity_ids: sql<
        string[]
      >`array(select distinct unnest(linked_entity_ids || ${[entityId]}::uuid[]))`,
      version: eb('version', '+', 1),
      updated_at: ctx.app.now(),
    }))
    .where('id', '=', fugitiveId)
    .where('person_entity_id', 'is', null)
    .executeTakeFirst();
  if (Number(linked.numUpdatedRows) === 0) return false;
  await announceFugitive(trx, ctx, fugitiveId);
  return true;
}

function flagsFor(status: FugitiveState, lastStepAt: Date | string, warrant: Warrant | null, now: Date) {
  return computeRegisterFlags({ status, lastStepAt, warrantExpiresOn: warrant?.expiresOn ?? null }, now);
}

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listFugitives(ctx: Ctx, actor: Actor, query: FugitiveListQuery): Promise<FugitiveList> {
  authorize(actor, 'fugitives.read');
  let base = visibleFugitives(ctx.app.db, actor);
  if (query.scope === 'open') base = base.where('fugitives.status', '<>', 'closed');
  if (query.status && query.status.length > 0) base = base.where('fugitives.status', 'in', query.status);
  if (query.nationality) base = base.where('fugitives.nationality', '=', query.nationality);
  if (query.warrant) base = base.where(sql<string>`fugitives.flags->>'warrant'`, '=', query.warrant);
  if (query.stalled !== undefined)
    base = base.where(
      sql<boolean>`coalesce((fugitives.flags->>'stalled')::boolean, false)`,
      '=',
      query.stalled,
    );
  if (query.q) {
    const pattern = likePattern(query.q);
    base = base.where((eb) =>
      eb.or([
        eb(sql<string>`fugitives.names::text`, 'ilike', pattern),
        eb('fugitives.reference', 'ilike', pattern),
        eb('fugitives.passport_number', 'ilike', likePattern(query.q!.replace(/[\s-]/g, ''))),
        eb(sql<string>`fugitives.warrant->>'number'`, 'ilike', pattern),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    base
      .select(fugitiveColumns)
      .orderBy(
        sql`coalesce((fugitives.flags->>'stalled')::boolean, false) or fugitives.flags->>'warrant' is not null`,
        'desc',
      )
      .orderBy('fugitives.status_changed_at', 'desc')
      .orderBy('fugitives.reference')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: (rows as FugitiveRow[]).map(presentSummary), total: Number(count.n) };
}

/** The detail page. Reading a TLP:RED or AMBER+STRICT record is audited. */
export async function getFugitive(ctx: Ctx, actor: Actor, id: string): Promise<FugitiveDetail> {
  authorize(actor, 'fugitives.read');
  const db = ctx.app.db;
  const row = await findVisibleFugitive(db, actor, id);
  if (!row) throw fugitiveNotFound();
  if (isAuditedRead(row.tlp as Tlp)) {
    await withAudit(db, (trx) => auditFugitive(trx, ctx, actor, 'fugitive.read', id, { tlp: row.tlp }));
  }
  return detailOf(db, actor, row);
}

async function detailOf(db: Db, actor: Actor, row: FugitiveRow): Promise<FugitiveDetail> {
  const [steps, sightings, files] = await Promise.all([
    db.selectFrom('fugitive_steps').selectAll().where('fugitive_id', '=', row.id).orderBy('seq').execute(),
    db
      .selectFrom('fugitive_sightings')
      .selectAll()
      .where('fugitive_id', '=', row.id)
      .orderBy('seen_at', 'desc')
      .limit(500)
      .execute(),
    db
      .selectFrom('fugitive_files')
      .selectAll()
      .where('fugitive_id', '=', row.id)
      .orderBy('uploaded_at')
      .execute(),
  ]);
  const userIds = [...steps.map((s) => s.recorded_by), ...sightings.map((s) => s.verified_by)].filter(
    (v): v is string => v !== null,
  );
  const names = await displayNamesOf(db, [...new Set(userIds)]);
  return {
    fugitive: presentFugitive(row),
    steps: steps.map((s) => presentStep(s, names)),
    sightings: sightings.map((s) => presentSighting(s, names, seesSource(actor, row, s.recorded_by))),
    files: files.map(presentFile),
    nextStates: nextFugitiveStates(row.status as FugitiveState),
  };
}

async function loadVisible(db: Db, actor: Actor, id: string): Promise<Fugitive> {
  const row = await findVisibleFugitive(db, actor, id);
  if (!row) throw fugitiveNotFound();
  return presentFugitive(row);
}

/** Enters a wanted person: the reference from the agency's counter, the first step "wanted". */
export async function createFugitive(ctx: Ctx, actor: Actor, input: FugitiveInput): Promise<Fugitive> {
  authorize(actor, 'fugitives.write');
  const now = ctx.app.now();
  assertRecordDates(input, now);
  const passport: StoredPassport | null = input.passport
    ? storedPassportOf(input.passport, input.nationality)
    : null;
  await assertLinksVisible(ctx.app.db, actor, input);
  const nameKeys = nameKeysOf(input.names);
  const wantedSince =
    input.wantedSince ?? (input.warrant ? `${input.warrant.issuedOn}T00:00:00Z` : now.toISOString());
  const id = await withAudit(ctx.app.db, async (trx) => {
    await assertNoDuplicate(trx, {
      nameKeys,
      birthDate: input.birthDate ?? null,
      passportNumber: passport?.number ?? null,
    });
    const year = now.getUTCFullYear();
    const reference = formatFugitiveReference(
      actor.agencyCode,
      year,
      await allocateSequence(trx, actor.agencyCode, year),
    );
    const flags = flagsFor('wanted', wantedSince, input.warrant ?? null, now);
    const row = await trx
      .insertInto('fugitives')
      .values({
        agency_code: actor.agencyCode,
        reference,
        person_entity_id: input.personEntityId ?? null,
        names: JSON.stringify(input.names),
        name_keys: nameKeys,
        birth_date: input.birthDate ?? null,
        nationality: input.nationality,
        sex: input.sex ?? null,
        passport_number: passport?.number ?? null,
        passport_display: passport?.display ?? null,
        passport_status: passport?.status ?? null,
        passport_status_on: passport?.statusOn ?? null,
        warrant: input.warrant ? JSON.stringify(input.warrant) : null,
        interpol: input.interpol ? JSON.stringify(input.interpol) : null,
        danger_markers: JSON.stringify(input.dangerMarkers),
        crime_types: input.crimeTypes,
        description: input.description,
        linked_case_ids: input.linkedCaseIds,
        linked_entity_ids: input.linkedEntityIds,
        status: 'wanted',
        status_changed_at: wantedSince,
        flags: JSON.stringify(flags),
        tlp: input.markings.tlp,
        handling_code: input.markings.handlingCode,
        handling_note: input.markings.handlingNote ?? null,
        created_by: actingUserId(actor),
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('fugitive_steps')
      .values({
        fugitive_id: row.id,
        seq: 1,
        from_state: null,
        state: 'wanted',
        occurred_at: wantedSince,
        details: '{}',
        recorded_by: actingUserId(actor),
        recorded_at: now,
      })
      .execute();
    await announceFugitive(trx, ctx, row.id);
    await auditFugitive(trx, ctx, actor, 'fugitive.created', row.id, {
      reference,
      tlp: input.markings.tlp,
      warrant: input.warrant?.number ?? null,
      interpol: input.interpol?.noticeType ?? null,
    });
    return row.id;
  });
  return loadVisible(ctx.app.db, actor, id);
}

/** Changes the record (not its state: steps do). Stale versions are refused; every changed field is audited. */
export async function updateFugitive(
  ctx: Ctx,
  actor: Actor,
  id: string,
  patch: FugitivePatch,
): Promise<Fugitive> {
  authorize(actor, 'fugitives.write');
  const now = ctx.app.now();
  assertRecordDates({ birthDate: patch.birthDate, warrant: patch.warrant, passport: patch.passport }, now);
  await assertLinksVisible(ctx.app.db, actor, {
    personEntityId: patch.personEntityId ?? undefined,
    linkedCaseIds: patch.linkedCaseIds,
    linkedEntityIds: patch.linkedEntityIds,
  });
  await withAudit(ctx.app.db, async (trx) => {
    const row = await lockVisibleFugitive(trx, actor, id);
    assertOwnsRecord(actor, row);
    if (row.version !== patch.version) {
      throw new LiaisonError('conflict', 'Someone else changed this record; reload it and try again.', {
        fields: [{ path: '/version', message: `The record is at version ${row.version}` }],
        extra: { currentVersion: row.version },
      });
    }
    const nationality = patch.nationality ?? row.nationality;
    const passport =
      patch.passport === undefined
        ? undefined
        : patch.passport === null
          ? null
          : storedPassportOf(patch.passport, nationality);
    const names = patch.names ?? (row.names as FugitiveInput['names']);
    const nameKeys = nameKeysOf(names);
    const birthDate = patch.birthDate === undefined ? row.birth_date : patch.birthDate;
    const passportNumber = passport === undefined ? row.passport_number : (passport?.number ?? null);
    if (patch.names || patch.birthDate !== undefined || passport !== undefined) {
      await assertNoDuplicate(trx, { id, nameKeys, birthDate, passportNumber });
    }
    const warrant = patch.warrant === undefined ? (row.warrant as Warrant | null) : patch.warrant;
    const changed = Object.keys(patch).filter((k) => k !== 'version');
    await trx
      .updateTable('fugitives')
      .set({
        ...(patch.names ? { names: JSON.stringify(patch.names), name_keys: nameKeys } : {}),
        ...(patch.birthDate !== undefined ? { birth_date: patch.birthDate } : {}),
        ...(patch.nationality ? { nationality: patch.nationality } : {}),
        ...(patch.sex !== undefined ? { sex: patch.sex } : {}),
        ...(passport !== undefined
          ? {
              passport_number: passport?.number ?? null,
              passport_display: passport?.display ?? null,
              passport_status: passport?.status ?? null,
              passport_status_on: passport?.statusOn ?? null,
            }
          : {}),
        ...(patch.warrant !== undefined
          ? { warrant: patch.warrant ? JSON.stringify(patch.warrant) : null }
          : {}),
        ...(patch.interpol !== undefined
          ? { interpol: patch.interpol ? JSON.stringify(patch.interpol) : null }
          : {}),
        ...(patch.dangerMarkers ? { danger_markers: JSON.stringify(patch.dangerMarkers) } : {}),
        ...(patch.crimeTypes ? { crime_types: patch.crimeTypes } : {}),
        ...(patch.description !== undefined ? { description: patch.description } : {}),
        ...(patch.personEntityId !== undefined ? { person_entity_id: patch.personEntityId } : {}),
        ...(patch.linkedCaseIds ? { linked_case_ids: patch.linkedCaseIds } : {}),
        ...(patch.linkedEntityIds ? { linked_entity_ids: patch.linkedEntityIds } : {}),
        ...(patch.markings
          ? {
              tlp: patch.markings.tlp,
              handling_code: patch.markings.handlingCode,
              handling_note: patch.markings.handlingNote ?? null,
            }
          : {}),
        flags: JSON.stringify(flagsFor(row.status as FugitiveState, row.status_changed_at, warrant, now)),
        updated_at: now,
        version: row.version + 1,
      })
      .where('id', '=', id)
      .execute();
    await announceFugitive(trx, ctx, id);
    await auditFugitive(trx, ctx, actor, 'fugitive.updated', id, {
      reference: row.reference,
      fields: changed,
      ...(patch.passport !== undefined ? { passportStatus: passport?.status ?? null } : {}),
      ...(patch.markings ? { tlp: patch.markings.tlp } : {}),
    });
  });
  return loadVisible(ctx.app.db, actor, id);
}

/**
 * Records a step of the life cycle (lifecycle.ts): allowed from the current state, dated possibly, with its
 * documents (files of this fugitive) and the sighting it rests on. The step row is append-only.
 */
export async function addFugitiveStep(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: FugitiveStepInput,
): Promise<FugitiveStep> {
  authorize(actor, 'fugitives.write');
  const now = ctx.app.now();
  const stepId = await withAudit(ctx.app.db, (trx) => recordStep(trx, ctx, actor, id, input, now));
  const row = await ctx.app.db
    .selectFrom('fugitive_steps')
    .selectAll()
    .where('id', '=', stepId)
    .executeTakeFirstOrThrow();
  return presentStep(row, await displayNamesOf(ctx.app.db, row.recorded_by ? [row.recorded_by] : []));
}

/** The step in the caller's transaction (a confirmed sighting moving a fugitive to "sighted" uses it too). */
export async function recordStep(
  trx: Tx,
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: FugitiveStepInput,
  now: Date,
): Promise<string> {
  const row = await lockVisibleFugitive(trx, actor, id);
  const history = await trx
    .selectFrom('fugitive_steps')
    .select(['seq', 'state', 'occurred_at'])
    .where('fugitive_id', '=', id)
    .orderBy('seq')
    .execute();
  let sightingSeenAt: string | undefined;
  if (input.sightingId) {
    const sighting = await trx
      .selectFrom('fugitive_sightings')
      .select(['seen_at', 'verification'])
      .where('id', '=', input.sightingId)
      .where('fugitive_id', '=', id)
      .executeTakeFirst();
    if (!sighting) throw invalidField('/sightingId', 'No such sighting of this fugitive', 'not_found');
    if (sighting.verification === 'discounted')
      throw invalidField('/sightingId', 'This sighting was discounted: a step cannot rest on it');
    sightingSeenAt = sighting.seen_at.toISOString();
  }
  await assertOwnDocuments(trx, id, input.documentIds);
  const past: PastStep[] = history.map((s) => ({
    state: s.state as FugitiveState,
    occurredAt: s.occurred_at.toISOString(),
  }));
  const from = row.status as FugitiveState;
  assertFugitiveStep({
    from,
    to: input.state,
    occurredAt: input.occurredAt,
    reason: input.reason,
    details: input.details,
    history: past,
    sightingSeenAt,
    now,
  });
  const seq = (history.at(-1)?.seq ?? 0) + 1;
  const step = await trx
    .insertInto('fugitive_steps')
    .values({
      fugitive_id: id,
      seq,
      from_state: from,
      state: input.state,
      occurred_at: input.occurredAt,
      acted_by: input.actedBy ?? null,
      note: input.note ?? null,
      reason: input.reason ?? null,
      details: JSON.stringify(input.details),
      document_ids: input.documentIds,
      sighting_id: input.sightingId ?? null,
      recorded_by: actingUserId(actor),
      recorded_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const flags = flagsFor(input.state, input.occurredAt, row.warrant as Warrant | null, now);
  await trx
    .updateTable('fugitives')
    .set({
      status: input.state,
      status_changed_at: input.occurredAt,
      flags: JSON.stringify(flags),
      updated_at: now,
      version: row.version + 1,
    })
    .where('id', '=', id)
    .execute();
  await announceFugitive(trx, ctx, id);
  await auditFugitive(trx, ctx, actor, 'fugitive.step_added', id, {
    reference: row.reference,
    stepId: step.id,
    seq,
    from,
    to: input.state,
    occurredAt: input.occurredAt,
    documents: input.documentIds.length,
  });
  return step.id;
}
