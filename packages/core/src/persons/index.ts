// Person-name matching across Hangul, Khmer, Chinese and Latin scripts, and person-record scoring.
export {
  BLOCKING_KINDS,
  type BlockingKind,
  blockingKeysByKind,
  personBlockingKeys,
} from './blocking-keys.ts';
export { type ChineseNameReading, containsHan, romaniseChineseName } from './chinese-romanise.ts';
export {
  type HangulNameReading,
  isHangulSyllable,
  koreanSurname,
  koreanSurnameClan,
  passportSpelling,
  romaniseHangulName,
  romaniseSyllable,
  syllableVariants,
} from './hangul-romanise.ts';
export { containsKhmer, romaniseKhmerName, romaniseKhmerWord } from './khmer-romanise.ts';
export { KOREAN_SURNAMES, type KoreanSurname } from './korean-surnames.ts';
export { foldLatin, latinNameKeys, latinNameSplits, latinNameTokens, type NameSplit } from './latin-name.ts';
export { compareNames, type NameComparison, type PartComparison, type PartLevel } from './name-compare.ts';
export {
  countNameFrequencies,
  fullNameKeys,
  fullNameSkeletons,
  type NameFrequencies,
  nameFrequencyKeys,
  namesakesOf,
  observedSurnameShare,
  tagged,
} from './name-frequency.ts';
export {
  analyseName,
  detectScript,
  koreanClansOf,
  type NameAnalysis,
  type NamePart,
  type NameReading,
  type NameScript,
  nameKeys,
} from './name-keys.ts';
export { type PersonFacts, personFactsSchema } from './person-facts.ts';
export {
  type CandidateOptions,
  findPersonCandidates,
  isProposed,
  type MatchReason,
  type MatchVerdict,
  type PersonCandidate,
  type PersonMatch,
  PROPOSAL_THRESHOLD,
  type ScoreOptions,
  scorePersonMatch,
} from './person-match.ts';
export {
  consonantSkeleton,
  phoneticKey,
  sameVowelFrame,
  type VowelFrame,
  vowelFrame,
} from './phonetic-key.ts';
export {
  isMatchReasonCode,
  MATCH_REASON_CODES,
  MATCH_REASON_PARAMS,
  type MatchReasonCode,
} from './reason-codes.ts';
export { surnameShare } from './surname-frequency.ts';
export { containsThai, romaniseThaiWord } from './thai-romanise.ts';
