import { type Actor, authorize, can, isSystem, LiaisonError } from '@liaison/core';
import type {
  ConfirmFlagInput,
  DismissFlagInput,
  FlagStatus,
  FugitiveFlag,
} from '@liaison/core/fugitives/flag-schemas';
import { sql } from 'kysely';
import { audit, withAudit } from '../../audit/audit.ts';
import type { Ctx, Db, Tx } from '../../context.ts';
import { entityVisible } from '../../graph/entities/visibility.ts';
import { fugitiveVisibleTo } from '../fugitive-access.ts';
import { linkPersonEntity } from '../fugitives-service.ts';

// What users holding fugitives.alerts do with flags: list the open ones, read one with its explanation, dismiss
// a false alarm with a reason (the pair never flags again: the row stays, dismissed), or confirm it (the person
// entity becomes the fugitive's graph person).

/**
 * Flags the actor may see: of a fugitive the register lets them see (a RED record stays its enterer's), about a
 * subject they may see — a graph person by the graph's need-to-know rule, a rescue case by the rescue board's
 * (holders of rescue.read see a case's reference; its person's details stay with the team). A flag that fails
 * either is not there for them (404), though the live ping named it.
 */
function flagQuery(db: Db, actor: Actor) {
  return db
    .selectFrom('fugitive_flags as fl')
    .innerJoin('fugitives', 'fugitives.id', 'fl.fugitive_id')
    .where(fugitiveVisibleTo(actor))
    .where((eb) =>
      eb.or([
        eb.and([
          eb('fl.subject_kind', '=', 'entity'),
          eb.exists(
            eb
              .selectFrom('entities')
              .select(sql.lit(1).as('one'))
              .whereRef('entities.id', '=', 'fl.subject_id')
              .where(entityVisible(actor)),
          ),
        ]),
        eb.and([
          eb('fl.subject_kind', '=', 'rescue_case'),
          can(actor, 'rescue.read') || isSystem(actor) ? sql<boolean>`true` : sql<boolean>`false`,
        ]),
      ]),
    )
    .leftJoin('users as u', 'u.id', 'fl.decided_by')
    .select([
      'fl.id',
      'fl.status',
      'fl.source',
      'fl.raised_at',
      'fl.subject_kind',
      'fl.subject_id',
      'fl.label',
      'fl.case_id',
      'fl.explanation',
      'fl.decided_at',
      'fl.decision_reason',
      'u.display_name as decided_by_name',
      'fugitives.id as fugitive_id',
      'fugitives.reference',
      'fugitives.names',
      sql<string | null>`fugitives.interpol->>'noticeType'`.as('notice_type'),
      sql<string | null>`fugitives.warrant->>'number'`.as('warrant_number'),
    ]);
}

type FlagRow = Awaited<ReturnType<ReturnType<typeof flagQuery>['executeTakeFirstOrThrow']>>;

function primaryName(names: unknown): string {
  const list = (names as { value: string; kind: string }[]) ?? [];
  return (
    (list.find((n) => n.kind === 'primary') ?? list.find((n) => n.kind !== 'alias') ?? list[0])?.value ?? ''
  );
}

function present(row: FlagRow): FugitiveFlag {
  return {
    id: row.id,
    status: row.status as FlagStatus,
    source: row.source as FugitiveFlag['source'],
    raisedAt: row.raised_at.toISOString(),
    subject: { kind: row.subject_kind, id: row.subject_id, label: row.label, caseId: row.case_id },
    fugitive: {
      id: row.fugitive_id,
      reference: row.reference,
      name: primaryName(row.names),
      noticeType: row.notice_type,
      warrantNumber: row.warrant_number,
    },
    explanation: row.explanation as FugitiveFlag['explanation'],
    decision: row.decided_at
      ? { by: row.decided_by_name, at: row.decided_at.toISOString(), reason: row.decision_reason }
      : null,
  };
}

export async function listFlags(
  ctx: Ctx,
  actor: Actor,
  query: { status: FlagStatus; limit: number },
): Promise<{ flags: FugitiveFlag[] }> {
  authorize(actor, 'fugitives.alerts');
  const rows = await flagQuery(ctx.app.db, actor)
    .where('fl.status', '=', query.status)
    .orderBy('fl.raised_at', 'desc')
    .limit(query.limit)
    .execute();
  return { flags: rows.map(present) };
}

