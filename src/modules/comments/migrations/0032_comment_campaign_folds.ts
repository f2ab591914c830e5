import { type Kysely, sql } from 'kysely';

/**
 * A campaign is shown once (issue 11): the public listing and the disposition report show
 * its representative text with its count, and fold the other texts of the campaign under it.
 * Detection says which groups are folded; the comments module keeps that on its own rows, so
 * a listing page filters on an index and reads no other module's tables:
 *
 * - `comment_groups.campaign_id`: the campaign the group belongs to at the last detection
 *   (null when none); the listing's "every text of this campaign" walks its index. And
 *   `comment_groups.folded`: the group is in a campaign and is not its representative, so a
 *   comment that becomes the group's listed one (moderation) is folded too.
 * - `comments.folded`: true on the listed comment of a group that is not its campaign's
 *   representative. The public listing reads `listed and not folded` from a partial index,
 *   so folded rows are never read and skipped, however large the campaign. A constant
 *   default: adding it rewrites nothing.
 * - `comment_periods.folded_texts`: how many distinct texts the last detection folded, so the
 *   summaries count a campaign once from counters (distinct texts − folded ones).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table comment_groups add column campaign_id uuid, add column folded boolean not null default false`.execute(db);
  await sql`create index comment_groups_campaign on comment_groups (period_id, campaign_id, id) where campaign_id is not null`.execute(db);
  await sql`alter table comments add column folded boolean not null default false`.execute(db);
  await sql`create index comments_public on comments (period_id, id) where listed and not folded`.execute(db);
  // The folded rows of a period, found to unfold them when detection runs again.
  await sql`create index comments_folded on comments (period_id, id) where folded`.execute(db);
  await sql`alter table comment_periods add column folded_texts integer not null default 0`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table comment_periods drop column folded_texts`.execute(db);
  await sql`drop index comments_folded`.execute(db);
  await sql`drop index comments_public`.execute(db);
  await sql`alter table comments drop column folded`.execute(db);
  await sql`drop index comment_groups_campaign`.execute(db);
  await sql`alter table comment_groups drop column folded, drop column campaign_id`.execute(db);
}
