import { type Actor, actingUserId, authorize, LiaisonError } from '@liaison/core';
import { isInCustody } from '@liaison/core/fugitives/lifecycle';
import type { FugitiveState } from '@liaison/core/fugitives/schemas';
import { validateEntityInput } from '@liaison/core/graph/index';
import type { ArrestInput, RescueInput, SeizureInput } from '@liaison/core/operations/schemas';
import { detectScript } from '@liaison/core/persons/name-keys';
import { assertRescueTransition, type RescueState, rescuePath } from '@liaison/core/rescue/index';
import { audit } from '../audit/audit.ts';
import { visibleCases } from '../cases/case-visibility.ts';
import type { Ctx, Tx } from '../context.ts';
import { agencyCountry } from '../correlation/agency-country.ts';
import type { LiveEvent } from '../events/event-bus.ts';
import { findVisibleFugitive, visibleFugitives } from '../fugitives/fugitive-access.ts';
import { recordStep } from '../fugitives/fugitives-service.ts';
import { markingsInCase } from '../graph/entities/case-markings.ts';
import { placeInCase } from '../graph/entities/case-members.ts';
import { indexIdentifiers } from '../graph/entities/entity-index.ts';
import { entityVisible } from '../graph/entities/visibility.ts';
import { announcePersonsAppeared } from '../graph/intake/announce.ts';
import { indexEntities, insertEntities } from '../graph/intake/entity-intake.ts';
import { recordCaseEvent } from '../rescue/case-events.ts';
import { lockForWrite, touch } from '../rescue/case-write.ts';
import { fileReport } from '../rescue/intake-service.ts';
import type { OperationRow } from './presenters.ts';

// The outcome of a raid, recorded in the transaction of its log entry: an arrest (a graph person, made through
// the graph intake when new, placed in the operation's first case as a suspect; a fugitive linked), a rescue (a
// rescue case opened through the rescue feature's intake, or an existing one moved to "rescued"), a seizure.

interface Recorded {
  id: string;
  /** Live events (correlation hits) to publish once the transaction commits. */
  events: LiveEvent[];
}

const invalid = (path: string, message: string, code?: 'not_found' | 'already_in_use') =>
  new LiaisonError('invalid-input', `${message}.`, { fields: [{ path, message, ...(code && { code }) }] });

/** The first linked case the actor may see, with its markings (for the person placed in it). */
async function firstVisibleCase(trx: Tx, actor: Actor, op: OperationRow) {
  for (const caseId of op.case_ids) {
    const row = await visibleCases(trx, actor)
      .select(['cases.id', 'cases.tlp', 'cases.handling_code'])
      .where('cases.id', '=', caseId)
      .executeTakeFirst();
    if (row) return row;
  }
  return undefined;
}

/** A new graph person for an arrested or targeted person, through the graph intake, audited as the entity service does. */
async function createPerson(
  ctx: Ctx,
  trx: Tx,
  actor: Actor,
  op: OperationRow,
  arrest: ArrestInput,
  path: string,
): Promise<Recorded> {
  authorize(actor, 'entities.write');
  const entity = (() => {
    try {
      return validateEntityInput({
        type: 'person',
        properties: {
          names: [{ value: arrest.name, script: detectScript(arrest.name), kind: 'primary' }],
          nationalities: [arrest.nationality],
          ...(arrest.birthDate && { birthDate: arrest.birthDate }),
          ...(arrest.passportNumber && { passportNumbers: [arrest.passportNumber] }),
        },
      });
    } catch (error) {
      if (error instanceof LiaisonError)
        throw new LiaisonError(error.code, error.detail, {
          fields: error.fields?.map((f) => ({ ...f, path: path + f.path.replace('/properties', '') })),
        });
      throw error;
    }
  })();
  const defaultCountry = await agencyCountry(trx, actor.agencyId);
  const identifiers = indexIdentifiers(entity, path, { defaultCountry });
  const container = await firstVisibleCase(trx, actor, op);
  const [row] = await insertEntities(trx, [
    {
      type: 'person',
      properties: entity.properties,
      ownerAgencyId: actor.agencyId,
      ...markingsInCase(undefined, container ?? { tlp: op.tlp, handling_code: op.handling_code }),
      createdBy: actor.userId,
      identifiers,
    },
  ]);
  const caseId = container?.id ?? null;
  if (caseId)
    await placeInCase(
      trx,
      actor,
      caseId,
      row!.id,
      'suspect',
      `Arrested in joint operation ${op.reference}`,
      ctx.app.now(),
    );
  await audit(
    { ...ctx, trx },
    actor,
    'entity.created',
    { type: 'entity', id: row!.id },
    {
      type: 'person',
      caseId,
      role: caseId ? 'suspect' : null,
      operationId: op.id,
    },
  );
  const correlated = await indexEntities(
    ctx,
    trx,
    actor,
    identifiers.map((identifier) => ({ ...identifier, entityId: row!.id, caseId })),
    [row!.id],
  );
  await announcePersonsAppeared(trx, ctx.app, [row!], 'created', caseId);
  return { id: row!.id, events: correlated.events };
}

