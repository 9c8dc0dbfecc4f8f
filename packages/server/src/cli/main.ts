import { Command, CommanderError } from 'commander';
import { registerAuditCommands } from './commands/audit.ts';
import { registerBackupCommands } from './commands/backup.ts';
import { registerDemoCommand } from './commands/demo.ts';
import { registerPeerCommands } from './commands/peer.ts';
import { registerStartCommand } from './commands/start.ts';
import { registerUserCommands } from './commands/user.ts';

/** Builds the CLI; each command sets `process.exitCode` on failure and prints a message a person can act on. */
export function buildCli(): Command {
  const program = new Command('liaison')
    .description('Liaison: one agency node of the joint task force platform')
    .showHelpAfterError()
    .exitOverride();
  registerStartCommand(program);
  registerDemoCommand(program);
  registerUserCommands(program);
  registerAuditCommands(program);
  registerBackupCommands(program);
  registerPeerCommands(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildCli().parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    console.error(`liaison: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
