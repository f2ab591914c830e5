import { CompiledQuery, type Kysely, sql } from 'kysely';
import { QUEUES, constructionSql, createQueueSql, jobsSchemaFor } from '../../jobs/queue.js';

/**
 * Meetings of a process or of one working group, their agendas, registrations (with a
 * waiting list) and attendance; an optional iCalendar attachment on outbox messages; and
 * pg-boss's schema with the reminder queue, so that jobs can be enqueued in the same
 * transaction as the change that causes them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const now = sql`now()`;

  await db.schema
    .createTable('meetings')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('process_id', 'uuid', (c) => c.notNull().references('processes.id').onDelete('cascade'))
    // A group that goes away leaves its meetings to the process: nothing is lost.
    .addColumn('group_id', 'uuid', (c) => c.references('working_groups.id').onDelete('set null'))
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('title_fr', 'text', (c) => c.notNull())
    .addColumn('description_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description_fr', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('format', 'text', (c) => c.notNull().check(sql`format in ('in_person', 'virtual', 'hybrid')`))
    .addColumn('venue', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('join_url', 'text')
    .addColumn('stream_url', 'text')
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ends_at', 'timestamptz', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('languages', 'text', (c) => c.notNull().defaultTo('both').check(sql`languages in ('en', 'fr', 'both')`))
    .addColumn('visibility', 'text', (c) => c.notNull().defaultTo('public').check(sql`visibility in ('public', 'members')`))
    .addColumn('capacity', 'integer', (c) => c.check(sql`capacity is null or capacity > 0`))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('scheduled').check(sql`status in ('scheduled', 'cancelled')`))
    .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('recording_urls', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('minutes_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('minutes_fr', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('reminder_job_id', 'uuid')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addCheckConstraint('meetings_times', sql`ends_at > starts_at`)
    .execute();
  // Lists walk a process's or a group's meetings by time, with the id as the keyset tiebreak.
  await db.schema.createIndex('meetings_process_time').on('meetings').columns(['process_id', 'starts_at', 'id']).execute();
  await db.schema.createIndex('meetings_group_time').on('meetings').columns(['group_id', 'starts_at', 'id']).execute();

  await db.schema
    .createTable('meeting_agenda_items')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('meeting_id', 'uuid', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('presenter', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('duration_minutes', 'integer', (c) => c.check(sql`duration_minutes is null or duration_minutes > 0`))
    .addColumn('document_url', 'text')
    .addUniqueConstraint('meeting_agenda_items_position', ['meeting_id', 'position'])
    .execute();

  await db.schema
    .createTable('meeting_registrations')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('meeting_id', 'uuid', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('registered', 'waitlisted')`))
    .addColumn('show_name', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('reminded_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('meeting_registrations_once', ['meeting_id', 'user_id'])
    .execute();
  // The waiting list is promoted in id order (UUIDv7: the order people asked).
  await db.schema.createIndex('meeting_registrations_queue').on('meeting_registrations').columns(['meeting_id', 'status', 'id']).execute();
  await db.schema.createIndex('meeting_registrations_user').on('meeting_registrations').column('user_id').execute();

  await db.schema
    .createTable('meeting_attendance')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('meeting_id', 'uuid', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('marked_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('meeting_attendance_once', ['meeting_id', 'user_id'])
    .execute();

  // An iCalendar object sent with the message (as a text/calendar part), when there is one.
  await db.schema.alterTable('outbox_messages').addColumn('ics', 'text').execute();

  // pg-boss beside this schema (current_schema() is the app's: tests and installs set it).
  const appSchema = (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s;
  const jobs = jobsSchemaFor(appSchema);
  await sql.raw(constructionSql(jobs)).execute(db);
  const queue = createQueueSql(jobs, QUEUES.meetingReminder);
  await db.executeQuery(CompiledQuery.raw(queue.text, queue.values));
}

/** Drop the meeting tables, the attachment column and pg-boss's schema. */
export async function down(db: Kysely<unknown>): Promise<void> {
  const appSchema = (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s;
  await sql`drop schema if exists ${sql.id(jobsSchemaFor(appSchema))} cascade`.execute(db);
  await db.schema.alterTable('outbox_messages').dropColumn('ics').execute();
  for (const t of ['meeting_attendance', 'meeting_registrations', 'meeting_agenda_items', 'meetings']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
