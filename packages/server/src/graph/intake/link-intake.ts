import { randomUUID } from 'node:crypto';
import { type Selectable, sql } from 'kysely';
import type { Ctx, Tx } from '../../context.ts';
import { forgetLinks } from '../../correlation/purge.ts';
import type { LinkTables } from '../links/tables.ts';

// The graph intake for links: the one place that inserts and removes them. A link is removed outright (a
// local deletion keeps what it was in its audit entry). The caller checks the ends and audits; it announces
// with `announceLinks`.

export type LinkTableRow = Selectable<LinkTables['links']>;

export interface LinkDraft {
  /** Kept when given (a peer's record keeps its origin id); made here otherwise. */
  id?: string;
  type: string;
  sourceId: string;
  targetId: string;
  properties: Record<string, unknown>;
  validFrom?: string | null | undefined;
  validTo?: string | null | undefined;
  confidence?: number | null | undefined;
  markings?: Record<string, unknown> | null | undefined;
  ownerAgencyId: string;
  createdBy: string;
  /** When it was made here (default: the database's clock); a peer's record takes the node's clock. */
  createdAt?: Date;
}

/** Inserts links, in one statement; returns the rows in the order of `drafts`. */
export async function insertLinks(trx: Tx, drafts: readonly LinkDraft[]): Promise<LinkTableRow[]> {
  if (drafts.length === 0) return [];
  const ids = drafts.map((draft) => draft.id ?? randomUUID());
  const rows = await trx
    .insertInto('links')
    .values(
      drafts.map((link, i) => ({
        id: ids[i]!,
        type: link.type,
        source_id: link.sourceId,
        target_id: link.targetId,
        properties: JSON.stringify(link.properties),
        valid_from: link.validFrom ?? null,
        valid_to: link.validTo ?? null,
        confidence: link.confidence ?? null,
        markings: link.markings ? JSON.stringify(link.markings) : null,
        owner_agency_id: link.ownerAgencyId,
        created_by: link.createdBy,
        ...(link.createdAt && { created_at: link.createdAt, updated_at: link.createdAt }),
      })),
    )
    .returningAll()
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id)!);
}

/** Writes a peer's winning fields (as columns) onto its mirrored link, a new version. */
export async function writePeerLink(
  ctx: Ctx,
  trx: Tx,
  linkId: string,
  columns: Record<string, unknown>,
): Promise<void> {
  await trx
    .updateTable('links')
    .set({ ...columns, updated_at: ctx.app.now(), version: sql`version + 1` } as never)
    .where('id', '=', linkId)
    .execute();
}

/** Removes links; person-match decisions that cite them keep their verdict, no longer naming the link. */
export async function removeLinks(trx: Tx, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await forgetLinks(trx, ids);
  await trx
    .deleteFrom('links')
    .where('id', 'in', [...ids])
    .execute();
}
