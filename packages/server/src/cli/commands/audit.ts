import type { ChainBreak } from '@liaison/core';
import type { Command } from 'commander';
import { verifyAudit } from '../../audit/verify-audit.ts';
import { whileNodeStopped } from '../node-running.ts';
import { withNode } from '../with-node.ts';

const where = { database: 'the database', file: 'the checkpoint file' } as const;

function whatBroke(broken: ChainBreak): string {
  const place = broken.source ? where[broken.source] : 'a checkpoint';
  switch (broken.reason) {
    case 'hash-mismatch':
      return 'its content does not match its hash (altered)';
    case 'broken-link':
      return 'it does not follow the entry before it (deleted, inserted or reordered entries)';
    case 'truncated':
      return `the log ends before it, but a checkpoint signed by this node (in ${place}) covers it (the tail was cut off)`;
    case 'checkpoint-mismatch':
      return `it differs from the checkpoint this node signed of it (in ${place}): the chain was rebuilt up to here`;
    case 'bad-checkpoint':
      return `the checkpoint of it in ${place} is not signed by this node's key (forged or altered)`;
  }
}

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('The append-only audit log');
  audit
    .command('verify')
    .description(
      "Check the audit log's hash chain and its signed checkpoints; exit 0 when intact, 1 naming the first bad entry",
    )
    .action(async () => {
      await whileNodeStopped('audit verify', () =>
        withNode(async (node) => {
          const result = await verifyAudit(node.app);
          if (result.break) {
            console.error(
              `Audit log BROKEN at entry ${result.break.seq}: ${whatBroke(result.break)}. ` +
                `${result.checked} entries before it are intact.`,
            );
            process.exitCode = 1;
          } else {
            const through = result.checkpoint
              ? ` Head checkpoint: entry ${result.checkpoint.seq}, signed ${result.checkpoint.at}.`
              : '';
            console.log(`Audit log intact: ${result.checked} entries verified.${through}`);
          }
        }),
      );
    });
}
