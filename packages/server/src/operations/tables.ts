import type { ColumnType, Generated } from 'kysely';
import type { Json, NullableTimestamp, Timestamp, Uuid } from '../db/tables.ts';

/** A jsonb column with a default: optional on insert. */
type JsonWithDefault<T = unknown> = ColumnType<T, string | undefined, string>;
/** `numeric`: read back as a string by both drivers, written as a number. */
type Numeric = ColumnType<string, number | string, number | string>;
type DateColumn = ColumnType<string | null, string | null | undefined, string | null>;

/** Joint operations (migration 0022; `server/src/operations/README.md`). Only the operations feature writes them. */
export interface OperationTables {
  operation_counters: { agency_code: string; year: number; last_seq: number };
  operations: {
    id: Uuid;
    /** `CNP-OP-2026-0001` (owner agency, year, sequence). */
    reference: string;
    code_name: string;
    objective: string;
    status: Generated<string>;
    status_changed_at: Timestamp;
    owner_agency: string;
    lead_agency: string;
    partner_agency: string;
    crime_types: string[];
    case_ids: Generated<string[]>;
    /** core `Intelligence`. */
    intelligence: Json;
    /** core `TeamInput[]`. */
    teams: JsonWithDefault;
    /** core `LegalAuthority[]`. */
    legal_authority: JsonWithDefault;
    briefing_at: NullableTimestamp;
    planned_start: Timestamp;
    planned_end: Timestamp;
    /** core `Risk[]`. */
    risks: JsonWithDefault;
    tlp: string;
    handling_code: string;
    handling_note: string | null;
    started_at: NullableTimestamp;
    completed_at: NullableTimestamp;
    outcome_summary: Generated<string>;
    created_by: string | null;
    created_at: Timestamp;
    updated_at: Timestamp;
    version: Generated<number>;
  };
  operation_targets: {
    id: Uuid;
    operation_id: string;
    position: number;
    kind: string;
    compound_id: string | null;
    entity_id: string | null;
    fugitive_id: string | null;
    label: string;
    address: string | null;
    lat: number | null;
    lon: number | null;
    note: Generated<string>;
  };
  operation_decisions: {
    id: Uuid;
    operation_id: string;
    decision: string;
    reason: Generated<string>;
    decided_by: string;
    decided_at: Timestamp;
  };
  operation_log: {
    id: Uuid;
    operation_id: string;
    seq: number;
    client_id: string | null;
    kind: string;
    at: Timestamp;
    recorded_at: Timestamp;
    author_id: string | null;
    author_agency: string;
    text: Generated<string>;
    lat: number | null;
    lon: number | null;
  };
  operation_arrests: {
    id: Uuid;
    operation_id: string;
    log_entry_id: string | null;
    person_entity_id: string;
    fugitive_id: string | null;
    name: string;
    nationality: string;
    birth_date: DateColumn;
    arresting_agency: string;
    crime_type: string;
    arrested_at: Timestamp;
    note: Generated<string>;
    recorded_by: string | null;
    created_at: Timestamp;
  };
  operation_rescues: {
    id: Uuid;
    operation_id: string;
    log_entry_id: string | null;
    rescue_case_id: string;
    name: string;
    nationality: string;
    rescued_at: Timestamp;
    note: Generated<string>;
    recorded_by: string | null;
    created_at: Timestamp;
  };
  /** Seizures, shaped for issue 12's evidence register to adopt as evidence items (`evidence_item_id`). */
  operation_seizures: {
    id: Uuid;
    operation_id: string;
    log_entry_id: string | null;
    category: string;
    description: Generated<string>;
    place: Generated<string>;
    quantity: Numeric;
    /** `g`, an ISO currency, a crypto asset, or `item`. */
    unit: string;
    drug_type: string | null;
    weapon_type: string | null;
    currency: string | null;
    asset: string | null;
    wallet: string | null;
    plate: string | null;
    seized_at: Timestamp;
    seized_by: string | null;
    evidence_item_id: string | null;
    created_at: Timestamp;
  };
  operation_follow_ups: {
    id: Uuid;
    operation_id: string;
    case_id: string;
    task_id: string;
    title: string;
    created_by: string | null;
    created_at: Timestamp;
  };
}
