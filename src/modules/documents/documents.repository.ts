import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { staffOf, type StaffRole } from '../../platform/auth/staff.repository.js';
import type { DocumentAnchorFatesTable, DocumentBlocksTable, DocumentsTable, DocumentVersionsTable } from './documents.tables.js';

/** A document row. */
export type DocumentRow = Selectable<DocumentsTable>;
/** One saved version of a document. */
export type VersionRow = Selectable<DocumentVersionsTable>;
/** One block (paragraph, heading, list item…) of a version. */
export type BlockRow = Selectable<DocumentBlocksTable>;
/** Where a dropped anchor went. */
export type AnchorFateRow = Selectable<DocumentAnchorFatesTable>;
/** A version listed in a history, with its author's name and staff role in the document's process (issue 10). */
export type VersionListItem = VersionRow & { author_name: string | null; author_staff: StaffRole | null };

/** SQL for documents, their versions, blocks and anchor fates. */
export const documentsRepository = {
  /**
   * Documents with one version each, in one query (a comment period's covered documents). The
   * version comes back as JSON; its one timestamp is turned back into a Date.
   */
  async withVersions(db: Kysely<DB>, pairs: { documentId: string; versionId: string }[]): Promise<{ document: DocumentRow; version: VersionRow }[]> {
    if (pairs.length === 0) return [];
    const rows = await db
      .selectFrom('documents as d')
      .innerJoin('document_versions as v', 'v.document_id', 'd.id')
      .selectAll('d')
      .select(sql<Omit<VersionRow, 'created_at'> & { created_at: string }>`to_jsonb(v)`.as('version_json'))
      .where('v.id', 'in', pairs.map((p) => p.versionId))
      .execute();
    return rows.map(({ version_json, ...document }) => ({ document, version: { ...version_json, created_at: new Date(version_json.created_at) } }));
  },

  async byId(db: Kysely<DB>, id: string): Promise<DocumentRow | undefined> {
    return db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async bySlug(db: Kysely<DB>, processId: string, slug: string): Promise<DocumentRow | undefined> {
    return db.selectFrom('documents').selectAll().where('process_id', '=', processId).where('slug', '=', slug).executeTakeFirst();
  },

  /** Lock the document row: version numbers are handed out one at a time. */
  async lock(trx: Kysely<DB>, id: string): Promise<DocumentRow | undefined> {
    return trx.selectFrom('documents').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  },

  /** A process's documents and its groups', members-only ones only when asked. */
  async byProcess(db: Kysely<DB>, processId: string, includeMembersOnly: boolean): Promise<DocumentRow[]> {
    let q = db.selectFrom('documents').selectAll().where('process_id', '=', processId);
    if (!includeMembersOnly) q = q.where('members_only', '=', false);
    return q
      .orderBy('group_id', (ob) => ob.nullsFirst())
      .orderBy('title')
      .limit(500)
      .execute();
  },

  async byTranslationKey(db: Kysely<DB>, key: string): Promise<DocumentRow[]> {
    return db.selectFrom('documents').selectAll().where('translation_key', '=', key).orderBy('lang').execute();
  },

  async insert(db: Kysely<DB>, row: Insertable<DocumentsTable>): Promise<DocumentRow> {
    return db.insertInto('documents').values(row).returningAll().executeTakeFirstOrThrow();
  },

  async update(
    db: Kysely<DB>,
    id: string,
    set: Partial<Pick<DocumentRow, 'title' | 'status' | 'members_only' | 'current_version_id' | 'version_count' | 'updated_at'>>,
  ): Promise<DocumentRow> {
    return db
      .updateTable('documents')
      .set({ updated_at: new Date(), ...set })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async versionById(db: Kysely<DB>, id: string): Promise<VersionRow | undefined> {
    return db.selectFrom('document_versions').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** Version n, with its author's name and staff role. */
  async versionByNumber(db: Kysely<DB>, documentId: string, n: number): Promise<VersionListItem | undefined> {
    return db
      .selectFrom('document_versions as v')
      // The document says which process the version belongs to, hence whose convener its author is.
      .innerJoin('documents as d', 'd.id', 'v.document_id')
      .leftJoin('users as u', 'u.id', 'v.author_id')
      .selectAll('v')
      .select(['u.name as author_name', staffOf('v.author_id', { column: 'd.process_id' }).as('author_staff')])
      .where('v.document_id', '=', documentId)
      .where('v.number', '=', n)
      .executeTakeFirst();
  },

  /** Every version, newest first, with the author's name and staff role (documents have tens of versions, not thousands). */
  async versions(db: Kysely<DB>, documentId: string): Promise<VersionListItem[]> {
    return db
      .selectFrom('document_versions as v')
      // The document says which process the version belongs to, hence whose convener its author is.
      .innerJoin('documents as d', 'd.id', 'v.document_id')
      .leftJoin('users as u', 'u.id', 'v.author_id')
      .selectAll('v')
      .select(['u.name as author_name', staffOf('v.author_id', { column: 'd.process_id' }).as('author_staff')])
      .where('v.document_id', '=', documentId)
      .orderBy('v.number', 'desc')
      .execute();
  },

  async insertVersion(db: Kysely<DB>, row: Insertable<DocumentVersionsTable>): Promise<VersionRow> {
    return db.insertInto('document_versions').values(row).returningAll().executeTakeFirstOrThrow();
  },

  async blocks(db: Kysely<DB>, versionId: string): Promise<BlockRow[]> {
    return db.selectFrom('document_blocks').selectAll().where('version_id', '=', versionId).orderBy('position').execute();
  },

  async insertBlocks(db: Kysely<DB>, rows: Insertable<DocumentBlocksTable>[]): Promise<void> {
    // Chunked: a long report has hundreds of blocks and each row binds 11 parameters.
    for (let i = 0; i < rows.length; i += 500)
      await db
        .insertInto('document_blocks')
        .values(rows.slice(i, i + 500))
        .execute();
  },

  /** Every anchor a document has ever used (fresh anchors must not reuse one). */
  async anchorsEverUsed(db: Kysely<DB>, documentId: string): Promise<Set<string>> {
    const rows = await db.selectFrom('document_blocks').select('anchor').distinct().where('document_id', '=', documentId).execute();
    return new Set(rows.map((r) => r.anchor));
  },

  /** The newest block that carried this anchor, with the version number it was in. */
  async lastBlockWithAnchor(db: Kysely<DB>, documentId: string, anchor: string): Promise<(BlockRow & { number: number }) | undefined> {
    return db
      .selectFrom('document_blocks as b')
      .innerJoin('document_versions as v', 'v.id', 'b.version_id')
      .selectAll('b')
      .select('v.number')
      .where('b.document_id', '=', documentId)
      .where('b.anchor', '=', anchor)
      .orderBy('v.number', 'desc')
      .limit(1)
      .executeTakeFirst();
  },

  async fate(db: Kysely<DB>, documentId: string, anchor: string): Promise<AnchorFateRow | undefined> {
    return db.selectFrom('document_anchor_fates').selectAll().where('document_id', '=', documentId).where('anchor', '=', anchor).executeTakeFirst();
  },

  /** Record where anchors went; an anchor that comes back and goes again keeps its latest fate. */
  async upsertFates(db: Kysely<DB>, rows: Insertable<DocumentAnchorFatesTable>[]): Promise<void> {
    if (rows.length === 0) return;
    await db
      .insertInto('document_anchor_fates')
      .values(rows)
      .onConflict((oc) =>
        oc
          .columns(['document_id', 'anchor'])
          .doUpdateSet((eb) => ({ removed_in: eb.ref('excluded.removed_in'), successor_anchor: eb.ref('excluded.successor_anchor') })),
      )
      .execute();
  },

  /** Forget fates of anchors that a new version brings back. */
  async clearFates(db: Kysely<DB>, documentId: string, anchors: string[]): Promise<void> {
    if (anchors.length === 0) return;
    await db.deleteFrom('document_anchor_fates').where('document_id', '=', documentId).where('anchor', 'in', anchors).execute();
  },
};
