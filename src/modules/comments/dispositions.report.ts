import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/auth/roles.js';
import { blocksOf, listVersions, type BlockRow, type DocumentRow, type VersionRow } from '../documents/index.js';
import type { DispositionOutcome } from './comments.tables.js';
import type { Period } from './comments.repository.js';
import { getPeriod } from './periods.service.js';
import { campaignCounts, type CampaignCount } from './comments.slots.js';
import { dispositionsRepository as repo, type CommentEntry, type ExportEntry, type GroupName, type ReportEntry } from './dispositions.repository.js';

/** How many comments (or groups) the report page shows under each paragraph; the listing has the rest. */
export const ENTRIES_PER_PARAGRAPH = 5;
/** How many names a duplicate group shows. */
export const NAMES_PER_GROUP = 10;
/** Rows per query when exporting: an export never holds more than this many comments at once. */
export const EXPORT_BATCH = 500;

/** Where a version of a covered document is: for "changed in version N, paragraph X" links. */
export interface VersionRef {
  document: DocumentRow;
  number: number;
}

/** One paragraph of the report ('' anchor for the general comments). */
export interface ParagraphReport {
  anchor: string;
  label: string;
  excerpt: string;
  /** Comments on the paragraph, duplicates included (kept as comments arrive). */
  total: number;
  /** Of those, hidden by moderators: they await no response (kept by moderation). */
  hidden: number;
  /** Comments covered by a response, per outcome (kept as responses are recorded). */
  counts: Partial<Record<DispositionOutcome, number>>;
  awaiting: number;
  entries: ReportEntry[];
}

/** A covered document's part of the report. */
export interface DocumentReport {
  document: DocumentRow;
  version: VersionRow;
  paragraphs: ParagraphReport[];
}

/** The disposition-of-comments report, bounded whatever the number of comments. */
export interface Report {
  period: Period;
  documents: DocumentReport[];
  /** The first names of each duplicate group, with their staff roles. */
  names: Map<string, GroupName[]>;
  versions: Map<string, VersionRef>;
  /** Paragraph labels of the versions responses name as changed, by version id then anchor. */
  labels: Map<string, Map<string, string>>;
  /** The counts of the campaigns the entries stand for, by campaign id. */
  campaigns: Map<string, CampaignCount>;
}

/** The paragraph labels of the given versions (a page names a few). */
export async function labelsOf(db: Kysely<DB>, versionIds: Iterable<string>): Promise<Map<string, Map<string, string>>> {
  const out = new Map<string, Map<string, string>>();
  for (const id of new Set(versionIds)) out.set(id, new Map((await blocksOf(db, id)).map((b) => [b.anchor, b.label])));
  return out;
}

/** Every version of the covered documents by id (documents have tens of versions). */
export async function versionRefs(db: Kysely<DB>, docs: DocumentRow[]): Promise<Map<string, VersionRef>> {
  const out = new Map<string, VersionRef>();
  for (const document of docs) for (const v of await listVersions(db, document.id)) out.set(v.id, { document, number: v.number });
  return out;
}

