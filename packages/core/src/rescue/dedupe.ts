/**
 * Exact keys for spotting the same person reported through several channels. Deliberately minimal: the
 * server adds the fuzzy person-name matcher on top. Two reports sharing a passport or a phone key are
 * strong candidates; a shared name or birth date alone proves little (three surnames cover half of Korea).
 */
export type FingerprintKind = 'passport' | 'birth_date' | 'phone' | 'name_latin' | 'name_hangul';

export interface ReportFingerprint {
  kind: FingerprintKind;
  key: string;
}

/** The person fields this module reads; any report or case row with them will do. */
export interface FingerprintablePerson {
  namesHangul?: readonly string[] | undefined;
  namesLatin?: readonly string[] | undefined;
  birthDate?: string | undefined;
  passportNumber?: string | undefined;
  phone?: string | undefined;
}

export function passportKey(passport: string): string {
  return passport.toUpperCase().replace(/[\s-]/g, '');
}

/**
 * Digits with the country code and without a trunk 0. Simplified on purpose:
 * - `+`/`00` international numbers keep their country code, dropping a doubled trunk (`+82 010…`, `0855…`);
 * - an 11-digit national number starting 01 is a Korean mobile (010-1234-5678 → 821012345678);
 * - any other national number starting 0 is taken as Cambodian (012 345 678 → 85512345678);
 * - anything else is kept as digits.
 */
export function phoneKey(phone: string): string {
  let digits = phone.replace(/\D/g, '');
  const international = phone.trim().startsWith('+') || digits.startsWith('00');
  digits = digits.replace(/^00/, '');
  if (!international && /^0(82|855)/.test(digits)) return digits.slice(1).replace(/^(82|855)0/, '$1');
  if (international) return digits.replace(/^(82|855)0/, '$1');
  if (/^01\d{9}$/.test(digits)) return `82${digits.slice(1)}`;
  if (/^0\d{7,9}$/.test(digits)) return `855${digits.slice(1)}`;
  return digits;
}

/** Upper case, accents dropped, tokens sorted: "Boknam Han" and "HAN BOKNAM" give the same key. */
export function latinNameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .split(/[^A-Z]+/)
    .filter((t) => t.length > 0)
    .sort()
    .join(' ');
}

/** Hangul names are kept as written, only normalised to NFC and stripped of spaces. */
export function hangulNameKey(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, '');
}

export function reportFingerprints(report: { person: FingerprintablePerson }): ReportFingerprint[] {
  const p = report.person;
  const found: ReportFingerprint[] = [];
  const add = (kind: FingerprintKind, key: string) => {
    if (key.length > 0 && !found.some((f) => f.kind === kind && f.key === key)) found.push({ kind, key });
  };
  if (p.passportNumber) add('passport', passportKey(p.passportNumber));
  if (p.birthDate) add('birth_date', p.birthDate);
  if (p.phone) add('phone', phoneKey(p.phone));
  for (const n of p.namesLatin ?? []) add('name_latin', latinNameKey(n));
  for (const n of p.namesHangul ?? []) add('name_hangul', hangulNameKey(n));
  return found;
}

/** The fingerprints two reports share. */
export function sharedFingerprints(a: ReportFingerprint[], b: ReportFingerprint[]): ReportFingerprint[] {
  return a.filter((x) => b.some((y) => y.kind === x.kind && y.key === x.key));
}
