import { sql, type ExpressionBuilder, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { CommentDispositionsTable, DispositionOutcome, HiddenReason } from './comments.tables.js';
import { groupSize, pendingOnAnchor, readable } from './comments.repository.js';
import { staffOf, type StaffRole } from '../../platform/auth/staff.repository.js';

/** A response row. */
export type Disposition = Selectable<CommentDispositionsTable>;

/** A comment as a response needs it: where it sits, its group, and what it said. */
export interface CommentEntry {
  id: string;
  period_id: string;
  document_id: string;
  version_id: string;
  anchor: string | null;
  group_id: string;
  group_size: number;
  /** The campaign its group is in at the last detection (0032), or null. */
  campaign_id: string | null;
  display_name: string;
  organisation: string | null;
  lang: 'en' | 'fr';
  body: string;
  status: 'visible' | 'hidden';
  hidden_reason: HiddenReason | null;
  hidden_at: Date | null;
  created_at: Date;
  receipt: string;
  listed: boolean;
  /** The response in force: the comment's own, else its group's. */
  d_id: string | null;
  d_scope: 'comment' | 'group' | null;
  d_outcome: DispositionOutcome | null;
  d_rationale: string | null;
  d_lang: 'en' | 'fr' | null;
  d_version_id: string | null;
  d_anchor: string | null;
  d_decided_at: Date | null;
}

/** Counts recomputed from the rows: comments covered, and per document, paragraph and outcome. */
export interface Recount {
  disposed: number;
  byOutcome: { document_id: string; anchor: string; outcome: DispositionOutcome; n: number }[];
}

/** A report entry is a comment entry at a paragraph ('' for general), with its author's staff role in the process (issue 10). */
export type ReportEntry = CommentEntry & { at: string; author_staff: StaffRole | null };

/** An exported comment entry, with its author's staff role in the process (issue 10). */
export type ExportEntry = CommentEntry & { author_staff: StaffRole | null };

/** A name the report shows for a group's copies, with the sender's staff role in the process. */
export interface GroupName {
  name: string;
  staff: StaffRole | null;
}

/** Paragraph key of a comment: its anchor, or '' for a general comment (as the count tables write it). */
export const anchorKey = (anchor: string | null) => anchor ?? '';

type Eb = ExpressionBuilder<DB & { od: DB['comment_dispositions']; gd: DB['comment_dispositions'] }, 'comments' | 'comment_groups' | 'od' | 'gd'>;

/**
 * The columns of a CommentEntry. The response in force comes from two left joins on unique
 * keys (the comment's own response, its group's): the comment's own wins.
 */
function entryColumns(eb: Eb) {
  const pick = <C extends 'id' | 'outcome' | 'rationale' | 'lang' | 'version_id' | 'anchor' | 'decided_at'>(col: C) => eb.fn.coalesce(`od.${col}`, `gd.${col}`);
  return [
    'comments.id',
    'comments.period_id',
    'comments.document_id',
    'comments.version_id',
    'comments.anchor',
    'comments.group_id',
    groupSize('comment_groups').as('group_size'),
    'comment_groups.campaign_id',
    'comments.display_name',
    'comments.organisation',
    'comments.lang',
    'comments.body',
    'comments.status',
    'comments.hidden_reason',
    'comments.hidden_at',
    'comments.created_at',
    'comments.receipt',
    'comments.listed',
    pick('id').as('d_id'),
    eb.case().when('od.id', 'is not', null).then(sql.lit('comment')).when('gd.id', 'is not', null).then(sql.lit('group')).else(null).end().as('d_scope'),
    pick('outcome').as('d_outcome'),
    pick('rationale').as('d_rationale'),
    pick('lang').as('d_lang'),
    pick('version_id').as('d_version_id'),
    pick('anchor').as('d_anchor'),
    pick('decided_at').as('d_decided_at'),
  ] as const;
}

/** Comments joined to their group and to the responses that may cover them. */
function joined(db: Kysely<DB>) {
  return db
    .selectFrom('comments')
    .innerJoin('comment_groups', 'comment_groups.id', 'comments.group_id')
    .leftJoin('comment_dispositions as od', 'od.comment_id', 'comments.id')
    .leftJoin('comment_dispositions as gd', 'gd.group_id', 'comments.group_id');
}

/** The entry selection over comments, their groups and responses. */
function entries(db: Kysely<DB>) {
  return joined(db).select((eb) => entryColumns(eb));
}

/** SQL for responses to comments and the counts they keep. */
export const dispositionsRepository = {
  async period(db: Kysely<DB>, id: string) {
    return db.selectFrom('comment_periods').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** The documents (and their versions) a period asks about. */
  async periodDocuments(db: Kysely<DB>, periodId: string) {
    return db.selectFrom('comment_period_documents').select(['document_id', 'version_id']).where('period_id', '=', periodId).orderBy('document_id').execute();
  },

  async comment(db: Kysely<DB>, id: string) {
    return db.selectFrom('comments').select(['id', 'period_id', 'document_id', 'anchor', 'group_id', 'status']).where('id', '=', id).executeTakeFirst();
  },

  /** The earliest comment of a group. */
  async firstMember(db: Kysely<DB>, groupId: string): Promise<string | undefined> {
    return (await db.selectFrom('comments').select('id').where('group_id', '=', groupId).orderBy('id').limit(1).executeTakeFirst())?.id;
  },

  /**
   * A group, locked: every response touching a group (its own or one of its members') takes
   * this lock first, so the coverage arithmetic below never races another response.
   */
  async lockGroup(trx: Kysely<DB>, id: string) {
    return trx.selectFrom('comment_groups').select(['id', 'period_id', 'primary_comment_id', 'size']).where('id', '=', id).forUpdate().executeTakeFirst();
  },

  async byComment(db: Kysely<DB>, commentId: string): Promise<Disposition | undefined> {
    return db.selectFrom('comment_dispositions').selectAll().where('comment_id', '=', commentId).executeTakeFirst();
  },

  async byGroup(db: Kysely<DB>, groupId: string): Promise<Disposition | undefined> {
    return db.selectFrom('comment_dispositions').selectAll().where('group_id', '=', groupId).executeTakeFirst();
  },

  async insert(db: Kysely<DB>, row: Omit<Disposition, 'decided_at' | 'updated_at'> & { decided_at: Date }): Promise<Disposition> {
    return db
      .insertInto('comment_dispositions')
      .values({ ...row, updated_at: row.decided_at })
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async update(db: Kysely<DB>, id: string, set: Pick<Disposition, 'outcome' | 'rationale' | 'lang' | 'version_id' | 'anchor' | 'decided_by' | 'updated_at'>): Promise<Disposition> {
    return db.updateTable('comment_dispositions').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  },

  /**
   * The members of a group that a group response covers and counts (visible ones without a
   * response of their own), per document and paragraph. Walks the group's index, not the period.
   */
  async uncoveredMembers(db: Kysely<DB>, groupId: string): Promise<{ document_id: string; anchor: string; n: number }[]> {
    const rows = await db
      .selectFrom('comments as c')
      .select(['c.document_id', (eb) => eb.fn.coalesce('c.anchor', sql.lit('')).as('anchor'), (eb) => eb.fn.countAll<string>().as('n')])
      .where('c.group_id', '=', groupId)
      .where('c.status', '=', 'visible')
      .where((eb) => eb.not(eb.exists(eb.selectFrom('comment_dispositions as od').select('od.id').whereRef('od.comment_id', '=', 'c.id'))))
      .groupBy(['c.document_id', 'c.anchor'])
      .execute();
    return rows.map((r) => ({ document_id: r.document_id, anchor: r.anchor, n: Number(r.n) }));
  },

  /** Add `delta` comments to a paragraph's count for an outcome. */
  async bumpOutcome(db: Kysely<DB>, k: { periodId: string; documentId: string; anchor: string; outcome: DispositionOutcome }, delta: number): Promise<void> {
    if (delta === 0) return;
    await db
      .insertInto('comment_outcome_counts')
      .values({ period_id: k.periodId, document_id: k.documentId, anchor: k.anchor, outcome: k.outcome, count: delta })
      .onConflict((oc) => oc.columns(['period_id', 'document_id', 'anchor', 'outcome']).doUpdateSet({ count: sql`comment_outcome_counts.count + ${delta}` }))
      .execute();
  },

  async bumpDisposed(db: Kysely<DB>, periodId: string, delta: number): Promise<void> {
    if (delta === 0) return;
    await db
      .updateTable('comment_periods')
      .set({ disposed_count: sql`disposed_count + ${delta}` })
      .where('id', '=', periodId)
      .execute();
  },

  /** Counts by paragraph and outcome for a period: a few rows per commented paragraph. */
  async outcomeCounts(db: Kysely<DB>, periodId: string) {
    // The kept counts and the answered arrivals not folded yet (0031).
    const r = await sql<{ document_id: string; anchor: string; outcome: DispositionOutcome; count: number }>`
      select document_id, anchor, outcome, sum(n)::int as count from (
        select document_id, anchor, outcome, count as n from comment_outcome_counts where period_id = ${periodId}
        union all select document_id, anchor, outcome, 1 from comment_disposed_deltas where period_id = ${periodId}
      ) x group by document_id, anchor, outcome having sum(n) > 0`.execute(db);
    return r.rows;
  },

  /** Comments per paragraph, and how many of them are hidden, as the comments feature keeps them. */
  async anchorCounts(db: Kysely<DB>, periodId: string) {
    // With the comments not folded yet (0031); a paragraph's row exists from its first comment.
    const rows = await db
      .selectFrom('comment_anchor_counts as a')
      .select(['a.document_id', 'a.anchor', sql<number>`a.count + ${pendingOnAnchor('a')}`.as('count'), 'a.hidden'])
      .where('a.period_id', '=', periodId)
      .execute();
    return rows.filter((r) => r.count > 0);
  },

  /**
   * One page of the editors' queue: listed comments (one per group), by id, after or
   * before a cursor, filtered by whether a response is in force.
   */
  async queue(
    db: Kysely<DB>,
    f: { periodId: string; documentIds: string[]; status: 'awaiting' | 'answered' | 'all'; after?: string | undefined; before?: string | undefined; limit: number },
  ): Promise<CommentEntry[]> {
    let q = entries(db).where('comments.period_id', '=', f.periodId).where('comments.document_id', 'in', readable(f.documentIds)).where('comments.listed', '=', true);
    // A hidden comment (spam, abuse…) needs no response: it never waits in the queue.
    if (f.status === 'awaiting') q = q.where('comments.status', '=', 'visible').where('od.id', 'is', null).where('gd.id', 'is', null);
    if (f.status === 'answered') q = q.where((eb) => eb.or([eb('od.id', 'is not', null), eb('gd.id', 'is not', null)]));
    if (f.after) q = q.where('comments.id', '>', f.after);
    if (f.before) q = q.where('comments.id', '<', f.before);
    const rows = await q
      .orderBy('comments.id', f.before ? 'desc' : 'asc')
      .limit(f.limit)
      .execute();
    return (f.before ? rows.reverse() : rows) as CommentEntry[];
  },

  /** One listed comment as an entry, for a form shown again with its errors. */
  async entry(db: Kysely<DB>, periodId: string, commentId: string): Promise<CommentEntry | undefined> {
    return (await entries(db).where('comments.period_id', '=', periodId).where('comments.id', '=', commentId).executeTakeFirst()) as CommentEntry | undefined;
  },

  /**
   * The first `perAnchor` listed comments of each commented paragraph of a document (a
   * campaign once: the texts detection folded under its representative are left out), in one
   * query: a lateral join walks the paragraph index for each anchor the count table names,
   * so the cost follows the number of paragraphs, not of comments.
   */
  async reportEntries(db: Kysely<DB>, processId: string, periodId: string, documentId: string, perAnchor: number): Promise<ReportEntry[]> {
    // Whose convener: the period's process, which the caller checked the period belongs to.
    const staff = staffOf('comments.author_id', { id: processId }).as('author_staff');
    const anchored = await db
      .selectFrom('comment_anchor_counts as a')
      .innerJoinLateral(
        (eb) =>
          eb
            .selectFrom('comments')
            .innerJoin('comment_groups', 'comment_groups.id', 'comments.group_id')
            .leftJoin('comment_dispositions as od', 'od.comment_id', 'comments.id')
            .leftJoin('comment_dispositions as gd', 'gd.group_id', 'comments.group_id')
            .select((e) => [...entryColumns(e), staff])
            .whereRef('comments.period_id', '=', 'a.period_id')
            .whereRef('comments.document_id', '=', 'a.document_id')
            .whereRef('comments.anchor', '=', 'a.anchor')
            .where('comments.listed', '=', true)
            .where('comments.folded', '=', false)
            .orderBy('comments.id')
            .limit(perAnchor)
            .as('e'),
        (join) => join.onTrue(),
      )
      .selectAll('e')
      .select('a.anchor as at')
      .where('a.period_id', '=', periodId)
      .where('a.document_id', '=', documentId)
      .where('a.anchor', '<>', '')
      .where(sql<number>`a.count + ${pendingOnAnchor('a')}`, '>', 0)
      .orderBy('e.id')
      .execute();
    const general = await entries(db)
      .select([sql.lit('').as('at'), staff])
      .where('comments.period_id', '=', periodId)
      .where('comments.document_id', '=', documentId)
      .where('comments.anchor', 'is', null)
      .where('comments.listed', '=', true)
      .where('comments.folded', '=', false)
      .orderBy('comments.id')
      .limit(perAnchor)
      .execute();
    return [...anchored, ...general] as ReportEntry[];
  },

  /** Up to `limit` names of the visible members of each group, earliest first, each with its sender's staff role in the process. */
  async groupNames(db: Kysely<DB>, processId: string, groupIds: string[], limit: number): Promise<Map<string, GroupName[]>> {
    const out = new Map<string, GroupName[]>();
    if (groupIds.length === 0) return out;
    const rows = await db
      .selectFrom('comment_groups as g')
      .innerJoinLateral(
        (eb) =>
          eb
            .selectFrom('comments as c')
            .select(['c.id', 'c.display_name', staffOf('c.author_id', { id: processId }).as('staff')])
            .whereRef('c.group_id', '=', 'g.id')
            .where('c.status', '=', 'visible')
            .orderBy('c.id')
            .limit(limit)
            .as('m'),
        (join) => join.onTrue(),
      )
      .select(['g.id as group_id', 'm.display_name', 'm.staff'])
      .where('g.id', 'in', groupIds)
      .orderBy('m.id')
      .execute();
    for (const r of rows) out.set(r.group_id, [...(out.get(r.group_id) ?? []), { name: r.display_name, staff: r.staff }]);
    return out;
  },

  /** A batch of every comment of a period (listed or not), by id, for the exports. */
  async exportBatch(db: Kysely<DB>, processId: string, periodId: string, after: string | undefined, limit: number): Promise<ExportEntry[]> {
    // Whose convener: the period's process, which the caller checked the period belongs to.
    let q = entries(db)
      .select(staffOf('comments.author_id', { id: processId }).as('author_staff'))
      .where('comments.period_id', '=', periodId);
    if (after) q = q.where('comments.id', '>', after);
    return (await q.orderBy('comments.id').limit(limit).execute()) as ExportEntry[];
  },

  /**
   * A page of a period's responses to comments on the given documents, by id. A group's
   * copies are all on one document (groupKey names it), so any member tells the group's.
   */
  async page(db: Kysely<DB>, periodId: string, documentIds: string[], after: string | undefined, limit: number): Promise<Disposition[]> {
    const ids = readable(documentIds);
    let q = db
      .selectFrom('comment_dispositions as d')
      .selectAll('d')
      .where('d.period_id', '=', periodId)
      .where((eb) =>
        eb.or([
          eb.exists(eb.selectFrom('comments as c').select('c.id').whereRef('c.id', '=', 'd.comment_id').where('c.document_id', 'in', ids)),
          eb.exists(eb.selectFrom('comments as c').select('c.id').whereRef('c.group_id', '=', 'd.group_id').where('c.document_id', 'in', ids)),
        ]),
      );
    if (after) q = q.where('d.id', '>', after);
    return q.orderBy('d.id').limit(limit).execute();
  },

  /**
   * The exact counts recomputed from the rows (a scan of the period's comments): for checks
   * and repair, never for a page. Each visible comment counts once, under its own response
   * when it has one, else under its group's; hidden comments are not counted.
   */
  async recount(db: Kysely<DB>, periodId: string): Promise<Recount> {
    const rows = await db
      .selectFrom('comments as c')
      .leftJoin('comment_dispositions as od', 'od.comment_id', 'c.id')
      .leftJoin('comment_dispositions as gd', 'gd.group_id', 'c.group_id')
      .select(['c.document_id', (eb) => eb.fn.coalesce('c.anchor', sql.lit('')).as('anchor'), (eb) => eb.fn.coalesce('od.outcome', 'gd.outcome').as('outcome'), (eb) => eb.fn.countAll<string>().as('n')])
      .where('c.period_id', '=', periodId)
      .where('c.status', '=', 'visible')
      .where((eb) => eb.or([eb('od.id', 'is not', null), eb('gd.id', 'is not', null)]))
      .groupBy(['c.document_id', 'c.anchor', 'od.outcome', 'gd.outcome'])
      .execute();
    const byOutcome = new Map<string, { document_id: string; anchor: string; outcome: DispositionOutcome; n: number }>();
    for (const r of rows) {
      const key = `${r.document_id}|${r.anchor}|${r.outcome}`;
      const cur = byOutcome.get(key) ?? { document_id: r.document_id, anchor: r.anchor, outcome: r.outcome as DispositionOutcome, n: 0 };
      cur.n += Number(r.n);
      byOutcome.set(key, cur);
    }
    const list = [...byOutcome.values()];
    return { disposed: list.reduce((s, r) => s + r.n, 0), byOutcome: list };
  },

  /** Replace a period's kept counts by the recount's (repair after a bug or a manual fix). */
  async storeCounts(trx: Kysely<DB>, periodId: string, counts: Recount): Promise<void> {
    await trx.updateTable('comment_outcome_counts').set({ count: 0 }).where('period_id', '=', periodId).execute();
    for (const r of counts.byOutcome) {
      await dispositionsRepository.bumpOutcome(trx, { periodId, documentId: r.document_id, anchor: r.anchor, outcome: r.outcome }, r.n);
    }
    await trx.updateTable('comment_periods').set({ disposed_count: counts.disposed }).where('id', '=', periodId).execute();
    // The recount counted the answered arrivals not folded yet: they must not be added again.
    await trx.deleteFrom('comment_disposed_deltas').where('period_id', '=', periodId).execute();
  },
};
