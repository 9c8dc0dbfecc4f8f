import { seenFlagKeys } from '@liaison/core/fugitives/flag-keys';
import { matchWanted, type SeenPerson } from '@liaison/core/fugitives/flag-match';
import { KOREAN_SURNAMES, romaniseHangulName } from '@liaison/core/persons/index';
import { systemCtx } from '@liaison/server/context';
import { openPglite } from '@liaison/server/db/database';
import { seedDemoAccounts } from '@liaison/server/demo/demo-accounts';
import { insertWantedPersons, type WantedSeed } from '@liaison/server/fugitives/flag/flag-test-support';
import { candidatesByKeys, rebuildWantedIndex } from '@liaison/server/fugitives/flag/wanted-index';
import { createEntities } from '@liaison/server/graph/entities/entity-writes';
import { createNode } from '@liaison/server/node';
import { createTestCase } from '@liaison/server/testing/factories';
import { openScratchPostgres } from '@liaison/server/testing/test-database';
import { testConfig } from '@liaison/server/testing/test-node';
import { sql } from 'kysely';
import { demoAnalyst } from '../demo-actor.ts';
import { benchDatabases, type Emit, note, percentile } from '../measure.ts';

// The fugitive flag's cost on a write path: creating a person entity (which runs the flag in its transaction)
// with 100,000 wanted persons on file, against the same write with none on file (the floor); and the flag's
// recall on generated variants of wanted persons (Hangul ↔ passport spellings, reordered names, day–month swaps).
const wantedCount = Number(process.env.BENCH_WANTED ?? 100_000);
const iterations = Number(process.env.BENCH_ITERATIONS ?? 300);
const variants = Number(process.env.BENCH_VARIANTS ?? 2_000);

// A deterministic generator, so two runs measure the same data.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const SYLLABLES = [...'민준서연지훈영수현우성진호은하윤재경희동철정숙미선혜종태상규석'];
const SURNAMES = KOREAN_SURNAMES.slice(0, 60).map((s) => s.hangul);

interface Generated {
  hangul: string;
  birthDate: string;
  passport: string;
}

function generate(random: () => number, i: number): Generated {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const hangul = `${pick(SURNAMES)}${pick(SYLLABLES)}${pick(SYLLABLES)}`;
  const y = 1955 + Math.floor(random() * 50);
  const m = 1 + Math.floor(random() * 12);
  const d = 1 + Math.floor(random() * 28);
  const birthDate = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return { hangul, birthDate, passport: `KR:M${String(10_000_000 + i).padStart(8, '0')}` };
}

function seedOf(g: Generated): WantedSeed {
  const passportName = romaniseHangulName(g.hangul)[0]?.passport ?? '';
  return {
    names: [
      { value: g.hangul, script: 'hangul', kind: 'primary' },
      ...(passportName ? [{ value: passportName, script: 'latin' as const, kind: 'passport' as const }] : []),
    ],
    birthDate: g.birthDate,
    passportNumber: g.passport,
    // Entered over the years: the write path's "changed in the last half minute" finds none of them.
    updatedAt: new Date(Date.UTC(2020, 0, 1) + (Number(g.passport.slice(-5)) % 1800) * 86_400_000),
  };
}

/** A variant of a wanted person as another record would write him: a passport spelling, maybe reordered, maybe swapped. */
function variantOf(g: Generated, random: () => number): { seen: SeenPerson; kind: string } {
  const reading = romaniseHangulName(g.hangul)[0]!;
  const surname = reading.surnameSpellings[Math.floor(random() * reading.surnameSpellings.length)]!;
  const given = reading.givenSpellings[Math.floor(random() * reading.givenSpellings.length)]!;
  const reorder = random() < 0.5;
  const [y, m, d] = g.birthDate.split('-');
  const swap = random() < 0.5 && Number(d) <= 12 && m !== d;
  return {
    seen: {
      names: [reorder ? `${given} ${surname}` : `${surname} ${given}`],
      birthDate: swap ? `${y}-${d}-${m}` : g.birthDate,
    },
    kind: `${reorder ? 'reordered' : 'in-order'}${swap ? '+swapped' : ''}`,
  };
}

/** A node with the demo accounts and one case, on the kind of database measured. */
async function benchNode(target: { kind: 'pglite' | 'postgres'; url?: string }) {
  const handle = target.kind === 'pglite' ? await openPglite(null) : await openScratchPostgres(target.url!);
  const node = await createNode(testConfig(), { database: handle, logger: false });
  const ctx = systemCtx(node.app);
  await seedDemoAccounts(ctx);
  const actor = await demoAnalyst(node.app.db);
  const caseId = ((await createTestCase(node.app, actor)) as { id: string }).id;
  return { node, ctx, actor, caseId };
}

