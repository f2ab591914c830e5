import { sql, type Kysely, type Selectable } from 'kysely';
import { staffOf, type StaffRole } from '../../platform/auth/staff.repository.js';
import type { DB } from '../../platform/db/schema.js';
import type {
  CommentGroupsTable,
  CommentPeriodDocumentsTable,
  CommentPeriodsTable,
  CommentReportsTable,
  CommentsTable,
  HiddenReason,
} from './comments.tables.js';
import type { StatusFilter } from './comments.schema.js';

/** A comment period row. */
export type Period = Selectable<CommentPeriodsTable>;
/** What a period covers: one version of one document. */
export type PeriodDocument = Selectable<CommentPeriodDocumentsTable>;
/** A comment row. */
export type Comment = Selectable<CommentsTable>;
/** A duplicate group row. */
export type CommentGroup = Selectable<CommentGroupsTable>;
/** A consent report row. */
export type CommentReport = Selectable<CommentReportsTable>;

/** A comment with what a listing shows beside it: its group's size and the response, if any. */
export interface CommentRow extends Comment {
  group_size: number;
  /** The campaign its group is in at the last detection (0032), or null. */
  campaign_id: string | null;
  primary_comment_id: string | null;
  outcome: string | null;
  rationale: string | null;
  response_lang: 'en' | 'fr' | null;
  /** The author's staff role in the comment's process, loaded with the row (null for anyone else, or no account). */
  author_staff: StaffRole | null;
}

/** The listing's filters, resolved to ids. */
export interface ListFilter {
  periodId: string;
  /**
   * The covered documents this viewer may read. Always given: a period can cover a public
   * document and a members-only translation, and the comments on the one the viewer may not
   * read must not be listed (see periods.service `covered`).
   */
  documentIds: string[];
  documentId?: string | undefined;
  /** '' for general comments. */
  anchor?: string | undefined;
  stakeholderGroupId?: string | undefined;
  lang?: 'en' | 'fr' | undefined;
  status?: StatusFilter | undefined;
  /**
   * Every text of one campaign. Without it a listing shows each campaign once: the texts a
   * detection folded under their campaign's representative are left out (0032).
   */
  campaignId?: string | undefined;
}

/** Where a page starts: after an id, before an id, or at either end. */
export type Cursor = { after: string } | { before: string } | { first: true } | { last: true };

/*
 * The deltas not folded yet (0031), added by every reader that shows a counter, so counts
 * are exact before the fold. Few rows per key (a minute's comments at most), found by index.
 */
/** Comments on the paragraph row `alias` (of comment_anchor_counts) not folded yet. */
export const pendingOnAnchor = (alias: string) =>
  sql<number>`(select count(*)::int from comment_count_deltas d where d.period_id = ${sql.ref(`${alias}.period_id`)} and d.document_id = ${sql.ref(`${alias}.document_id`)} and d.anchor = ${sql.ref(`${alias}.anchor`)})`;
/** Copies in the group row `alias` (of comment_groups) not folded into its size yet. */
export const pendingInGroup = (alias: string) => sql<number>`(select count(*)::int from comment_count_deltas d where d.group_id = ${sql.ref(`${alias}.id`)} and not d.new_text)`;
/** A group's size with its pending copies. */
export const groupSize = (alias: string) => sql<number>`${sql.ref(`${alias}.size`)} + ${pendingInGroup(alias)}`;
/** The comments and distinct texts of the period row `alias` not folded yet. */
const pendingOnPeriod = (alias: string) => [
  sql<number>`(select count(*)::int from comment_count_deltas d where d.period_id = ${sql.ref(`${alias}.id`)})`.as('pending_comments'),
  sql<number>`(select count(*)::int from comment_count_deltas d where d.period_id = ${sql.ref(`${alias}.id`)} and d.new_text)`.as('pending_texts'),
  sql<number>`(select count(*)::int from comment_disposed_deltas d where d.period_id = ${sql.ref(`${alias}.id`)})`.as('pending_disposed'),
];
/** A period row with its pending deltas added to its counters. */
function withPending<R extends Period & { pending_comments: number; pending_texts: number; pending_disposed: number }>(r: R): Period {
  const { pending_comments, pending_texts, pending_disposed, ...period } = r;
  return {
    ...period,
    comment_count: period.comment_count + pending_comments,
    text_count: period.text_count + pending_texts,
    disposed_count: period.disposed_count + pending_disposed,
  };
}

