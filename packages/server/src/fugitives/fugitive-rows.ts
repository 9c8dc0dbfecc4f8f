import type { HandlingCode, Tlp } from '@liaison/core';
import type {
  DangerMarker,
  Fugitive,
  FugitiveFile,
  FugitiveFlags,
  FugitiveName,
  FugitiveState,
  FugitiveStep,
  FugitiveSummary,
  InterpolNotice,
  Sighting,
  StepDetails,
  Warrant,
} from '@liaison/core/fugitives/schemas';
import { type Selectable, sql } from 'kysely';
import type { FugitiveTables } from './tables.ts';

// Rows of the register as the API shows them. Date columns are read as text (`::text`): the drivers would make
// a Date at local midnight of a calendar date.

type Row = Selectable<FugitiveTables['fugitives']>;
export type FugitiveRow = Omit<Row, 'birth_date' | 'passport_status_on'> & {
  birth_date: string | null;
  passport_status_on: string | null;
};

/** Every column of `fugitives`, the dates as text. Use as `.select(fugitiveColumns)`. */
export const fugitiveColumns = [
  'fugitives.id',
  'fugitives.agency_code',
  'fugitives.reference',
  'fugitives.person_entity_id',
  'fugitives.names',
  'fugitives.name_keys',
  sql<string | null>`fugitives.birth_date::text`.as('birth_date'),
  'fugitives.nationality',
  'fugitives.sex',
  'fugitives.passport_number',
  'fugitives.passport_display',
  'fugitives.passport_status',
  sql<string | null>`fugitives.passport_status_on::text`.as('passport_status_on'),
  'fugitives.warrant',
  'fugitives.interpol',
  'fugitives.danger_markers',
  'fugitives.crime_types',
  'fugitives.description',
  'fugitives.linked_case_ids',
  'fugitives.linked_entity_ids',
  'fugitives.status',
  'fugitives.status_changed_at',
  'fugitives.flags',
  'fugitives.tlp',
  'fugitives.handling_code',
  'fugitives.handling_note',
  'fugitives.created_by',
  'fugitives.created_at',
  'fugitives.updated_at',
  'fugitives.version',
] as const;

const iso = (d: Date) => d.toISOString();

export function presentFugitive(row: FugitiveRow): Fugitive {
  return {
    id: row.id,
    reference: row.reference,
    agencyCode: row.agency_code,
    names: row.names as FugitiveName[],
    birthDate: row.birth_date,
    nationality: row.nationality,
    sex: (row.sex as Fugitive['sex']) ?? null,
    passport:
      row.passport_number && row.passport_status
        ? {
            number: row.passport_number,
            display: row.passport_display ?? row.passport_number,
            status: row.passport_status as NonNullable<Fugitive['passport']>['status'],
            statusOn: row.passport_status_on,
          }
        : null,
    warrant: (row.warrant as Warrant | null) ?? null,
    interpol: (row.interpol as InterpolNotice | null) ?? null,
    dangerMarkers: row.danger_markers as DangerMarker[],
    crimeTypes: row.crime_types as Fugitive['crimeTypes'],
    description: row.description,
    personEntityId: row.person_entity_id,
    linkedCaseIds: row.linked_case_ids,
    linkedEntityIds: row.linked_entity_ids,
    markings: {
      tlp: row.tlp as Tlp,
      handlingCode: row.handling_code as HandlingCode,
      ...(row.handling_note ? { handlingNote: row.handling_note } : {}),
    },
    status: row.status as FugitiveState,
    statusChangedAt: iso(row.status_changed_at),
    flags: (row.flags as FugitiveFlags | null) ?? null,
    createdBy: row.created_by,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    version: row.version,
  };
}

export function presentSummary(row: FugitiveRow): FugitiveSummary {
  const warrant = row.warrant as Warrant | null;
  const interpol = row.interpol as InterpolNotice | null;
  return {
    id: row.id,
    reference: row.reference,
    agencyCode: row.agency_code,
    names: row.names as FugitiveName[],
    birthDate: row.birth_date,
    nationality: row.nationality,
    status: row.status as FugitiveState,
    statusChangedAt: iso(row.status_changed_at),
    passportStatus: (row.passport_status as FugitiveSummary['passportStatus']) ?? null,
    warrantExpiresOn: warrant?.expiresOn ?? null,
    interpolNotice: interpol?.noticeType ?? null,
    dangerMarkers: (row.danger_markers as DangerMarker[]).map((m) => m.code),
    flags: (row.flags as FugitiveFlags | null) ?? null,
    tlp: row.tlp,
    updatedAt: iso(row.updated_at),
  };
}

export function presentStep(
  row: Selectable<FugitiveTables['fugitive_steps']>,
  names: ReadonlyMap<string, string>,
): FugitiveStep {
  return {
    id: row.id,
    fugitiveId: row.fugitive_id,
    seq: row.seq,
    state: row.state as FugitiveState,
    fromState: (row.from_state as FugitiveState | null) ?? null,
    occurredAt: iso(row.occurred_at),
    actedBy: row.acted_by,
    note: row.note,
    reason: row.reason,
    details: row.details as StepDetails,
    documentIds: row.document_ids,
    sightingId: row.sighting_id,
    recordedBy: row.recorded_by,
    recordedByName: row.recorded_by ? (names.get(row.recorded_by) ?? null) : null,
    recordedAt: iso(row.recorded_at),
  };
}

/** A sighting; `withSource` false leaves out who the source is (need-to-know, fugitives/README.md). */
export function presentSighting(
  row: Selectable<FugitiveTables['fugitive_sightings']>,
  names: ReadonlyMap<string, string>,
  withSource: boolean,
): Sighting {
  return {
    id: row.id,
    fugitiveId: row.fugitive_id,
    seenAt: iso(row.seen_at),
    place: {
      province: (row.province as Sighting['place']['province']) ?? null,
      text: row.place_text,
      lat: row.lat,
      lon: row.lon,
    },
    source: row.source as Sighting['source'],
    sourceDetail: withSource ? row.source_detail : null,
    sourceWithheld: !withSource && row.source_detail !== null,
    reliability: row.reliability as Sighting['reliability'],
    accuracy: row.accuracy as Sighting['accuracy'],
    description: row.description,
    documentIds: row.document_ids,
    verification: row.verification as Sighting['verification'],
    verifiedBy: row.verified_by,
    verifiedByName: row.verified_by ? (names.get(row.verified_by) ?? null) : null,
    verifiedAt: row.verified_at ? iso(row.verified_at) : null,
    verificationNote: row.verification_note,
    recordedBy: row.recorded_by,
    recordedAt: iso(row.recorded_at),
  };
}

export function presentFile(row: Selectable<FugitiveTables['fugitive_files']>): FugitiveFile {
  return {
    id: row.id,
    fugitiveId: row.fugitive_id,
    kind: row.kind as FugitiveFile['kind'],
    filename: row.filename,
    mediaType: row.media_type,
    sizeBytes: Number(row.size_bytes),
    sha256: row.sha256,
    uploadedBy: row.uploaded_by,
    uploadedAt: iso(row.uploaded_at),
  };
}
