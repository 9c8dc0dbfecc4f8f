import { type Actor, type FieldProblemInput, LiaisonError } from '@liaison/core';
import type { SuspectRef } from '@liaison/core/fugitives/removal-schemas';
import { sql } from 'kysely';
import type { Tx } from '../../context.ts';
import { entityVisible } from '../../graph/entities/visibility.ts';
import { fugitiveVisibleTo } from '../fugitive-access.ts';

/** What a removal keeps of a suspect: a snapshot for the manifest, taken when the suspect is added. */
export interface SuspectSnapshot {
  fugitiveId: string | null;
  personEntityId: string | null;
  name: string;
  nameLocal: string | null;
  fugitiveReference: string | null;
  birthDate: string | null;
  nationality: string | null;
  passportNumber: string | null;
  warrantNumber: string | null;
}

interface NameLike {
  value: string;
  script: string;
  kind: string;
}

/** The Latin name for the manifest (the passport's spelling first), and the name in its own script. */
export function manifestNames(names: readonly NameLike[]): { latin: string; local: string | null } {
  const notAlias = names.filter((n) => n.kind !== 'alias');
  const latin =
    notAlias.find((n) => n.kind === 'passport' && n.script === 'latin') ??
    notAlias.find((n) => n.script === 'latin') ??
    notAlias[0] ??
    names[0];
  const local = notAlias.find((n) => n.script !== 'latin' && n.value !== latin?.value);
  return { latin: latin?.value ?? '—', local: local?.value ?? null };
}

/**
 * Resolves the suspects to add (`path` is the request's list, e.g. `/suspects`): each fugitive or arrested
 * person must exist and be visible to the actor (the register's need-to-know, `fugitiveVisibleTo`; the graph's,
 * `entityVisible`); a fugitive already closed is not removed. Refuses the whole
 * list, naming every offending entry, so nothing is half-added.
 */
export async function resolveSuspects(
  trx: Tx,
  actor: Actor,
  refs: readonly SuspectRef[],
  path = '/suspects',
): Promise<SuspectSnapshot[]> {
  const fugitiveIds = refs.flatMap((r) => (r.fugitiveId ? [r.fugitiveId] : []));
  const personIds = refs.flatMap((r) => (r.personEntityId ? [r.personEntityId] : []));
  const fugitives = fugitiveIds.length
    ? await trx
        .selectFrom('fugitives')
        .select([
          'id',
          'reference',
          'names',
          'nationality',
          'passport_display',
          'passport_number',
          'warrant',
          'status',
          sql<string | null>`birth_date::text`.as('birth_date'),
        ])
        .where('id', 'in', fugitiveIds)
        .where(fugitiveVisibleTo(actor))
        .execute()
    : [];
  const persons = personIds.length
    ? await trx
        .selectFrom('entities')
        .select(['id', 'type', 'caption', 'properties'])
        .where('id', 'in', personIds)
        .where(entityVisible(actor))
        .execute()
    : [];
  const problems: FieldProblemInput[] = [];
  const seen = new Set<string>();
  const snapshots = refs.map((ref, i): SuspectSnapshot | null => {
    const key = ref.fugitiveId ?? ref.personEntityId!;
    const field = ref.fugitiveId ? 'fugitiveId' : 'personEntityId';
    if (seen.has(key)) {
      problems.push({ path: `${path}/${i}/${field}`, message: 'This suspect is listed twice' });
      return null;
    }
    seen.add(key);
    if (ref.fugitiveId) {
      const f = fugitives.find((x) => x.id === ref.fugitiveId);
      if (!f) {
        problems.push({ path: `${path}/${i}/fugitiveId`, message: 'No such fugitive', code: 'not_found' });
        return null;
      }
      if (f.status === 'closed' || f.status === 'handed_over') {
        problems.push({
          path: `${path}/${i}/fugitiveId`,
          message: `Fugitive ${f.reference} is ${f.status === 'closed' ? 'closed' : 'already handed over'}`,
        });
        return null;
      }
      const names = manifestNames(f.names as NameLike[]);
      const warrant = f.warrant as { number?: string } | null;
      return {
        fugitiveId: f.id,
        personEntityId: null,
        name: names.latin,
        nameLocal: names.local,
        fugitiveReference: f.reference,
        birthDate: f.birth_date,
        nationality: f.nationality,
        passportNumber: f.passport_display ?? f.passport_number?.replace(/^[A-Z]{2}:/, '') ?? null,
        warrantNumber: warrant?.number ?? ref.warrantNumber ?? null,
      };
    }
    const p = persons.find((x) => x.id === ref.personEntityId);
    if (p?.type !== 'person') {
      problems.push({
        path: `${path}/${i}/personEntityId`,
        message: p ? 'This entity is not a person' : 'No such person',
        code: p ? 'invalid_value' : 'not_found',
      });
      return null;
    }
    const props = p.properties as {
      names?: NameLike[];
      birthDate?: string;
      nationalities?: string[];
      passportNumbers?: string[];
    };
    const names = manifestNames(props.names ?? [{ value: p.caption, script: 'latin', kind: 'primary' }]);
    return {
      fugitiveId: null,
      personEntityId: p.id,
      name: names.latin,
      nameLocal: names.local,
      fugitiveReference: null,
      birthDate: props.birthDate ?? null,
      nationality: props.nationalities?.[0] ?? null,
      passportNumber: ref.passportNumber ?? props.passportNumbers?.[0] ?? null,
      warrantNumber: ref.warrantNumber ?? null,
    };
  });
  if (problems.length > 0)
    throw new LiaisonError('invalid-input', 'Some suspects cannot be added.', { fields: problems });
  return snapshots as SuspectSnapshot[];
}
