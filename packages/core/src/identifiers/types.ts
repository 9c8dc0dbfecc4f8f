import { z } from 'zod';

/** The kinds of identifier that feed the joint graph (phones, accounts, wallets… named in complaints and seizures). */
export const identifierKinds = [
  'phone',
  'email',
  'bank_account',
  'crypto_wallet',
  'url',
  'domain',
  'messenger',
  'passport',
  'national_id',
] as const;

export const identifierKindSchema = z.enum(identifierKinds);
export type IdentifierKind = z.infer<typeof identifierKindSchema>;

/**
 * One identifier after normalisation. `value` is the correlation key: two records naming the same phone or
 * wallet must produce the same `value`. Invalid input is never dropped or silently repaired: it comes back with
 * `valid: false`, the text as entered in `raw`, a cleaned-up form in `value` and the reason in `problem`.
 */
export const normalisedIdentifierSchema = z.object({
  kind: identifierKindSchema,
  raw: z.string(),
  value: z.string(),
  display: z.string(),
  valid: z.boolean(),
  problem: z.string().optional(),
  details: z.record(z.string(), z.string()).optional(),
});
export type NormalisedIdentifier = z.infer<typeof normalisedIdentifierSchema>;

/** What the surrounding record tells us: where the text came from, the chain, platform or bank already known. */
export const identifierContextSchema = z.object({
  defaultCountry: z.string().optional(),
  chain: z.string().optional(),
  platform: z.string().optional(),
  bank: z.string().optional(),
});
export type IdentifierContext = z.infer<typeof identifierContextSchema>;

/** An identifier found in free text; `start`/`end` are UTF-16 offsets into that text (end exclusive). */
export interface ExtractedIdentifier {
  identifier: NormalisedIdentifier;
  start: number;
  end: number;
}
