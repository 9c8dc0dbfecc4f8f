import { type Actor, authorize, can } from '@liaison/core';
import type { OperationStatus } from '@liaison/core/operations/schemas';
import { monthsBetween, type OperationStats, type OperationStatsQuery } from '@liaison/core/operations/stats';
import { sql } from 'kysely';
import type { Ctx } from '../context.ts';
import { visibleOperations } from './operation-visibility.ts';

// The figures of joint operations for the command dashboard: counts only, no one named. Every operation counts
// in the totals; the list of operations by name shows only those the reader may see.

const dayStart = (d: string) => new Date(`${d}T00:00:00Z`);
const dayAfter = (d: string) => new Date(dayStart(d).getTime() + 86_400_000);

export async function operationStatistics(
  ctx: Ctx,
  actor: Actor,
  query: OperationStatsQuery = {},
): Promise<OperationStats> {
  authorize(actor, 'stats.read');
  const db = ctx.app.db;
  const arrests = () => {
    let q = db.selectFrom('operation_arrests');
    if (query.from) q = q.where('arrested_at', '>=', dayStart(query.from));
    if (query.to) q = q.where('arrested_at', '<', dayAfter(query.to));
    return q;
  };
  const month = sql<string>`to_char(arrested_at at time zone 'UTC', 'YYYY-MM')`;
  const grouped = async (column: 'crime_type' | 'nationality' | 'arresting_agency') =>
    (
      await arrests()
        .select([sql<string>`${sql.ref(column)}`.as('key'), (eb) => eb.fn.countAll<string>().as('n')])
        .groupBy(column)
        .execute()
    )
      .map((r) => ({ key: r.key, count: Number(r.n) }))
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  const [byMonth, byCrimeType, byNationality, byAgency, fugitives] = await Promise.all([
    arrests()
      .select([month.as('month'), (eb) => eb.fn.countAll<string>().as('n')])
      .groupBy(month)
      .orderBy(month)
      .execute(),
    grouped('crime_type'),
    grouped('nationality'),
    grouped('arresting_agency'),
    arrests()
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('fugitive_id', 'is not', null)
      .executeTakeFirstOrThrow(),
  ]);
  const counted = new Map(byMonth.map((r) => [r.month, Number(r.n)]));
  const first = query.from?.slice(0, 7) ?? byMonth[0]?.month;
  const last = query.to?.slice(0, 7) ?? byMonth.at(-1)?.month;
  const arrestsByMonth =
    first && last ? monthsBetween(first, last).map((key) => ({ key, count: counted.get(key) ?? 0 })) : [];

  let ops = db.selectFrom('operations').select(['id', 'status']);
  if (query.from) ops = ops.where('planned_start', '>=', dayStart(query.from));
  if (query.to) ops = ops.where('planned_start', '<', dayAfter(query.to));
  const allOps = await ops.execute();
  const opIds = allOps.map((o) => o.id);
  const perOp = async (table: 'operation_arrests' | 'operation_rescues' | 'operation_seizures') =>
    new Map(
      opIds.length === 0
        ? []
        : (
            await db
              .selectFrom(table)
              .select(['operation_id', (eb) => eb.fn.countAll<string>().as('n')])
              .where('operation_id', 'in', opIds)
              .groupBy('operation_id')
              .execute()
          ).map((r) => [r.operation_id, Number(r.n)]),
    );
  const [opArrests, opRescues, opSeizures, opFugitives, drugs, cash] = await Promise.all([
    perOp('operation_arrests'),
    perOp('operation_rescues'),
    perOp('operation_seizures'),
    opIds.length === 0
      ? new Map<string, number>()
      : db
          .selectFrom('operation_arrests')
          .select(['operation_id', (eb) => eb.fn.countAll<string>().as('n')])
          .where('operation_id', 'in', opIds)
          .where('fugitive_id', 'is not', null)
          .groupBy('operation_id')
          .execute()
          .then((rows) => new Map(rows.map((r) => [r.operation_id, Number(r.n)]))),
    opIds.length === 0
      ? { grams: null }
      : db
          .selectFrom('operation_seizures')
          .select(sql<string | null>`sum(quantity)`.as('grams'))
          .where('operation_id', 'in', opIds)
          .where('category', '=', 'drugs')
          .executeTakeFirstOrThrow(),
    opIds.length === 0
      ? []
      : db
          .selectFrom('operation_seizures')
          .select(['unit', sql<string>`sum(quantity)`.as('amount')])
          .where('operation_id', 'in', opIds)
          .where('category', '=', 'cash')
          .groupBy('unit')
          .orderBy('unit')
          .execute(),
  ]);
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  let listed = visibleOperations(db, actor).select([
    'id',
    'reference',
    'code_name',
    'status',
    'planned_start',
    'lead_agency',
  ]);
  if (query.from) listed = listed.where('planned_start', '>=', dayStart(query.from));
  if (query.to) listed = listed.where('planned_start', '<', dayAfter(query.to));
  const visible = can(actor, 'operations.read')
    ? await listed.orderBy('planned_start', 'desc').execute()
    : [];
  return {
    from: query.from ?? null,
    to: query.to ?? null,
    totals: {
      operations: allOps.length,
      completed: allOps.filter((o) => o.status === 'completed').length,
      arrests: sum(opArrests),
      fugitivesArrested: Number(fugitives.n),
      rescues: sum(opRescues),
      seizures: sum(opSeizures),
      drugsGrams: Number(drugs.grams ?? 0),
      cash: cash.map((c) => ({ currency: c.unit, amount: Number(c.amount) })),
    },
    arrestsByMonth,
    arrestsByCrimeType: byCrimeType as OperationStats['arrestsByCrimeType'],
    arrestsByNationality: byNationality,
    arrestsByAgency: byAgency,
    operations: visible.map((o) => ({
      id: o.id,
      reference: o.reference,
      codeName: o.code_name,
      status: o.status as OperationStatus,
      plannedStart: o.planned_start.toISOString(),
      leadAgency: o.lead_agency,
      arrests: opArrests.get(o.id) ?? 0,
      fugitivesArrested: opFugitives.get(o.id) ?? 0,
      rescues: opRescues.get(o.id) ?? 0,
      seizures: opSeizures.get(o.id) ?? 0,
    })),
  };
}
