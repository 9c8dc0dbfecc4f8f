/**
 * What the normaliser assumed about an identifier (details set by core/src/identifiers), for the reader to see
 * beside it: a number read in the recording agency's country, a country guessed, a number the phone library
 * cannot verify and so matched by its digits, a bare @name taken for Telegram.
 */
export type IdentifierNote =
  | { key: 'countryAssumed'; country: string }
  | { key: 'countryGuessed'; country: string }
  | { key: 'unverifiedDigits' }
  | { key: 'platformAssumed'; platform: string };

export const identifierNoteKeys = [
  'countryAssumed',
  'countryGuessed',
  'unverifiedDigits',
  'platformAssumed',
] as const satisfies readonly IdentifierNote['key'][];

export function identifierNotes(identifier: { details?: Record<string, string> | null }): IdentifierNote[] {
  const details = identifier.details ?? {};
  const notes: IdentifierNote[] = [];
  if (details.countryAssumed) notes.push({ key: 'countryAssumed', country: details.countryAssumed });
  if (details.countryGuessed === 'true' && details.country)
    notes.push({ key: 'countryGuessed', country: details.country });
  if (details.key === 'digits') notes.push({ key: 'unverifiedDigits' });
  if (details.platformAssumed === 'true' && details.platform)
    notes.push({ key: 'platformAssumed', platform: details.platform });
  return notes;
}
