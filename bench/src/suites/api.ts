import { createAgency } from '@liaison/server/accounts/agencies-service';
import { createUser } from '@liaison/server/accounts/users-service';
import { systemActor } from '@liaison/server/cli/system-actor';
import { systemCtx } from '@liaison/server/context';
import { openPglite } from '@liaison/server/db/database';
import { createNode } from '@liaison/server/node';
import { openScratchPostgres } from '@liaison/server/testing/test-database';
import { testConfig } from '@liaison/server/testing/test-node';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { benchDatabases, type Emit, note } from '../measure.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const password = 'benchmark password 2026';

async function load(
  url: string,
  options: { method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string; connections?: number },
) {
  const result = await autocannon({
    url,
    duration: seconds,
    connections: options.connections ?? 10,
    method: options.method ?? 'GET',
    headers: options.headers ?? {},
    ...(options.body && { body: options.body }),
  });
  if (result.non2xx > 0) note(`  warning: ${result.non2xx} non-2xx answers from ${url}`);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
  };
}

function report(
  emit: Emit,
  metric: string,
  r: Awaited<ReturnType<typeof load>>,
  context: Record<string, unknown>,
) {
  emit({ suite: 'api', metric: `${metric}.rps`, value: r.rps, unit: 'req/s', ...context });
  emit({ suite: 'api', metric: `${metric}.p50`, value: r.p50, unit: 'ms', ...context });
  emit({ suite: 'api', metric: `${metric}.p99`, value: r.p99, unit: 'ms', ...context });
}

async function bareFastifyCeiling(emit: Emit) {
  const bare = Fastify();
  bare.get('/bare', async () => ({ status: 'ok' }));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const address = bare.server.address() as { port: number };
  note('  bare Fastify route (the ceiling on this machine)');
  report(emit, 'bare_fastify', await load(`http://127.0.0.1:${address.port}/bare`, {}), { database: 'none' });
  await bare.close();
}

export default async function apiBench(emit: Emit): Promise<void> {
  await bareFastifyCeiling(emit);
  for (const target of benchDatabases()) {
    const handle =
      target.kind === 'pglite' ? await openPglite(null) : await openScratchPostgres(target.url!, 10);
    const node = await createNode(testConfig({ loginRateLimitPerMinute: 1_000_000 }), {
      database: handle,
      logger: false,
    });
    const ctx = systemCtx(node.app);
    const agency = await createAgency(ctx, systemActor({ id: '', code: 'BENCH' }), {
      code: 'BENCH',
      name: 'Bench',
      country: 'KR',
    });
    await createUser(ctx, systemActor(agency), {
      email: 'bench@bench.test',
      displayName: 'Bench',
      agencyId: agency.id,
      roles: ['investigator'],
      password,
      language: 'en',
      timeZone: 'Asia/Seoul',
    });
    await node.http.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(node.http.server.address() as { port: number }).port}`;
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bench@bench.test', password }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;

    note(`  GET /api/v1/me with a session on ${target.kind}`);
    report(emit, 'me', await load(`${base}/api/v1/me`, { headers: { cookie } }), { database: target.kind });
    note(`  POST /api/v1/auth/login on ${target.kind} (argon2id dominates)`);
    report(
      emit,
      'login',
      await load(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'bench@bench.test', password }),
        connections: 4,
      }),
      { database: target.kind },
    );
    const hashStart = performance.now();
    const { hashPassword } = await import('@liaison/server/accounts/passwords');
    for (let i = 0; i < 10; i++) await hashPassword(password);
    emit({
      suite: 'api',
      metric: 'argon2id.hash',
      value: Math.round(((performance.now() - hashStart) / 10) * 100) / 100,
      unit: 'ms',
      database: 'none',
    });
    await node.close();
  }
}
