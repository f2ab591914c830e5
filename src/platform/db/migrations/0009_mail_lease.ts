import type { Kysely } from 'kysely';

/**
 * A delivery lease on outbox messages. Delivery used to hold a transaction open while
 * talking to the mail server, so one SMTP server that never answered blocked the embedded
 * database (one connection) and with it the site. Now a message is leased in a short
 * statement, sent outside any transaction, then marked; a crashed sender's lease expires.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('outbox_messages').addColumn('leased_until', 'timestamptz').execute();
}

/** Drop the lease column. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('outbox_messages').dropColumn('leased_until').execute();
}
