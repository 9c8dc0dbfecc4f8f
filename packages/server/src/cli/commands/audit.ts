import type { Command } from 'commander';
import { verifyAuditChain } from '../../audit/audit-repository.ts';
import { withNode } from '../with-node.ts';

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('The append-only audit log');
  audit
    .command('verify')
    .description("Check the audit log's hash chain; exit 0 when intact, 1 naming the first bad entry")
    .action(async () => {
      await withNode(async (node) => {
        const result = await verifyAuditChain(node.app.db);
        if (result.break) {
          const what =
            result.break.reason === 'hash-mismatch'
              ? 'its content does not match its hash (altered)'
              : 'it does not follow the entry before it (deleted, inserted or reordered entries)';
          console.error(
            `Audit log BROKEN at entry ${result.break.seq}: ${what}. ${result.checked} entries before it are intact.`,
          );
          process.exitCode = 1;
        } else {
          console.log(`Audit log intact: ${result.checked} entries verified.`);
        }
      });
    });
}
