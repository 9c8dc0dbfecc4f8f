import type { ManifestData } from './manifest-data.ts';
import { columnLabels, roleLabels } from './manifest-labels.ts';

const columns = [
  'flight',
  'no',
  'role',
  'name',
  'nameLocal',
  'nationality',
  'birthDate',
  'passport',
  'seat',
  'escorts',
  'escorting',
  'warrant',
  'agency',
] as const;

/**
 * One CSV cell: quoted when it holds a comma, quote or line break; a cell a spreadsheet would run as a formula
 * (starting with = + - @ or a tab) is prefixed with an apostrophe.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The manifest as CSV (UTF-8 with a byte-order mark, so spreadsheets read the Hangul), one row a person. */
export function manifestCsv(data: ManifestData): string {
  const lines = [columns.map((c) => csvCell(columnLabels[c])).join(',')];
  for (const flight of data.flights)
    for (const p of flight.people)
      lines.push(
        [
          flight.title,
          p.no,
          roleLabels[p.role],
          p.name,
          p.nameLocal,
          p.nationality,
          p.birthDate,
          p.passport,
          p.seat,
          p.escorts,
          p.escorting,
          p.warrant,
          p.agency,
        ]
          .map(csvCell)
          .join(','),
      );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
