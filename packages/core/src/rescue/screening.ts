import { z } from 'zod';
import { plainText } from '../text/text-schema.ts';

/**
 * Forced-criminality screening, built on the act / means / purpose reading of trafficking (Palermo Protocol):
 * the act is recruitment by deception, the means are the ways of control, the purpose is forced crime.
 */
export const screeningIndicators = [
  'deception_in_recruitment',
  'confinement',
  'debt_bondage',
  'violence_or_threats',
  'documents_withheld',
  'threat_of_law_enforcement',
  'forced_to_commit_crimes',
  'restricted_communication',
] as const;
export const ScreeningIndicator = z.enum(screeningIndicators);
export type ScreeningIndicator = z.infer<typeof ScreeningIndicator>;

export const ScreeningAnswer = z.enum(['yes', 'no', 'unknown']);
export type ScreeningAnswer = z.infer<typeof ScreeningAnswer>;

/** Unanswered indicators count as unknown. */
export const ScreeningAnswers = z.partialRecord(ScreeningIndicator, ScreeningAnswer);
export type ScreeningAnswers = z.infer<typeof ScreeningAnswers>;

export const screeningOutcomes = [
  'likely_victim_of_trafficking',
  'possible',
  'unlikely',
  'inconclusive',
] as const;
export const ScreeningOutcome = z.enum(screeningOutcomes);
export type ScreeningOutcome = z.infer<typeof ScreeningOutcome>;

const meansIndicators: ScreeningIndicator[] = [
  'confinement',
  'debt_bondage',
  'violence_or_threats',
  'documents_withheld',
  'threat_of_law_enforcement',
  'restricted_communication',
];

const indicatorTexts: Record<ScreeningIndicator, string> = {
  deception_in_recruitment: 'Recruited by deception (a false job offer)',
  confinement: 'Confined or not free to leave',
  debt_bondage: 'Held by a debt',
  violence_or_threats: 'Subjected to violence or threats',
  documents_withheld: 'Identity documents withheld',
  threat_of_law_enforcement: 'Threatened with the police or deportation',
  forced_to_commit_crimes: 'Forced to commit crimes (scams)',
  restricted_communication: 'Communication restricted or watched',
};

export const ScreeningReason = z.object({
  indicator: ScreeningIndicator,
  answer: ScreeningAnswer,
  text: z.string(),
});
export type ScreeningReason = z.infer<typeof ScreeningReason>;

export const ScreeningResult = z.object({
  outcome: ScreeningOutcome,
  /** Recommend that the person not be punished for crimes they were forced to commit. */
  recommendNonPunishment: z.boolean(),
  reasons: z.array(ScreeningReason),
});
export type ScreeningResult = z.infer<typeof ScreeningResult>;

/**
 * - likely victim: forced to commit crimes, plus either deception and one means of control, or two means;
 * - possible: any means of control or forced crime answered yes, short of the above;
 * - inconclusive: nothing pointing to trafficking and half or more of the indicators unknown;
 * - unlikely: otherwise (deception alone, without control or forced crime, is labour deception).
 */
export function screen(answers: ScreeningAnswers): ScreeningResult {
  const answerOf = (i: ScreeningIndicator): ScreeningAnswer => answers[i] ?? 'unknown';
  const yes = (i: ScreeningIndicator) => answerOf(i) === 'yes';
  const means = meansIndicators.filter(yes).length;
  const forced = yes('forced_to_commit_crimes');
  const unknowns = screeningIndicators.filter((i) => answerOf(i) === 'unknown').length;

  let outcome: ScreeningOutcome;
  if (forced && means >= 1 && (yes('deception_in_recruitment') || means >= 2))
    outcome = 'likely_victim_of_trafficking';
  else if (forced || means >= 1) outcome = 'possible';
  else if (unknowns * 2 >= screeningIndicators.length) outcome = 'inconclusive';
  else outcome = 'unlikely';

  const reasons = screeningIndicators
    .filter((i) => answerOf(i) !== 'no')
    .map((indicator) => ({ indicator, answer: answerOf(indicator), text: indicatorTexts[indicator] }));
  return { outcome, recommendNonPunishment: nonPunishmentRecommended(outcome, answers), reasons };
}

/** The non-punishment rule: a likely victim who was forced to commit crimes is recommended for non-punishment. */
export function nonPunishmentRecommended(outcome: ScreeningOutcome, answers: ScreeningAnswers): boolean {
  return outcome === 'likely_victim_of_trafficking' && answers.forced_to_commit_crimes === 'yes';
}

// HTCDS-like case fields (IOM Human Trafficking Case Data Standard v2), narrowed to this task force.
export const RecruitmentMethod = z.enum(['false_job_offer', 'acquaintance', 'abduction', 'other']);
export const RecruitmentApp = z.enum([
  'telegram',
  'kakaotalk',
  'facebook',
  'job_site',
  'acquaintance',
  'other',
]);
export const MeansOfControl = z.enum([
  'debt_bondage',
  'threats',
  'violence',
  'restricted_movement',
  'withheld_documents',
  'threat_of_law_enforcement',
  'restricted_communication',
]);
/** `forced_criminality` is HTCDS's "illicit activities". */
export const ExploitationType = z.enum(['forced_criminality', 'labour', 'sexual']);
export const PerpetratorRole = z.enum(['recruiter', 'transporter', 'kidnapper', 'exploiter']);

const uniqueList = <T extends z.ZodEnum>(item: T) =>
  z
    .array(item)
    .max(item.options.length)
    .refine((l) => new Set(l).size === l.length, { message: 'List each value once' })
    .default([]);

export const ScreeningRecord = z.strictObject({
  answers: ScreeningAnswers,
  recruitment: z
    .strictObject({ method: RecruitmentMethod.optional(), app: RecruitmentApp.optional() })
    .default({}),
  meansOfControl: uniqueList(MeansOfControl),
  exploitationTypes: uniqueList(ExploitationType),
  perpetratorRoles: uniqueList(PerpetratorRole),
  notes: plainText().max(5000).optional(),
  screenedAt: z.iso.datetime({ offset: true }),
  /** The account id of the screening officer. */
  screenedBy: plainText().min(1).max(120),
});
export type ScreeningRecord = z.infer<typeof ScreeningRecord>;

/** A stored screening as the case page shows it, with its result (a response schema: no input checks). */
export const ScreeningView = z.object({
  answers: ScreeningAnswers,
  recruitment: z.object({ method: RecruitmentMethod.optional(), app: RecruitmentApp.optional() }),
  meansOfControl: z.array(MeansOfControl),
  exploitationTypes: z.array(ExploitationType),
  perpetratorRoles: z.array(PerpetratorRole),
  notes: z.string().optional(),
  screenedAt: z.string(),
  screenedBy: z.string(),
  result: ScreeningResult,
});
export type ScreeningView = z.infer<typeof ScreeningView>;
