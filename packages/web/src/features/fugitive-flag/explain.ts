import type { FlagExplanationView } from '@liaison/core/fugitives/flag-schemas';

/** One line of a flag's explanation: a message key of this feature and its values. */
export interface ExplanationLine {
  key: string;
  values: Record<string, string>;
}

/**
 * What made the flag, strongest first: the passport, then the names (which of the seen names met which of the
 * wanted person's, exact or a variant spelling), then the birth date (equal or day and month swapped), then the
 * nationality shared.
 */
export function explanationLines(explanation: FlagExplanationView): ExplanationLine[] {
  const lines: ExplanationLine[] = [];
  if (explanation.passport)
    lines.push({ key: 'why.passport', values: { number: explanation.passport.number } });
  if (explanation.name) {
    const { seen, wanted, wantedKind, surname, given } = explanation.name;
    const exact = surname === 'exact' && given === 'exact';
    lines.push({
      key: exact ? 'why.nameExact' : 'why.nameVariant',
      values: { seen, wanted, kind: wantedKind },
    });
  }
  if (explanation.birthDate) {
    const { agreement, seen, wanted } = explanation.birthDate;
    lines.push({
      key: agreement === 'equal' ? 'why.dateEqual' : 'why.dateSwapped',
      values: { seen, wanted },
    });
  }
  if (explanation.nationalities.length > 0)
    lines.push({ key: 'why.nationality', values: { codes: explanation.nationalities.join(', ') } });
  return lines;
}