async function readFlag(db: Db, actor: Actor, id: string): Promise<FlagRow> {
  const row = await flagQuery(db, actor).where('fl.id', '=', id).executeTakeFirst();
  if (!row) throw new LiaisonError('not-found', 'No such fugitive flag.');
  return row;
}

export async function getFlag(ctx: Ctx, actor: Actor, id: string): Promise<FugitiveFlag> {
  authorize(actor, 'fugitives.alerts');
  return present(await readFlag(ctx.app.db, actor, id));
}

async function lockOpen(trx: Tx, actor: Actor, id: string): Promise<FlagRow> {
  const locked = await trx
    .selectFrom('fugitive_flags')
    .select('status')
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!locked) throw new LiaisonError('not-found', 'No such fugitive flag.');
  // Seen before its state is told: a flag the actor may not see is not there, open or not.
  const row = await readFlag(trx, actor, id);
  if (locked.status !== 'open')
    throw new LiaisonError('invalid-transition', `This flag is already ${locked.status}.`, {
      fields: [{ path: '/status', message: `Already ${locked.status}` }],
    });
  return row;
}

export async function dismissFlag(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: DismissFlagInput,
): Promise<FugitiveFlag> {
  authorize(actor, 'fugitives.alerts');
  await withAudit(ctx.app.db, async (trx) => {
    const row = await lockOpen(trx, actor, id);
    await trx
      .updateTable('fugitive_flags')
      .set({
        status: 'dismissed',
        decided_by: actor.userId,
        decided_at: ctx.app.now(),
        decision_reason: input.reason,
      })
      .where('id', '=', id)
      .execute();
    await audit(
      { ...ctx, trx },
      actor,
      'fugitive.flag.dismissed',
      { type: 'fugitive_flag', id },
      {
        fugitiveId: row.fugitive_id,
        subject: { kind: row.subject_kind, id: row.subject_id },
        reason: input.reason,
      },
    );
  });
  return getFlag(ctx, actor, id);
}

export async function confirmFlag(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: ConfirmFlagInput,
): Promise<FugitiveFlag> {
  authorize(actor, 'fugitives.alerts');
  await withAudit(ctx.app.db, async (trx) => {
    const row = await lockOpen(trx, actor, id);
    await trx
      .updateTable('fugitive_flags')
      .set({
        status: 'confirmed',
        decided_by: actor.userId,
        decided_at: ctx.app.now(),
        decision_reason: input.note ?? null,
      })
      .where('id', '=', id)
      .execute();
    const linked =
      row.subject_kind === 'entity' && (await linkPersonEntity(trx, ctx, row.fugitive_id, row.subject_id));
    await audit(
      { ...ctx, trx },
      actor,
      'fugitive.flag.confirmed',
      { type: 'fugitive_flag', id },
      {
        fugitiveId: row.fugitive_id,
        subject: { kind: row.subject_kind, id: row.subject_id },
        linkedPersonEntity: linked,
      },
    );
  });
  return getFlag(ctx, actor, id);
}

export async function listPartnerNotices(ctx: Ctx, actor: Actor, limit: number) {
  authorize(actor, 'fugitives.alerts');
  const rows = await ctx.app.db
    .selectFrom('fugitive_flag_notices as n')
    .innerJoin('peers as p', 'p.id', 'n.peer_id')
    .select(['n.id', 'p.node_name', 'n.received_at', 'n.record_ids', 'n.fugitive_reference'])
    .orderBy('n.received_at', 'desc')
    .limit(limit)
    .execute();
  const ids = [...new Set(rows.flatMap((r) => r.record_ids))];
  const entities = ids.length
    ? await ctx.app.db
        .selectFrom('entities')
        .select(['id', 'caption'])
        .where(sql<boolean>`id::text = any(${ids}::text[])`)
        .execute()
    : [];
  const caption = new Map(entities.map((e) => [e.id, e.caption]));
  return {
    notices: rows.map((r) => ({
      id: r.id,
      peer: r.node_name,
      receivedAt: r.received_at.toISOString(),
      records: r.record_ids.map((entityId) => ({ entityId, label: caption.get(entityId) ?? null })),
      fugitiveReference: r.fugitive_reference,
    })),
  };
}
