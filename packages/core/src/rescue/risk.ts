import { z } from 'zod';
import { LiaisonError } from '../errors/catalogue.ts';
import { fieldProblemOf } from '../errors/field-problem.ts';
import { plainText } from '../text/text-schema.ts';

export const riskIndicators = [
  'violence',
  'medical_need',
  'threat_of_resale_or_transfer',
  'ransom_demand',
  'minor',
  'weapons_seen',
  'no_contact_over_72h',
  'confinement_confirmed',
  'self_harm_risk',
] as const;
export const RiskIndicator = z.enum(riskIndicators);
export type RiskIndicator = z.infer<typeof RiskIndicator>;

/** Most urgent first. */
export const riskLevels = ['critical', 'high', 'medium', 'low'] as const;
export const RiskLevel = z.enum(riskLevels);
export type RiskLevel = z.infer<typeof RiskLevel>;

/**
 * Scoring, kept simple so an officer can redo it by hand:
 * - a minor or a risk of self-harm is critical on its own;
 * - violence with a medical need, or a threat of resale/transfer with violence or weapons, is critical;
 * - otherwise the weights below are summed: ≥ 8 critical, ≥ 5 high, ≥ 2 medium, else low.
 * Every rule only ever raises the level, so adding an indicator never lowers it.
 */
const weights: Record<RiskIndicator, number> = {
  violence: 3,
  medical_need: 3,
  threat_of_resale_or_transfer: 3,
  ransom_demand: 2,
  minor: 8,
  weapons_seen: 2,
  no_contact_over_72h: 2,
  confinement_confirmed: 2,
  self_harm_risk: 8,
};

const reasonTexts: Record<RiskIndicator, string> = {
  violence: 'Violence against the person has been reported',
  medical_need: 'The person needs medical care',
  threat_of_resale_or_transfer: 'The person may be sold or moved to another compound',
  ransom_demand: 'A ransom has been demanded',
  minor: 'The person is a minor: always critical',
  weapons_seen: 'Weapons have been seen at the location',
  no_contact_over_72h: 'No contact with the person for more than 72 hours',
  confinement_confirmed: 'Confinement is confirmed',
  self_harm_risk: 'The person is at risk of self-harm: always critical',
};

const criticalCombinations: { all: RiskIndicator[]; any: RiskIndicator[]; text: string }[] = [
  { all: ['violence', 'medical_need'], any: [], text: 'Violence together with a medical need: critical' },
  {
    all: ['threat_of_resale_or_transfer'],
    any: ['violence', 'weapons_seen'],
    text: 'A threat of resale or transfer together with violence or weapons: critical',
  },
];

export const RiskReason = z.object({
  indicator: z.union([RiskIndicator, z.literal('combination')]),
  text: z.string(),
});
export type RiskReason = z.infer<typeof RiskReason>;

export const RiskAssessment = z.object({ level: RiskLevel, score: z.number(), reasons: z.array(RiskReason) });
export type RiskAssessment = z.infer<typeof RiskAssessment>;

function levelForScore(score: number): RiskLevel {
  if (score >= 8) return 'critical';
  if (score >= 5) return 'high';
  if (score >= 2) return 'medium';
  return 'low';
}

export function assessRisk(indicators: readonly RiskIndicator[]): RiskAssessment {
  const present = new Set(indicators);
  const ordered = riskIndicators.filter((i) => present.has(i));
  const score = ordered.reduce((sum, i) => sum + weights[i], 0);
  const reasons: RiskReason[] = ordered.map((indicator) => ({ indicator, text: reasonTexts[indicator] }));
  const combinations = criticalCombinations.filter(
    (c) => c.all.every((i) => present.has(i)) && (c.any.length === 0 || c.any.some((i) => present.has(i))),
  );
  for (const c of combinations) reasons.push({ indicator: 'combination', text: c.text });
  const level = combinations.length > 0 ? 'critical' : levelForScore(score);
  return { level, score, reasons };
}

/** 0 for critical, 3 for low: lower is more urgent. */
export function riskRank(level: RiskLevel): number {
  return riskLevels.indexOf(level);
}

export const RiskOverride = z.strictObject({
  level: RiskLevel,
  reason: plainText().min(5, 'Explain the override in at least 5 characters').max(1000),
  /** The account id of the officer who overrode the assessment. */
  by: plainText().min(1).max(120),
  at: z.iso.datetime({ offset: true }).optional(),
});
export type RiskOverride = z.infer<typeof RiskOverride>;

/** A stored override as the case page shows it (a response schema: no input checks). */
export const RiskOverrideView = z.object({
  level: RiskLevel,
  reason: z.string(),
  by: z.string(),
  at: z.string().optional(),
});
export type RiskOverrideView = z.infer<typeof RiskOverrideView>;

/** The level the case works to, keeping the computed assessment beside the officer's override. */
export interface RiskDecision {
  level: RiskLevel;
  assessed: RiskAssessment;
  override?: RiskOverride;
}

export function applyRiskOverride(assessed: RiskAssessment, override: RiskOverride): RiskDecision {
  const parsed = RiskOverride.safeParse(override);
  if (!parsed.success) {
    throw new LiaisonError('invalid-input', 'The risk override is not valid', {
      fields: parsed.error.issues.map((issue) => fieldProblemOf(issue, override)),
    });
  }
  return { level: parsed.data.level, assessed, override: parsed.data };
}
