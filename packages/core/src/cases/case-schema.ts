import { z } from 'zod';
import { AgencyCode, Language } from '../accounts/schemas.ts';
import { HandlingCode, Tlp } from '../markings/markings.ts';
import { plainText } from '../text/text-schema.ts';
import { CaseNumber } from './case-number.ts';
import { CaseStatus, CloseReason } from './case-status.ts';
import { crimeTypeCodes } from './crime-taxonomy.ts';

export const priorities = ['low', 'normal', 'high', 'critical'] as const;
export const Priority = z.enum(priorities);
export type Priority = z.infer<typeof Priority>;

export const CrimeTypeCode = z.enum(crimeTypeCodes, {
  error: 'Choose a crime type from the taxonomy',
});

/** A case's own markings: TLP classification and SIENA handling code; H3 needs its restriction in words. */
export const CaseMarkings = z
  .strictObject({
    tlp: Tlp,
    handlingCode: HandlingCode,
    handlingNote: plainText().min(1).max(500).optional(),
  })
  .refine((m) => m.handlingCode !== 'H3' || m.handlingNote !== undefined, {
    message: 'Handling code H3 needs a note that states the restriction',
    path: ['handlingNote'],
  });
export type CaseMarkings = z.infer<typeof CaseMarkings>;

function uniqueList<T extends z.ZodType>(item: T, max: number, what: string) {
  return z
    .array(item)
    .max(max)
    .refine((list) => new Set(list).size === list.length, { message: `List each ${what} once` });
}

/** The fields a user may set; shared by the create and patch schemas (no refinements, so it can be made partial). */
const caseFields = {
  title: plainText().min(1, 'Give the case a title').max(200),
  summary: plainText().max(20_000).default(''),
  language: Language,
  crimeTypes: uniqueList(CrimeTypeCode, 20, 'crime type').min(1, 'Choose at least one crime type'),
  priority: Priority.default('normal'),
  leadAgency: AgencyCode,
  participatingUnitIds: uniqueList(z.uuid(), 50, 'unit').default([]),
  assignedOfficerIds: uniqueList(z.uuid(), 100, 'officer').default([]),
  markings: CaseMarkings,
};

export const CaseInput = z.strictObject(caseFields);
export type CaseInput = z.infer<typeof CaseInput>;
export type CaseInputRaw = z.input<typeof CaseInput>;

/**
 * A partial update. Status is not patched: it moves through `CaseStatusChange` and `assertCaseTransition`.
 * Defaults are dropped so an absent field means "unchanged".
 */
export const CasePatch = z
  .strictObject({
    title: caseFields.title.optional(),
    summary: plainText().max(20_000).optional(),
    language: caseFields.language.optional(),
    crimeTypes: caseFields.crimeTypes.optional(),
    priority: Priority.optional(),
    leadAgency: caseFields.leadAgency.optional(),
    participatingUnitIds: uniqueList(z.uuid(), 50, 'unit').optional(),
    assignedOfficerIds: uniqueList(z.uuid(), 100, 'officer').optional(),
    markings: CaseMarkings.optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, { message: 'Change at least one field' });
export type CasePatch = z.infer<typeof CasePatch>;

/** A case as the API returns it. */
export const Case = z
  .object({
    ...caseFields,
    summary: z.string(),
    id: z.uuid(),
    number: CaseNumber,
    status: CaseStatus,
    closeReason: CloseReason.nullable(),
    createdBy: z.uuid(),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
    version: z.int().positive(),
  })
  .refine((c) => (c.status === 'closed') === (c.closeReason !== null), {
    message: 'A closed case has a close reason, and only a closed case has one',
    path: ['closeReason'],
  });
export type Case = z.infer<typeof Case>;
