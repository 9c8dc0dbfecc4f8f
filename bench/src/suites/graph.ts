import { systemCtx } from '@liaison/server/context';
import { indexAndCorrelate, type NewIdentifier } from '@liaison/server/correlation/correlate';
import { openPglite } from '@liaison/server/db/database';
import type { Database } from '@liaison/server/db/tables';
import { demoPassword, seedDemoAccounts } from '@liaison/server/demo/demo-accounts';
import { createNode, type LiaisonNode } from '@liaison/server/node';
import { TestClient } from '@liaison/server/testing/test-client';
import { openTestDatabase } from '@liaison/server/testing/test-database';
import { testConfig } from '@liaison/server/testing/test-node';
import { type Kysely, sql } from 'kysely';
import { demoAnalyst } from '../demo-actor.ts';
import { benchDatabases, type Emit, note, percentile, timeEach } from '../measure.ts';

// Full scale: 1M identifiers, 200k persons, 1M links. BENCH_SCALE=0.1 for a quick run.
const scale = Number(process.env.BENCH_SCALE ?? 1);
const persons = Math.round(200_000 * scale);
const phones = Math.round(800_000 * scale);
const links = Math.round(1_000_000 * scale);
const busyDegree = 400;

const surnames = [
  'KIM',
  'LEE',
  'PARK',
  'CHOI',
  'JUNG',
  'KANG',
  'CHO',
  'YOON',
  'JANG',
  'LIM',
  'SOK',
  'CHAN',
  'HENG',
  'KEO',
  'PICH',
];
const givens = [
  'MINSU',
  'YOUNGSOO',
  'JIWON',
  'HYUNWOO',
  'SEOJIN',
  'EUNJI',
  'DARA',
  'VANNA',
  'SOPHAL',
  'BOKNAM',
  'JUNHO',
  'SUNGMIN',
  'DAEHO',
  'RATHA',
  'CHENDA',
];

/**
 * Loads the synthetic graph with set-based INSERT … SELECT batches (the database generates the rows), the way a
 * bulk import would: the graph tables' secondary indexes are dropped first and rebuilt once at the end, and
 * foreign-key triggers are skipped for the load (the generated ids are consistent by construction).
 */
export async function loadGraph(node: LiaisonNode, userId: string, agencyId: string): Promise<void> {
  // One connection throughout: the session settings below must apply to every statement of the load.
  await node.app.db.connection().execute((db) => loadOn(db, userId, agencyId));
}

