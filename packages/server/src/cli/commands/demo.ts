import type { Command } from 'commander';
import { demoPassword, demoUsers } from '../../demo/demo-accounts.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { withNode } from '../with-node.ts';

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description("Load the reference deployment's demo data (idempotent) and print the demo logins")
    .action(async () => {
      await withNode(async (_node, ctx) => {
        await seedDemo(ctx, (line) => console.error(line));
      });
      console.log(`Demo logins (password for all: ${demoPassword}):`);
      for (const user of demoUsers)
        console.log(
          `  ${user.email.padEnd(26)} ${user.roles.join(', ').padEnd(18)} ${user.agency} – ${user.unit}`,
        );
      console.log(
        'The administrators enrol an authenticator app (TOTP) at first sign-in; a role that reads case data, granted by one, waits for the other’s approval.',
      );
    });
}
