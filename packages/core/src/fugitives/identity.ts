import { LiaisonError } from '../errors/catalogue.ts';
import { normalisePassport } from '../identifiers/passport.ts';
import type { FugitiveName, Passport, StoredPassport } from './schemas.ts';

// What makes two register entries the same person: the same passport, or the same name and birth date. The
// register refuses the second (duplicate) and names the entry already on file. Looser matching — spellings,
// swapped dates — is the fugitive flag's job (flag-match.ts), which alerts rather than refuses.

/**
 * A name folded for equality: NFC, lower case, without punctuation, its words in a fixed order, so
 * 'HAN Bok-nam', 'HAN BOKNAM' and 'Boknam Han' fold alike (and '한복남' stays '한복남').
 */
export function nameKey(value: string): string {
  return value
    .normalize('NFC')
    .toLowerCase()
    .replace(/[-'’.·]/g, '')
    .split(/[\s,]+/u)
    .filter((w) => w.length > 0)
    .sort()
    .join(' ');
}

/** The keys of the names that identify (primary and passport; aliases are too loose to refuse on). */
export function nameKeysOf(names: readonly FugitiveName[]): string[] {
  return [...new Set(names.filter((n) => n.kind !== 'alias').map((n) => nameKey(n.value)))].filter(
    (k) => k.length > 0,
  );
}

/** The passport as stored: normalised ('KR:M12345678'); a number that fails its country's format is refused. */
export function storedPassportOf(passport: Passport, nationality: string): StoredPassport {
  const normalised = normalisePassport(passport.number, { defaultCountry: passport.country ?? nationality });
  if (!normalised.valid) {
    throw new LiaisonError('invalid-input', `The passport number is not valid: ${normalised.problem}`, {
      fields: [{ path: '/passport/number', message: normalised.problem ?? 'Not a valid passport number' }],
    });
  }
  return {
    number: normalised.value,
    display: normalised.display,
    status: passport.status,
    statusOn: passport.statusOn ?? null,
  };
}

/** An entry already on file, as far as the duplicate check needs it. */
export interface RegisteredIdentity {
  id: string;
  reference: string;
  nameKeys: readonly string[];
  birthDate: string | null;
  passportNumber: string | null;
}

export interface CandidateIdentity {
  /** The entry itself when it is being changed (it is no duplicate of itself). */
  id?: string | undefined;
  nameKeys: readonly string[];
  birthDate: string | null;
  passportNumber: string | null;
}

/** The entry the candidate duplicates, and on what; null when none. */
export function findDuplicate(
  candidate: CandidateIdentity,
  registered: readonly RegisteredIdentity[],
): { entry: RegisteredIdentity; on: 'passport' | 'name_and_birth_date' } | null {
  const others = registered.filter((r) => r.id !== candidate.id);
  if (candidate.passportNumber) {
    const entry = others.find((r) => r.passportNumber === candidate.passportNumber);
    if (entry) return { entry, on: 'passport' };
  }
  if (candidate.birthDate) {
    const keys = new Set(candidate.nameKeys);
    const entry = others.find(
      (r) => r.birthDate === candidate.birthDate && r.nameKeys.some((k) => keys.has(k)),
    );
    if (entry) return { entry, on: 'name_and_birth_date' };
  }
  return null;
}

/** Throws `conflict` naming the existing reference and the field, when the candidate is a duplicate. */
export function assertNotDuplicate(
  candidate: CandidateIdentity,
  registered: readonly RegisteredIdentity[],
): void {
  const duplicate = findDuplicate(candidate, registered);
  if (!duplicate) return;
  const { entry, on } = duplicate;
  const message =
    on === 'passport'
      ? `This passport is already on file as ${entry.reference}`
      : `A fugitive with this name and birth date is already on file as ${entry.reference}`;
  throw new LiaisonError('conflict', message, {
    fields: [
      {
        path: on === 'passport' ? '/passport/number' : '/names',
        message,
        specific: true,
        params: { reference: entry.reference },
      },
    ],
    extra: { existingId: entry.id, existingReference: entry.reference, on },
  });
}
