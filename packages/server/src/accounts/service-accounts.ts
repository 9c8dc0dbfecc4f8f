import type { Tx } from '../context.ts';

// Disabled local accounts that records are attributed to when no officer made them (the public rescue form's
// intake today). Accounts own the users table: other features ask here instead of inserting users.

/** The disabled account of the public form's rescue intake in an agency (created on first use); its id. */
export async function rescueIntakeUserId(trx: Tx, agencyId: string): Promise<string> {
  const agency = await trx
    .selectFrom('agencies')
    .select('code')
    .where('id', '=', agencyId)
    .executeTakeFirstOrThrow();
  const email = `rescue-intake@${agency.code.toLowerCase()}.service.invalid`;
  await trx
    .insertInto('users')
    .values({
      email,
      display_name: 'Rescue intake (public form)',
      agency_id: agencyId,
      roles: [],
      password_hash: '!',
      disabled: true,
    })
    .onConflict((oc) => oc.column('email').doNothing())
    .execute();
  const user = await trx
    .selectFrom('users')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return user.id;
}
