// Scores whether two person records describe one person, as a sum of log-odds effects, each with a
// plain-English reason an officer can check. Weights are judgement, tuned on the cases in the tests:
// a name alone never makes a strong match (three surnames cover half of Koreans), an identical
// passport does, and a contradiction on birth date or sex turns a likely match into a conflict for a
// human to resolve rather than a silent merge.
import { compareNames, type NameComparison } from './name-compare.ts';
import { type NameFrequencies, namesakesOf, observedSurnameShare } from './name-frequency.ts';
import { analyseName } from './name-keys.ts';
import { type Effect, identifierEffects, profileEffects } from './person-evidence.ts';
import type { PersonFacts } from './person-facts.ts';

export type MatchVerdict = 'strong' | 'possible' | 'weak' | 'conflict';

export interface MatchReason {
  factor: string;
  /** Log-odds contribution: positive for, negative against. */
  effect: number;
  /** English, for API clients and logs. */
  text: string;
  /** Stable code and parameters, for a client to say the reason in its user's language. */
  code: string;
  params?: Record<string, string>;
}

export interface PersonMatch {
  score: number;
  verdict: MatchVerdict;
  reasons: MatchReason[];
}

// Odds before any evidence: two records picked at random are rarely the same person.
const PRIOR = -2;
// Names can make a match "possible", never "strong" by themselves (0.82 at most).
const NAME_CAP = 3.5;
const STRONG = 0.85;
const POSSIBLE = 0.5;

// What each level of agreement of the given name is worth. A differing part costs more than an agreeing
// part earns: one equal part alone (SOK DARA / CHEA DARA) must not reach the proposal threshold.
const GIVEN_EFFECT = { exact: 2.2, variant: 1.8, differ: -3.5, absent: 0 } as const;
const SURNAME_LEVEL_FACTOR = { exact: 1, variant: 0.85 } as const;
const SURNAME_DIFFERS = -2.5;
const NAMES_DIFFER = -4;
// Lining the names up by leaving out a middle name or patronymic is a small doubt; leaving out a short word
// (PAUL, or MIN of KIM MIN JUN) a greater one.
const SHORTENED = -0.6;
const SHORTENED_SHORT = -1.3;

function surnameWeight(share: number): number {
  return Math.min(2.2, Math.max(0.5, 0.6 * Math.log(1 / share)));
}

// A slip between two spellings: from a doubt (-2: one slip in three letters is nearly another name) to
// nearly agreement (top) as the share of untouched letters grows; one slip in six letters (0.83) is still a
// doubt (SOPHAL/SOPHAK are two names), one in ten nearly none.
const SLIP_FLOOR = 0.6;
function similarEffect(similarity: number, top: number): number {
  const share = Math.min(1, Math.max(0, (similarity - SLIP_FLOOR) / (1 - SLIP_FLOOR)));
  return -2 + (top + 2) * share * share;
}

const percent = (similarity: number) => `${Math.round(similarity * 100)}%`;

function surnameEffect(comparison: NameComparison, frequencies?: NameFrequencies): Effect | undefined {
  const { surname } = comparison;
  const pair = { a: surname.a, b: surname.b };
  if (surname.level === 'absent') return undefined;
  if (surname.level === 'differ') {
    return {
      factor: 'surname',
      effect: SURNAME_DIFFERS,
      text: `surname differs ${surname.a}/${surname.b}`,
      code: 'surname-differs',
      params: pair,
    };
  }
  const share = observedSurnameShare(comparison.surnameKeys, comparison.surnameShare, frequencies);
  const common = share >= 0.02;
  const weight = surnameWeight(share);
  const effect =
    surname.level === 'similar'
      ? similarEffect(surname.similarity, weight * 0.5)
      : weight * SURNAME_LEVEL_FACTOR[surname.level];
  const text =
    surname.level === 'exact'
      ? `surname equal ${surname.a}`
      : `surname ${surname.level} ${surname.a}/${surname.b}`;
  return {
    factor: 'surname',
    effect,
    text: text + (common ? ' (common surname)' : ''),
    code: `surname-${surname.level}${common ? '-common' : ''}`,
    params: surname.level === 'exact' ? { a: surname.a } : pair,
  };
}