async function loadOn(db: Kysely<Database>, userId: string, agencyId: string): Promise<void> {
  const batch = 100_000;
  const indexes = (
    await sql<{ name: string; definition: string }>`
      select indexname as name, indexdef as definition from pg_indexes
      where schemaname = current_schema() and tablename in ('entities', 'identifiers', 'links')
        and indexname not like '%_pkey'`.execute(db)
  ).rows;
  for (const index of indexes) await sql.raw(`drop index ${index.name}`).execute(db);
  await sql`set session_replication_role = replica`.execute(db);
  await sql`set maintenance_work_mem = '256MB'`.execute(db);
  const s = `array[${surnames.map((x) => `'${x}'`).join(',')}]`;
  const g = `array[${givens.map((x) => `'${x}'`).join(',')}]`;
  for (let from = 1; from <= persons; from += batch) {
    const to = Math.min(persons, from + batch - 1);
    await sql
      .raw(`insert into entities (id, type, properties, caption, search_text, owner_agency_id, created_by)
      select ('00000000-0000-4000-a000-' || lpad(to_hex(i), 12, '0'))::uuid, 'person',
        jsonb_build_object('names', jsonb_build_array(jsonb_build_object('value', n, 'script', 'latin', 'kind', 'primary')), 'birthDate', (date '1970-01-01' + (i % 12000)::int)::text, 'passportNumbers', jsonb_build_array('M' || lpad(i::text, 8, '0'))),
        n, n || ' | ' || n, '${agencyId}', '${userId}'
      from (select i, (${s})[1 + i % ${surnames.length}] || ' ' || (${g})[1 + (i / ${surnames.length}) % ${givens.length}] || ' ' || (i % 997) as n from generate_series(${from}::bigint, ${to}::bigint) i) p`)
      .execute(db);
    await sql
      .raw(`insert into identifiers (kind, value, raw, display, valid, property, entity_id)
      select 'passport', 'KR:M' || lpad(i::text, 8, '0'), 'M' || lpad(i::text, 8, '0'), 'KR M' || lpad(i::text, 8, '0'), true, 'passportNumbers', ('00000000-0000-4000-a000-' || lpad(to_hex(i), 12, '0'))::uuid
      from generate_series(${from}::bigint, ${to}::bigint) i`)
      .execute(db);
  }
  for (let from = 1; from <= phones; from += batch) {
    const to = Math.min(phones, from + batch - 1);
    await sql
      .raw(`insert into entities (id, type, properties, caption, search_text, owner_agency_id, created_by)
      select ('00000000-0000-4000-b000-' || lpad(to_hex(i), 12, '0'))::uuid, 'phone', jsonb_build_object('number', '+8551' || lpad(i::text, 7, '0')),
        '+8551' || lpad(i::text, 7, '0'), '+8551' || lpad(i::text, 7, '0'), '${agencyId}', '${userId}'
      from generate_series(${from}::bigint, ${to}::bigint) i`)
      .execute(db);
    await sql
      .raw(`insert into identifiers (kind, value, raw, display, valid, property, entity_id)
      select 'phone', '+8551' || lpad(i::text, 7, '0'), '0' || lpad(i::text, 8, '0'), '+855 1' || lpad(i::text, 7, '0'), true, 'number', ('00000000-0000-4000-b000-' || lpad(to_hex(i), 12, '0'))::uuid
      from generate_series(${from}::bigint, ${to}::bigint) i`)
      .execute(db);
  }
  for (let from = 1; from <= links; from += batch) {
    const to = Math.min(links, from + batch - 1);
    // Person 1 is the busy entity (a ring boss); the rest link persons to phones and to each other.
    await sql
      .raw(`insert into links (type, source_id, target_id, owner_agency_id, created_by)
      select case when i % 4 = 0 then 'associate_of' else 'uses' end,
        ('00000000-0000-4000-a000-' || lpad(to_hex(case when i <= ${busyDegree} then 1 else 1 + (i * 7919) % ${persons} end), 12, '0'))::uuid,
        case when i % 4 = 0 then ('00000000-0000-4000-a000-' || lpad(to_hex(2 + (i * 104729) % (${persons} - 1)), 12, '0'))::uuid
             else ('00000000-0000-4000-b000-' || lpad(to_hex(1 + (i * 15485863) % ${phones}), 12, '0'))::uuid end,
        '${agencyId}', '${userId}'
      from generate_series(${from}::bigint, ${to}::bigint) i`)
      .execute(db);
  }
  await sql`set session_replication_role = default`.execute(db);
  for (const index of indexes) await sql.raw(index.definition).execute(db);
  await sql`analyze`.execute(db);
}

