import { type Kysely, sql } from 'kysely';

const GENESIS_HASH = '0'.repeat(64);

/**
 * One audit chain per process, and one for installation-wide changes. Until now every audited
 * write in the installation appended to one chain under one lock, so writes in different
 * processes queued behind each other.
 *
 * - audit_chains holds each chain's head (seq, hash); an append locks only its chain's row
 *   (SELECT … FOR UPDATE), so appends to two chains never wait on each other. The head row
 *   also lets verification notice events deleted from the end of a chain.
 * - The events written so far stay exactly as they are, as the closed chain `legacy`, still
 *   verified with the hash they were written with: rewriting them would invalidate every head
 *   hash already published (docs told operators to publish it). The installation chain's first
 *   event links to the legacy head, so the old chain cannot be cut without breaking the new.
 * - audit_events.chain names an event's chain; the primary key becomes (chain, seq).
 * - batch_root and batch_count describe a batch event (one event for many rows, see
 *   recordAuditBatch); new events' hashes cover chain, batch_root and batch_count.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_chains')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('process_id', 'uuid', (c) => c.unique())
    .addColumn('head_seq', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('head_hash', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // A column added with a default fills existing rows without an UPDATE, so the append-only
  // trigger stays on and the legacy rows are untouched; the default is dropped afterwards so
  // every new event must name its chain.
  await sql`alter table audit_events add column chain text not null default 'legacy'`.execute(db);
  await sql`alter table audit_events alter column chain drop default`.execute(db);
  await sql`alter table audit_events add column batch_root text, add column batch_count integer`.execute(db);
  await sql`alter table audit_events drop constraint audit_events_pkey`.execute(db);
  await sql`alter table audit_events add primary key (chain, seq)`.execute(db);

  const head = await sql<{ seq: string; hash: string }>`select seq, hash from audit_events order by seq desc limit 1`.execute(db);
  const legacy = head.rows[0];
  if (legacy) {
    await sql`insert into audit_chains (id, head_seq, head_hash, closed_at) values ('legacy', ${legacy.seq}, ${legacy.hash}, now())`.execute(db);
  }
  await sql`insert into audit_chains (id, head_seq, head_hash) values ('installation', 0, ${legacy?.hash ?? GENESIS_HASH})`.execute(db);

  // Signed heads: what a chain's head was when it was signed (see audit-heads.service.ts).
  await db.schema
    .createTable('audit_signed_heads')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('chain', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('kid', 'text', (c) => c.notNull())
    .addColumn('jws', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_signed_heads_chain').on('audit_signed_heads').columns(['chain', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_signed_heads').ifExists().execute();
  await db.schema.dropTable('audit_chains').ifExists().execute();
}