/** A comment's `folded` when it is listed or not: its group's, or false when not listed. */
const foldOf = (listed: boolean) =>
  listed ? sql<boolean>`(select g.folded from comment_groups g where g.id = comments.group_id)` : sql<boolean>`false`;

/** The listing's select: comments with group size and the response to the comment or its group. */
function listSelect(db: Kysely<DB>) {
  return db
    .selectFrom('comments as c')
    .innerJoin('comment_groups as g', 'g.id', 'c.group_id')
    // The period says which process the comment belongs to, hence whose convener its author is.
    .innerJoin('comment_periods as cp', 'cp.id', 'c.period_id')
    .leftJoin('comment_dispositions as d1', 'd1.comment_id', 'c.id')
    .leftJoin('comment_dispositions as d2', 'd2.group_id', 'c.group_id')
    .selectAll('c')
    .select((eb) => [
      groupSize('g').as('group_size'),
      'g.campaign_id',
      'g.primary_comment_id',
      eb.fn.coalesce('d1.outcome', 'd2.outcome').as('outcome'),
      eb.fn.coalesce('d1.rationale', 'd2.rationale').as('rationale'),
      eb.fn.coalesce('d1.lang', 'd2.lang').as('response_lang'),
      staffOf('c.author_id', { column: 'cp.process_id' }).as('author_staff'),
    ]);
}

type ListQ = ReturnType<typeof listSelect>;

/** Ids for an `in` list; never empty (an empty list is not valid SQL): the nil id matches nothing. */
export const readable = (ids: string[]): string[] => (ids.length ? ids : ['00000000-0000-0000-0000-000000000000']);

/** Apply a listing's filters. Hidden comments are all listed under "hidden"; otherwise one per group. */
function filtered(q: ListQ, f: ListFilter): ListQ {
  q = q.where('c.period_id', '=', f.periodId).where('c.document_id', 'in', readable(f.documentIds));
  q = f.status === 'hidden' ? q.where('c.status', '=', 'hidden') : q.where('c.listed', '=', true);
  if (f.campaignId) {
    const campaign = f.campaignId;
    // The campaign's groups by index (comment_groups_campaign), then their comments.
    q = q.where('c.group_id', 'in', (eb) => eb.selectFrom('comment_groups').select('id').where('period_id', '=', f.periodId).where('campaign_id', '=', campaign));
  } else if (f.status !== 'hidden') q = q.where('c.folded', '=', false);
  if (f.documentId) q = q.where('c.document_id', '=', f.documentId);
  if (f.anchor !== undefined) q = f.anchor === '' ? q.where('c.anchor', 'is', null) : q.where('c.anchor', '=', f.anchor);
  if (f.stakeholderGroupId) q = q.where('c.stakeholder_group_id', '=', f.stakeholderGroupId);
  if (f.lang) q = q.where('c.lang', '=', f.lang);
  if (f.status === 'answered' || f.status === 'awaiting') {
    // Answered: a response to the comment or to its group. Asked of the period's responses,
    // read once (hashed), not of the outer joins: "no response" through the joins became an
    // anti-join over the whole period (2.7 s on a period of 100,000 comments for the first
    // page of "awaiting", 0.8 s for "answered" when none are). Responses belong to the period
    // of what they answer (dispositions.service checks it).
    q = q.where((eb) => {
      const responses = (column: 'comment_id' | 'group_id') =>
        eb.selectFrom('comment_dispositions').select(column).where('period_id', '=', f.periodId).where(column, 'is not', null);
      const answered = eb.or([eb('c.id', 'in', responses('comment_id')), eb('c.group_id', 'in', responses('group_id'))]);
      return f.status === 'answered' ? answered : eb.and([eb('c.status', '=', 'visible'), eb.not(answered)]);
    });
  }
  return q;
}

