import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { createNode } from '../../node.ts';

export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description(
      'Serve the API and the web app (PORT, HOST, DATA_DIR, DATABASE_URL, NODE_NAME… in the environment)',
    )
    .action(async () => {
      const config = loadConfig();
      const node = await createNode(config);
      const stop = async () => {
        await node.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      await node.http.listen({ port: config.port, host: config.host });
      const where = config.databaseUrl
        ? 'PostgreSQL (DATABASE_URL)'
        : `the embedded database in ${config.dataDir}`;
      console.error(`Liaison node "${config.nodeName}" (${config.nodeAgency}) on ${where}`);
      console.error(`Open ${config.publicUrl}`);
    });
}
