import type { ColumnType, Generated } from 'kysely';
import type { NullableTimestamp, Timestamp, Uuid } from '../db/tables.ts';

/** A column the database computes; never written. */
type Computed<T> = ColumnType<T, never, never>;

export interface CaseTables {
  case_number_counters: { agency_code: string; year: number; last_seq: number };
  cases: {
    id: Uuid;
    number: string;
    owner_agency_id: string;
    lead_agency: string;
    title: string;
    summary: Generated<string>;
    language: string;
    crime_types: string[];
    status: Generated<string>;
    close_reason: string | null;
    priority: Generated<string>;
    priority_rank: Computed<number>;
    tlp: string;
    handling_code: string;
    handling_note: string | null;
    participating_unit_ids: Generated<string[]>;
    assigned_officer_ids: Generated<string[]>;
    created_by: string;
    created_at: Timestamp;
    updated_at: Timestamp;
    version: Generated<number>;
  };
  case_tasks: {
    id: Uuid;
    case_id: string;
    title: string;
    description: string | null;
    assignee_id: string | null;
    due_date: ColumnType<string | null, string | null, string | null>;
    status: Generated<string>;
    created_by: string;
    created_at: Timestamp;
    updated_at: Timestamp;
    completed_at: NullableTimestamp;
    version: Generated<number>;
  };
  case_notes: {
    id: Uuid;
    case_id: string;
    body: string;
    format: string;
    language: string;
    author_id: string;
    created_at: Timestamp;
    updated_at: Timestamp;
    version: Generated<number>;
  };
  case_note_revisions: {
    note_id: string;
    version: number;
    body: string;
    format: string;
    language: string;
    edited_by: string;
    edited_at: Timestamp;
  };
  case_attachments: {
    id: Uuid;
    case_id: string;
    filename: string;
    media_type: string;
    size_bytes: ColumnType<string, number, number>;
    sha256: string;
    uploaded_by: string;
    uploaded_at: Timestamp;
  };
  case_timeline_events: {
    id: Uuid;
    case_id: string;
    occurred_at: Timestamp;
    occurred_at_local: string;
    kind: string;
    text: string;
    recorded_by: string;
    recorded_at: Timestamp;
  };
}
