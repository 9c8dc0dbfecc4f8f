import pino from 'pino';
import { SessionCache } from './accounts/session-cache.ts';
import { startAuditCheckpoints } from './audit/verify-audit.ts';
import { createRecordChanges } from './changes/record-changes.ts';
import { createSharedRecords } from './changes/shared-record-kind.ts';
import type { NodeConfig } from './config.ts';
import type { AppContext } from './context.ts';
import { type DatabaseHandle, openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { startEventBus } from './events/pg-event-bus.ts';
import { fileStoreOf } from './files/file-store-config.ts';
import { buildHttpApp } from './http/app.ts';
import { startRescueEscalations } from './rescue/escalation-job.ts';

export interface LiaisonNode {
  app: AppContext;
  http: Awaited<ReturnType<typeof buildHttpApp>>;
  database: DatabaseHandle;
  close(): Promise<void>;
}

/** Opens the database, migrates it, and builds the HTTP app. Background jobs start with `startJobs`. */
export async function createNode(
  config: NodeConfig,
  options: { database?: DatabaseHandle; logger?: boolean } = {},
): Promise<LiaisonNode> {
  const database = options.database ?? (await openDatabase(config));
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
    sharedRecords: createSharedRecords([], []),
  };
  const stopSessionCache = app.sessions.listen(app.events);
  // A half-configured S3 store is refused now, not at the first upload.
  fileStoreOf(app);
  const http = await buildHttpApp(app, { logger: options.logger ?? true });
  const rescueEscalations = startRescueEscalations(app);
  const auditCheckpoints = startAuditCheckpoints(app);
  return {
    app,
    http,
    database,
    async close() {
      rescueEscalations.stop();
      auditCheckpoints.stop();
      stopSessionCache();
      await http.close();
      await app.events.close();
      await database.close();
    },
  };
}
