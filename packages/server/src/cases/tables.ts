import type { Generated } from 'kysely';
import type { Timestamp, Uuid } from '../db/tables.ts';

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
    tlp: string;
    handling_code: string;
    handling_note: string | null;
    participating_unit_ids: Generated<string[]>;
    assigned_officer_ids: Generated<string[]>;
    created_by: string;
    created_at: Generated<Timestamp>;
    updated_at: Generated<Timestamp>;
    version: Generated<number>;
  };
}