/**
 * An arrest: the person (on file, visible to the actor, or new), the fugitive when he is one (the link kept; a
 * person arrested twice in one operation is refused).
 */
export async function recordArrest(
  ctx: Ctx,
  trx: Tx,
  actor: Actor,
  op: OperationRow,
  logEntryId: string | null,
  at: Date,
  arrest: ArrestInput,
): Promise<Recorded> {
  const path = '/arrest';
  let fugitive = arrest.fugitiveId ? await findVisibleFugitive(trx, actor, arrest.fugitiveId) : null;
  if (arrest.fugitiveId && !fugitive)
    throw invalid(`${path}/fugitiveId`, 'No such fugitive in the register', 'not_found');
  let personId: string;
  let events: LiveEvent[] = [];
  // A fugitive already known as a graph person is that person.
  const knownPerson = arrest.personEntityId ?? fugitive?.person_entity_id ?? undefined;
  if (knownPerson) {
    const person = await trx
      .selectFrom('entities')
      .select('entities.id')
      .where('entities.id', '=', knownPerson)
      .where('entities.type', '=', 'person')
      .where(entityVisible(actor))
      .executeTakeFirst();
    if (!person) throw invalid(`${path}/personEntityId`, 'No such person in the graph', 'not_found');
    personId = person.id;
  } else {
    const created = await createPerson(ctx, trx, actor, op, arrest, path);
    personId = created.id;
    events = created.events;
  }
  // A person on file who is a wanted fugitive is linked as one, even when the officer did not say so.
  if (!fugitive) {
    const wanted = await visibleFugitives(trx, actor)
      .select('fugitives.id')
      .where('fugitives.person_entity_id', '=', personId)
      .where('fugitives.status', '<>', 'closed')
      .executeTakeFirst();
    if (wanted) fugitive = await findVisibleFugitive(trx, actor, wanted.id);
  }
  const fugitiveId = fugitive?.id ?? null;
  // The register's own step: wanted (or sighted, located, under surveillance) → arrested, dated with the arrest.
  let fugitiveMoved = false;
  if (fugitive && !isInCustody(fugitive.status as FugitiveState) && fugitive.status !== 'closed') {
    authorize(actor, 'fugitives.write');
    await recordStep(
      trx,
      ctx,
      actor,
      fugitive.id,
      {
        state: 'arrested',
        occurredAt: at.toISOString(),
        actedBy: `${arrest.arrestingAgency}, joint operation ${op.reference}`,
        note: `Arrested in joint operation ${op.reference} (${op.code_name}).`,
        details: {},
        documentIds: [],
      },
      ctx.app.now(),
    );
    fugitiveMoved = true;
  }
  const already = await trx
    .selectFrom('operation_arrests')
    .select('id')
    .where('operation_id', '=', op.id)
    .where((eb) =>
      eb.or([
        eb('person_entity_id', '=', personId),
        ...(fugitiveId ? [eb('fugitive_id', '=', fugitiveId)] : []),
      ]),
    )
    .executeTakeFirst();
  if (already)
    throw invalid(
      `${path}/personEntityId`,
      'This person is already recorded as arrested in this operation',
      'already_in_use',
    );
  const row = await trx
    .insertInto('operation_arrests')
    .values({
      operation_id: op.id,
      log_entry_id: logEntryId,
      person_entity_id: personId,
      fugitive_id: fugitiveId,
      name: arrest.name,
      nationality: arrest.nationality,
      birth_date: arrest.birthDate ?? null,
      arresting_agency: arrest.arrestingAgency,
      crime_type: arrest.crimeType,
      arrested_at: at,
      note: arrest.note,
      recorded_by: actingUserId(actor),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(
    { ...ctx, trx },
    actor,
    'operation.arrest',
    { type: 'operation', id: op.id },
    {
      arrestId: row.id,
      personEntityId: personId,
      fugitiveId,
      fugitiveMoved,
      nationality: arrest.nationality,
      crimeType: arrest.crimeType,
    },
  );
  return { id: row.id, events };
}

/** The steps from a rescue case's state to "rescued" along the main path, or null when it is past it. */
function stepsToRescued(state: RescueState): RescueState[] | null {
  const from = rescuePath.indexOf(state as (typeof rescuePath)[number]);
  const to = rescuePath.indexOf('rescued');
  if (from < 0 || from > to) return null;
  return rescuePath.slice(from + 1, to + 1);
}

/**
 * A rescue: an existing rescue case (its team's to change) or a new one filed through the rescue intake, moved
 * along its path to "rescued" with the operation named as the reason. A case already past "rescued" is linked
 * as it is.
 */
export async function recordRescue(
  ctx: Ctx,
  trx: Tx,
  actor: Actor,
  op: OperationRow,
  logEntryId: string | null,
  at: Date,
  rescue: RescueInput,
): Promise<Recorded> {
  authorize(actor, 'rescue.write');
  const path = '/rescue';
  let caseId: string;
  let events: LiveEvent[] = [];
  if (rescue.rescueCaseId) {
    const exists = await trx
      .selectFrom('rescue_cases')
      .select('id')
      .where('id', '=', rescue.rescueCaseId)
      .executeTakeFirst();
    if (!exists) throw invalid(`${path}/rescueCaseId`, 'No such rescue case', 'not_found');
    caseId = rescue.rescueCaseId;
  } else {
    const latin = /[A-Za-z]/.test(rescue.name) && detectScript(rescue.name) === 'latin';
    const filed = await fileReport(trx, ctx, actor, {
      channel: 'police',
      reporter: { relation: 'other', name: `Joint operation ${op.reference}`, language: 'en' },
      person: {
        ...(latin ? { namesLatin: [rescue.name] } : { namesHangul: [rescue.name] }),
        ...(rescue.birthDate && { birthDate: rescue.birthDate }),
        nationality: rescue.nationality,
      },
      location: {},
      narrative: `Rescued in joint operation ${op.reference} (${op.code_name}).${rescue.note ? ` ${rescue.note}` : ''}`,
      indicators: [],
      consentToProcessing: false,
    });
    caseId = filed.caseId;
    events = filed.events;
  }
  const duplicate = await trx
    .selectFrom('operation_rescues')
    .select('id')
    .where('operation_id', '=', op.id)
    .where('rescue_case_id', '=', caseId)
    .executeTakeFirst();
  if (duplicate)
    throw invalid(
      `${path}/rescueCaseId`,
      'This rescue case is already linked to this operation',
      'already_in_use',
    );
  const rescueCase = await lockForWrite(trx, actor, caseId);
  const steps = stepsToRescued(rescueCase.state as RescueState);
  if (steps && steps.length > 0) {
    let from = rescueCase.state as RescueState;
    const reason = `Rescued in joint operation ${op.reference}`;
    for (const to of steps) {
      assertRescueTransition(from, to, { reason });
      await recordCaseEvent(trx, ctx, actor, caseId, { kind: 'state_changed', from, to, reason });
      from = to;
    }
    await touch(trx, ctx, caseId, rescueCase.version, {
      state: 'rescued',
      state_entered_at: at,
      escalated_state: null,
      escalated_at: null,
    });
  }
  const row = await trx
    .insertInto('operation_rescues')
    .values({
      operation_id: op.id,
      log_entry_id: logEntryId,
      rescue_case_id: caseId,
      name: rescue.name,
      nationality: rescue.nationality,
      rescued_at: at,
      note: rescue.note,
      recorded_by: actingUserId(actor),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(
    { ...ctx, trx },
    actor,
    'operation.rescue',
    { type: 'operation', id: op.id },
    {
      rescueId: row.id,
      rescueCaseId: caseId,
      opened: !rescue.rescueCaseId,
    },
  );
  return { id: row.id, events };
}

/** The measure of a seizure: grams of a drug, an amount of a currency or crypto asset, or a count of items. */
export function seizureMeasure(s: SeizureInput): { quantity: number; unit: string } {
  switch (s.category) {
    case 'drugs':
      return { quantity: s.weightGrams, unit: 'g' };
    case 'cash':
      return { quantity: s.amount, unit: s.currency };
    case 'crypto':
      return { quantity: s.amount, unit: s.asset };
    default:
      return { quantity: s.count, unit: 'item' };
  }
}

export async function recordSeizure(
  ctx: Ctx,
  trx: Tx,
  actor: Actor,
  op: OperationRow,
  logEntryId: string | null,
  at: Date,
  s: SeizureInput,
): Promise<Recorded> {
  const measure = seizureMeasure(s);
  const row = await trx
    .insertInto('operation_seizures')
    .values({
      operation_id: op.id,
      log_entry_id: logEntryId,
      category: s.category,
      description: s.description,
      place: s.place,
      quantity: measure.quantity,
      unit: measure.unit,
      drug_type: s.category === 'drugs' ? s.drugType : null,
      weapon_type: s.category === 'weapon' ? s.weaponType : null,
      currency: s.category === 'cash' ? s.currency : null,
      asset: s.category === 'crypto' ? s.asset : null,
      wallet: s.category === 'crypto' ? (s.wallet ?? null) : null,
      plate: s.category === 'vehicle' ? (s.plate ?? null) : null,
      seized_at: at,
      seized_by: actingUserId(actor),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(
    { ...ctx, trx },
    actor,
    'operation.seizure',
    { type: 'operation', id: op.id },
    {
      seizureId: row.id,
      category: s.category,
      ...measure,
    },
  );
  return { id: row.id, events: [] };
}
