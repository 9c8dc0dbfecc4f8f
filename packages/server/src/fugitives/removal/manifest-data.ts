import type { MemberRole, RemovalKind } from '@liaison/core/fugitives/removal-schemas';
import { flightLabel, type RemovalRows } from './removal-read.ts';

/** One person aboard, as the manifest lists them. */
export interface ManifestPerson {
  no: number;
  role: 'suspect' | MemberRole;
  name: string;
  nameLocal: string;
  nationality: string;
  birthDate: string;
  passport: string;
  seat: string;
  /** A suspect's escorts; an escort's suspect. */
  escorts: string;
  escorting: string;
  warrant: string;
  /** An escort's or other member's agency or organisation. */
  agency: string;
}

export interface ManifestFlight {
  /** "KE9601 · Korean Air · PNH → ICN", or "Not on a flight yet". */
  title: string;
  kind: 'commercial' | 'charter' | null;
  departsAt: Date | null;
  arrivesAt: Date | null;
  seats: number | null;
  people: ManifestPerson[];
  counts: { suspects: number; escorts: number; others: number; total: number };
}

export interface ManifestData {
  reference: string;
  kind: RemovalKind;
  status: string;
  receivingUnit: { name: string; place: string; contact: string };
  agency: string;
  producedAt: Date;
  flights: ManifestFlight[];
  total: number;
}

const otherOrder: MemberRole[] = ['crew', 'medical', 'interpreter', 'other'];

/**
 * The manifest of a removal: per flight (in departure order), each suspect followed by their escorts, then the
 * flight's other people by role; suspects on no flight yet come last. Numbered per flight.
 */
export function manifestData(rows: RemovalRows, producedAt: Date): ManifestData {
  const sections: {
    flightId: string | null;
    title: string;
    flight: RemovalRows['flights'][number] | null;
  }[] = [
    ...rows.flights.map((f) => ({
      flightId: f.id,
      title: `${flightLabel(f)} · ${f.airline} · ${f.from_airport} → ${f.to_airport}`,
      flight: f,
    })),
  ];
  if (rows.suspects.some((s) => s.flight_id === null))
    sections.push({ flightId: null, title: 'Not on a flight yet / 항공편 미배정', flight: null });
  const flights = sections.map(({ flightId, title, flight }): ManifestFlight => {
    const people: ManifestPerson[] = [];
    const add = (p: Omit<ManifestPerson, 'no'>) => people.push({ ...p, no: people.length + 1 });
    const suspects = rows.suspects.filter((s) => s.flight_id === flightId);
    let escorts = 0;
    for (const s of suspects) {
      const own = rows.members.filter((m) => m.role === 'escort' && m.suspect_id === s.id);
      escorts += own.length;
      add({
        role: 'suspect',
        name: s.name,
        nameLocal: s.name_local ?? '',
        nationality: s.nationality ?? '',
        birthDate: s.birth_date ?? '',
        passport: s.passport_number ?? '',
        seat: s.seat ?? '',
        escorts: own.map((e) => e.name).join(', '),
        escorting: '',
        warrant: s.warrant_number ?? '',
        agency: '',
      });
      for (const e of own)
        add({
          role: 'escort',
          name: e.name,
          nameLocal: '',
          nationality: '',
          birthDate: '',
          passport: e.passport_number ?? '',
          seat: e.seat ?? '',
          escorts: '',
          escorting: s.name,
          warrant: '',
          agency: e.agency,
        });
    }
    const others = flightId
      ? rows.members
          .filter((m) => m.role !== 'escort' && m.flight_id === flightId)
          .sort((a, b) => otherOrder.indexOf(a.role as MemberRole) - otherOrder.indexOf(b.role as MemberRole))
      : [];
    for (const m of others)
      add({
        role: m.role as MemberRole,
        name: m.name,
        nameLocal: '',
        nationality: '',
        birthDate: '',
        passport: m.passport_number ?? '',
        seat: m.seat ?? '',
        escorts: '',
        escorting: '',
        warrant: '',
        agency: m.agency,
      });
    return {
      title,
      kind: (flight?.kind as 'commercial' | 'charter' | undefined) ?? null,
      departsAt: flight?.departs_at ?? null,
      arrivesAt: flight?.arrives_at ?? null,
      seats: flight?.seats ?? null,
      people,
      counts: { suspects: suspects.length, escorts, others: others.length, total: people.length },
    };
  });
  return {
    reference: rows.removal.reference,
    kind: rows.removal.kind as RemovalKind,
    status: rows.removal.status,
    receivingUnit: rows.removal.receiving_unit,
    agency: rows.removal.owner_agency,
    producedAt,
    flights,
    total: flights.reduce((sum, f) => sum + f.people.length, 0),
  };
}