function givenEffect(comparison: NameComparison): Effect | undefined {
  const { given } = comparison;
  const pair = { a: given.a, b: given.b };
  if (given.level === 'absent') return undefined;
  if (given.level === 'exact') {
    return {
      factor: 'given-name',
      effect: GIVEN_EFFECT.exact,
      text: `given name equal ${given.a}`,
      code: 'given-equal',
      params: { a: given.a },
    };
  }
  if (given.level === 'similar') {
    const similarity = percent(given.similarity);
    return {
      factor: 'given-name',
      effect: similarEffect(given.similarity, 1.5),
      text: `given name similar ${given.a}/${given.b} (${similarity})`,
      code: 'given-similar',
      params: { ...pair, similarity },
    };
  }
  const differs = given.level === 'differ';
  return {
    factor: 'given-name',
    effect: GIVEN_EFFECT[given.level],
    text: `given name ${differs ? 'differs' : 'variant'} ${given.a}/${given.b}`,
    code: differs ? 'given-differs' : 'given-variant',
    params: pair,
  };
}

function nameEffects(comparison: NameComparison, frequencies?: NameFrequencies): Effect[] {
  const { surname, given } = comparison;
  if (surname.level === 'differ' && given.level === 'differ') {
    const params = { a: comparison.nameA, b: comparison.nameB };
    return [
      {
        factor: 'name',
        effect: NAMES_DIFFER,
        text: `names differ ${params.a}/${params.b}`,
        code: 'names-differ',
        params,
      },
    ];
  }
  const effects = [surnameEffect(comparison, frequencies), givenEffect(comparison)].filter(
    (e): e is Effect => e !== undefined,
  );
  if (comparison.shortened && effects.every((e) => e.effect > 0)) {
    effects.push({
      factor: 'name',
      effect: comparison.shortenedShort ? SHORTENED_SHORT : SHORTENED,
      text: 'a middle name or patronymic on one side only',
      code: 'middle-name-one-side',
    });
  }
  return effects;
}

const total = (effects: readonly Effect[]): number => effects.reduce((sum, e) => sum + e.effect, 0);

// The pairing of any name of one record with any name of the other that says most for "same person": the
// readings of a name are alternatives (which part is the surname), so the best-supported one is the name.
// The rarity bonus of a surname cannot win a pairing on its own: a part read as a surname in one
// order earns nothing that a differing other part does not take back (SURNAME_DIFFERS, GIVEN_EFFECT.differ).
// The names as written (surname first for 'SOK DARA') are kept unless another reading is clearly better: a
// flipped reading that calls SOK a given name must not turn "given name differs DARA/VISAL" into "surname
// differs" merely because a given name weighs a little more than a common surname.
const READING_MARGIN = 1.2;

function bestNameEffects(a: PersonFacts, b: PersonFacts, frequencies?: NameFrequencies): Effect[] {
  let best: Effect[] = [];
  let bestTotal = Number.NEGATIVE_INFINITY;
  let asWritten: { effects: Effect[]; sum: number } | undefined;
  for (const nameA of a.names.slice(0, 8)) {
    for (const nameB of b.names.slice(0, 8)) {
      for (const comparison of compareNames(analyseName(nameA), analyseName(nameB))) {
        const effects = nameEffects(comparison, frequencies);
        const sum = total(effects);
        asWritten ??= { effects, sum };
        if (sum > bestTotal) {
          bestTotal = sum;
          best = effects;
        }
      }
    }
  }
  if (asWritten && asWritten.sum >= bestTotal - READING_MARGIN) {
    best = asWritten.effects;
    bestTotal = asWritten.sum;
  }
  // Scale down so the names together never pass the cap, keeping each reason's share visible.
  return bestTotal > NAME_CAP ? best.map((e) => ({ ...e, effect: (e.effect * NAME_CAP) / bestTotal })) : best;
}

// Names agree when both parts are equal or variants: only then can a contradiction be a conflict.
const namesAgree = (effects: readonly Effect[]): boolean =>
  effects.some((e) => e.code.startsWith('surname-exact') || e.code.startsWith('surname-variant')) &&
  effects.some((e) => e.code === 'given-equal' || e.code === 'given-variant');

