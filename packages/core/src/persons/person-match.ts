// Scores whether two person records describe one person, as a sum of log-odds effects, each with a
// plain-English reason an officer can check. Weights are judgement, tuned on the cases in the tests:
// a name alone never makes a strong match (three surnames cover half of Koreans), an identical
// passport does, and a contradiction on birth date or sex turns a likely match into a conflict for a
// human to resolve rather than a silent merge.
import { compareNames, type NameComparison } from './name-compare.ts';
import { analyseName } from './name-keys.ts';
import { type Effect, identifierEffects, profileEffects } from './person-evidence.ts';
import type { PersonFacts } from './person-facts.ts';

export type MatchVerdict = 'strong' | 'possible' | 'weak' | 'conflict';

export interface MatchReason {
  factor: string;
  /** Log-odds contribution: positive for, negative against. */
  effect: number;
  text: string;
}

export interface PersonMatch {
  score: number;
  verdict: MatchVerdict;
  reasons: MatchReason[];
}

// Odds before any evidence: two records picked at random are rarely the same person.
const PRIOR = -2;
// Names can make a match "possible", never "strong" by themselves.
const NAME_CAP = 3.5;
const STRONG = 0.85;
const POSSIBLE = 0.5;
// A contradiction matters when the rest of the evidence would have made the pair worth a look.
const CONFLICT_SUPPORT = 2.5;

const GIVEN_EFFECT = { exact: 2.5, variant: 2, similar: 1, differ: -1.5, absent: 0 } as const;
const SURNAME_LEVEL_FACTOR = { exact: 1, variant: 0.9, similar: 0.4, differ: 0, absent: 0 } as const;

function surnameWeight(share: number): number {
  return Math.min(3, Math.max(0.4, 0.6 * Math.log(1 / share)));
}

function nameEffects(comparison: NameComparison): Effect[] {
  const { surname, given } = comparison;
  if (surname.level === 'differ' && given.level === 'differ') {
    return [{ factor: 'name', effect: -2, text: `names differ ${comparison.nameA}/${comparison.nameB}` }];
  }
  const effects: Effect[] = [];
  if (surname.level === 'differ') {
    effects.push({ factor: 'surname', effect: -1, text: `surname differs ${surname.a}/${surname.b}` });
  } else if (surname.level !== 'absent') {
    const common = comparison.surnameShare >= 0.02 ? ' (common surname)' : '';
    const effect = surnameWeight(comparison.surnameShare) * SURNAME_LEVEL_FACTOR[surname.level];
    const text =
      surname.level === 'exact'
        ? `surname equal ${surname.a}`
        : `surname ${surname.level} ${surname.a}/${surname.b}`;
    effects.push({ factor: 'surname', effect, text: text + common });
  }
  if (given.level !== 'absent') {
    const text =
      given.level === 'exact'
        ? `given name equal ${given.a}`
        : `given name ${given.level === 'differ' ? 'differs' : given.level} ${given.a}/${given.b}`;
    effects.push({ factor: 'given-name', effect: GIVEN_EFFECT[given.level], text });
  }
  return effects;
}

const total = (effects: readonly Effect[]): number => effects.reduce((sum, e) => sum + e.effect, 0);

// How well a pairing of readings lines up, whatever the surnames' rarity.
const LEVEL_RANK = { exact: 3, variant: 2.5, similar: 1, absent: 0, differ: -1.5 } as const;

// The pairing of any name of one record with any name of the other whose parts line up best; among
// equals, the one worth least, because a flipped Latin name also reads its given name as a rare
// "surname" and must not earn the rarity bonus for it.
function bestNameEffects(a: PersonFacts, b: PersonFacts): Effect[] {
  let best: Effect[] = [];
  let bestRank = Number.NEGATIVE_INFINITY;
  let bestTotal = Number.POSITIVE_INFINITY;
  for (const nameA of a.names.slice(0, 8)) {
    for (const nameB of b.names.slice(0, 8)) {
      for (const comparison of compareNames(analyseName(nameA), analyseName(nameB))) {
        const rank = LEVEL_RANK[comparison.surname.level] + LEVEL_RANK[comparison.given.level];
        const effects = nameEffects(comparison);
        const sum = total(effects);
        if (rank > bestRank || (rank === bestRank && sum < bestTotal)) {
          bestRank = rank;
          bestTotal = sum;
          best = effects;
        }
      }
    }
  }
  const sum = total(best);
  // Scale down so the names together never pass the cap, keeping each reason's share visible.
  return sum > NAME_CAP ? best.map((e) => ({ ...e, effect: (e.effect * NAME_CAP) / sum })) : best;
}

const round = (value: number): number => Math.round(value * 1000) / 1000;

export function scorePersonMatch(a: PersonFacts, b: PersonFacts): PersonMatch {
  const effects = [...bestNameEffects(a, b), ...profileEffects(a, b), ...identifierEffects(a, b)];
  const logOdds = PRIOR + total(effects);
  const score = round(1 / (1 + Math.exp(-logOdds)));
  const support = effects.filter((e) => e.effect > 0).reduce((sum, e) => sum + e.effect, 0);
  const contradicted = effects.some((e) => e.conflict);
  const verdict: MatchVerdict =
    contradicted && support >= CONFLICT_SUPPORT
      ? 'conflict'
      : score >= STRONG
        ? 'strong'
        : score >= POSSIBLE
          ? 'possible'
          : 'weak';
  const reasons = effects.map(({ factor, effect, text }) => ({ factor, effect: round(effect), text }));
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

export interface CandidateOptions {
  limit?: number;
  minScore?: number;
  /** Keep conflicts whatever their score: a likely duplicate with a contradiction needs a human. */
  includeConflicts?: boolean;
}

/** The pool's persons most likely to be the target, best first. */
export function findPersonCandidates<T extends PersonFacts>(
  target: PersonFacts,
  pool: readonly T[],
  { limit = 10, minScore = POSSIBLE, includeConflicts = true }: CandidateOptions = {},
): PersonCandidate<T>[] {
  return pool
    .map((person, index) => ({ person, index, match: scorePersonMatch(target, person) }))
    .filter(({ match }) => match.score >= minScore || (includeConflicts && match.verdict === 'conflict'))
    .sort((x, y) => y.match.score - x.match.score || x.index - y.index)
    .slice(0, limit);
}
