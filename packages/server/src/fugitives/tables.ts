import type { ColumnType, Generated } from 'kysely';
import type { Json, Timestamp, Uuid } from '../db/tables.ts';

/**
 * A `date` column: written as 'YYYY-MM-DD'; the drivers read it as a Date at local midnight, so read it with
 * `::text` (fugitive-rows.ts does) to get the calendar date back.
 */
type DateColumn = ColumnType<Date | string | null, string | null | undefined, string | null>;
/** A jsonb column with a default: optional on insert. */
type JsonWithDefault<T = unknown> = ColumnType<T, string | undefined, string>;

/** The fugitive register (migration 0019). The fugitives feature alone writes these tables. */
export interface FugitiveTables {
  fugitive_counters: { agency_code: string; year: number; last_seq: number };
  fugitives: {
    id: Uuid;
    agency_code: string;
    /** 'KNPA-F-2026-0001'. */
    reference: string;
    /** The graph person this fugitive is. */
    person_entity_id: string | null;
    /** `FugitiveName[]` (core/fugitives/schemas.ts). */
    names: Json;
    /** Folded non-alias names, for the duplicate check and search (fugitive-names.ts). */
    name_keys: Generated<string[]>;
    birth_date: DateColumn;
    /** ISO alpha-2. */
    nationality: string;
    sex: string | null;
    /** Normalised as core/identifiers/passport.ts does: 'KR:M12345678'. Unique. */
    passport_number: string | null;
    passport_display: string | null;
    /** `PassportStatus`; null exactly when there is no passport. */
    passport_status: string | null;
    passport_status_on: DateColumn;
    /** `Warrant` or null. */
    warrant: Json | null;
    /** `InterpolNotice` or null. */
    interpol: Json | null;
    /** `DangerMarker[]`. */
    danger_markers: JsonWithDefault;
    crime_types: Generated<string[]>;
    description: Generated<string>;
    linked_case_ids: Generated<string[]>;
    linked_entity_ids: Generated<string[]>;
    /** `FugitiveState`; changes only with a step. */
    status: Generated<string>;
    status_changed_at: Timestamp;
    /** `FugitiveFlags`, written by the flag job and by every write; null until first computed. */
    flags: Json | null;
    tlp: string;
    handling_code: string;
    handling_note: string | null;
    created_by: string | null;
    created_at: Timestamp;
    updated_at: Timestamp;
    version: Generated<number>;
  };
  /** The life cycle, append-only (a trigger refuses update and delete). */
  fugitive_steps: {
    id: Uuid;
    fugitive_id: string;
    seq: number;
    from_state: string | null;
    state: string;
    occurred_at: Timestamp;
    acted_by: string | null;
    note: string | null;
    reason: string | null;
    /** `StepDetails`. */
    details: JsonWithDefault;
    document_ids: Generated<string[]>;
    sighting_id: string | null;
    recorded_by: string | null;
    recorded_at: Timestamp;
  };
  fugitive_sightings: {
    id: Uuid;
    fugitive_id: string;
    seen_at: Timestamp;
    province: string | null;
    place_text: Generated<string>;
    lat: number | null;
    lon: number | null;
    source: string;
    /** Never leaves this node. */
    source_detail: string | null;
    reliability: string;
    accuracy: string;
    description: string;
    document_ids: Generated<string[]>;
    verification: Generated<string>;
    verified_by: string | null;
    verified_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
    verification_note: string | null;
    recorded_by: string | null;
    recorded_at: Timestamp;
  };
  /** Photos and documents; the bytes are in the node's file store under `sha256`. */
  fugitive_files: {
    id: Uuid;
    fugitive_id: string;
    kind: string;
    filename: string;
    media_type: string;
    size_bytes: ColumnType<string, number, number>;
    sha256: string;
    uploaded_by: string | null;
    uploaded_at: Timestamp;
  };
}