/** Count a comment hidden (1) or restored (-1) on its paragraph's row (the row exists: the comment was counted on arrival). */
async function bumpHiddenOnAnchor(db: Kysely<DB>, c: Comment, delta: 1 | -1): Promise<void> {
  await db
    .updateTable('comment_anchor_counts')
    .set((eb) => ({ hidden: eb('hidden', '+', delta) }))
    .where('period_id', '=', c.period_id)
    .where('document_id', '=', c.document_id)
    .where('anchor', '=', c.anchor ?? '')
    .execute();
}

/** SQL for comment periods, comments, duplicate groups, counts, moderation and reports. */
export const commentsRepository = {
  async insertPeriod(db: Kysely<DB>, row: Omit<Period, 'created_at' | 'comment_count' | 'disposed_count' | 'hidden_count' | 'text_count' | 'folded_texts'>): Promise<Period> {
    return db.insertInto('comment_periods').values(row).returningAll().executeTakeFirstOrThrow();
  },

  async insertPeriodDocuments(db: Kysely<DB>, rows: PeriodDocument[]): Promise<void> {
    if (rows.length) await db.insertInto('comment_period_documents').values(rows).execute();
  },

  /**
   * A period and the documents it covers, in one query (no rows when the period does not
   * exist). `counts`: its counters with the deltas not folded yet (exact, for readers); a
   * submission asks without (it shows no counter, and need not read a surge's deltas).
   */
  async periodWithDocuments(db: Kysely<DB>, id: string, counts = true): Promise<{ period: Period; documents: PeriodDocument[] } | undefined> {
    const rows = await db
      .selectFrom('comment_periods as p')
      .leftJoin('comment_period_documents as pd', 'pd.period_id', 'p.id')
      .selectAll('p')
      .select(['pd.document_id as pd_document_id', 'pd.version_id as pd_version_id'])
      .select(counts ? pendingOnPeriod('p') : [sql<number>`0`.as('pending_comments'), sql<number>`0`.as('pending_texts'), sql<number>`0`.as('pending_disposed')])
      .where('p.id', '=', id)
      .execute();
    const first = rows[0];
    if (!first) return undefined;
    const { pd_document_id: _d, pd_version_id: _v, ...row } = first;
    const period = withPending(row);
    const documents = rows.flatMap((r) => (r.pd_document_id && r.pd_version_id ? [{ period_id: id, document_id: r.pd_document_id, version_id: r.pd_version_id }] : []));
    return { period, documents };
  },

  async periodById(db: Kysely<DB>, id: string): Promise<Period | undefined> {
    return db.selectFrom('comment_periods').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async updatePeriod(db: Kysely<DB>, id: string, set: Partial<Pick<Period, 'closes_at' | 'instructions_en' | 'instructions_fr' | 'audience'>>): Promise<Period> {
    return db.updateTable('comment_periods').set({ ...set, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  },

  /** A process's periods, latest opening first (a process has a handful), their counters with the pending deltas. */
  async periodsByProcess(db: Kysely<DB>, processId: string): Promise<Period[]> {
    const rows = await db
      .selectFrom('comment_periods as p')
      .selectAll('p')
      .select(pendingOnPeriod('p'))
      .where('p.process_id', '=', processId)
      .orderBy('p.opens_at', 'desc')
      .orderBy('p.id', 'desc')
      .limit(500)
      .execute();
    return rows.map(withPending);
  },

  /** The documents of several periods at once (one query for a list page). */
  async periodDocuments(db: Kysely<DB>, periodIds: string[]): Promise<PeriodDocument[]> {
    if (periodIds.length === 0) return [];
    return db.selectFrom('comment_period_documents').selectAll().where('period_id', 'in', periodIds).execute();
  },

  /**
   * Count one more comment sent one at a time, without touching the period's row or the
   * group's: one insert-only delta row (0031), folded later by `foldCounters`; the paragraph's
   * counter row is created if it is the first comment there (ON CONFLICT DO NOTHING locks no
   * existing row), so the readers that walk those rows find it before the fold.
   */
  async countComment(db: Kysely<DB>, d: { periodId: string; documentId: string; anchor: string; groupId: string; newText: boolean }): Promise<void> {
    await db
      .with('paragraph', (q) =>
        q
          .insertInto('comment_anchor_counts')
          .values({ period_id: d.periodId, document_id: d.documentId, anchor: d.anchor, count: 0 })
          .onConflict((oc) => oc.columns(['period_id', 'document_id', 'anchor']).doNothing()),
      )
      .insertInto('comment_count_deltas')
      .values({ period_id: d.periodId, document_id: d.documentId, anchor: d.anchor, group_id: d.groupId, new_text: d.newText })
      .execute();
  },

  /**
   * Fold the pending deltas into the counters, in one transaction: the rows are deleted
   * (DELETE … RETURNING) and their sums added (comments, distinct texts, paragraph counts and
   * group sizes; answered arrivals into disposed_count and the outcome counts). Safe to run
   * twice and concurrently: a second fold waits on the rows the first is deleting and then passes them over (they are gone), so
   * each delta is added once. Returns how many deltas were folded.
   */
  /** Pending copies (deltas not folded) of a period's groups, by group. */
  async pendingCopies(db: Kysely<DB>, periodId: string): Promise<{ group_id: string; n: number }[]> {
    const r = await sql<{ group_id: string; n: number }>`select group_id, count(*)::int as n from comment_count_deltas where period_id = ${periodId} and not new_text group by group_id`.execute(db);
    return r.rows;
  },

  /** Pending copies (deltas not folded) in the groups of these campaigns (as the last detection put them), by campaign. */
  async pendingCopiesOfCampaigns(db: Kysely<DB>, periodId: string, campaignIds: string[]): Promise<{ campaign_id: string; n: number }[]> {
    const r = await sql<{ campaign_id: string; n: number }>`
      select g.campaign_id, count(*)::int as n from comment_count_deltas d join comment_groups g on g.id = d.group_id
      where d.period_id = ${periodId} and not d.new_text and g.campaign_id = any(${campaignIds}::uuid[]) group by g.campaign_id`.execute(db);
    return r.rows;
  },

  async foldCounters(db: Kysely<DB>): Promise<number> {
    // Call inside a transaction (the service does): the deleted rows are held in temporary
    // tables until commit, and the counters are then updated one table at a time, in the
    // order moderation takes the same rows (the group, the period, the paragraph, the
    // outcome), so the fold and a moderator waiting on each other cannot deadlock.
    await sql`create temp table fold_comments (like comment_count_deltas) on commit drop`.execute(db);
    await sql`with d as (delete from comment_count_deltas returning period_id, document_id, anchor, group_id, new_text) insert into fold_comments select * from d`.execute(db);
    await sql`create temp table fold_disposed (like comment_disposed_deltas) on commit drop`.execute(db);
    await sql`with d as (delete from comment_disposed_deltas returning period_id, document_id, anchor, outcome) insert into fold_disposed select * from d`.execute(db);
    await sql`
      update comment_groups g set size = g.size + s.n
      from (select group_id, count(*)::int as n from fold_comments where not new_text group by group_id) s
      where g.id = s.group_id`.execute(db);
    await sql`
      update comment_periods p
      set comment_count = p.comment_count + s.n, text_count = p.text_count + s.texts, disposed_count = p.disposed_count + s.disposed
      from (
        select period_id, sum(n)::int as n, sum(texts)::int as texts, sum(disposed)::int as disposed from (
          select period_id, 1 as n, case when new_text then 1 else 0 end as texts, 0 as disposed from fold_comments
          union all select period_id, 0, 0, 1 from fold_disposed
        ) x group by period_id
      ) s
      where p.id = s.period_id`.execute(db);
    await sql`
      insert into comment_anchor_counts (period_id, document_id, anchor, count)
      select period_id, document_id, anchor, count(*)::int from fold_comments group by period_id, document_id, anchor
      on conflict (period_id, document_id, anchor) do update set count = comment_anchor_counts.count + excluded.count`.execute(db);
    await sql`
      insert into comment_outcome_counts (period_id, document_id, anchor, outcome, count)
      select period_id, document_id, anchor, outcome, count(*)::int from fold_disposed group by period_id, document_id, anchor, outcome
      on conflict (period_id, document_id, anchor, outcome) do update set count = comment_outcome_counts.count + excluded.count`.execute(db);
    const r = await sql<{ folded: number }>`select (select count(*)::int from fold_comments) + (select count(*)::int from fold_disposed) as folded`.execute(db);
    return r.rows[0]?.folded ?? 0;
  },

  /** Per-paragraph counts of one document in a period (the folded counts and the pending deltas). */
  async anchorCounts(db: Kysely<DB>, periodId: string, documentId: string): Promise<{ anchor: string; count: number }[]> {
    return db
      .selectFrom('comment_anchor_counts as a')
      .select(['a.anchor', sql<number>`a.count + ${pendingOnAnchor('a')}`.as('count')])
      .where('a.period_id', '=', periodId)
      .where('a.document_id', '=', documentId)
      .execute();
  },

  /**
   * A comment sent one at a time enters the group of its text: the group is created with it as
   * its primary (size 1, `created`), or, when it exists, read under a share lock, which
   * submitters of the same text take together without waiting for each other, and which keeps
   * moderation and a group response (both take the row FOR UPDATE) from changing the primary
   * or the answer between this read and the commit. The size is counted by a delta
   * (`countComment`), never here. A group whose comments are all hidden has no primary: the
   * comment becomes it (a rare update, and the only one).
   */
  async enterGroup(db: Kysely<DB>, id: string, periodId: string, hash: string, commentId: string): Promise<{ group: CommentGroup; created: boolean }> {
    const created = await db
      .insertInto('comment_groups')
      .values({ id, period_id: periodId, body_hash: hash, primary_comment_id: commentId, size: 1 })
      .onConflict((oc) => oc.columns(['period_id', 'body_hash']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (created) return { group: created, created: true };
    const group = await db.selectFrom('comment_groups').selectAll().where('period_id', '=', periodId).where('body_hash', '=', hash).forShare().executeTakeFirstOrThrow();
    if (group.primary_comment_id !== null) return { group, created: false };
    const adopted = await db.updateTable('comment_groups').set({ primary_comment_id: commentId }).where('id', '=', group.id).where('primary_comment_id', 'is', null).returningAll().executeTakeFirst();
    return { group: adopted ?? group, created: false };
  },

  async groupById(db: Kysely<DB>, id: string, forUpdate = false): Promise<CommentGroup | undefined> {
    const q = db.selectFrom('comment_groups').selectAll().where('id', '=', id);
    return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
  },

  async updateGroup(db: Kysely<DB>, id: string, set: Partial<Pick<CommentGroup, 'primary_comment_id' | 'size'>>): Promise<void> {
    await db.updateTable('comment_groups').set(set).where('id', '=', id).execute();
  },

  /** The earliest visible comment of a group (the one the listing shows), if any. */
  async earliestVisible(db: Kysely<DB>, groupId: string): Promise<string | undefined> {
    const r = await db.selectFrom('comments').select('id').where('group_id', '=', groupId).where('status', '=', 'visible').orderBy('id').limit(1).executeTakeFirst();
    return r?.id;
  },

  async insertComment(db: Kysely<DB>, row: Omit<Comment, 'status' | 'hidden_reason' | 'hidden_note' | 'hidden_by' | 'hidden_at' | 'import_key' | 'import_id' | 'import_line'>): Promise<Comment> {
    return db.insertInto('comments').values(row).returningAll().executeTakeFirstOrThrow();
  },

  async commentById(db: Kysely<DB>, id: string, forUpdate = false): Promise<Comment | undefined> {
    const q = db.selectFrom('comments').selectAll().where('id', '=', id);
    return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
  },

  /** One comment with its group size and response, as the listing shows it. */
  async commentRow(db: Kysely<DB>, id: string): Promise<CommentRow | undefined> {
    return listSelect(db).where('c.id', '=', id).executeTakeFirst();
  },

  async commentByReceipt(db: Kysely<DB>, receipt: string): Promise<Comment | undefined> {
    return db.selectFrom('comments').selectAll().where('receipt', '=', receipt).executeTakeFirst();
  },

  async commentByIdempotencyKey(db: Kysely<DB>, authorId: string, key: string): Promise<Comment | undefined> {
    return db.selectFrom('comments').selectAll().where('author_id', '=', authorId).where('idempotency_key', '=', key).executeTakeFirst();
  },

  /** List a comment or not; a listed one takes its group's fold (a campaign shown once). */
  async setListed(db: Kysely<DB>, id: string, listed: boolean): Promise<void> {
    await db.updateTable('comments').set({ listed, folded: foldOf(listed) }).where('id', '=', id).execute();
  },

  async hide(db: Kysely<DB>, id: string, set: { reason: HiddenReason; note: string | null; by: string | null; at: Date }): Promise<Comment> {
    return db
      .updateTable('comments')
      .set({ status: 'hidden', hidden_reason: set.reason, hidden_note: set.note, hidden_by: set.by, hidden_at: set.at })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
      .then(async (c) => {
        await db.updateTable('comment_periods').set((eb) => ({ hidden_count: eb('hidden_count', '+', 1) })).where('id', '=', c.period_id).execute();
        await bumpHiddenOnAnchor(db, c, 1);
        return c;
      });
  },

  async restore(db: Kysely<DB>, id: string, listed: boolean): Promise<Comment> {
    return db
      .updateTable('comments')
      .set({ status: 'visible', hidden_reason: null, hidden_note: null, hidden_by: null, hidden_at: null, listed, folded: foldOf(listed) })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
      .then(async (c) => {
        await db.updateTable('comment_periods').set((eb) => ({ hidden_count: eb('hidden_count', '-', 1) })).where('id', '=', c.period_id).execute();
        await bumpHiddenOnAnchor(db, c, -1);
        return c;
      });
  },

  /**
   * One page of the listing: `limit + 1` rows in the cursor's direction (the extra one says
   * whether there is more), returned in id order. Each filter has an index that starts with
   * the period, so a page reads about `limit` index entries whatever the period's size.
   */
  async page(db: Kysely<DB>, f: ListFilter, cursor: Cursor, limit: number): Promise<{ rows: CommentRow[]; more: boolean }> {
    let q = filtered(listSelect(db), f);
    const backwards = 'before' in cursor || 'last' in cursor;
    if ('after' in cursor) q = q.where('c.id', '>', cursor.after);
    if ('before' in cursor) q = q.where('c.id', '<', cursor.before);
    const rows = await q
      .orderBy('c.id', backwards ? 'desc' : 'asc')
      .limit(limit + 1)
      .execute();
    const more = rows.length > limit;
    const page = rows.slice(0, limit);
    return { rows: backwards ? page.reverse() : page, more };
  },

  /** Whether any row matches beyond an id in a direction (one index probe; for the other end's link). */
  async exists(db: Kysely<DB>, f: ListFilter, side: { after: string } | { before: string }): Promise<boolean> {
    let q = filtered(listSelect(db), f);
    q = 'after' in side ? q.where('c.id', '>', side.after) : q.where('c.id', '<', side.before);
    return (await q.limit(1).execute()).length > 0;
  },

  /** The members of a duplicate group, in order, a page at a time. */
  async groupMembers(db: Kysely<DB>, groupId: string, after: string | undefined, limit: number): Promise<Comment[]> {
    let q = db.selectFrom('comments').selectAll().where('group_id', '=', groupId);
    if (after) q = q.where('id', '>', after);
    return q.orderBy('id').limit(limit).execute();
  },

  /** Every comment of a period on the given documents in id order, a batch at a time (exports). */
  async batch(db: Kysely<DB>, periodId: string, documentIds: string[], after: string | undefined, limit: number): Promise<CommentRow[]> {
    let q = listSelect(db).where('c.period_id', '=', periodId).where('c.document_id', 'in', readable(documentIds));
    if (after) q = q.where('c.id', '>', after);
    return q.orderBy('c.id').limit(limit).execute();
  },

  /** The latest hidden comments of a period with who hid them, for the moderation page. */
  async recentlyHidden(db: Kysely<DB>, periodId: string, limit: number): Promise<(Comment & { hidden_by_name: string | null })[]> {
    return db
      .selectFrom('comments as c')
      .leftJoin('users as u', 'u.id', 'c.hidden_by')
      .selectAll('c')
      .select('u.name as hidden_by_name')
      .where('c.period_id', '=', periodId)
      .where('c.status', '=', 'hidden')
      .orderBy('c.hidden_at', 'desc')
      .limit(limit)
      .execute();
  },

  async insertReport(db: Kysely<DB>, row: Pick<CommentReport, 'id' | 'comment_id' | 'reporter_id' | 'statement'>): Promise<CommentReport> {
    return db.insertInto('comment_reports').values(row).returningAll().executeTakeFirstOrThrow();
  },

  async reportById(db: Kysely<DB>, id: string, forUpdate = false): Promise<CommentReport | undefined> {
    const q = db.selectFrom('comment_reports').selectAll().where('id', '=', id);
    return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
  },

  /** Open reports on a period's comments, oldest first. */
  async openReports(db: Kysely<DB>, periodId: string, limit: number): Promise<(CommentReport & { receipt: string })[]> {
    return db
      .selectFrom('comment_reports as r')
      .innerJoin('comments as c', 'c.id', 'r.comment_id')
      .selectAll('r')
      .select('c.receipt')
      .where('r.status', '=', 'open')
      .where('c.period_id', '=', periodId)
      .orderBy('r.id')
      .limit(limit)
      .execute();
  },

  /** The reports on one comment, newest first. */
  async reportsOn(db: Kysely<DB>, commentId: string): Promise<CommentReport[]> {
    return db.selectFrom('comment_reports').selectAll().where('comment_id', '=', commentId).orderBy('id', 'desc').limit(100).execute();
  },

  async handleReport(db: Kysely<DB>, id: string, set: { status: 'upheld' | 'dismissed'; resolution: string | null; by: string; at: Date }): Promise<CommentReport> {
    return db
      .updateTable('comment_reports')
      .set({ status: set.status, resolution: set.resolution, handled_by: set.by, handled_at: set.at })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  /** A file's name and size (metadata only, never the bytes), for a comment's download link. */
  async fileMeta(db: Kysely<DB>, fileId: string): Promise<{ name: string; size: number } | undefined> {
    return db.selectFrom('files').select(['name', 'size']).where('id', '=', fileId).executeTakeFirst();
  },
};
