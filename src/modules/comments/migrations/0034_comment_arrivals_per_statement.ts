import { type Kysely, sql } from 'kysely';

/**
 * A comment joining a group already answered is covered by the answer at once (0010, 0031):
 * the trigger that records it ran once per inserted row, a PL/pgSQL call and a lookup of the
 * group's disposition each, so a bulk import's chunk of 5,000 comments made 5,000 of them.
 * It now runs once per statement over the inserted rows (a transition table), joining them
 * to the dispositions in one pass and writing the same deltas. A single comment from the web
 * form is one statement, as before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function comment_dispositions_cover_arrivals() returns trigger language plpgsql as $$
    begin
      insert into comment_disposed_deltas (period_id, document_id, anchor, outcome)
        select a.period_id, a.document_id, coalesce(a.anchor, ''), d.outcome
        from arrived a join comment_dispositions d on d.group_id = a.group_id;
      return null;
    end $$`.execute(db);
  await sql`drop trigger comments_cover_arrival on comments`.execute(db);
  await sql`
    create trigger comments_cover_arrivals after insert on comments
    referencing new table as arrived for each statement execute function comment_dispositions_cover_arrivals()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger comments_cover_arrivals on comments`.execute(db);
  await sql`drop function comment_dispositions_cover_arrivals()`.execute(db);
  await sql`create trigger comments_cover_arrival after insert on comments for each row execute function comment_dispositions_cover_arrival()`.execute(db);
}
