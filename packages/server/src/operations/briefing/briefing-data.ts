import type {
  Decision,
  Intelligence,
  LegalAuthority,
  OperationStatus,
  Risk,
  Team,
  Timing,
} from '@liaison/core/operations/schemas';
import type { BriefingLanguage } from './briefing-labels.ts';

/** A target as the pack prints it: the operation's target and what its owners add (a fugitive's record, a photo). */
export interface BriefingTarget {
  /** From 1, as on the map's pins. */
  number: number;
  kind: 'compound' | 'person' | 'address';
  label: string;
  address: string | null;
  /** The register's province id (`cambodianProvinces`). */
  province: string | null;
  lat: number | null;
  lon: number | null;
  /** Measured on the offline outline from the coordinates, or the planners' figure when there are none. */
  borderDistanceKm: number | null;
  note: string;
  /** A wanted person's record, when the target is a fugitive the reader may see. */
  person: {
    reference: string;
    names: string[];
    birthDate: string | null;
    nationality: string;
    passport: string | null;
    warrant: string | null;
  } | null;
  /** A JPEG or PNG from the file store, or none. */
  photo: Buffer | null;
}

export interface BriefingAgency {
  code: string;
  name: string;
  country: string;
}

/** Everything the pack prints, read and checked before the first line is drawn. */
export interface BriefingData {
  language: BriefingLanguage;
  reference: string;
  codeName: string;
  objective: string;
  status: OperationStatus;
  lead: BriefingAgency;
  partner: BriefingAgency;
  /** `TLP:RED · H2 — …`: stamped at the top and bottom of every page (Latin or Hangul: the stamp font). */
  marking: string;
  /** The same marking in the pack's language, with the planners' handling note, for the cover. */
  handling: string;
  producedAt: Date;
  producedBy: { name: string; agency: string; email: string };
  targets: BriefingTarget[];
  intelligence: Intelligence;
  teams: Team[];
  timing: Timing;
  legalAuthority: LegalAuthority[];
  risks: Risk[];
  /** Latest last. */
  decisions: Decision[];
}
