import { DataDirectoryLocked } from '../db/data-dir-lock.ts';

/**
 * The embedded database (PGlite) serves one process, so a one-shot command cannot open it while the node runs
 * on the same DATA_DIR. Turns that refusal into what the operator can do instead; other errors pass unchanged.
 */
export async function whileNodeStopped<T>(
  command: 'backup' | 'restore' | 'audit verify',
  open: () => Promise<T>,
): Promise<T> {
  try {
    return await open();
  } catch (error) {
    if (!(error instanceof DataDirectoryLocked)) throw error;
    const instead: Record<typeof command, string> = {
      backup:
        'Stop the node, run "liaison backup <file>", start it again (the dump takes seconds for a demo-sized node). ' +
        'For backups while serving, run the node on a PostgreSQL server (DATABASE_URL): there "liaison backup" works at any time.',
      restore: 'Stop the node first: a restore loads into an empty database that no node is serving.',
      'audit verify':
        'While it runs, check the chain through the node instead: the web app\'s Audit log → "Verify chain", or ' +
        'POST /api/v1/audit/verify as an auditor — the same check. Or stop the node and run "liaison audit verify".',
    };
    throw new Error(
      `"liaison ${command}" cannot open the embedded database while the node is running on ${error.dataDir}${error.holder}. ` +
        instead[command],
    );
  }
}
