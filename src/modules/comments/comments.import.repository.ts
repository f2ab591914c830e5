import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Comment } from './comments.repository.js';
import type { CommentImportBatchesTable } from './comments.tables.js';
import type { Insertable, Selectable } from 'kysely';

/** A recorded import. */
export type CommentImport = Selectable<DB['comment_imports']>;
/** A row an import refused, as kept. */
export type ImportRefusal = Selectable<DB['comment_import_refusals']>;

/** A staged row whose key the period already has: the same comment (same text and paragraph) or not; `earlier_line` when this import wrote it. */
export interface KnownKey {
  line: number;
  import_key: string;
  earlier_line: number | null;
  same: boolean;
}

/** The staging table's columns, in the order the import copies them. */
export const STAGING_COLUMNS = [
  'import_id',
  'line',
  'id',
  'document_id',
  'version_id',
  'anchor',
  'display_name',
  'organisation',
  'stakeholder_group_id',
  'lang',
  'body',
  'body_hash',
  'group_key',
  'group_id',
  'receipt',
  'import_key',
  'created_at',
  'sender_domain',
  'sender_hash',
] as const;

/**
 * SQL for bulk imports: each chunk is copied into `comment_import_rows`, then landed with a
 * handful of set-based statements, in the chunk's transaction.
 */
