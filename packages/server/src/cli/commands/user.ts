import { LiaisonError, Password, Role, UserInput } from '@liaison/core';
import type { Command } from 'commander';
import { resetPassword } from '../../accounts/password-reset-service.ts';
import { decideRoleGrant, listRoleGrants } from '../../accounts/role-grants-service.ts';
import { createUser } from '../../accounts/users-service.ts';
import type { Ctx } from '../../context.ts';
import type { LiaisonNode } from '../../node.ts';
import { readStdin } from '../stdin.ts';
import { systemActor } from '../system-actor.ts';
import { withNode } from '../with-node.ts';

/**
 * The node's own machine is the break-glass path of account management: these commands act as the node
 * itself (the system actor, audited with no user), so they bootstrap the first administrator, grant roles at
 * once and reset any account — everything the web app leaves to a second administrator or to the user's
 * own agency. Whoever can run them can read the database anyway.
 */
export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('Manage user accounts (as the node itself)');
  user
    .command('add')
    .description('Create a user with any roles; the password is read from standard input')
    .requiredOption('--agency <code>', 'agency code, e.g. KNPA')
    .requiredOption('--role <role...>', `one or more of: ${Role.options.join(', ')}`)
    .requiredOption('--email <email>', 'sign-in email')
    .option('--name <name>', 'display name (defaults to the email)')
    .requiredOption('--password-stdin', 'read the password from standard input')
    .action(async (options: { agency: string; role: string[]; email: string; name?: string }) => {
      const password = await readPassword();
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
        if (!parsed.success) throw new Error(issuesOf(parsed.error.issues));
        const created = await asCommand(() => createUser(ctx, systemActor(agency), parsed.data));
        console.log(`Created ${created.email} (${created.roles.join(', ')}) in ${created.agencyCode}.`);
      });
    });

  user
    .command('reset-password')
    .description("Set a user's password (read from standard input); their sessions and API tokens end")
    .requiredOption('--email <email>', 'sign-in email')
    .option('--reset-totp', 'also clear the authenticator: the user enrols again at next sign-in')
    .requiredOption('--password-stdin', 'read the password from standard input')
    .action(async (options: { email: string; resetTotp?: boolean }) => {
      const parsed = Password.safeParse(await readPassword());
      if (!parsed.success) throw new Error(issuesOf(parsed.error.issues, 'password'));
      await withNode(async (node, ctx) => {
        const target = await userByEmail(node, options.email);
        await asCommand(() =>
          resetPassword(ctx, systemActor(target), target.userId, parsed.data, options.resetTotp === true),
        );
        console.log(
          `Password of ${options.email} reset${options.resetTotp ? ', authenticator cleared' : ''}; sessions and API tokens ended.`,
        );
      });
    });

  user
    .command('grants')
    .description('List the role grants waiting for a second administrator')
    .action(async () => {
      await withNode(async (node, ctx) => {
        const grants = await listRoleGrants(ctx, systemActor(await nodeAgency(node)), { state: 'pending' });
        if (grants.length === 0) console.log('No role grants wait for approval.');
        for (const grant of grants)
          console.log(
            `${grant.id}  ${grant.user.email} (${grant.user.agencyCode}): ${grant.roles.join(', ')} — proposed by ${grant.proposedBy.displayName} at ${grant.proposedAt}`,
          );
      });
    });

  for (const decision of ['approve', 'decline'] as const) {
    user
      .command(`${decision} <grant-id>`)
      .description(
        `${decision === 'approve' ? 'Approve' : 'Decline'} a pending role grant as the node itself`,
      )
      .action(async (grantId: string) => {
        await withNode(async (node, ctx) => {
          const grant = await decideAsNode(node, ctx, grantId, decision);
          console.log(`Grant of ${grant.roles.join(', ')} to ${grant.user.email} ${grant.state}.`);
        });
      });
  }
}

async function readPassword(): Promise<string> {
  return (await readStdin()).replace(/\r?\n$/, '');
}

function issuesOf(issues: { path: PropertyKey[]; message: string }[], field?: string): string {
  return issues.map((i) => `${i.path.join('.') || field || 'input'}: ${i.message}`).join('; ');
}

/** A service's refusal as a plain error message for the terminal. */
async function asCommand<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof LiaisonError) throw new Error(error.message);
    throw error;
  }
}

async function userByEmail(node: LiaisonNode, email: string) {
  const row = await node.app.db
    .selectFrom('users')
    .innerJoin('agencies', 'agencies.id', 'users.agency_id')
    .select(['users.id as userId', 'agencies.id', 'agencies.code'])
    .where('users.email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
  if (!row) throw new Error(`No user with email ${email}.`);
  return row;
}

async function nodeAgency(node: LiaisonNode) {
  const agency = await node.app.db
    .selectFrom('agencies')
    .select(['id', 'code'])
    .where('code', '=', node.app.config.nodeAgency)
    .executeTakeFirst();
  return agency ?? { id: '', code: node.app.config.nodeAgency };
}

async function decideAsNode(node: LiaisonNode, ctx: Ctx, grantId: string, decision: 'approve' | 'decline') {
  if (!/^[0-9a-f-]{36}$/i.test(grantId))
    throw new Error(`Not a grant id: ${grantId}. See "liaison user grants".`);
  return asCommand(async () => decideRoleGrant(ctx, systemActor(await nodeAgency(node)), grantId, decision));
}
