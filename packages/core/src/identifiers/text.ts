import type { IdentifierKind, NormalisedIdentifier } from './types.ts';

// Khmer (U+17E0…) and full-width (U+FF10…) digits are single UTF-16 units, like ASCII digits, so mapping them
// keeps every offset in a text unchanged: extraction relies on that.
const digitBlocks = [0x17e0, 0xff10, 0x0660, 0x06f0];

/** Replaces Khmer, full-width and Arabic-Indic digits with ASCII digits, one unit for one unit. */
export function toAsciiDigits(text: string): string {
  return text.replace(/[\u17e0-\u17e9\uff10-\uff19\u0660-\u0669\u06f0-\u06f9]/g, (ch) => {
    const code = ch.charCodeAt(0);
    const base = digitBlocks.find((start) => code >= start && code <= start + 9) ?? 0x30;
    return String(code - base);
  });
}

/** Hyphens and dashes word processors and phones put between digits ('‐', '‑', '–', '−'), one unit for one. */
export function toAsciiDashes(text: string): string {
  return text.replace(/[\u2010-\u2015\u2212\ufe58\ufe63]/g, '-');
}

/**
 * NFKC (full-width letters, '＠', no-break spaces), ASCII digits and dashes, trimmed, inner whitespace
 * collapsed: the "cleaned-up raw".
 */
export function cleanText(raw: string): string {
  return toAsciiDashes(toAsciiDigits(raw.normalize('NFKC')))
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function validIdentifier(
  kind: IdentifierKind,
  raw: string,
  value: string,
  display: string,
  details?: Record<string, string>,
): NormalisedIdentifier {
  return details
    ? { kind, raw, value, display, valid: true, details }
    : { kind, raw, value, display, valid: true };
}

/** Invalid input keeps what was entered: `value` and `display` are the cleaned raw text, `problem` says why. */
export function invalidIdentifier(
  kind: IdentifierKind,
  raw: string,
  cleaned: string,
  problem: string,
  details?: Record<string, string>,
): NormalisedIdentifier {
  const result: NormalisedIdentifier = { kind, raw, value: cleaned, display: cleaned, valid: false, problem };
  return details ? { ...result, details } : result;
}