export const commentImportRepository = {
  async insertImport(db: Kysely<DB>, row: Insertable<DB['comment_imports']>): Promise<CommentImport> {
    return db.insertInto('comment_imports').values(row).returningAll().executeTakeFirstOrThrow();
  },

  /** A queued import starts (or starts again after a crash): running, with the rows its file holds. */
  async startImport(db: Kysely<DB>, id: string, rowsTotal: number): Promise<CommentImport> {
    return db.updateTable('comment_imports').set({ status: 'running', rows_total: rowsTotal, error_key: null, error_params: null }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  },

  /** An import that could not run: why, as an i18n key and its parameters. */
  async failImport(db: Kysely<DB>, id: string, key: string, params: Record<string, unknown>): Promise<void> {
    await db.updateTable('comment_imports').set({ status: 'failed', error_key: key, error_params: JSON.stringify(params) }).where('id', '=', id).execute();
  },

  /** Its stored file is gone (the job deleted it). */
  async forgetFile(db: Kysely<DB>, id: string): Promise<void> {
    await db.updateTable('comment_imports').set({ file_path: null }).where('id', '=', id).execute();
  },

  /** A period's imports, latest first. */
  async importsOf(db: Kysely<DB>, periodId: string, limit: number): Promise<CommentImport[]> {
    return db.selectFrom('comment_imports').selectAll().where('period_id', '=', periodId).orderBy('started_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  },

  /** Keep a chunk's refused rows (in its transaction); a line already kept is left as it is. */
  async recordRefusals(db: Kysely<DB>, importId: string, rows: readonly { line: number; key: string; why: { key: string; params?: Record<string, unknown> } }[]): Promise<void> {
    if (!rows.length) return;
    await db
      .insertInto('comment_import_refusals')
      .values(rows.map((r) => ({ import_id: importId, line: r.line, import_key: r.key, reason_key: r.why.key, reason_params: JSON.stringify(r.why.params ?? {}) })))
      .onConflict((oc) => oc.columns(['import_id', 'line']).doNothing())
      .execute();
  },

  /** An import's refused rows in line order, from after `afterLine`, at most `limit`. */
  async refusalsOf(db: Kysely<DB>, importId: string, afterLine: number, limit: number): Promise<ImportRefusal[]> {
    return db.selectFrom('comment_import_refusals').selectAll().where('import_id', '=', importId).where('line', '>', afterLine).orderBy('line').limit(limit).execute();
  },

  async importById(db: Kysely<DB>, id: string): Promise<CommentImport | undefined> {
    return db.selectFrom('comment_imports').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async finishImport(db: Kysely<DB>, id: string, rowsRead: number): Promise<CommentImport> {
    return db.updateTable('comment_imports').set({ status: 'done', finished_at: new Date(), rows_read: rowsRead }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  },

  /** Add a chunk's outcome to its import's counts, with the rows read so far (its progress), and record the chunk. */
  async recordChunk(db: Kysely<DB>, row: Insertable<CommentImportBatchesTable>, rowsRead: number): Promise<void> {
    await db.insertInto('comment_import_batches').values(row).execute();
    await db
      .updateTable('comment_imports')
      .set((eb) => ({
        rows_added: eb('rows_added', '+', row.rows_added),
        rows_skipped: eb('rows_skipped', '+', row.rows_skipped),
        rows_refused: eb('rows_refused', '+', row.rows_refused),
        rows_read: rowsRead,
      }))
      .where('id', '=', row.import_id)
      .execute();
  },

  /** Imports into one period never land chunks at the same time (the keys and groups they check). */
  async lockPeriod(db: Kysely<DB>, periodId: string): Promise<void> {
    await sql`select pg_advisory_xact_lock(hashtext(${`comment-import:${periodId}`}))`.execute(db);
  },

  /**
   * Take out of the staged chunk the rows whose key the period already has: the same text
   * (skipped: an earlier run took them) or another text (refused: the key names another comment).
   */
  async takeOutKnownKeys(db: Kysely<DB>, importId: string, periodId: string): Promise<KnownKey[]> {
    const r = await sql<KnownKey>`
      delete from comment_import_rows s
      using comments c
      where s.import_id = ${importId} and c.period_id = ${periodId} and c.import_key = s.import_key
      returning s.line, s.import_key, case when c.import_id = s.import_id then c.import_line end as earlier_line,
        (c.body_hash = s.body_hash and c.document_id = s.document_id and c.anchor is not distinct from s.anchor) as same`.execute(db);
    return r.rows;
  },

  /**
   * Staged rows whose receipt number is taken: by a comment already stored, or by an earlier
   * line of the chunk. Receipts are 40 random bits, so among a million comments two are
   * likely to share one (the birthday bound); the import draws again for these lines.
   */
  async clashingReceipts(db: Kysely<DB>, importId: string): Promise<number[]> {
    const r = await sql<{ line: number }>`
      select line from (
        select line, receipt, row_number() over (partition by receipt order by line) as nth
        from comment_import_rows where import_id = ${importId}
      ) s
      where nth > 1 or exists (select 1 from comments c where c.receipt = s.receipt)`.execute(db);
    return r.rows.map((x) => x.line);
  },

  /** Give staged lines new receipt numbers. */
  async setReceipts(db: Kysely<DB>, importId: string, lines: number[], receipts: string[]): Promise<void> {
    await sql`
      update comment_import_rows s set receipt = x.receipt
      from unnest(${lines}::int[], ${receipts}::text[]) as x(line, receipt)
      where s.import_id = ${importId} and s.line = x.line`.execute(db);
  },

  /**
   * Count the staged rows into their duplicate groups, creating the groups that are new, in
   * one statement; returns how many groups held no comment before (new distinct texts).
   */
  async joinGroups(db: Kysely<DB>, importId: string, periodId: string): Promise<number> {
    const r = await sql<{ new_texts: number }>`
      with staged as (
        select group_key, min(id::text)::uuid as first_id, (array_agg(group_id))[1] as group_id, count(*)::int as n
        from comment_import_rows where import_id = ${importId} group by group_key
      ), joined as (
        insert into comment_groups (id, period_id, body_hash, primary_comment_id, size)
        select group_id, ${periodId}, group_key, first_id, n from staged
        on conflict (period_id, body_hash) do update
          set size = comment_groups.size + excluded.size,
              primary_comment_id = coalesce(comment_groups.primary_comment_id, excluded.primary_comment_id)
        returning body_hash, size
      )
      select count(*)::int as new_texts from joined j join staged s on s.group_key = j.body_hash where j.size = s.n`.execute(db);
    return r.rows[0]?.new_texts ?? 0;
  },

  /**
   * Write the staged rows as comments in their groups (the group's primary is listed), and
   * return them as stored. A key already in the period is passed over. Their channel is
   * `bulk`, received now (the chunk's transaction time); `created_at` is the file's time.
   */
  async insertComments(db: Kysely<DB>, importId: string, periodId: string): Promise<Comment[]> {
    const r = await sql<Comment>`
      insert into comments (id, period_id, document_id, version_id, anchor, author_id, display_name, organisation, stakeholder_group_id,
        lang, body, body_hash, group_id, listed, file_id, receipt, idempotency_key, import_key, import_id, import_line, created_at,
        channel, received_at, sender_domain, sender_hash)
      select s.id, ${periodId}, s.document_id, s.version_id, s.anchor, null, s.display_name, s.organisation, s.stakeholder_group_id,
        s.lang, s.body, s.body_hash, g.id, g.primary_comment_id = s.id, null, s.receipt, null, s.import_key, s.import_id, s.line, s.created_at,
        'bulk', now(), s.sender_domain, s.sender_hash
      from comment_import_rows s
      join comment_groups g on g.period_id = ${periodId} and g.body_hash = s.group_key
      where s.import_id = ${importId}
      order by s.line
      on conflict (period_id, import_key) do nothing
      returning *`.execute(db);
    return r.rows;
  },

  /** Count a chunk's comments on the period and on their paragraphs, set-based. */
  async countChunk(db: Kysely<DB>, importId: string, periodId: string, added: number, newTexts: number): Promise<void> {
    await sql`
      insert into comment_anchor_counts (period_id, document_id, anchor, count)
      select ${periodId}, document_id, coalesce(anchor, ''), count(*)::int from comment_import_rows where import_id = ${importId}
      group by document_id, coalesce(anchor, '')
      on conflict (period_id, document_id, anchor) do update set count = comment_anchor_counts.count + excluded.count`.execute(db);
    await db
      .updateTable('comment_periods')
      .set((eb) => ({ comment_count: eb('comment_count', '+', added), text_count: eb('text_count', '+', newTexts) }))
      .where('id', '=', periodId)
      .execute();
  },

  async clearStaging(db: Kysely<DB>, importId: string): Promise<void> {
    await db.deleteFrom('comment_import_rows').where('import_id', '=', importId).execute();
  },

  /** The comments one chunk of an import wrote, as stored (to prove a row belongs to its batch event). */
  async chunkComments(db: Kysely<DB>, importId: string, firstLine: number, lastLine: number): Promise<Comment[]> {
    return db.selectFrom('comments').selectAll().where('import_id', '=', importId).where('import_line', '>=', firstLine).where('import_line', '<=', lastLine).execute();
  },

  async batchesOf(db: Kysely<DB>, importId: string): Promise<Selectable<CommentImportBatchesTable>[]> {
    return db.selectFrom('comment_import_batches').selectAll().where('import_id', '=', importId).orderBy('chunk').execute();
  },
};
