import os from 'node:os';
import { ExchangeItemInput } from '@liaison/core/exchange/schemas';
import { systemActor } from '@liaison/server/cli/system-actor';
import { systemCtx } from '@liaison/server/context';
import { sendItem } from '@liaison/server/exchange/exchange-service';
import { deliverPending, pullAll } from '@liaison/server/federation/delivery';
import { startPeeredPair } from '@liaison/server/federation/testing';
import { benchDatabases, type Emit, note, percentile } from '../measure.ts';

/**
 * Two nodes on loopback: latency, throughput, catch-up after an outage, idle sync. On the embedded database,
 * and on PostgreSQL too when BENCH_DATABASE_URL is set (each node gets a scratch database there).
 */
export default async function federation(emit: Emit): Promise<void> {
  for (const db of benchDatabases()) {
    const saved = { kind: process.env.LIAISON_TEST_DB, url: process.env.TEST_DATABASE_URL };
    if (db.kind === 'postgres') {
      process.env.LIAISON_TEST_DB = 'postgres';
      process.env.TEST_DATABASE_URL = db.url;
    }
    try {
      // The 1-minute load average goes with each line: this machine is shared, so figures vary with it.
      await federationOn(db.kind, (line) =>
        emit({ ...line, db: db.kind, load1: Math.round(os.loadavg()[0]! * 100) / 100 }),
      );
    } finally {
      process.env.LIAISON_TEST_DB = saved.kind;
      process.env.TEST_DATABASE_URL = saved.url;
      if (saved.kind === undefined) delete process.env.LIAISON_TEST_DB;
      if (saved.url === undefined) delete process.env.TEST_DATABASE_URL;
    }
  }
}

async function federationOn(kind: string, emit: Emit): Promise<void> {
  note(`federation on ${kind}`);
  const scale = Number(process.env.BENCH_FEDERATION_SCALE ?? 1);
  const { knpa, cnp } = await startPeeredPair();
  try {
    const agency = await knpa.node.app.db
      .selectFrom('agencies')
      .select(['id', 'code'])
      .where('code', '=', 'KNPA')
      .executeTakeFirstOrThrow();
    const ctx = systemCtx(knpa.node.app);
    const actor = systemActor(agency);
    const input = ExchangeItemInput.parse({
      peer: 'cnp',
      kind: 'notification',
      subject: 'bench',
      body: 'x'.repeat(500),
      markings: {
        handlingCode: 'H1',
        tlp: 'AMBER',
        legalBasis: { kind: 'police_cooperation' },
        purpose: 'benchmark',
      },
    });
    const latencies: number[] = [];
    for (let i = 0; i < Math.round(200 * scale); i++) {
      const start = performance.now();
      await sendItem(ctx, actor, input);
      await deliverPending(knpa.node.app);
      latencies.push(performance.now() - start);
    }
    latencies.sort((a, b) => a - b);
    emit({
      suite: 'federation',
      metric: 'message_latency_p50',
      value: percentile(latencies, 50),
      unit: 'ms',
    });
    emit({
      suite: 'federation',
      metric: 'message_latency_p99',
      value: percentile(latencies, 99),
      unit: 'ms',
      target: 250,
    });

    const burst = Math.round(2_000 * scale);
    for (let i = 0; i < burst; i++) await sendItem(ctx, actor, input);
    let start = performance.now();
    await deliverPending(knpa.node.app);
    let seconds = (performance.now() - start) / 1000;
    emit({
      suite: 'federation',
      metric: 'throughput',
      value: Math.round(burst / seconds),
      unit: 'messages/s',
      messages: burst,
      target: 500,
      note: 'delivery and apply; enqueue excluded',
    });

    const outage = Math.round(10_000 * scale);
    note(`federation: queueing ${outage} messages while the receiver is down`);
    await cnp.goDown();
    for (let i = 0; i < outage; i++) await sendItem(ctx, actor, input);
    await cnp.comeBack();
    start = performance.now();
    await pullAll(cnp.node.app);
    seconds = (performance.now() - start) / 1000;
    emit({
      suite: 'federation',
      metric: 'catch_up',
      value: Math.round(seconds * 1000),
      unit: 'ms',
      messages: outage,
      target: 30_000,
    });

    const idle: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t0 = performance.now();
      await pullAll(cnp.node.app);
      idle.push(performance.now() - t0);
    }
    idle.sort((a, b) => a - b);
    emit({
      suite: 'federation',
      metric: 'idle_sync_round_p50',
      value: percentile(idle, 50),
      unit: 'ms',
      target: 100,
    });
  } finally {
    note('federation: closing nodes');
    await knpa.node.http.close();
    await cnp.node.http.close();
    await knpa.close();
    await cnp.close();
  }
}
