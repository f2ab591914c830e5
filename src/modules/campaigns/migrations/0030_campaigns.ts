import { CompiledQuery, type Kysely, sql } from 'kysely';
import { QUEUES, createQueueSql, jobsSchemaFor } from '../../../platform/jobs/queue.js';

/**
 * Detected campaigns (issue 11): a period's detection runs, its campaigns with their member
 * and distinct-text counts kept, the comment groups each holds (personalised or not), and the
 * breakdowns the review page shows. Member counts follow the groups' sizes through a trigger,
 * so a page reads one row whatever the campaign's size.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('campaign_runs')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('period_id', 'uuid', (c) => c.notNull().references('comment_periods.id').onDelete('cascade'))
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('finished_at', 'timestamptz', (c) => c.notNull())
    .addColumn('algorithm', 'text', (c) => c.notNull())
    // The MinHash seeds as hex (8 digits each), so a later run can tell its signatures are comparable.
    .addColumn('minhash_seeds', 'text', (c) => c.notNull())
    .addColumn('near_threshold', 'real', (c) => c.notNull())
    .addColumn('texts', 'integer', (c) => c.notNull())
    .addColumn('campaigns', 'integer', (c) => c.notNull())
    .execute();
  await sql`create index campaign_runs_period on campaign_runs (period_id, id desc)`.execute(db);

  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('period_id', 'uuid', (c) => c.notNull().references('comment_periods.id').onDelete('cascade'))
    .addColumn('run_id', 'uuid', (c) => c.notNull().references('campaign_runs.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('exact', 'near', 'template')`))
    .addColumn('representative_group_id', 'uuid', (c) => c.notNull().references('comment_groups.id').onDelete('cascade'))
    .addColumn('member_count', 'bigint', (c) => c.notNull())
    .addColumn('text_count', 'integer', (c) => c.notNull())
    .addColumn('group_count', 'integer', (c) => c.notNull())
    .addColumn('personalised_count', 'integer', (c) => c.notNull())
    .execute();
  // The review list: a period's campaigns, largest first, read from the index alone.
  await sql`create index campaigns_period_size on campaigns (period_id, member_count desc, id)`.execute(db);
  await sql`create index campaigns_run on campaigns (run_id)`.execute(db);

  await db.schema
    .createTable('campaign_groups')
    // A group of duplicates belongs to one period, so to at most one of its campaigns.
    .addColumn('group_id', 'uuid', (c) => c.primaryKey().references('comment_groups.id').onDelete('cascade'))
    .addColumn('campaign_id', 'uuid', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    // The group's size, kept by the trigger below: the variants are listed largest first from this index.
    .addColumn('size', 'integer', (c) => c.notNull())
    // Letter plus a note of the sender's own: the note, and where it starts in the text (null when in pieces).
    .addColumn('personal', 'text')
    .addColumn('personal_offset', 'integer')
    .execute();
  await sql`create index campaign_groups_campaign on campaign_groups (campaign_id, size desc, group_id)`.execute(db);

  await db.schema
    .createTable('campaign_facets')
    .addColumn('campaign_id', 'uuid', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('facet', 'text', (c) => c.notNull().check(sql`facet in ('group', 'channel', 'day')`))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('count', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('campaign_facets_pkey', ['campaign_id', 'facet', 'key'])
    .execute();

  // A comment joining (or leaving) a group of a campaign moves the campaign's count with it.
  await sql`
    create function campaign_follow_group_size() returns trigger language plpgsql as $$
    begin
      if new.size <> old.size then
        with g as (
          update campaign_groups set size = new.size where group_id = new.id returning campaign_id
        )
        update campaigns c set member_count = c.member_count + (new.size - old.size) from g where c.id = g.campaign_id;
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger campaign_follow_group_size after update of size on comment_groups for each row execute function campaign_follow_group_size()`.execute(db);

  const appSchema = (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s;
  const queue = createQueueSql(jobsSchemaFor(appSchema), QUEUES.campaignsDetect);
  await db.executeQuery(CompiledQuery.raw(queue.text, queue.values));
}

/** Drop the campaigns' tables and trigger (the queue stays: pg-boss ignores an idle one). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists campaign_follow_group_size on comment_groups`.execute(db);
  await sql`drop function if exists campaign_follow_group_size()`.execute(db);
  for (const t of ['campaign_facets', 'campaign_groups', 'campaigns', 'campaign_runs']) await db.schema.dropTable(t).ifExists().execute();
}
