import type { ColumnType, Generated } from 'kysely';
import type { Json, NullableTimestamp, Timestamp, Uuid } from '../db/tables.ts';

/** A jsonb column with a default: optional on insert. */
type JsonWithDefault = ColumnType<unknown, string | undefined, string>;

export interface RescueTables {
  compounds: {
    id: Uuid;
    name: string;
    aliases: Generated<string[]>;
    province: string;
    lat: number | null;
    lon: number | null;
    border_distance_km: number | null;
    status: Generated<string>;
    notes: Generated<string>;
    created_by: string | null;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  rescue_counters: { year: number; last_seq: number };
  rescue_cases: {
    id: Uuid;
    reference: string;
    state: Generated<string>;
    state_entered_at: Timestamp;
    risk_level: string;
    risk_assessment: Json;
    risk_override: Json | null;
    indicators: Generated<string[]>;
    person: Json;
    location: JsonWithDefault;
    compound_id: string | null;
    first_channel: string;
    consent: Generated<boolean>;
    consent_basis: string | null;
    person_role: Generated<string>;
    non_punishment: Generated<boolean>;
    screening: Json | null;
    repatriation: JsonWithDefault;
    identifiers: JsonWithDefault;
    merged_into: string | null;
    escalated_state: string | null;
    escalated_at: NullableTimestamp;
    owner_agency: string;
    created_by: string | null;
    created_at: Timestamp;
    updated_at: Timestamp;
    version: Generated<number>;
  };
  rescue_reports: {
    id: Uuid;
    case_id: string;
    channel: string;
    reporter: Json;
    person: Json;
    location: JsonWithDefault;
    last_contact_at: NullableTimestamp;
    narrative: string;
    ransom: Json | null;
    indicators: Generated<string[]>;
    consent: boolean;
    public_reference: string | null;
    secret_hash: string | null;
    additions: JsonWithDefault;
    created_by: string | null;
    created_at: Timestamp;
  };
  rescue_fingerprints: { case_id: string; kind: string; key: string };
  rescue_team: { case_id: string; user_id: string; added_by: string | null; added_at: Timestamp };
  rescue_events: {
    id: Uuid;
    case_id: string;
    at: Timestamp;
    actor_id: string | null;
    kind: string;
    from_state: string | null;
    to_state: string | null;
    reason: string | null;
    details: JsonWithDefault;
  };
  /** Graph entities made from a rescue case's identifiers (`correlation/external-identifiers.ts`). */
  rescue_entities: { rescue_case_id: string; entity_id: string; source: string };
  rescue_files: {
    id: Uuid;
    case_id: string;
    report_id: string | null;
    kind: string;
    mime: string;
    size: number;
    sha256: string;
    data: Uint8Array;
    uploaded_by: string | null;
    uploaded_at: Timestamp;
  };
}
