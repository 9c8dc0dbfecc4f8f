import type { Generated } from 'kysely';
import type { Json, NullableTimestamp, Timestamp, Uuid } from '../db/tables.ts';

/**
 * Correlation (migration 0003): the identifier index, identifiers marked as not correlating, the hits they
 * raise and the access requests on them, person-match decisions.
 */
export interface CorrelationTables {
  identifiers: {
    id: Uuid;
    kind: string;
    value: string;
    raw: string;
    display: string;
    valid: boolean;
    problem: string | null;
    /** What the normaliser said besides the key (country assumed, unverified digits key…), migration 0018. */
    details: Json<Record<string, string> | null> | null;
    property: string;
    entity_id: string;
    case_id: string | null;
    created_at: Timestamp;
  };
  non_correlating_identifiers: {
    kind: string;
    value: string;
    reason: string;
    marked_by: string;
    marked_at: Timestamp;
  };
  hits: {
    id: Uuid;
    kind: string;
    value: string;
    entity_id: string;
    case_id: string | null;
    matched_entity_id: string;
    matched_case_id: string | null;
    raised_by: string;
    raised_at: Timestamp;
  };
  access_requests: {
    id: Uuid;
    hit_id: string;
    requester_id: string;
    requester_agency_id: string;
    owner_agency_id: string;
    entity_id: string;
    case_id: string | null;
    reason: string;
    status: Generated<string>;
    decided_by: string | null;
    decided_at: NullableTimestamp;
    created_at: Timestamp;
  };
  person_match_decisions: {
    id: Uuid;
    entity_a_id: string;
    entity_b_id: string;
    decision: string;
    reason: string;
    score: number;
    link_id: string | null;
    decided_by: string;
    decided_at: Timestamp;
  };
}
