import type { Kysely, Transaction } from 'kysely';
import type { Logger } from 'pino';
import type { SessionCache } from './accounts/session-cache.ts';
import type { RecordChanges } from './changes/record-changes.ts';
import type { SharedRecords } from './changes/shared-record-kind.ts';
import type { NodeConfig } from './config.ts';
import type { DatabaseKind } from './db/database.ts';
import type { Database } from './db/tables.ts';
import type { EventBus } from './events/event-bus.ts';
import type { NodeRegistry } from './feature-manifest.ts';
import type { HlcState } from './federation/hlc.ts';
import type { FederationRuntime } from './federation/runtime.ts';
import type { FileStore } from './files/file-store.ts';
import type { JobScheduler } from './jobs/job.ts';

/** What the node holds for its whole life: one per process. */
export interface AppContext {
  db: Kysely<Database>;
  dbKind: DatabaseKind;
  config: NodeConfig;
  log: Logger;
  events: EventBus;
  /** Recently resolved sessions of this process (see accounts/session-cache.ts). */
  sessions: SessionCache;
  now: () => Date;
  /** This node's change feed: features announce record changes, observers (federation) act on them. */
  changes: RecordChanges;
  /** The record kinds that travel in shared cases, and the owners' purges (changes/shared-record-kind.ts). */
  sharedRecords: SharedRecords;
  /** What the features' manifests contribute (features.ts), collected for this node. */
  registry: NodeRegistry;
  /** Attachment content: the data directory or an S3-compatible bucket (files/file-store-config.ts). */
  files: FileStore;
  /** The node's background jobs (jobs/job.ts): in this process or on pg-boss. */
  jobs: JobScheduler;
  /** Federation's keys, settings and replay window (federation/runtime.ts). */
  federation: FederationRuntime;
  /** The hybrid logical clock of shared-case changes (federation/hlc.ts); `now` is the wall clock. */
  hlc: HlcState;
}

/** What one use case call knows about where it comes from; never the HTTP request itself. */
export interface Ctx {
  app: AppContext;
  ip: string | null;
  /** The purpose the user stated for reading restricted records (audited). */
  purpose: string | null;
}

export type Tx = Transaction<Database>;
export type Db = Kysely<Database> | Tx;

export function systemCtx(app: AppContext): Ctx {
  return { app, ip: null, purpose: null };
}
