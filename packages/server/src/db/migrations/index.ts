import type { Migration } from 'kysely/migration';
import * as m0001 from './0001_foundation.ts';
import * as m0002 from './0002_cases.ts';
import * as m0003 from './0003_graph.ts';
import * as m0004 from './0004_federation.ts';
import * as m0005 from './0005_rescue.ts';
import * as m0006 from './0006_entity_tombstones.ts';
import * as m0007 from './0007_exchange_reply_index.ts';
import * as m0008 from './0008_attachment_mirroring.ts';
import * as m0009 from './0009_graph_lookups.ts';
import * as m0010 from './0010_case_share_epoch.ts';
import * as m0011 from './0011_totp_last_step.ts';
import * as m0012 from './0012_rate_limit_counters.ts';
import * as m0013 from './0013_peer_fingerprints.ts';
import * as m0014 from './0014_entity_case_markings.ts';
import * as m0015 from './0015_audit_checkpoints.ts';
import * as m0016 from './0016_person_name_keys.ts';
import * as m0017 from './0017_role_grants.ts';
import * as m0018 from './0018_identifier_rekey.ts';
import * as m0019 from './0019_fugitives.ts';
import * as m0020 from './0020_fugitive_flags.ts';
import * as m0021 from './0021_removals.ts';
import * as m0022 from './0022_operations.ts';
import * as m0023 from './0023_mirrored_record_kinds.ts';
import * as m0024 from './0024_person_name_rekey.ts';

/**
 * Every migration, in order. Each feature adds its own file here; names sort in the order they run.
 * Migrations are imported statically so the node needs no file-system scan at start.
 */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_cases': m0002,
  '0003_graph': m0003,
  '0004_federation': m0004,
  '0005_rescue': m0005,
  '0006_entity_tombstones': m0006,
  '0007_exchange_reply_index': m0007,
  '0008_attachment_mirroring': m0008,
  '0009_graph_lookups': m0009,
  '0010_case_share_epoch': m0010,
  '0011_totp_last_step': m0011,
  '0012_rate_limit_counters': m0012,
  '0013_peer_fingerprints': m0013,
  '0014_entity_case_markings': m0014,
  '0015_audit_checkpoints': m0015,
  '0016_person_name_keys': m0016,
  '0018_identifier_rekey': m0018,
  '0017_role_grants': m0017,
  '0019_fugitives': m0019,
  '0020_fugitive_flags': m0020,
  '0021_removals': m0021,
  '0022_operations': m0022,
  '0023_mirrored_record_kinds': m0023,
  '0024_person_name_rekey': m0024,
};
