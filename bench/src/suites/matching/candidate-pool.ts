// The candidate pool on a database of 200k persons (BENCH_SCALE=0.1 for 20k): the labelled records of both
// splits among filler persons generated the same way (other seeds: other people, namesakes included), on PGlite
// and on PostgreSQL when BENCH_DATABASE_URL is set. Pool recall: of the true pairs (A record → B record), how many
// reach the pool the service scores (personPool, the service's size for 10 candidates); names and birth dates
// only, no identifiers, so the name blocking alone is measured. Query time: the pool query, and the whole
// candidate call (pool, facts, frequencies, scoring).
import type { Actor } from '@liaison/core';
import { systemCtx } from '@liaison/server/context';
import { personCandidates } from '@liaison/server/correlation/person-match-service';
import { personPool, recountPersonNames } from '@liaison/server/correlation/person-pool';
import { openPglite } from '@liaison/server/db/database';
import type { Database } from '@liaison/server/db/tables';
import { seedDemoAccounts } from '@liaison/server/demo/demo-accounts';
import { searchTextOf } from '@liaison/server/graph/entities/entity-index';
import { createNode } from '@liaison/server/node';
import { openTestDatabase } from '@liaison/server/testing/test-database';
import { testConfig } from '@liaison/server/testing/test-node';
import { type Kysely, sql } from 'kysely';
import { demoAnalyst } from '../../demo-actor.ts';
import { benchDatabases, type Emit, note, percentile, timeEach } from '../../measure.ts';
import { generateRecords, type LabelledRecord } from './generate.ts';

const scale = Number(process.env.BENCH_SCALE ?? 1);
const PERSONS = Math.round(200_000 * scale);
const POOL_SIZE = 60;
const SAMPLES = 300;
const RECALL_FLOOR = 0.99;
const P99_CEILING_MS = 50;

const uuid = (n: number) => `00000000-0000-4000-c000-${n.toString(16).padStart(12, '0')}`;

function fillers(count: number): LabelledRecord['facts'][] {
  const out: LabelledRecord['facts'][] = [];
  for (let seed = 1; out.length < count; seed++) {
    for (const record of generateRecords(1_000_000 + seed)) {
      out.push(record.facts);
      if (out.length >= count) break;
    }
  }
  return out;
}

async function load(db: Kysely<Database>, persons: LabelledRecord['facts'][], actor: Actor): Promise<void> {
  await db.connection().execute(async (conn) => {
    // Set-based load as a bulk import would: the count trigger is skipped, counts are made once at the end.
    await sql`set session_replication_role = replica`.execute(conn);
    for (let from = 0; from < persons.length; from += 2_000) {
      const batch = persons.slice(from, from + 2_000).map((facts, i) => {
        const properties = {
          names: facts.names.map((value) => ({ value, script: 'latin', kind: 'primary' })),
          ...(facts.birthDate && { birthDate: facts.birthDate }),
        };
        const caption = facts.names[0] ?? '';
        return {
          id: uuid(from + i + 1),
          type: 'person',
          properties: JSON.stringify(properties),
          caption,
          search_text: searchTextOf('person', properties, caption, []),
        };
      });
      await sql`insert into entities (id, type, properties, caption, search_text, owner_agency_id, created_by)
        select id, 'person', properties::jsonb, caption, search_text, ${actor.agencyId}, ${actor.userId}
        from unnest(${batch.map((b) => b.id)}::uuid[], ${batch.map((b) => b.properties)}::text[],
          ${batch.map((b) => b.caption)}::text[], ${batch.map((b) => b.search_text)}::text[])
          as t(id, properties, caption, search_text)`.execute(conn);
    }
    await sql`set session_replication_role = default`.execute(conn);
  });
  await recountPersonNames(db);
  // As after any bulk import: statistics for the planner, dead rows and index lists tidied.
  await sql`vacuum analyze entities`.execute(db);
}

