import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { isUuid } from '../../platform/lib/ids.js';
import type { StakeholderGroup } from '../processes/index.js';
import { commentsRepository as repo, type Comment, type CommentRow, type Cursor, type ListFilter } from './comments.repository.js';
import type { ListQuery } from './comments.schema.js';
import type { PeriodDetail } from './periods.service.js';
import { campaignCounts, type CampaignCount } from './comments.slots.js';

/** The listing's page size: ordinary pages with next/previous links, never an endless scroll. */
export const PAGE_SIZE = 50;

/** One page of comments and the ids its neighbouring pages start from (null at either end). */
export interface CommentPage {
  rows: CommentRow[];
  /** The counts of the campaigns the page's texts stand for (or belong to), by campaign id. */
  campaigns: Map<string, CampaignCount>;
  /** `after` for the next page. */
  next: string | null;
  /** `before` for the previous page. */
  previous: string | null;
}

/**
 * Turn the listing's query into a filter on ids: a document's slug, a paragraph anchor
 * ("general" for comments on the whole document), a stakeholder group, a language, a status,
 * a campaign.
 * Values that name nothing in this period filter to nothing rather than failing.
 */
export function resolveFilter(detail: PeriodDetail, groups: StakeholderGroup[], q: Partial<ListQuery>): ListFilter {
  // Only the covered documents this viewer may read (getPeriod left the others out).
  const f: ListFilter = { periodId: detail.period.id, documentIds: detail.documents.map((d) => d.document.id) };
  if (q.document) f.documentId = detail.documents.find((d) => d.document.slug === q.document)?.document.id ?? '00000000-0000-0000-0000-000000000000';
  if (q.anchor) f.anchor = q.anchor === 'general' ? '' : q.anchor;
  if (q.stakeholderGroup) f.stakeholderGroupId = groups.find((g) => g.id === q.stakeholderGroup && isUuid(g.id))?.id ?? '00000000-0000-0000-0000-000000000000';
  if (q.lang) f.lang = q.lang;
  if (q.status) f.status = q.status;
  if (q.campaign) f.campaignId = isUuid(q.campaign) ? q.campaign : '00000000-0000-0000-0000-000000000000';
  return f;
}

/** The cursor a query names: after, before, the last page, or the first. */
export function cursorOf(q: Partial<ListQuery>): Cursor {
  if (q.after) return { after: q.after };
  if (q.before) return { before: q.before };
  if (q.last) return { last: true };
  return { first: true };
}

/**
 * One page of a period's comments by keyset on id: at most three indexed queries (the page,
 * and one probe for whether the other side has rows), whatever the number of comments.
 */
export async function listComments(db: Kysely<DB>, f: ListFilter, cursor: Cursor, limit = PAGE_SIZE): Promise<CommentPage> {
  const { rows, more } = await repo.page(db, f, cursor, limit);
  const [sides, campaigns] = await Promise.all([neighbours(db, f, cursor, rows, more), campaignCounts(db, f.periodId, rows.flatMap((r) => (r.campaign_id ? [r.campaign_id] : [])))]);
  return { rows, campaigns, ...sides };
}

/** Where the next and previous pages start: known from the page itself, or one indexed probe. */
async function neighbours(db: Kysely<DB>, f: ListFilter, cursor: Cursor, rows: CommentRow[], more: boolean): Promise<{ next: string | null; previous: string | null }> {
  const firstId = rows[0]?.id;
  const lastId = rows.at(-1)?.id;
  if (!firstId || !lastId) return { next: null, previous: null };
  if ('first' in cursor) return { next: more ? lastId : null, previous: null };
  if ('last' in cursor) return { next: null, previous: more ? firstId : null };
  if ('after' in cursor) return { next: more ? lastId : null, previous: (await repo.exists(db, f, { before: firstId })) ? firstId : null };
  return { next: (await repo.exists(db, f, { after: lastId })) ? lastId : null, previous: more ? firstId : null };
}

/** The members of a duplicate group, a page at a time (`after` the last id seen). */
export async function groupMembers(db: Kysely<DB>, groupId: string, after: string | undefined, limit = PAGE_SIZE): Promise<{ rows: Comment[]; next: string | null }> {
  const rows = await repo.groupMembers(db, groupId, after && isUuid(after) ? after : undefined, limit + 1);
  return { rows: rows.slice(0, limit), next: rows.length > limit ? rows[limit - 1]!.id : null };
}

/**
 * Every comment of a period on the documents this viewer may read, in id order, hidden ones
 * included, read a batch at a time so an export of 100,000 comments never holds more than
 * one batch in memory.
 */
export async function* everyComment(db: Kysely<DB>, detail: PeriodDetail, batch = 1000): AsyncGenerator<CommentRow> {
  const documentIds = detail.documents.map((d) => d.document.id);
  let after: string | undefined;
  for (;;) {
    const rows = await repo.batch(db, detail.period.id, documentIds, after, batch);
    yield* rows;
    if (rows.length < batch) return;
    after = rows.at(-1)!.id;
  }
}
