import type { SeenPerson } from '@liaison/core/fugitives/flag-match';
import type { ChangeObserver } from '../../changes/record-changes.ts';
import type { AppContext, Tx } from '../../context.ts';
import { personNamesOf } from '../../graph/entities/entity-index.ts';
import { type FlagSubject, raiseFlags } from './flag-raise.ts';
import { noticeOriginOfPeerFlags } from './partner-notice.ts';

// Where a wanted person may appear, as the change feed tells it: a person created here, added to a case, or
// mirrored from the partner (`on: 'person'`, the graph intake), and the person a rescue report names
// (`on: 'rescue-report'`, the rescue intake). The flag is raised in the announcing transaction.

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];

/** A graph person's facts as the flag matches them (entity-types.ts: names, birthDate, passportNumbers, nationalities). */
export function seenOfEntity(properties: Record<string, unknown>): SeenPerson {
  return {
    names: personNamesOf(properties),
    birthDate: typeof properties.birthDate === 'string' ? properties.birthDate : null,
    passportNumbers: strings(properties.passportNumbers),
    nationalities: strings(properties.nationalities),
  };
}

/** The person a rescue report names (core/rescue/report-schema.ts ReportedPerson). */
export function seenOfReportedPerson(person: Record<string, unknown>): SeenPerson {
  return {
    names: [...strings(person.namesHangul), ...strings(person.namesLatin)],
    birthDate: typeof person.birthDate === 'string' ? person.birthDate : null,
    passportNumbers: typeof person.passportNumber === 'string' ? [person.passportNumber] : [],
    nationalities: typeof person.nationality === 'string' ? [person.nationality] : [],
  };
}

async function entitySubjects(
  trx: Tx,
  ids: readonly string[],
  caseId: string | null,
): Promise<FlagSubject[]> {
  const rows = await trx
    .selectFrom('entities')
    .select(['id', 'caption', 'properties'])
    .where('id', 'in', [...ids])
    .where('type', '=', 'person')
    .where('deleted_at', 'is', null)
    .execute();
  return rows.map((row) => ({
    kind: 'entity' as const,
    id: row.id,
    label: row.caption,
    caseId,
    seen: seenOfEntity(row.properties ?? {}),
  }));
}

async function rescueSubject(trx: Tx, rescueCaseId: string): Promise<FlagSubject[]> {
  const row = await trx
    .selectFrom('rescue_cases')
    .select(['id', 'reference', 'person'])
    .where('id', '=', rescueCaseId)
    .executeTakeFirst();
  if (!row) return [];
  return [
    {
      kind: 'rescue_case',
      id: row.id,
      label: row.reference,
      caseId: null,
      seen: seenOfReportedPerson((row.person ?? {}) as Record<string, unknown>),
    },
  ];
}

/** The flag's observer of the change feed (declared in the manifest). */
export function fugitiveFlagObserver(app: AppContext): ChangeObserver {
  return async (trx, change) => {
    if (change.on === 'person') {
      const subjects = await entitySubjects(trx, change.entityIds, change.caseId ?? null);
      const raised = await raiseFlags(trx, app, change.where, subjects);
      // A record the partner shared flagged here: the partner is told which of its records (partner-notice.ts).
      if (change.where === 'peer' && raised.length > 0) await noticeOriginOfPeerFlags(trx, app, raised);
    } else if (change.on === 'rescue-report') {
      await raiseFlags(trx, app, 'rescue-report', await rescueSubject(trx, change.rescueCaseId));
    }
  };
}