async function run(
  emit: Emit,
  kind: 'pglite' | 'postgres',
  records: readonly LabelledRecord[],
): Promise<void> {
  const database = kind === 'pglite' ? await openPglite(null) : await openTestDatabase();
  const node = await createNode(testConfig(), { database, logger: false });
  try {
    await seedDemoAccounts(systemCtx(node.app));
    const actor = await demoAnalyst(node.app.db);
    const labelled = records.map((r) => r.facts);
    const persons = [...labelled, ...fillers(Math.max(0, PERSONS - labelled.length))];
    const start = performance.now();
    await load(node.app.db, persons, actor);
    note(`  ${kind}: loaded ${persons.length} persons in ${Math.round(performance.now() - start)} ms`);
    const idOf = new Map(records.map((r, i) => [r.id, uuid(i + 1)]));
    const byIdentity = new Map<string, LabelledRecord[]>();
    for (const r of records) byIdentity.set(r.identity, [...(byIdentity.get(r.identity) ?? []), r]);
    let pairs = 0;
    let pooled = 0;
    const targets = records.filter((r) => r.side === 'A');
    for (const a of targets) {
      const truths = (byIdentity.get(a.identity) ?? []).filter((r) => r.side === 'B');
      if (truths.length === 0) continue;
      const pool = new Set(
        await personPool(
          node.app.db,
          actor,
          {
            id: idOf.get(a.id)!,
            names: a.facts.names,
            ...(a.facts.birthDate && { birthDate: a.facts.birthDate }),
            identifiers: [],
          },
          POOL_SIZE,
        ),
      );
      for (const b of truths) {
        pairs++;
        if (pool.has(idOf.get(b.id)!)) pooled++;
      }
    }
    const recall = pooled / pairs;
    const context = { database: kind, persons: persons.length, poolSize: POOL_SIZE };
    note(
      `  ${kind}: pool recall ${recall.toFixed(4)} (${pooled} of ${pairs} true pairs; floor ${RECALL_FLOOR}, ratio ${(recall / RECALL_FLOOR).toFixed(3)})`,
    );
    emit({
      suite: 'matching',
      metric: 'person-pool-recall',
      value: Math.round(recall * 10_000) / 10_000,
      unit: 'ratio',
      floor: RECALL_FLOOR,
      ratio: Math.round((recall / RECALL_FLOOR) * 1000) / 1000,
      pairs,
      ...context,
    });
    const target = (i: number) => targets[(i * 7919) % targets.length]!;
    const poolOnly = await timeEach(SAMPLES, (i) =>
      personPool(
        node.app.db,
        actor,
        { id: idOf.get(target(i).id)!, names: target(i).facts.names, identifiers: [] },
        POOL_SIZE,
      ),
    );
    const whole = await timeEach(SAMPLES, (i) =>
      personCandidates(systemCtx(node.app), actor, idOf.get(target(i).id)!, 10),
    );
    for (const [metric, times] of [
      ['person-pool-query', poolOnly],
      ['person-candidates', whole],
    ] as const) {
      const p99 = percentile(times, 99);
      note(
        `  ${kind}: ${metric} p50 ${percentile(times, 50)} ms, p99 ${p99} ms (ceiling ${P99_CEILING_MS} ms, ratio ${(p99 / P99_CEILING_MS).toFixed(2)})`,
      );
      emit({
        suite: 'matching',
        metric: `${metric}.p50`,
        value: percentile(times, 50),
        unit: 'ms',
        ...context,
      });
      emit({
        suite: 'matching',
        metric: `${metric}.p99`,
        value: p99,
        unit: 'ms',
        ceiling: P99_CEILING_MS,
        ratio: Math.round((p99 / P99_CEILING_MS) * 100) / 100,
        ...context,
      });
    }
  } finally {
    await node.close();
  }
}

export default async function candidatePool(emit: Emit, records: readonly LabelledRecord[]): Promise<void> {
  for (const target of benchDatabases()) await run(emit, target.kind, records);
}
