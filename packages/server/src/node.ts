import pino from 'pino';
import { SessionCache } from './accounts/session-cache.ts';
import { createRecordChanges } from './changes/record-changes.ts';
import { createSharedRecords } from './changes/shared-record-kind.ts';
import type { NodeConfig } from './config.ts';
import type { AppContext } from './context.ts';
import { type DatabaseHandle, openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { startEventBus } from './events/pg-event-bus.ts';
import { buildRegistry } from './feature-manifest.ts';
import { features } from './features.ts';
import { newHlcState } from './federation/hlc.ts';
import { createFederationRuntime } from './federation/runtime.ts';
import { createFileStore } from './files/file-store-config.ts';
import { buildHttpApp } from './http/app.ts';
import { createJobScheduler } from './jobs/scheduler.ts';

export interface LiaisonNode {
  app: AppContext;
  http: Awaited<ReturnType<typeof buildHttpApp>>;
  database: DatabaseHandle;
  close(): Promise<void>;
}

/**
 * Opens the database, migrates it, builds the node's registries from the feature manifests (features.ts),
 * its context and its HTTP app, and starts the jobs of the `node` phase; the `serving` phase's start when the
 * HTTP server listens.
 */
export async function createNode(
  config: NodeConfig,
  options: { database?: DatabaseHandle; logger?: boolean } = {},
): Promise<LiaisonNode> {
  const database = options.database ?? (await openDatabase(config));
  const registry = buildRegistry(features);
  // Refused now rather than at the first upload or the first job: a half-configured S3 store, pg-boss on PGlite.
  const files = createFileStore(config.dataDir);
  const jobs = createJobScheduler(() => app, registry.jobs, config.jobsDriver, database);
  await migrateToLatest(database.db);
  const log = pino({ level: options.logger === false ? 'silent' : config.logLevel });
  const app: AppContext = {
    db: database.db,
    dbKind: database.kind,
    config,
    log,
    events: await startEventBus(database),
    sessions: new SessionCache(config.sessionCacheMs),
    now: () => new Date(),
    changes: createRecordChanges(),
    sharedRecords: createSharedRecords(registry.recordKinds, registry.purges),
    registry,
    files,
    jobs,
    federation: createFederationRuntime(() => app),
    hlc: newHlcState(),
  };
  for (const observer of registry.changeObservers) app.changes.observe(observer(app));
  const stopSessionCache = app.sessions.listen(app.events);
  const http = await buildHttpApp(app, { logger: options.logger ?? true });
  await app.jobs.start('node');
  return {
    app,
    http,
    database,
    async close() {
      await app.jobs.close();
      stopSessionCache();
      await http.close();
      await app.events.close();
      await database.close();
    },
  };
}
