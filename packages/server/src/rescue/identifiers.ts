import { extractIdentifiers, normaliseIdentifier } from '@liaison/core/identifiers/index';
import type { ReportIdentifier, RescueReportInput } from '@liaison/core/rescue/index';

type ReportedPerson = RescueReportInput['person'];
type ReportLike = Pick<RescueReportInput, 'ransom' | 'narrative'> & {
  person: Omit<ReportedPerson, 'nationality'> & { nationality?: string | undefined };
};

export interface ReportContext {
  /** The recording agency's country (`agencies.country`, correlation/agency-country.ts). */
  agencyCountry?: string | undefined;
}

/**
 * The country a number or account written without a country code is read in: the recording agency's, as its
 * officers and the families who call it write them (the rule of core/identifiers), else the country of the
 * reported person's nationality. Undefined when neither is known: such a number is then read only when it
 * carries its code, rather than in a country guessed here.
 */
export function reportCountry(report: ReportLike, context: ReportContext = {}): string | undefined {
  const country =
    context.agencyCountry?.trim().toUpperCase() || report.person.nationality?.trim().toUpperCase();
  return country && /^[A-Z]{2}$/.test(country) ? country : undefined;
}

/**
 * The identifiers a report names. They are kept on the rescue case (`rescue_cases.identifiers`) and intake
 * puts them into the graph in the same transaction (`graph/intake/rescue-identifiers.ts`), where they raise
 * hits like any others.
 */
export function reportIdentifiers(report: ReportLike, context: ReportContext = {}): ReportIdentifier[] {
  const defaultCountry = reportCountry(report, context);
  const found: ReportIdentifier[] = [];
  const add = (
    source: ReportIdentifier['source'],
    kind: Parameters<typeof normaliseIdentifier>[0],
    raw: string | undefined,
    context = {},
  ) => {
    if (!raw) return;
    const n = normaliseIdentifier(kind, raw, context);
    found.push({ kind: n.kind, value: n.value, display: n.display, source, valid: n.valid });
  };
  add('ransom.account', 'bank_account', report.ransom?.account, { defaultCountry });
  add('ransom.wallet', 'crypto_wallet', report.ransom?.wallet);
  add('person.phone', 'phone', report.person.phone, { defaultCountry });
  add('person.telegram', 'messenger', report.person.telegram, { platform: 'telegram' });
  add('person.kakaotalk', 'messenger', report.person.kakaotalk, { platform: 'kakaotalk' });
  for (const { identifier: e } of extractIdentifiers(report.narrative, { defaultCountry })) {
    found.push({ kind: e.kind, value: e.value, display: e.display, source: 'narrative', valid: e.valid });
  }
  const seen = new Set<string>();
  return found.filter((i) => {
    const key = `${i.kind}:${i.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function mergeIdentifiers(
  a: readonly ReportIdentifier[],
  b: readonly ReportIdentifier[],
): ReportIdentifier[] {
  const seen = new Set(a.map((i) => `${i.kind}:${i.value}`));
  return [...a, ...b.filter((i) => !seen.has(`${i.kind}:${i.value}`))];
}
