import type { Actor } from '@liaison/core';
import { findVisibleCaseId } from '../cases/case-visibility.ts';
import type { Db } from '../context.ts';
import { entityVisible } from '../graph/entities/visibility.ts';
import { invalidField } from './fugitive-repository.ts';

// What a fugitive may point at: cases and graph entities the officer can see (a link must not reveal, or
// depend on, a record he may not open), and documents that are this fugitive's own files.

export async function assertLinksVisible(
  db: Db,
  actor: Actor,
  links: {
    personEntityId?: string | undefined;
    linkedCaseIds?: readonly string[] | undefined;
    linkedEntityIds?: readonly string[] | undefined;
  },
): Promise<void> {
  for (const [i, caseId] of (links.linkedCaseIds ?? []).entries()) {
    if (!(await findVisibleCaseId(db, actor, caseId)))
      throw invalidField(`/linkedCaseIds/${i}`, 'No such case', 'not_found');
  }
  const entityIds = [
    ...(links.personEntityId ? [links.personEntityId] : []),
    ...(links.linkedEntityIds ?? []),
  ];
  if (entityIds.length === 0) return;
  const visible = await db
    .selectFrom('entities')
    .select(['id', 'type'])
    .where('id', 'in', entityIds)
    .where(entityVisible(actor))
    .execute();
  const found = new Map(visible.map((e) => [e.id, e.type]));
  if (links.personEntityId) {
    const type = found.get(links.personEntityId);
    if (!type) throw invalidField('/personEntityId', 'No such entity', 'not_found');
    if (type !== 'person') throw invalidField('/personEntityId', 'The entity is not a person');
  }
  for (const [i, entityId] of (links.linkedEntityIds ?? []).entries()) {
    if (!found.has(entityId)) throw invalidField(`/linkedEntityIds/${i}`, 'No such entity', 'not_found');
  }
}

/** Documents named by a step or sighting must be files uploaded to this fugitive. */
export async function assertOwnDocuments(db: Db, fugitiveId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await db
    .selectFrom('fugitive_files')
    .select('id')
    .where('fugitive_id', '=', fugitiveId)
    .where('id', 'in', [...ids])
    .execute();
  const own = new Set(rows.map((r) => r.id));
  const i = ids.findIndex((id) => !own.has(id));
  if (i >= 0) throw invalidField(`/documentIds/${i}`, 'No such file of this fugitive', 'not_found');
}
