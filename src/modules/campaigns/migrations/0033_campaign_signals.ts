import { type Kysely, sql } from 'kysely';

/**
 * A campaign's flood signals (same-second bursts, channels, repeated and disposable email
 * domains, senders behind many names) counted when detection stores it, like its breakdowns,
 * so its review page reads one row instead of a million comments (issue 11, benchmark 4).
 * Campaigns stored before this have none; their page counts them as before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table campaign_signals (
      campaign_id uuid primary key references campaigns (id) on delete cascade,
      signals jsonb not null
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table campaign_signals`.execute(db);
}
