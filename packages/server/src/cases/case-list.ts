import type { Actor } from '@liaison/core';
import { LiaisonError, unstorableTextProblem } from '@liaison/core';
import type { CaseListPage, CaseListQuery } from '@liaison/core/cases/index';
import { type RawBuilder, sql } from 'kysely';

type CaseSortField = CaseListQuery['sort'];

import type { Db } from '../context.ts';
import { selectVisibleCases } from './case-repository.ts';
import { presentCase } from './presenters.ts';

/** The columns each sort orders by (all in the same direction), then the id so every position is unique. */
const sortKeys: Record<CaseSortField, { column: string; type: string }[]> = {
  createdAt: [{ column: 'cases.created_at', type: 'timestamptz' }],
  updatedAt: [{ column: 'cases.updated_at', type: 'timestamptz' }],
  priority: [
    { column: 'cases.priority_rank', type: 'smallint' },
    { column: 'cases.updated_at', type: 'timestamptz' },
  ],
  number: [{ column: 'cases.number', type: 'text' }],
  title: [{ column: 'cases.title', type: 'text' }],
};
const idKey = { column: 'cases.id', type: 'uuid' };

interface Cursor {
  sort: CaseSortField;
  direction: 'asc' | 'desc';
  /** The sort key of the last row, as PostgreSQL text (exact: timestamps keep their microseconds). */
  key: string[];
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

const uuidText = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** How PostgreSQL writes a timestamptz as text (ISO DateStyle): `2026-12-03 15:42:09.765+00`. */
const timestampText =
  /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?[+-]\d{2}(?::\d{2}){0,2}$/;

function isTimestampText(value: string): boolean {
  const match = timestampText.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as number[];
  const date = new Date(Date.UTC(year!, month! - 1, day!));
  return (
    date.getUTCMonth() === month! - 1 &&
    date.getUTCDate() === day! &&
    hour! < 24 &&
    minute! < 60 &&
    second! < 60
  );
}

/**
 * Whether a cursor's key part can be cast to its column's type. A cursor is opaque but not trusted: one the
 * server did not issue must be refused here, not by a failing cast in PostgreSQL.
 */
const keyParsers: Record<string, (value: string) => boolean> = {
  timestamptz: isTimestampText,
  smallint: (value) => /^-?\d{1,5}$/.test(value) && Math.abs(Number(value)) <= 32_767,
  uuid: (value) => uuidText.test(value),
  text: (value) => unstorableTextProblem(value) === undefined,
};

function decodeCursor(value: string, query: CaseListQuery): Cursor {
  try {
    const cursor = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Cursor;
    const keys = [...(sortKeys[query.sort] ?? []), idKey];
    if (
      cursor.sort === query.sort &&
      cursor.direction === query.direction &&
      Array.isArray(cursor.key) &&
      cursor.key.length === keys.length &&
      cursor.key.every((k, i) => typeof k === 'string' && keyParsers[keys[i]!.type]!(k))
    ) {
      return cursor;
    }
  } catch {
    // falls through to the error below
  }
  throw new LiaisonError(
    'invalid-input',
    'The cursor does not belong to this list; start from the first page.',
    {
      fields: [{ path: '/querystring/cursor', message: 'Not a cursor for this sort order' }],
    },
  );
}

function endOfDay(date: string): string {
  return date.length === 10 ? `${date}T23:59:59.999Z` : date;
}

/** One page of the cases the actor may see, filtered and sorted, with keyset (cursor) pagination. */
export async function listVisibleCases(db: Db, actor: Actor, query: CaseListQuery): Promise<CaseListPage> {
  const keys = [...(sortKeys[query.sort] ?? []), idKey];
  const columns = keys.map((k) => sql.ref(k.column));
  const sortKey: RawBuilder<string[]> = sql`array[${sql.join(columns.map((c) => sql`${c}::text`))}]`;
  let select = selectVisibleCases(db, actor).select(sortKey.as('sort_key'));

  if (query.status) select = select.where('cases.status', 'in', query.status);
  if (query.priority) select = select.where('cases.priority', '=', query.priority);
  if (query.agency) select = select.where('cases.lead_agency', '=', query.agency);
  if (query.crimeType)
    select = select.where(sql<boolean>`cases.crime_types @> array[${query.crimeType}]::text[]`);
  if (query.assignee)
    select = select.where(sql<boolean>`cases.assigned_officer_ids @> array[${query.assignee}]::uuid[]`);
  if (query.createdFrom) select = select.where('cases.created_at', '>=', new Date(query.createdFrom));
  if (query.createdTo) select = select.where('cases.created_at', '<=', new Date(endOfDay(query.createdTo)));
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    select = select.where((eb) =>
      eb.or([eb('cases.title', 'ilike', pattern), eb('cases.number', '=', query.q!.toUpperCase())]),
    );
  }
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor, query);
    const values = keys.map((k, i) => sql`cast(${cursor.key[i]} as ${sql.raw(k.type)})`);
    const op = sql.raw(query.direction === 'desc' ? '<' : '>');
    select = select.where(sql<boolean>`(${sql.join(columns)}) ${op} (${sql.join(values)})`);
  }
  for (const column of columns) select = select.orderBy(column, query.direction);

  const rows = await select.limit(query.limit + 1).execute();
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > query.limit && last
      ? encodeCursor({ sort: query.sort, direction: query.direction, key: last.sort_key })
      : null;
  return { items: page.map(presentCase), nextCursor };
}
