import { extractIdentifiers, normaliseIdentifier } from '@liaison/core/identifiers/index';
import type { ReportIdentifier, RescueReportInput } from '@liaison/core/rescue/index';

type ReportLike = Pick<RescueReportInput, 'person' | 'ransom' | 'narrative'>;

/**
 * The identifiers a report names. They are kept on the rescue case (`rescue_cases.identifiers`) and intake
 * puts them into the graph in the same transaction (`correlation/external-identifiers.ts`), where they raise
 * hits like any others.
 */
export function reportIdentifiers(report: ReportLike): ReportIdentifier[] {
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
  add('ransom.account', 'bank_account', report.ransom?.account, { defaultCountry: 'KR' });
  add('ransom.wallet', 'crypto_wallet', report.ransom?.wallet);
  add('person.phone', 'phone', report.person.phone, { defaultCountry: 'KR' });
  add('person.telegram', 'messenger', report.person.telegram, { platform: 'telegram' });
  add('person.kakaotalk', 'messenger', report.person.kakaotalk, { platform: 'kakaotalk' });
  for (const { identifier: e } of extractIdentifiers(report.narrative, { defaultCountry: 'KR' })) {
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
