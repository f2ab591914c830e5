import { type Kysely, sql } from 'kysely';

/**
 * Every comment keeps its channel and arrival time, and what moderators need to see floods
 * without seeing people (issue 11):
 *
 * - `channel`: `web` (the HTML form), `api` (the single-comment API) or `bulk` (an import; its
 *   import and file line are in `import_id`/`import_line`). A constant default is kept in the
 *   catalogue (PostgreSQL 11+), so adding it to a table of tens of millions of rows rewrites
 *   nothing; the check is added NOT VALID, so nothing is scanned either. Rows written before
 *   this migration read `web`, except imported ones, set to `bulk` below (found through the
 *   partial index on `import_id`, so only they are touched).
 * - `received_at`: when Concord received the comment. For an import it is when its chunk
 *   landed, while `created_at` stays the time the file says it was submitted. Nullable (no
 *   default evaluated for old rows, no rewrite); older one-at-a-time comments read `created_at`
 *   instead, which was their arrival; imported ones get their import's start time below.
 * - `sender_domain` and `sender_hash`: the sender's email domain (lower case) and an HMAC of
 *   the normalised email under a key derived from the installation's secret, never the email.
 *   Null when unknown.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table comments add column channel text not null default 'web'`.execute(db);
  await sql`alter table comments add constraint comments_channel check (channel in ('web', 'api', 'bulk')) not valid`.execute(db);
  await sql`alter table comments add column received_at timestamptz`.execute(db);
  // Only rows written from now on take the default; writers set it explicitly anyway.
  await sql`alter table comments alter column received_at set default now()`.execute(db);
  await sql`alter table comments add column sender_domain text`.execute(db);
  await sql`alter table comments add column sender_hash text`.execute(db);
  // The import's staging table (unlogged, empty between chunks) carries the row's sender too.
  await sql`alter table comment_import_rows add column sender_domain text, add column sender_hash text`.execute(db);
  await sql`
    update comments c set channel = 'bulk', received_at = i.started_at
    from comment_imports i
    where c.import_id is not null and c.import_id = i.id`.execute(db);
  // Signals read a period's arrivals and channels from this index alone (index-only scans).
  await sql`create index comments_arrival on comments (period_id, received_at) include (channel, created_at)`.execute(db);
  // And its senders: domains in order, hashes and their display names.
  await sql`create index comments_sender on comments (period_id, sender_domain, sender_hash, display_name) where sender_hash is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index comments_sender`.execute(db);
  await sql`drop index comments_arrival`.execute(db);
  await sql`alter table comments drop constraint comments_channel`.execute(db);
  await sql`alter table comment_import_rows drop column sender_hash, drop column sender_domain`.execute(db);
  await sql`alter table comments drop column sender_hash, drop column sender_domain, drop column received_at, drop column channel`.execute(db);
}
