import {
  extractIdentifiers,
  type NormalisedIdentifier,
  normaliseAnyIdentifier,
  normaliseIdentifier,
} from '../../../../packages/core/src/identifiers/index.ts';
import { type Emit, note } from '../../measure.ts';
import {
  agencyCountry,
  type IdentifierBase,
  identifierSet,
  sentences,
  type WrittenForm,
} from './identifier-set.ts';

/**
 * Identifier correlation on the labelled set (identifier-set.ts): for every pair of forms of one identifier, do
 * both give the same valid key (a hit)? For every pair of different identifiers, do they share one (a false
 * merge)? Measured for each way an identifier enters the graph — typed into an entity form with its chain,
 * platform or bank field ('entity'), typed without a kind so it is guessed ('guessed'), found in pasted text
 * ('pasted') — and across all three ('all': one officer types it, another pastes it).
 */

type Channel = 'entity' | 'guessed' | 'pasted';
const channels: Channel[] = ['entity', 'guessed', 'pasted'];

interface Reading {
  base: IdentifierBase;
  form: WrittenForm;
  channel: Channel;
  found: NormalisedIdentifier | undefined;
}

function pasted(base: IdentifierBase, form: WrittenForm, index: number, defaultCountry: string) {
  const sentence = (sentences[index % sentences.length] ?? ((x: string) => x))(form.raw);
  const from = sentence.indexOf(form.raw);
  const to = from + form.raw.length;
  const overlapping = extractIdentifiers(sentence, { defaultCountry }).filter(
    (f) => f.identifier.kind === base.kind && f.start < to && f.end > from,
  );
  const overlap = (f: { start: number; end: number }) => Math.min(f.end, to) - Math.max(f.start, from);
  return overlapping.sort((a, b) => overlap(b) - overlap(a))[0]?.identifier;
}

function read(base: IdentifierBase, form: WrittenForm, channel: Channel, index: number): Reading | undefined {
  const defaultCountry = agencyCountry[form.agency];
  if (channel === 'entity') {
    const found = normaliseIdentifier(base.kind, form.raw, { defaultCountry, ...form.qualifier });
    return { base, form, channel, found };
  }
  // Without its field beside it, a bare id cannot be read; nor is a value form ever pasted in prose.
  if (!form.standsAlone) return undefined;
  if (channel === 'guessed')
    return { base, form, channel, found: normaliseAnyIdentifier(form.raw, { defaultCountry }) };
  if (form.style === 'value form') return undefined;
  return { base, form, channel, found: pasted(base, form, index, defaultCountry) };
}

/** The kind reported: numbers the phone library cannot verify are measured apart (their key is flagged). */
function kindOf(base: IdentifierBase): string {
  return base.group.includes('unverified') ? 'phone (unverified)' : base.kind;
}

const keyOf = (found: NormalisedIdentifier | undefined) =>
  found ? `${found.kind}|${found.value}` : undefined;
const pairs = (n: number) => (n * (n - 1)) / 2;

interface Tally {
  pairs: number;
  hits: number;
  falseMerges: number;
  flaggedFalseMerges: number;
  misses: Map<string, { count: number; example: string }>;
}

const newTally = (): Tally => ({
  pairs: 0,
  hits: 0,
  falseMerges: 0,
  flaggedFalseMerges: 0,
  misses: new Map(),
});

/** A key counts for a hit when valid; for the unverified numbers, when flagged with a key (never valid). */
function counts(reading: Reading): boolean {
  const found = reading.found;
  if (!found) return false;
  return kindOf(reading.base) === 'phone (unverified)' ? found.details?.key === 'digits' : found.valid;
}

