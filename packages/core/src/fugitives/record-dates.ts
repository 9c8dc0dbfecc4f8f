import { LiaisonError } from '../errors/catalogue.ts';
import type { FieldProblemInput } from '../errors/field-problem.ts';
import { futureToleranceMs } from './lifecycle.ts';

// Dates on the record itself that cannot be: a birth in the future (or before 1900), a warrant issued tomorrow,
// a passport invalidated next week, a fugitive wanted since next month. The warrant's expiry before its issue is
// refused by the schema (`Warrant`). Steps have their own rules (lifecycle.ts).

export interface RecordDates {
  birthDate?: string | null | undefined;
  warrant?: { issuedOn: string } | null | undefined;
  passport?: { statusOn?: string | undefined } | null | undefined;
  wantedSince?: string | undefined;
}

export function recordDateProblems(dates: RecordDates, now: Date): FieldProblemInput[] {
  const today = now.toISOString().slice(0, 10);
  const problems: FieldProblemInput[] = [];
  const future = (path: string, message: string) => problems.push({ path, message, specific: true });
  if (dates.birthDate && dates.birthDate > today)
    future('/birthDate', 'The birth date cannot be in the future');
  if (dates.birthDate && dates.birthDate < '1900-01-01')
    future('/birthDate', 'The birth date cannot be before 1900');
  if (dates.warrant && dates.warrant.issuedOn > today)
    future('/warrant/issuedOn', 'The warrant cannot be issued in the future');
  if (dates.passport?.statusOn && dates.passport.statusOn > today)
    future('/passport/statusOn', "The passport's status cannot date from the future");
  if (dates.wantedSince && Date.parse(dates.wantedSince) > now.getTime() + futureToleranceMs)
    future('/wantedSince', 'He cannot be wanted from a date in the future');
  return problems;
}

export function assertRecordDates(dates: RecordDates, now: Date): void {
  const problems = recordDateProblems(dates, now);
  if (problems.length > 0)
    throw new LiaisonError('invalid-input', problems[0]!.message, { fields: problems });
}
