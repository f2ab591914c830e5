import { type Kysely, sql } from 'kysely';

/**
 * Sign-in links by email (issue 10): a third purpose for the emailed one-time tokens, so the
 * owner of an account held shut by the sign-in throttles can still get in through their inbox.
 * The check was declared inline in 0001, so PostgreSQL named it `email_tokens_purpose_check`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table email_tokens drop constraint email_tokens_purpose_check`.execute(db);
  await sql`alter table email_tokens add constraint email_tokens_purpose_check check (purpose in ('confirm_email','reset_password','sign_in'))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from email_tokens where purpose = 'sign_in'`.execute(db);
  await sql`alter table email_tokens drop constraint email_tokens_purpose_check`.execute(db);
  await sql`alter table email_tokens add constraint email_tokens_purpose_check check (purpose in ('confirm_email','reset_password'))`.execute(db);
}
