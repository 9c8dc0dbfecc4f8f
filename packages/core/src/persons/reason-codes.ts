// Every reason code the person scorer gives (person-match.ts, person-evidence.ts), with the parameters each
// carries, so that a client can say each reason in its user's language and a test can fail when one is not.

/** Code → the names of its params (in MatchReason.params). */
export const MATCH_REASON_PARAMS = {
  'surname-exact': ['a'],
  'surname-exact-common': ['a'],
  'surname-variant': ['a', 'b'],
  'surname-variant-common': ['a', 'b'],
  'surname-similar': ['a', 'b'],
  'surname-similar-common': ['a', 'b'],
  'surname-differs': ['a', 'b'],
  'given-equal': ['a'],
  'given-variant': ['a', 'b'],
  'given-similar': ['a', 'b', 'similarity'],
  'given-differs': ['a', 'b'],
  'names-differ': ['a', 'b'],
  'middle-name-one-side': [],
  namesakes: ['count'],
  'name-only': [],
  'birth-date-equal': ['date'],
  'birth-date-swapped': ['a', 'b'],
  'birth-date-slip': ['a', 'b'],
  'birth-date-differs-same-year': ['a', 'b'],
  'birth-date-differs': ['a', 'b'],
  'birth-year-equal': ['year'],
  'birth-year-slip': ['a', 'b'],
  'birth-year-differs': ['a', 'b'],
  'sex-equal': ['sex'],
  'sex-differs': ['a', 'b'],
  'nationality-shared': ['codes'],
  'nationality-none-shared': ['a', 'b'],
  'passport-equal': ['value'],
  'passport-differs': ['countries'],
  'phone-equal': ['value'],
  'identifier-equal': ['value'],
} as const satisfies Record<string, readonly string[]>;

export type MatchReasonCode = keyof typeof MATCH_REASON_PARAMS;

export const MATCH_REASON_CODES = Object.keys(MATCH_REASON_PARAMS) as MatchReasonCode[];

export function isMatchReasonCode(code: string): code is MatchReasonCode {
  return Object.hasOwn(MATCH_REASON_PARAMS, code);
}
