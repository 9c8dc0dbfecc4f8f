import { z } from 'zod';
import type { Condition } from './condition.ts';
import { checkCondition } from './condition-check.ts';
import { CountryCode } from './context.ts';
import { type FieldPath, fieldPaths, fieldType } from './fields.ts';

/** English is the text of record; Korean and Khmer translations are optional. */
export const LocalizedText = z.strictObject({
  en: z.string().trim().min(1).max(500),
  ko: z.string().trim().min(1).max(500).optional(),
  km: z.string().trim().min(1).max(500).optional(),
});
export type LocalizedText = z.infer<typeof LocalizedText>;

/** A condition from a rule file, checked strictly against the field catalogue (see condition-check.ts). */
export const ConditionSchema = z.custom<Condition>().superRefine((value, ctx) => {
  for (const problem of checkCondition(value)) {
    ctx.addIssue({ code: 'custom', message: problem.message, path: problem.path, input: value });
  }
});

const fieldOfKind = (kinds: string[], label: string) =>
  z.enum(fieldPaths as [FieldPath, ...FieldPath[]]).refine((path) => kinds.includes(fieldType(path).kind), {
    message: `expected a ${label} field`,
  });

const days = z.int().min(1).max(36_500);

/** What an 'obligation' rule attaches to an allowed action. */
export const ObligationSpec = z.discriminatedUnion('kind', [
  /** Printed on every export and report of the item. */
  z.strictObject({ kind: z.literal('mark'), text: LocalizedText }),
  /** Shown to every user who opens the item: a fixed text, or the text of a marking field. */
  z
    .strictObject({
      kind: z.literal('notice'),
      from: fieldOfKind(['string'], 'text').optional(),
      text: LocalizedText.optional(),
    })
    .refine((spec) => spec.from !== undefined || spec.text !== undefined, {
      message: 'a notice needs "from" or "text" (or both: "text" is shown when the field is empty)',
    }),
  z.strictObject({ kind: z.literal('no_forward') }),
  z.strictObject({ kind: z.literal('no_export') }),
  /** Keep until the date in `from`; without one, `defaultDays` from now; never longer than `maxDays`. */
  z
    .strictObject({
      kind: z.literal('retain_until'),
      from: fieldOfKind(['date'], 'date').optional(),
      disposal: z.enum(['purge', 'anonymise']),
      defaultDays: days.optional(),
      maxDays: days.optional(),
    })
    .refine((spec) => spec.from !== undefined || spec.defaultDays !== undefined, {
      message: 'retain_until needs "from" or "defaultDays"',
    }),
]);
export type ObligationSpec = z.infer<typeof ObligationSpec>;

export const RuleId = z
  .string()
  .regex(/^[A-Z]{2}-(OUT|IN)-\d{3}$/, 'Use COUNTRY-OUT-NNN or COUNTRY-IN-NNN, e.g. KR-OUT-001');

const ruleBase = {
  id: RuleId,
  title: z.string().trim().min(1).max(200),
  direction: z.enum(['outbound', 'inbound']),
  when: ConditionSchema,
  reason: LocalizedText,
  legalReference: z.string().trim().min(1).max(300),
};

export const Rule = z.discriminatedUnion('effect', [
  /** Denied whenever `when` holds. */
  z.strictObject({ ...ruleBase, effect: z.literal('deny') }),
  /** Where `when` holds, denied unless `require` holds too. */
  z.strictObject({ ...ruleBase, effect: z.literal('require'), require: ConditionSchema }),
  /** Where `when` holds, allowed with obligations. */
  z.strictObject({
    ...ruleBase,
    effect: z.literal('obligation'),
    obligations: z.array(ObligationSpec).min(1),
  }),
]);
export type Rule = z.infer<typeof Rule>;
export type RuleEffect = Rule['effect'];

export const RuleSetVersion = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}\.\d+$/, 'Use the date of adoption and a sequence number, e.g. 2026-11-26.1');

export const RuleSet = z
  .strictObject({
    country: CountryCode,
    version: RuleSetVersion,
    effectiveFrom: z.iso.date(),
    /** Who adopted the set and on what understanding; shown in listings, never evaluated. */
    notice: z.string().trim().max(2000).optional(),
    rules: z.array(Rule).min(1),
  })
  .superRefine((set, ctx) => {
    const seen = new Set<string>();
    set.rules.forEach((rule, index) => {
      const path = ['rules', index, 'id'];
      const direction = rule.direction === 'outbound' ? 'OUT' : 'IN';
      if (!rule.id.startsWith(`${set.country}-${direction}-`)) {
        const message = `an ${rule.direction} rule of ${set.country} needs an id starting ${set.country}-${direction}-`;
        ctx.addIssue({ code: 'custom', message, path, input: rule.id });
      }
      if (seen.has(rule.id))
        ctx.addIssue({ code: 'custom', message: `duplicate rule id`, path, input: rule.id });
      seen.add(rule.id);
    });
  });
export type RuleSet = z.infer<typeof RuleSet>;
