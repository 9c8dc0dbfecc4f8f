import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { backupDatabase, restoreDatabase } from '../../db/backup.ts';
import { openDatabase } from '../../db/database.ts';
import { whileNodeStopped } from '../node-running.ts';

export function registerBackupCommands(program: Command): void {
  program
    .command('backup <file>')
    .description('Write a consistent SQL dump of the node database (loadable into PGlite or PostgreSQL)')
    .action(async (file: string) => {
      const config = loadConfig();
      const handle = await whileNodeStopped('backup', () => openDatabase(config));
      try {
        await backupDatabase(handle, config.databaseUrl, path.resolve(file));
        console.log(`Backup written to ${path.resolve(file)}.`);
      } finally {
        await handle.close();
      }
    });
  program
    .command('restore <file>')
    .description('Load a dump made by "liaison backup" into an empty database (DATA_DIR or DATABASE_URL)')
    .action(async (file: string) => {
      const config = loadConfig();
      const handle = await whileNodeStopped('restore', () => openDatabase(config));
      try {
        await restoreDatabase(handle, path.resolve(file));
        console.log('Restore complete. Run "liaison audit verify" to check the audit chain.');
      } finally {
        await handle.close();
      }
    });
}
