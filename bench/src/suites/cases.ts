import type { Actor } from '@liaison/core';
import { CaseListQuery } from '@liaison/core/cases/index';
import { listCases } from '@liaison/server/cases/cases-service';
import { type Ctx, systemCtx } from '@liaison/server/context';
import { openPglite } from '@liaison/server/db/database';
import { seedDemoAccounts } from '@liaison/server/demo/demo-accounts';
import { createNode } from '@liaison/server/node';
import { openScratchPostgres } from '@liaison/server/testing/test-database';
import { testConfig } from '@liaison/server/testing/test-node';
import { sql } from 'kysely';
import { benchDatabases, type Emit, note, percentile, timeEach } from '../measure.ts';

const rows = Number(process.env.BENCH_CASES ?? 100_000);
const iterations = Number(process.env.BENCH_ITERATIONS ?? 100);

/** 100,000 cases in one statement: two owner agencies, every status and priority, a year of dates, some TLP:RED. */
async function insertCases(ctx: Ctx, officerId: string, unitId: string): Promise<void> {
  const db = ctx.app.db;
  const agencies = await db
    .selectFrom('agencies')
    .select(['id', 'code'])
    .where('code', 'in', ['KNPA', 'CNP'])
    .orderBy('code')
    .execute();
  const [cnp, knpa] = agencies;
  await sql`
    insert into cases (number, owner_agency_id, lead_agency, title, summary, language, crime_types, status, close_reason,
                       priority, tlp, handling_code, participating_unit_ids, assigned_officer_ids, created_by, created_at, updated_at)
    select
      (case when n % 2 = 0 then ${knpa!.code} else ${cnp!.code} end) || '-2026-' || lpad(n::text, 6, '0'),
      (case when n % 2 = 0 then ${knpa!.id}::uuid else ${cnp!.id}::uuid end),
      (case when n % 3 = 0 then 'CNP' else 'KNPA' end),
      (array['Voice phishing ring', 'Compound in Bavet', 'Mule accounts', 'Romance scam', 'Sextortion', 'Investment chat room'])[1 + n % 6] || ' ' || n,
      '', 'en',
      (case n % 4 when 0 then array['voice_phishing'] when 1 then array['romance_pig_butchering'] when 2 then array['investment']
        else array['voice_phishing', 'investigator_impersonation'] end),
      (array['open', 'active', 'suspended', 'closed'])[1 + (n / 7) % 4],
      (case when (n / 7) % 4 = 3 then 'solved' end),
      (array['low', 'normal', 'high', 'critical'])[1 + (n / 3) % 4],
      (case when n % 50 = 0 then 'RED' when n % 10 = 0 then 'AMBER+STRICT' else 'AMBER' end),
      'H1',
      (case when n % 5 = 1 then array[${unitId}::uuid] else '{}'::uuid[] end),
      (case when n % 40 = 0 then array[${officerId}::uuid] else '{}'::uuid[] end),
      ${officerId}::uuid,
      now() - (n % 365) * interval '1 day' - (n % 86400) * interval '1 second',
      now() - (n % 365) * interval '1 day' + (n % 3600) * interval '1 second'
    from generate_series(1, ${rows}) as n
  `.execute(db);
  await sql`analyze cases`.execute(db);
}

const queries: Record<string, Record<string, unknown>> = {
  default: {},
  status_open_active: { status: 'open,active' },
  crime_type: { crimeType: 'romance_pig_butchering' },
  priority_sort: { sort: 'priority' },
  assigned_to_me: { assignee: 'ME' },
  title_search: { q: 'bavet 1234' },
  lead_agency_created_range: { agency: 'CNP', createdFrom: '2026-01-01', createdTo: '2026-06-30' },
  number_sort_asc: { sort: 'number', direction: 'asc' },
};

export default async function casesBench(emit: Emit): Promise<void> {
  for (const target of benchDatabases()) {
    const handle = target.kind === 'pglite' ? await openPglite(null) : await openScratchPostgres(target.url!);
    const node = await createNode(testConfig(), { database: handle, logger: false });
    const ctx = systemCtx(node.app);
    await seedDemoAccounts(ctx);
    const user = await node.app.db
      .selectFrom('users')
      .innerJoin('agencies', 'agencies.id', 'users.agency_id')
      .select([
        'users.id',
        'users.agency_id',
        'users.unit_id',
        'users.roles',
        'users.email',
        'users.display_name',
        'agencies.code',
      ])
      .where('users.email', '=', 'investigator@knpa.demo')
      .executeTakeFirstOrThrow();
    const cnpUnit = await node.app.db
      .selectFrom('units')
      .select('id')
      .where('name', '=', 'Korea Desk (Joint Unit)')
      .executeTakeFirstOrThrow();
    const actor: Actor = {
      userId: user.id,
      agencyId: user.agency_id,
      agencyCode: user.code,
      unitId: user.unit_id,
      roles: user.roles,
      email: user.email,
      displayName: user.display_name,
      via: 'session',
    };

    note(`  ${target.kind}: inserting ${rows.toLocaleString('en')} cases`);
    const seedStart = performance.now();
    await insertCases(ctx, user.id, cnpUnit.id);
    const context = { database: target.kind, rows };
    emit({
      suite: 'cases',
      metric: 'seed.insert',
      value: Math.round(performance.now() - seedStart),
      unit: 'ms',
      ...context,
    });

    for (const [name, raw] of Object.entries(queries)) {
      const query = CaseListQuery.parse({ ...raw, ...(raw.assignee === 'ME' && { assignee: user.id }) });
      const times = await timeEach(iterations, () => listCases(ctx, actor, query));
      emit({
        suite: 'cases',
        metric: `list.${name}.p50`,
        value: percentile(times, 50),
        unit: 'ms',
        ...context,
      });
      emit({
        suite: 'cases',
        metric: `list.${name}.p99`,
        value: percentile(times, 99),
        unit: 'ms',
        ...context,
      });
      note(`  ${target.kind} list.${name}: p50 ${percentile(times, 50)} ms, p99 ${percentile(times, 99)} ms`);
    }

    // Deep paging: follow the cursor 20 pages in, timing each page.
    const pageTimes: number[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 20; i++) {
      const start = performance.now();
      const page = await listCases(ctx, actor, CaseListQuery.parse({ limit: 50, ...(cursor && { cursor }) }));
      pageTimes.push(performance.now() - start);
      cursor = page.nextCursor ?? undefined;
      if (!cursor) break;
    }
    pageTimes.sort((a, b) => a - b);
    emit({
      suite: 'cases',
      metric: 'list.cursor_pages.p50',
      value: percentile(pageTimes, 50),
      unit: 'ms',
      ...context,
    });
    emit({
      suite: 'cases',
      metric: 'list.cursor_pages.p99',
      value: percentile(pageTimes, 99),
      unit: 'ms',
      ...context,
    });
    await node.close();
  }
}
