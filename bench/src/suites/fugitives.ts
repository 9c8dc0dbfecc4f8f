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
import { benchDatabases, type Emit, note, percentile, timeEach } from '../measure.ts';

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

export default async function fugitivesBench(emit: Emit): Promise<void> {
  for (const target of benchDatabases()) {
    const handle = target.kind === 'pglite' ? await openPglite(null) : await openScratchPostgres(target.url!);
    const node = await createNode(testConfig(), { database: handle, logger: false });
    const ctx = systemCtx(node.app);
    try {
      await seedDemoAccounts(ctx);
      const actor = await demoAnalyst(node.app.db);
      const kase = await createTestCase(node.app, actor);
      const caseId = (kase as { id: string }).id;
      const random = rng(20261204);
      // Persons created in the timed writes: Korean names like the wanted ones' (so candidates are found and
      // scored), other birth dates (so nothing flags and the write is the same every time).
      const person = (i: number) => {
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
      const measure = async (label: string) => {
        await timeEach(30, (i) => createEntities(ctx, actor, [person(100_000 + i)])); // warm-up
        const times = await timeEach(iterations, (i) => createEntities(ctx, actor, [person(i)]));
        return { p50: percentile(times, 50), p99: percentile(times, 99), label };
      };
      note(`fugitives on ${target.kind}: entity creation with no wanted persons on file`);
      const floor = await measure('none');
      note(`fugitives on ${target.kind}: inserting ${wantedCount} wanted persons`);
      const wantedRandom = rng(7);
      const generated = Array.from({ length: wantedCount }, (_, i) => generate(wantedRandom, i));
      let start = performance.now();
      await insertWantedPersons(node.app.db, generated.map(seedOf));
      const insertMs = performance.now() - start;
      start = performance.now();
      await rebuildWantedIndex(node.app.db);
      const indexMs = performance.now() - start;
      await sql`analyze fugitives`.execute(node.app.db);
      await sql`analyze fugitive_flag_keys`.execute(node.app.db);
      const keys = await node.app.db
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
      note(`fugitives on ${target.kind}: entity creation with ${wantedCount} wanted persons on file`);
      const loaded = await measure(String(wantedCount));
      for (const [stat, floorValue, value] of [
        ['p50', floor.p50, loaded.p50],
        ['p99', floor.p99, loaded.p99],
      ] as const)
        emit({
          suite: 'fugitives',
          metric: `entity_create_${stat}_ms`,
          value,
          unit: 'ms',
          db: target.kind,
          wanted: wantedCount,
          floor_ms: floorValue,
          ratio: Math.round((value / floorValue) * 100) / 100,
          iterations,
        });
      note(`fugitives on ${target.kind}: recall on ${variants} generated variants`);
      const variantRandom = rng(99);
      const byKind = new Map<string, { found: number; total: number }>();
      let found = 0;
      for (let i = 0; i < variants; i++) {
        const index = Math.floor(variantRandom() * generated.length);
        const g = generated[index]!;
        const { seen, kind } = variantOf(g, variantRandom);
        const candidates = await candidatesByKeys(node.app.db, seenFlagKeys(seen));
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
      const flagged = await node.app.db
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
      await node.close();
    }
  }
}
