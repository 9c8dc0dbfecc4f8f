import type { Generated } from 'kysely';
import type { Json, NullableTimestamp, Timestamp, Uuid } from '../../db/tables.ts';

/** Removal planning's tables (migration 0021): written by this feature alone. */
export interface RemovalTables {
  removal_counters: { year: number; last_seq: number };
  removals: {
    id: Uuid;
    reference: string;
    kind: string;
    status: Generated<string>;
    receiving_unit: Json<{ name: string; place: string; contact: string }>;
    notes: Generated<string>;
    owner_agency_id: string;
    created_by: string | null;
    created_at: Timestamp;
    updated_at: Timestamp;
    confirmed_at: NullableTimestamp;
    confirmed_by: string | null;
    handed_over_at: NullableTimestamp;
    received_by: string | null;
    version: Generated<number>;
  };
  removal_flights: {
    id: Uuid;
    removal_id: string;
    kind: string;
    airline: string;
    flight_number: string | null;
    from_airport: string;
    to_airport: string;
    departs_at: Timestamp;
    arrives_at: Timestamp;
    seats: number | null;
    created_at: Timestamp;
  };
  removal_suspects: {
    id: Uuid;
    removal_id: string;
    fugitive_id: string | null;
    person_entity_id: string | null;
    name: string;
    name_local: string | null;
    fugitive_reference: string | null;
    birth_date: string | null;
    nationality: string | null;
    passport_number: string | null;
    warrant_number: string | null;
    flight_id: string | null;
    seat: string | null;
    boarded_at: NullableTimestamp;
    warrant_executed_by: string | null;
    warrant_executed_at: NullableTimestamp;
    open: Generated<boolean>;
    position: number;
    added_by: string | null;
    added_at: Timestamp;
  };
  removal_members: {
    id: Uuid;
    removal_id: string;
    role: string;
    suspect_id: string | null;
    flight_id: string | null;
    user_id: string | null;
    name: string;
    agency: Generated<string>;
    passport_number: string | null;
    seat: string | null;
    position: number;
    added_by: string | null;
    added_at: Timestamp;
  };
}
