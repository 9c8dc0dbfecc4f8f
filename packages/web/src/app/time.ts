/** The two zones both sides of the task force read: Korea Standard Time and Indochina Time. */
export const KST = 'Asia/Seoul';
export const ICT = 'Asia/Phnom_Penh';

const zoneLabels: Record<string, string> = { [KST]: 'KST', [ICT]: 'ICT', UTC: 'UTC' };

export function zoneLabel(timeZone: string): string {
  return zoneLabels[timeZone] ?? timeZone;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export interface ZonedParts {
  date: string;
  time: string;
  zone: string;
}

/**
 * A moment as `YYYY-MM-DD` and `HH:mm` in one zone. Numeric on purpose: the same in Korean, Khmer and
 * English, and never ambiguous between day and month.
 */
export function zonedParts(value: Date | string, timeZone: string): ZonedParts {
  const date = typeof value === 'string' ? new Date(value) : value;
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    zone: zoneLabel(timeZone),
  };
}

export function formatInZone(value: Date | string, timeZone: string): string {
  const p = zonedParts(value, timeZone);
  return `${p.date} ${p.time} ${p.zone}`;
}

/**
 * The zones to show for a time: the viewer's own first, then (when `dual`) KST and ICT if not already
 * shown. A viewer in UTC sees UTC, KST and ICT.
 */
export function zonesToShow(viewerZone: string, dual: boolean): string[] {
  if (!dual) return [viewerZone];
  return [viewerZone, KST, ICT].filter((zone, i, all) => all.indexOf(zone) === i);
}

/**
 * The second and further zones, shortened: the date is dropped when it matches the first zone's date.
 * E.g. `2026-03-01 09:30 KST · 07:30 ICT`, but `2026-03-01 00:30 KST · 2026-02-28 22:30 ICT`.
 */
export function formatMultiZone(value: Date | string, zones: string[]): string {
  const all = zones.map((zone) => zonedParts(value, zone));
  const firstDate = all[0]?.date;
  return all
    .map((p, i) => (i > 0 && p.date === firstDate ? `${p.time} ${p.zone}` : `${p.date} ${p.time} ${p.zone}`))
    .join(' · ');
}

export function isValidDate(value: string): boolean {
  return !Number.isNaN(new Date(value).getTime());
}

/**
 * A `<input type="datetime-local">` value (wall-clock, no zone) read in the given zone, as an ISO
 * instant with offset, for API filters. Works for zones without daylight saving (KST, ICT, UTC).
 */
export function localInputToIso(local: string, timeZone: string): string | undefined {
  if (!local) return undefined;
  const asUtc = new Date(`${local}:00Z`);
  if (Number.isNaN(asUtc.getTime())) return undefined;
  const shown = zonedParts(asUtc, timeZone);
  const shownAsUtc = new Date(`${shown.date}T${shown.time}:00Z`);
  const offsetMs = shownAsUtc.getTime() - asUtc.getTime();
  return new Date(asUtc.getTime() - offsetMs).toISOString();
}