async function run(emit: Emit, kind: 'pglite' | 'postgres'): Promise<void> {
  const database = kind === 'pglite' ? await openPglite(null) : await openTestDatabase();
  const node = await createNode(testConfig(), { database, logger: false });
  const context = { database: kind, scale };
  try {
    await seedDemoAccounts(systemCtx(node.app));
    const actor = await demoAnalyst(node.app.db);
    let start = performance.now();
    await loadGraph(node, actor.userId, actor.agencyId);
    const loadMs = performance.now() - start;
    note(
      `  ${kind}: loaded ${persons} persons, ${persons + phones} identifiers, ${links} links in ${Math.round(loadMs)} ms`,
    );
    emit({
      suite: 'graph',
      metric: 'load',
      value: Math.round(loadMs),
      unit: 'ms',
      identifiers: persons + phones,
      persons,
      links,
      ...context,
    });

    // Correlating 10,000 new identifiers: half already known (hits), half new, in one transaction.
    const batchSize = 10_000;
    const carriers = await node.app.db
      .insertInto('entities')
      .values(
        Array.from({ length: 100 }, (_, i) => ({
          type: 'phone',
          properties: JSON.stringify({ number: String(i) }),
          caption: String(i),
          owner_agency_id: actor.agencyId,
          created_by: actor.userId,
        })),
      )
      .returning('id')
      .execute();
    const fresh: NewIdentifier[] = Array.from({ length: batchSize }, (_, i) => {
      const known = i % 2 === 0 ? 1 + ((i * 31) % phones) : phones + 1_000_000 + i;
      const value = `+8551${String(known).padStart(7, '0')}`;
      return {
        kind: 'phone',
        raw: value,
        value,
        display: value,
        valid: true,
        property: 'number',
        entityId: carriers[i % carriers.length]!.id,
        caseId: null,
      };
    });
    start = performance.now();
    const { hits } = await node.app.db
      .transaction()
      .execute((trx) => indexAndCorrelate(systemCtx(node.app), trx, actor, fresh));
    const correlateMs = performance.now() - start;
    note(
      `  ${kind}: correlated ${batchSize} identifiers (${hits.length} hits) in ${Math.round(correlateMs)} ms (target < 1000)`,
    );
    emit({
      suite: 'graph',
      metric: 'correlate_10k',
      value: Math.round(correlateMs),
      unit: 'ms',
      hits: hits.length,
      ...context,
    });

    // Every API figure goes through the HTTP layer (inject) with a real session cookie: session lookup,
    // access check, validation, service and serialisation. Warm-up requests are not counted.
    const client = new TestClient(node.http);
    await client.login('analyst@knpa.demo', demoPassword);
    const samples = 300;
    const warmUp = 30;
    const checkUrl = (i: number) =>
      `/api/v1/identifiers/check?q=${encodeURIComponent(`01${String(1 + ((i * 7919) % phones)).padStart(7, '0')}`)}&kind=phone`;
    await timeEach(warmUp, (i) => client.get(checkUrl(samples + i)));
    const probeCheck = (await client.get(checkUrl(1))).json();
    if (probeCheck.matchCount < 1)
      throw new Error('the hit check found nothing: the bench is not measuring a hit');
    const check = await timeEach(samples, (i) => client.get(checkUrl(i)));
    emit({
      suite: 'graph',
      metric: 'hit_check.p99',
      value: percentile(check, 99),
      unit: 'ms',
      target: 5,
      samples,
      ...context,
    });
    emit({ suite: 'graph', metric: 'hit_check.p50', value: percentile(check, 50), unit: 'ms', ...context });

    const busy = '00000000-0000-4000-a000-000000000001';
    await timeEach(warmUp, () => client.get(`/api/v1/graph/expand?ids=${busy}&hops=2`));
    const expand = await timeEach(samples, () => client.get(`/api/v1/graph/expand?ids=${busy}&hops=2`));
    const probe = (await client.get(`/api/v1/graph/expand?ids=${busy}&hops=2`)).json();
    emit({
      suite: 'graph',
      metric: 'expand_2hop.p99',
      value: percentile(expand, 99),
      unit: 'ms',
      target: 100,
      nodes: probe.nodes?.length,
      truncated: probe.truncated,
      ...context,
    });

    const candidateUrl = (i: number) =>
      `/api/v1/entities/00000000-0000-4000-a000-${(10 + ((i * 7919) % (persons - 10))).toString(16).padStart(12, '0')}/person-candidates`;
    await timeEach(warmUp, (i) => client.get(candidateUrl(samples + i)));
    const probeCandidates = (await client.get(candidateUrl(0))).json();
    const candidates = await timeEach(samples, (i) => client.get(candidateUrl(i)));
    emit({
      suite: 'graph',
      metric: 'person_candidates.p99',
      value: percentile(candidates, 99),
      unit: 'ms',
      target: 50,
      candidates: probeCandidates.length,
      ...context,
    });
    emit({
      suite: 'graph',
      metric: 'expand_2hop.p50',
      value: percentile(expand, 50),
      unit: 'ms',
      ...context,
    });
    emit({
      suite: 'graph',
      metric: 'person_candidates.p50',
      value: percentile(candidates, 50),
      unit: 'ms',
      ...context,
    });
    note(
      `  ${kind}: hit check p99 ${percentile(check, 99)} ms, 2-hop p99 ${percentile(expand, 99)} ms (${probe.nodes?.length} nodes), candidates p99 ${percentile(candidates, 99)} ms`,
    );
  } finally {
    await node.close();
  }
}

export default async function graphBench(emit: Emit): Promise<void> {
  for (const target of benchDatabases()) await run(emit, target.kind);
}
