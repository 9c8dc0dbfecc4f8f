import fs from 'node:fs';
import lockfile from 'proper-lockfile';

/**
 * PGlite has no lock of its own and corrupts its data directory when two processes open it, so the node
 * takes an exclusive, stale-aware lock (proper-lockfile refreshes it while the process lives) before opening.
 */
export async function lockDataDirectory(dataDir: string): Promise<() => Promise<void>> {
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    return await lockfile.lock(dataDir, {
      lockfilePath: `${dataDir}/.liaison.lock`,
      stale: 15_000,
      update: 5_000,
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'ELOCKED') {
      throw new Error(
        `Another Liaison process is using the data directory ${dataDir}. Stop it first, ` +
          'or give this process its own DATA_DIR (or a DATABASE_URL for a shared PostgreSQL server).',
      );
    }
    throw error;
  }
}