export default async function fugitivesBench(emit: Emit): Promise<void> {
  for (const target of benchDatabases()) {
    // Two nodes, one with no wanted persons (the floor) and one with 100,000, written to in turn: both
    // measurements share whatever else the machine is doing at the time.
    const empty = await benchNode(target);
    const loaded = await benchNode(target);
    try {
      const random = rng(20261204);
      // Persons created in the timed writes: Korean names like the wanted ones' (so candidates are found and
      // scored), other birth dates (so nothing flags and the write is the same every time).
      const person = (caseId: string, i: number) => {
        const g = generate(random, 900_000 + i);
        return {
          type: 'person',
          caseId,
          properties: {
            names: [{ value: romaniseHangulName(g.hangul)[0]!.passport, script: 'latin', kind: 'primary' }],
            birthDate: `2006-01-${String(1 + (i % 28)).padStart(2, '0')}`,
          },
        };
      };
      note(`fugitives on ${target.kind}: inserting ${wantedCount} wanted persons`);
      const wantedRandom = rng(7);
      const generated = Array.from({ length: wantedCount }, (_, i) => generate(wantedRandom, i));
      const db = loaded.node.app.db;
      let start = performance.now();
      await insertWantedPersons(db, generated.map(seedOf));
      const insertMs = performance.now() - start;
      start = performance.now();
      await rebuildWantedIndex(db);
      const indexMs = performance.now() - start;
      await sql`analyze fugitives`.execute(db);
      await sql`analyze fugitive_flag_keys`.execute(db);
      await sql`analyze fugitive_flag_indexed`.execute(db);
      const keys = await db
        .selectFrom('fugitive_flag_keys')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      emit({
        suite: 'fugitives',
        metric: 'wanted_insert_ms',
        value: Math.round(insertMs),
        unit: 'ms',
        db: target.kind,
        wanted: wantedCount,
      });
      emit({
        suite: 'fugitives',
        metric: 'wanted_index_ms',
        value: Math.round(indexMs),
        unit: 'ms',
        db: target.kind,
        wanted: wantedCount,
        keys: Number(keys.n),
      });
      note(
        `fugitives on ${target.kind}: entity creation, ${iterations} writes each with none and ${wantedCount} on file, in turn`,
      );
      const write = (n: typeof empty, i: number) => createEntities(n.ctx, n.actor, [person(n.caseId, i)]);
      for (let i = 0; i < 30; i++) {
        await write(empty, 100_000 + i); // warm-up
        await write(loaded, 100_000 + i);
      }
      const floorTimes: number[] = [];
      const loadedTimes: number[] = [];
      for (let i = 0; i < iterations; i++) {
        for (const [n, times] of [
          [empty, floorTimes],
          [loaded, loadedTimes],
        ] as const) {
          const t0 = performance.now();
          await write(n, i);
          times.push(performance.now() - t0);
        }
      }
      floorTimes.sort((a, b) => a - b);
      loadedTimes.sort((a, b) => a - b);
      for (const stat of [50, 99] as const) {
        const floorValue = percentile(floorTimes, stat);
        const value = percentile(loadedTimes, stat);
        emit({
          suite: 'fugitives',
          metric: `entity_create_p${stat}_ms`,
          value,
          unit: 'ms',
          db: target.kind,
          wanted: wantedCount,
          floor_ms: floorValue,
          ratio: Math.round((value / floorValue) * 100) / 100,
          iterations,
        });
      }
      note(`fugitives on ${target.kind}: recall on ${variants} generated variants`);
      const variantRandom = rng(99);
      const byKind = new Map<string, { found: number; total: number }>();
      let found = 0;
      for (let i = 0; i < variants; i++) {
        const index = Math.floor(variantRandom() * generated.length);
        const g = generated[index]!;
        const { seen, kind } = variantOf(g, variantRandom);
        const candidates = await candidatesByKeys(db, seenFlagKeys(seen));
        const hit = candidates.some((w) => w.passportNumber === g.passport && matchWanted(seen, w) !== null);
        const tally = byKind.get(kind) ?? { found: 0, total: 0 };
        tally.total += 1;
        if (hit) {
          tally.found += 1;
          found += 1;
        }
        byKind.set(kind, tally);
      }
      emit({
        suite: 'fugitives',
        metric: 'flag_recall',
        value: Math.round((found / variants) * 1000) / 1000,
        unit: 'ratio',
        db: target.kind,
        wanted: wantedCount,
        variants,
      });
      for (const [kind, tally] of byKind)
        emit({
          suite: 'fugitives',
          metric: 'flag_recall',
          value: Math.round((tally.found / tally.total) * 1000) / 1000,
          unit: 'ratio',
          db: target.kind,
          variant: kind,
          variants: tally.total,
        });
      const flagged = await db
        .selectFrom('fugitive_flags')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      emit({
        suite: 'fugitives',
        metric: 'flags_on_timed_writes',
        value: Number(flagged.n),
        unit: 'flags',
        db: target.kind,
        writes: iterations + 30,
      });
    } finally {
      await empty.node.close();
      await loaded.node.close();
    }
  }
}
