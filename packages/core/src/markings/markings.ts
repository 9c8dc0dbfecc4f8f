import { z } from 'zod';
import { plainText } from '../text/text-schema.ts';

/** Europol SIENA handling codes (see shared/README.md). */
export const HandlingCode = z.enum(['H0', 'H1', 'H2', 'H3']);
export type HandlingCode = z.infer<typeof HandlingCode>;

/** Traffic Light Protocol 2.0, most restrictive first. */
export const tlpLevels = ['RED', 'AMBER+STRICT', 'AMBER', 'GREEN', 'CLEAR'] as const;
export const Tlp = z.enum(tlpLevels);
export type Tlp = z.infer<typeof Tlp>;

/** Europol 4x4: source reliability and information accuracy. */
export const SourceReliability = z.enum(['A', 'B', 'C', 'X']);
export const InformationAccuracy = z.enum(['1', '2', '3', '4']);

export const legalBases = [
  'police_cooperation',
  'mutual_legal_assistance',
  'interpol',
  'consent',
  'vital_interest',
] as const;
export const LegalBasisKind = z.enum(legalBases);
export type LegalBasisKind = z.infer<typeof LegalBasisKind>;

export const LegalBasis = z.strictObject({
  kind: LegalBasisKind,
  /** An MLA request number, an Interpol notice or a consent record id, where the kind needs one. */
  reference: plainText().max(120).optional(),
});
export type LegalBasis = z.infer<typeof LegalBasis>;

/** The markings every shared item carries (federation issue), and every case carries for its own data. */
export const Markings = z.strictObject({
  originAgency: z.string().min(2).max(16),
  handlingCode: HandlingCode,
  handlingNote: plainText().max(500).optional(),
  tlp: Tlp,
  legalBasis: LegalBasis,
  purpose: plainText().min(1).max(500),
  retainUntil: z.iso.date().optional(),
  sourceReliability: SourceReliability.default('X'),
  informationAccuracy: InformationAccuracy.default('4'),
});
export type Markings = z.infer<typeof Markings>;

/** True when `a` is at least as restrictive as `b`. */
export function tlpAtLeast(a: Tlp, b: Tlp): boolean {
  return tlpLevels.indexOf(a) <= tlpLevels.indexOf(b);
}