/** The first words of a paragraph, cut at a word. */
export function excerpt(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).trimEnd()}…`;
}

/** Sum of a paragraph's outcome counts. */
const sum = (c: Partial<Record<DispositionOutcome, number>>) => Object.values(c).reduce((s, n) => s + n, 0);

/**
 * The report of a period as this viewer may read it: per covered document, the commented
 * paragraphs in document order (then the general comments), each with its counts by outcome
 * from the kept counters and its first few comments with their responses (a campaign once,
 * by the text that stands for it, with its counts). The cost follows
 * the number of paragraphs, never the number of comments.
 */
export async function buildReport(db: Kysely<DB>, processId: string, periodId: string, actor: Actor | null): Promise<Report> {
  const { period, documents } = await getPeriod(db, processId, periodId, actor);
  const [anchorRows, outcomeRows] = await Promise.all([repo.anchorCounts(db, period.id), repo.outcomeCounts(db, period.id)]);
  const out: DocumentReport[] = [];
  for (const { document, version } of documents) {
    const mine = anchorRows.filter((r) => r.document_id === document.id);
    const totals = new Map(mine.map((r) => [r.anchor, r.count]));
    const hidden = new Map(mine.map((r) => [r.anchor, r.hidden]));
    const counts = new Map<string, Partial<Record<DispositionOutcome, number>>>();
    for (const r of outcomeRows.filter((o) => o.document_id === document.id)) counts.set(r.anchor, { ...counts.get(r.anchor), [r.outcome]: r.count });
    const entries = await repo.reportEntries(db, processId, period.id, document.id, ENTRIES_PER_PARAGRAPH);
    const paragraph = (anchor: string, label: string, text: string): ParagraphReport => {
      const c = counts.get(anchor) ?? {};
      const total = totals.get(anchor) ?? 0;
      const h = hidden.get(anchor) ?? 0;
      // The outcome counts cover visible comments only, so what is left of the visible ones awaits.
      return { anchor, label, excerpt: excerpt(text), total, hidden: h, counts: c, awaiting: Math.max(0, total - h - sum(c)), entries: entries.filter((e) => e.at === anchor) };
    };
    const blocks: readonly BlockRow[] = totals.size ? await blocksOf(db, version.id) : [];
    const paragraphs = blocks.filter((b) => (totals.get(b.anchor) ?? 0) > 0).map((b) => paragraph(b.anchor, b.label, b.plain));
    if ((totals.get('') ?? 0) > 0) paragraphs.push(paragraph('', '', ''));
    out.push({ document, version, paragraphs });
  }
  const groups = out.flatMap((d) => d.paragraphs.flatMap((p) => p.entries.filter((e) => e.group_size > 1).map((e) => e.group_id)));
  const changed = out.flatMap((d) => d.paragraphs.flatMap((p) => p.entries.flatMap((e) => (e.d_version_id ? [e.d_version_id] : []))));
  const campaignIds = out.flatMap((d) => d.paragraphs.flatMap((p) => p.entries.flatMap((e) => (e.campaign_id ? [e.campaign_id] : []))));
  const [names, versions, labels, campaigns] = await Promise.all([
    repo.groupNames(db, processId, groups, NAMES_PER_GROUP),
    versionRefs(db, documents.map((d) => d.document)),
    labelsOf(db, changed),
    campaignCounts(db, period.id, campaignIds),
  ]);
  return { period, documents: out, names, versions, labels, campaigns };
}

/** What an export needs besides the rows: the readable documents, their paragraph labels and versions. */
export interface ExportContext {
  period: Period;
  documents: Map<string, { document: DocumentRow; labels: Map<string, string> }>;
  versions: Map<string, VersionRef>;
}

/** Load an export's context; 404 as the report page when the viewer may not read the period. */
export async function exportContext(db: Kysely<DB>, processId: string, periodId: string, actor: Actor | null): Promise<ExportContext> {
  const { period, documents } = await getPeriod(db, processId, periodId, actor);
  const docs = new Map<string, { document: DocumentRow; labels: Map<string, string> }>();
  for (const { document, version } of documents) {
    docs.set(document.id, { document, labels: new Map((await blocksOf(db, version.id)).map((b) => [b.anchor, b.label])) });
  }
  return { period, documents: docs, versions: await versionRefs(db, documents.map((d) => d.document)) };
}

/**
 * Every comment of a period with its response, in id order, a batch at a time, so a period
 * of 100,000 comments never sits in memory. Comments on documents the viewer may not read
 * are left out.
 */
export async function* exportEntries(db: Kysely<DB>, ctx: ExportContext): AsyncGenerator<ExportEntry> {
  let after: string | undefined;
  for (;;) {
    const rows = await repo.exportBatch(db, ctx.period.process_id, ctx.period.id, after, EXPORT_BATCH);
    for (const r of rows) if (ctx.documents.has(r.document_id)) yield r;
    if (rows.length < EXPORT_BATCH) return;
    after = rows.at(-1)!.id;
  }
}

/** The editors' queue page size. */
export const QUEUE_PAGE = 25;

/** Which entries the queue shows. */
export type QueueStatus = 'awaiting' | 'answered' | 'all';

/** A page of the queue with the cursors of its neighbours. */
export interface QueuePage {
  entries: CommentEntry[];
  next: string | null;
  previous: string | null;
}

/**
 * One page of the editors' queue: listed comments (one per duplicate group) on the documents
 * the editor may read, by id, the awaiting ones (visible, without a response) by default. One extra row says whether a next page exists; one probe
 * whether a previous one does.
 */
export async function queuePage(
  db: Kysely<DB>,
  periodId: string,
  documentIds: string[],
  f: { status: QueueStatus; after?: string | undefined; before?: string | undefined },
): Promise<QueuePage> {
  const rows = await repo.queue(db, { periodId, documentIds, ...f, limit: QUEUE_PAGE + 1 });
  const backwards = !!f.before;
  const more = rows.length > QUEUE_PAGE;
  // Backwards, the extra row is the first one (rows come back in id order).
  const entries = backwards ? rows.slice(more ? 1 : 0) : rows.slice(0, QUEUE_PAGE);
  const first = entries[0]?.id;
  const last = entries.at(-1)?.id;
  const hasBefore = backwards ? more : !!first && (await repo.queue(db, { periodId, documentIds, status: f.status, before: first, limit: 1 })).length > 0;
  const hasAfter = backwards ? !!last && (await repo.queue(db, { periodId, documentIds, status: f.status, after: last, limit: 1 })).length > 0 : more;
  return { entries, next: hasAfter ? (last ?? null) : null, previous: hasBefore ? (first ?? null) : null };
}

/** One listed comment of a period as a queue entry, for a form shown again with its errors. */
export const queueEntry = (db: Kysely<DB>, periodId: string, commentId: string) => repo.entry(db, periodId, commentId);