function tallyHits(readings: Reading[], tally: Tally): void {
  tally.pairs += pairs(readings.length);
  const byKey = new Map<string, number>();
  for (const reading of readings) {
    const key = keyOf(reading.found);
    if (key && counts(reading)) byKey.set(key, (byKey.get(key) ?? 0) + 1);
  }
  for (const count of byKey.values()) tally.hits += pairs(count);
  // A form misses when its key is not the one most forms of this identifier agree on.
  const modal = [...byKey.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  for (const reading of readings) {
    if (counts(reading) && keyOf(reading.found) === modal) continue;
    const label = `${reading.channel} · ${reading.base.group} · ${reading.form.style} (${reading.form.agency})`;
    const seen = tally.misses.get(label) ?? { count: 0, example: '' };
    const outcome = reading.found
      ? `${reading.found.value}${reading.found.valid ? '' : ` [${reading.found.problem}]`}`
      : 'not found';
    tally.misses.set(label, {
      count: seen.count + 1,
      example: seen.example || `${reading.form.raw} → ${outcome}`,
    });
  }
}

/** A key that raises hits: a valid one, or a phone the library cannot verify kept by its digits (flagged). */
const raisesHits = (found: NormalisedIdentifier) => found.valid || found.details?.key === 'digits';

/** Pairs of different identifiers that share a key: keys that raise hits are false merges; other flagged keys only match look-ups. */
function tallyMerges(readings: Reading[], tallies: (base: IdentifierBase) => Tally): void {
  const basesByKey = new Map<string, { bases: Set<IdentifierBase>; hits: boolean }>();
  for (const reading of readings) {
    const key = keyOf(reading.found);
    if (!key || !reading.found) continue;
    const entry = basesByKey.get(key) ?? { bases: new Set(), hits: raisesHits(reading.found) };
    entry.bases.add(reading.base);
    basesByKey.set(key, entry);
  }
  for (const [key, { bases, hits }] of basesByKey) {
    if (bases.size < 2) continue;
    const first = [...bases][0] as IdentifierBase;
    const tally = tallies(first);
    if (hits) tally.falseMerges += pairs(bases.size);
    else tally.flaggedFalseMerges += pairs(bases.size);
    note(`  false merge on ${key}: ${[...bases].map((b) => b.id).join(', ')}`);
  }
}

function readAll(bases: IdentifierBase[]): Map<Channel, Reading[]> {
  const readings = new Map<Channel, Reading[]>(channels.map((c) => [c, []]));
  let index = 0;
  for (const base of bases) {
    for (const form of base.forms) {
      for (const channel of channels) {
        const reading = read(base, form, channel, index++);
        if (reading) readings.get(channel)?.push(reading);
      }
    }
  }
  return readings;
}

function tallyAll(readings: Map<Channel, Reading[]>): Map<string, Tally> {
  const all = [...readings.values()].flat();
  const tallies = new Map<string, Tally>();
  const tallyFor = (channel: string) => (base: IdentifierBase) => {
    const key = `${kindOf(base)}\u0000${channel}`;
    const tally = tallies.get(key) ?? newTally();
    tallies.set(key, tally);
    return tally;
  };
  for (const [channel, list] of [...readings.entries(), ['all', all] as const]) {
    const perBase = new Map<IdentifierBase, Reading[]>();
    for (const reading of list) perBase.set(reading.base, [...(perBase.get(reading.base) ?? []), reading]);
    for (const [base, own] of perBase) tallyHits(own, tallyFor(channel)(base));
    tallyMerges(list, tallyFor(channel));
  }
  return tallies;
}

/** One split of the set: hit rate and false merges by kind and channel, then all together, with counts. */
function measureSplit(emit: Emit, split: string, bases: IdentifierBase[]): void {
  const started = performance.now();
  const readings = readAll(bases);
  const elapsedMs = performance.now() - started;
  const tallies = tallyAll(readings);
  const total = newTally();
  for (const [key, tally] of [...tallies.entries()].sort()) {
    const [kind, channel] = key.split('\u0000');
    const context = { split, kind, channel, pairs: tally.pairs, missedPairs: tally.pairs - tally.hits };
    emit({ suite: 'matching', metric: 'identifier hit rate', value: rate(tally), unit: '%', ...context });
    emit({
      suite: 'matching',
      metric: 'identifier false merges',
      value: tally.falseMerges,
      unit: 'pairs',
      flaggedFalseMerges: tally.flaggedFalseMerges,
      split,
      kind,
      channel,
    });
    if (channel === 'all') {
      total.pairs += tally.pairs;
      total.hits += tally.hits;
      total.falseMerges += tally.falseMerges;
      total.flaggedFalseMerges += tally.flaggedFalseMerges;
      note(
        `  ${split.padEnd(8)} ${(kind ?? '').padEnd(20)} hit rate ${rate(tally).toFixed(2)}%  (${tally.hits} of ${tally.pairs} pairs, ${tally.pairs - tally.hits} missed)  false merges ${tally.falseMerges}`,
      );
    } else {
      const misses = [...tally.misses.entries()].sort((a, b) => b[1].count - a[1].count);
      for (const [label, { count, example }] of misses.slice(0, 8))
        note(`  miss ×${count} ${label}: ${example}`);
    }
  }
  const forms = bases.reduce((sum, b) => sum + b.forms.length, 0);
  const lookalikes = bases.filter((b) => b.lookalikeOf).length;
  note(
    `  ${split.padEnd(8)} ${'all'.padEnd(20)} hit rate ${rate(total).toFixed(2)}%  (${total.hits} of ${total.pairs} pairs; ${bases.length} identifiers, ${lookalikes} look-alikes, ${forms} written forms)  false merges ${total.falseMerges} (+${total.flaggedFalseMerges} on look-up-only keys)`,
  );
  emit({
    suite: 'matching',
    metric: 'identifier hit rate',
    value: rate(total),
    unit: '%',
    split,
    kind: 'all',
    channel: 'all',
    pairs: total.pairs,
    missedPairs: total.pairs - total.hits,
    identifiers: bases.length,
    lookalikes,
    forms,
  });
  emit({
    suite: 'matching',
    metric: 'identifier false merges',
    value: total.falseMerges,
    unit: 'pairs',
    flaggedFalseMerges: total.flaggedFalseMerges,
    split,
    kind: 'all',
    channel: 'all',
  });
  const count = [...readings.values()].reduce((sum, list) => sum + list.length, 0);
  emit({
    suite: 'matching',
    metric: 'identifier readings per second',
    value: Math.round(count / (elapsedMs / 1000)),
    unit: 'readings/s',
    split,
    readings: count,
  });
}

// The tune split is the set the normalisers were improved against; the held-out split is the same generator
// with another seed, looked at only to check that what was learnt carries over.
const splits = [
  ['tune', 20_260_514],
  ['heldout', 4_242],
] as const;

export default async function identifiers(emit: Emit): Promise<void> {
  const scale = Math.max(Number(process.env.BENCH_SCALE ?? 1), 0.2);
  for (const [split, seed] of splits) measureSplit(emit, split, identifierSet(scale, seed));
}

function rate(tally: Tally): number {
  return tally.pairs === 0 ? 100 : Math.round((tally.hits / tally.pairs) * 10_000) / 100;
}
