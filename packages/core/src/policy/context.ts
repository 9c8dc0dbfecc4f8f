import { z } from 'zod';
import { Markings } from '../markings/markings.ts';

/**
 * What is being done with an item. `sender` is where the item comes from and `recipient` where it goes:
 * on `receive` the recipient is this node's agency; on `forward`, `export` and `report` the sender is the
 * agency holding the item and the recipient the third party, court file or report reader.
 */
export const policyActions = ['send', 'receive', 'forward', 'export', 'report', 'hit_query'] as const;
export const PolicyAction = z.enum(policyActions);
export type PolicyAction = z.infer<typeof PolicyAction>;

export const itemKinds = [
  'request',
  'reply',
  'spontaneous',
  'notification',
  'rescue_alert',
  'case_share',
  'entity',
  'note',
  'attachment',
  'hit_query',
  // Records of the fugitive register and joint operations, judged field by field as they travel (a
  // fugitive's warrant, a sighting's source, an operation's targets: federation README).
  'fugitive',
  'sighting',
  'operation',
] as const;
export const ItemKind = z.enum(itemKinds);
export type ItemKind = z.infer<typeof ItemKind>;

/** The closed vocabulary of data categories that rule files may name; a typo in a rule fails at load. */
export const dataCategories = [
  'victim_personal_data',
  'suspect_personal_data',
  'witness_personal_data',
  'minor',
  'biometric',
  'dna',
  'health',
  'location',
  'financial',
  'identifier',
  'communications',
  'travel_document',
  'criminal_record',
  'intelligence_source',
] as const;
export const DataCategory = z.enum(dataCategories);
export type DataCategory = z.infer<typeof DataCategory>;

export const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'Use an ISO 3166 two-letter country code');

export const PolicyParty = z.strictObject({
  agency: z.string().min(2).max(16),
  country: CountryCode,
});
export type PolicyParty = z.infer<typeof PolicyParty>;

export const PolicyItem = z.strictObject({
  kind: ItemKind,
  categories: z.array(DataCategory),
  /** The data subject's consent is on record (HTCDS "consent to data processing"). */
  consentRecorded: z.boolean().optional(),
  /** ISO 3166 codes of the nationalities of the persons the item is about. */
  subjectNationalities: z.array(CountryCode).optional(),
  /** The item concerns an operation (raid, stake-out, rescue) that has not ended yet. */
  ongoingOperation: z.boolean().optional(),
  /** The originator's recorded permission for this very action (further dissemination, export). */
  providerPermission: z.boolean().optional(),
});
export type PolicyItem = z.infer<typeof PolicyItem>;

export const PolicyMarkings = Markings.extend({
  /** Agencies named by the originator as the only recipients (TLP:RED). */
  namedRecipients: z.array(z.string().min(2).max(16)).optional(),
});
export type PolicyMarkings = z.infer<typeof PolicyMarkings>;

export const PolicyInput = z.strictObject({
  action: PolicyAction,
  sender: PolicyParty,
  recipient: PolicyParty,
  item: PolicyItem,
  markings: PolicyMarkings,
  now: z.iso.datetime({ offset: true }),
});
export type PolicyInput = z.infer<typeof PolicyInput>;
