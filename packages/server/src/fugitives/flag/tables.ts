import type { ColumnType } from 'kysely';
import type { Json, NullableTimestamp, Timestamp, Uuid } from '../../db/tables.ts';

/** The fugitive flag (migration 0020). The fugitive-flag feature alone writes these tables. */
export interface FugitiveFlagTables {
  /** Match keys of the open fugitives (core/fugitives/flag-keys.ts). */
  fugitive_flag_keys: { key: string; fugitive_id: string };
  /** Which version of each fugitive its keys were made from. */
  fugitive_flag_indexed: { fugitive_id: string; version: number; updated_at: Timestamp };
  fugitive_flags: {
    id: Uuid;
    fugitive_id: string;
    subject_kind: 'entity' | 'rescue_case';
    subject_id: string;
    source: string;
    case_id: string | null;
    label: string;
    status: ColumnType<string, string | undefined, string>;
    /** `FlagExplanation` (core/fugitives/flag-match.ts). */
    explanation: Json;
    raised_at: Timestamp;
    decided_by: string | null;
    decided_at: NullableTimestamp;
    decision_reason: string | null;
  };
  /** What the partner told us: our records that flagged on its node. */
  fugitive_flag_notices: {
    id: Uuid;
    peer_id: string;
    peer_flag_id: string;
    record_ids: string[];
    case_id: string | null;
    fugitive_reference: string | null;
    received_at: Timestamp;
  };
}