const round = (value: number): number => Math.round(value * 1000) / 1000;

// Where other persons of the node carry the very name, the name says less: among three persons named
// 김민준 without a birth date, any two are as likely namesakes as one person.
const NAMESAKE_BASE = 2;

function namesakeEffect(a: PersonFacts, b: PersonFacts, frequencies?: NameFrequencies): Effect | undefined {
  const others = namesakesOf(a.names, b.names, frequencies);
  if (others === 0) return undefined;
  return {
    factor: 'namesakes',
    effect: -(NAMESAKE_BASE + 0.5 * Math.log(others)),
    text: `${others} other ${others === 1 ? 'person has' : 'persons have'} this name`,
    code: 'namesakes',
    params: { count: String(others) },
  };
}

export interface ScoreOptions {
  /** How common names are among the node's own persons (term frequency); census shares without it. */
  frequencies?: NameFrequencies;
}

export function scorePersonMatch(a: PersonFacts, b: PersonFacts, options: ScoreOptions = {}): PersonMatch {
  const { frequencies } = options;
  const names = bestNameEffects(a, b, frequencies);
  if (namesAgree(names)) {
    const namesakes = namesakeEffect(a, b, frequencies);
    if (namesakes) names.push(namesakes);
  }
  const facts = [...profileEffects(a, b), ...identifierEffects(a, b)];
  const effects = [...names, ...facts];
  const logOdds = PRIOR + total(effects);
  const score = round(1 / (1 + Math.exp(-logOdds)));
  // A contradiction is for a human when the names agree and an identifier says "same person" too, or when
  // nothing else speaks for the pair; otherwise it is two namesakes, and the score says so.
  const contradicted = facts.some((e) => e.conflict);
  const identified = facts.some(
    (e) => e.effect > 0 && (e.factor === 'passport' || e.factor === 'phone' || e.factor === 'identifier'),
  );
  // Strong needs a fact that tells people apart (a birth date, an identifier), not a name with a sex.
  const distinguished = facts.some((e) => e.effect >= 1);
  const verdict: MatchVerdict =
    contradicted && namesAgree(names) && identified
      ? 'conflict'
      : score >= STRONG && distinguished
        ? 'strong'
        : score >= POSSIBLE
          ? 'possible'
          : 'weak';
  if (facts.length === 0 && names.some((e) => e.effect > 0)) {
    effects.push({
      factor: 'name-only',
      effect: 0,
      text: 'name only, no distinguishing facts',
      code: 'name-only',
    });
  }
  const reasons = effects.map(({ factor, effect, text, code, params }) => ({
    factor,
    effect: round(effect),
    text,
    code,
    ...(params && { params }),
  }));
  return { score, verdict, reasons };
}

/** The score from which the service proposes a candidate to an officer. */
export const PROPOSAL_THRESHOLD = 0.3;

/** Whether the service shows this pair as a candidate: likely enough, or a contradiction a human should see. */
export function isProposed(match: PersonMatch, minScore = PROPOSAL_THRESHOLD): boolean {
  return match.score >= minScore || match.verdict === 'conflict';
}

export interface PersonCandidate<T extends PersonFacts> {
  person: T;
  index: number;
  match: PersonMatch;
}

export interface CandidateOptions extends ScoreOptions {
  limit?: number;
  minScore?: number;
  /** Keep conflicts whatever their score: a likely duplicate with a contradiction needs a human. */
  includeConflicts?: boolean;
}

/** The pool's persons most likely to be the target, best first. */
export function findPersonCandidates<T extends PersonFacts>(
  target: PersonFacts,
  pool: readonly T[],
  { limit = 10, minScore = POSSIBLE, includeConflicts = true, frequencies }: CandidateOptions = {},
): PersonCandidate<T>[] {
  return pool
    .map((person, index) => ({ person, index, match: scorePersonMatch(target, person, { frequencies }) }))
    .filter(({ match }) => match.score >= minScore || (includeConflicts && match.verdict === 'conflict'))
    .sort((x, y) => y.match.score - x.match.score || x.index - y.index)
    .slice(0, limit);
}
