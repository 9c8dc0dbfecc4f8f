import { LiaisonError, Role, UserInput } from '@liaison/core';
import type { Command } from 'commander';
import { createUser } from '../../accounts/users-service.ts';
import { readStdin } from '../stdin.ts';
import { systemActor } from '../system-actor.ts';
import { withNode } from '../with-node.ts';

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('Manage user accounts');
  user
    .command('add')
    .description('Create a user; the password is read from standard input')
    .requiredOption('--agency <code>', 'agency code, e.g. KNPA')
    .requiredOption('--role <role...>', `one or more of: ${Role.options.join(', ')}`)
    .requiredOption('--email <email>', 'sign-in email')
    .option('--name <name>', 'display name (defaults to the email)')
    .requiredOption('--password-stdin', 'read the password from standard input')
    .action(async (options: { agency: string; role: string[]; email: string; name?: string }) => {
      const password = (await readStdin()).replace(/\r?\n$/, '');
      await withNode(async (node, ctx) => {
        const agency = await node.app.db
          .selectFrom('agencies')
          .select(['id', 'code'])
          .where('code', '=', options.agency.toUpperCase())
          .executeTakeFirst();
        if (!agency)
          throw new Error(
            `No agency with code ${options.agency}. Run "liaison demo" or create it in the web app first.`,
          );
        const parsed = UserInput.safeParse({
          email: options.email,
          displayName: options.name ?? options.email,
          agencyId: agency.id,
          roles: options.role,
          password,
        });
        if (!parsed.success) {
          throw new Error(
            parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '),
          );
        }
        try {
          const created = await createUser(ctx, systemActor(agency), parsed.data);
          console.log(`Created ${created.email} (${created.roles.join(', ')}) in ${created.agencyCode}.`);
        } catch (error) {
          if (error instanceof LiaisonError) throw new Error(error.message);
          throw error;
        }
      });
    });
}
