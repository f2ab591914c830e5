import { formatDate, formatNumber } from '../../platform/i18n/i18n.js';
import { localPath, type ModelCtx } from '../../platform/web/context.js';
import type { Crumb } from '../../platform/web/components/breadcrumb.js';
import { namedSentence, personName, type NamedSentenceModel, type PersonNameModel } from '../../platform/web/components/person-name.js';
import { textLimit } from '../../platform/web/components/forms.js';
import type { Process } from '../processes/index.js';
import type { Period } from './comments.repository.js';
import type { CommentEntry, GroupName, ReportEntry } from './dispositions.repository.js';
import type { CampaignCount } from './comments.slots.js';
import type { QueuePage, QueueStatus, Report, VersionRef } from './dispositions.report.js';
import { changedPath, periodBase } from './dispositions.presenter.js';
import { MAX_RATIONALE, OUTCOMES } from './dispositions.schema.js';
import type { CoveredDocument } from './periods.service.js';
import { toAnswer } from './views/dispositions/progress.js';
import { campaignLink } from './comments.page-presenter.js';

/**
 * Page presenters for the responses to comments: the editors' queue and the public
 * disposition-of-comments report. Records in, the model its view lays out (in the reader's
 * language) out. The API's and the exports' presenter is dispositions.presenter.ts.
 */

type Values = Record<string, string | undefined>;

/** A comment's text as paragraphs in its language, or its tombstone (reason and date; the text is not shown). */
export type CommentBodyModel = { tombstone: string } | { paragraphs: string[]; lang: string };

/** The response in force on a comment; null when a hidden comment has none (it awaits none). */
export type ResponseModel =
  | { awaiting: true }
  | {
      awaiting: false;
      heading: string;
      rationale: { text: string; lang: string | undefined } | null;
      /** "Changed in version N, paragraph X", linked; null when no version is named. */
      changed: { path: string; label: string } | null;
    }
  | null;

/** How many comments have a response, as the progress bar takes it. */
export interface ProgressModel {
  disposed: number;
  total: number;
}

const progressOf = (p: Period): ProgressModel => ({ disposed: p.disposed_count, total: toAnswer(p) });

/** Back to the period, named by its first document. */
const periodCrumb = (ctx: ModelCtx, base: string, documents: { document: { title: string } }[]): Crumb[] => [{ href: localPath(ctx.lang, base), label: documents[0]?.document.title ?? '' }];

export function commentBody(ctx: ModelCtx, e: CommentEntry, timeZone: string): CommentBodyModel {
  const { t, lang } = ctx;
  if (e.status === 'hidden') {
    return {
      tombstone: t('dispositions.report.tombstone', {
        reason: e.hidden_reason ? t(`dispositions.hiddenReasons.${e.hidden_reason}`) : '',
        date: e.hidden_at ? formatDate(lang, e.hidden_at, timeZone) : '',
      }),
    };
  }
  return { paragraphs: e.body.split(/\n{2,}/), lang: e.lang };
}

/** The response block: outcome, rationale (in its language) and the changed paragraph. */
export function responseModel(ctx: ModelCtx, e: CommentEntry, r: { processSlug: string; versions: Map<string, VersionRef>; labels: Map<string, Map<string, string>> }): ResponseModel {
  const { t, lang } = ctx;
  // A hidden comment without a response awaits none: saying "awaiting" would contradict the counts.
  if (!e.d_outcome) return e.status === 'hidden' ? null : { awaiting: true };
  const ref = e.d_version_id ? r.versions.get(e.d_version_id) : undefined;
  const label = e.d_anchor && e.d_version_id ? (r.labels.get(e.d_version_id)?.get(e.d_anchor) ?? e.d_anchor) : undefined;
  return {
    awaiting: false,
    heading: t('dispositions.report.response', { outcome: t(`dispositions.outcomes.${e.d_outcome}`) }),
    rationale: e.d_rationale ? { text: e.d_rationale, lang: e.d_lang ?? undefined } : null,
    changed: ref
      ? {
          path: localPath(lang, changedPath(r.processSlug, ref, e.d_anchor)),
          label: label ? t('dispositions.report.changedParagraph', { version: ref.number, label }) : t('dispositions.report.changed', { version: ref.number }),
        }
      : null,
  };
}

/** One entry's response form; it always answers the whole group of duplicates. */
export interface ResponseFormModel {
  action: string;
  groupId: string;
  status: QueueStatus;
  after: string | null;
  before: string | null;
  /** What was typed (a form shown again), else the response in force. */
  values: Values;
  /** Errors by field (outcome, rationale, versionNumber, anchor) when this form is shown again. */
  errors: Record<string, string>;
  outcomes: { value: string; label: string }[];
  /** The document's version numbers, latest first. */
  versions: { value: string; label: string }[];
  /** The document's language: the rationale is written in it. */
  lang: string;
  rationaleHint: string;
  /** The rationale's longest length (the schema's), set as maxlength; the hint says it. */
  rationaleMax: number;
}

/** One listed comment in the queue. */
export interface QueueEntryModel {
  id: string;
  heading: string;
  /** On which paragraph of which document, how many copies, and who sent it (when visible). */
  meta: string;
  body: CommentBodyModel;
  /** "Current response: …", or null. */
  current: string | null;
  form: ResponseFormModel;
}

/** The editors' queue page. */
export interface QueuePageModel {
  title: string;
  trail: Crumb[];
  progress: ProgressModel;
  reportPath: string;
  filters: { status: QueueStatus; label: string; path: string; current: boolean }[];
  /** Every error of a form shown again, for the summary at the top. */
  errors: Record<string, string>;
  entries: QueueEntryModel[];
  previousPath: string | null;
  nextPath: string | null;
}

export interface QueueRecords {
  process: Process;
  period: Period;
  documents: CoveredDocument[];
  status: QueueStatus;
  page: QueuePage;
  /** The cursor this page was reached with, so a saved response returns here. */
  cursor: { after?: string | undefined; before?: string | undefined };
  versions: Map<string, VersionRef>;
  /** Paragraph labels of each covered version's blocks, by document id then anchor. */
  labels: Map<string, Map<string, string>>;
  /** A form shown again: the comment it was for, what was typed, and the problems (named `<field>-<comment id>`). */
  failed?: { commentId: string; values: Values; errors: Record<string, string> } | undefined;
}

export function queuePageModel(r: QueueRecords, ctx: ModelCtx): QueuePageModel {
  const { t, lang } = ctx;
  const { process, period, status } = r;
  const base = periodBase(process.slug, period.id);
  const here = localPath(lang, `${base}/responses`);
  const docs = new Map(r.documents.map((d) => [d.document.id, d.document]));
  const pageLink = (q: Record<string, string>) => `${here}?${new URLSearchParams({ status, ...q }).toString()}`;
  const entries = r.page.entries.flatMap((e): QueueEntryModel[] => {
    const doc = docs.get(e.document_id);
    if (!doc) return [];
    const label = e.anchor ? r.labels.get(doc.id)?.get(e.anchor) : undefined;
    const failed = r.failed?.commentId === e.id ? r.failed : undefined;
    const ref = e.d_version_id ? r.versions.get(e.d_version_id) : undefined;
    const mine = (name: string) => failed?.errors[`${name}-${e.id}`];
    const errors = Object.fromEntries(['outcome', 'rationale', 'versionNumber', 'anchor'].flatMap((n) => (mine(n) ? [[n, mine(n)!]] : [])));
    const on = t('dispositions.queue.on', {
      document: doc.title,
      paragraph: e.anchor ? t('dispositions.queue.paragraph', { label: label ?? e.anchor }) : t('dispositions.queue.general'),
    });
    const parts = [on, t('dispositions.queue.copies', { count: e.group_size }), ...(e.status === 'visible' ? [t('dispositions.queue.by', { name: e.display_name })] : [])];
    return [
      {
        id: e.id,
        heading: t('dispositions.queue.entryHeading', { receipt: e.receipt }),
        meta: parts.join(' · '),
        body: commentBody(ctx, e, period.time_zone),
        current: e.d_outcome ? t('dispositions.queue.current', { outcome: t(`dispositions.outcomes.${e.d_outcome}`) }) : null,
        form: {
          action: here,
          groupId: e.group_id,
          status,
          after: r.cursor.after ?? null,
          before: r.cursor.before ?? null,
          values: failed?.values ?? { outcome: e.d_outcome ?? undefined, rationale: e.d_rationale ?? undefined, versionNumber: ref ? String(ref.number) : '', anchor: e.d_anchor ?? '' },
          errors,
          outcomes: OUTCOMES.map((o) => ({ value: o, label: t(`dispositions.outcomes.${o}`) })),
          versions: [...r.versions.values()]
            .filter((v) => v.document.id === doc.id)
            .map((v) => v.number)
            .sort((a, b) => b - a)
            .map((n) => ({ value: String(n), label: t('dispositions.queue.version', { number: n }) })),
          lang: doc.lang,
          rationaleHint: `${t('dispositions.queue.rationaleHint', { lang: t(`documents.langs.${doc.lang}`) })} ${textLimit(t, MAX_RATIONALE).hint}`,
          rationaleMax: MAX_RATIONALE,
        },
      },
    ];
  });
  return {
    title: t('dispositions.queue.title'),
    trail: periodCrumb(ctx, base, r.documents),
    progress: progressOf(period),
    reportPath: localPath(lang, `${base}/report`),
    filters: (['awaiting', 'answered', 'all'] as const).map((s) => ({ status: s, label: t(`dispositions.queue.filters.${s}`), path: `${here}?status=${s}`, current: s === status })),
    errors: r.failed?.errors ?? {},
    entries,
    previousPath: r.page.previous ? pageLink({ before: r.page.previous }) : null,
    nextPath: r.page.next ? pageLink({ after: r.page.next }) : null,
  };
}

/** Who sent a group's copies, as the view lays it out: the sentence around the names, the first names with their badges, then how many others. */
export interface DuplicatesModel {
  before: string;
  people: PersonNameModel[];
  /** "and 3 others", or null when every sender is named. */
  others: string | null;
  after: string;
}

/** Who sent a group's copies: the first names (each with its staff badge), then how many others. */
function duplicates(ctx: ModelCtx, list: GroupName[], size: number): DuplicatesModel {
  const { t } = ctx;
  const others = size - list.length;
  const othersText = others > 0 ? t('dispositions.report.andOthers', { count: others }) : null;
  const joined = list.map((n) => n.name).join(', ') + (othersText ? ` ${othersText}` : '');
  const s = namedSentence(t, 'dispositions.report.duplicates', { count: size }, 'names', { name: joined, badge: null });
  // A sentence the names could not be cut out of keeps them as text, without badges.
  if (!s.person.name) return { before: s.before, people: [], others: null, after: s.after };
  return { before: s.before, people: list.map((n) => personName(t, n.name, n.staff)), others: othersText, after: s.after };
}

/** One paragraph of the report (or the general comments): its heading, excerpt, counts and first comments. */
export interface ReportParagraphModel {
  /** The section's id, which the table of contents links to. */
  id: string;
  heading: string;
  excerpt: { text: string; lang: string } | null;
  total: string;
  /** "Accepted: 3"… per outcome with comments, then the awaiting ones. */
  counts: string[];
  /** Each entry's heading names its author with their staff badge (a hidden comment's names nobody). */
  entries: { id: string; heading: NamedSentenceModel; duplicates: DuplicatesModel | null; campaign: { path: string; label: string } | null; body: CommentBodyModel; response: ResponseModel }[];
  seeAll: { path: string; label: string };
}

/** A covered document's part of the report. */
export interface ReportDocumentModel {
  id: string;
  heading: string;
  paragraphs: ReportParagraphModel[];
}

/** The public disposition-of-comments report. */
export interface ReportPageModel {
  title: string;
  trail: Crumb[];
  progress: ProgressModel;
  csvPath: string;
  jsonPath: string;
  /** The editors' queue, for those who may respond; else null. */
  queuePath: string | null;
  /** The table of contents: each document's section, then each of its paragraphs', as in-page links. */
  contents: { href: string; label: string; paragraphs: { href: string; label: string }[] }[];
  documents: ReportDocumentModel[];
}

/** The campaign an entry stands for, counted once here: its counts and the listing of all its texts. */
const campaignOf = (ctx: ModelCtx, listing: string, e: ReportEntry, campaigns: Map<string, CampaignCount>) =>
  e.status === 'hidden' ? null : campaignLink(ctx, listing, e.campaign_id, campaigns);

export function reportPage(r: { process: Process; report: Report; canRespond: boolean }, ctx: ModelCtx): ReportPageModel {
  const { t, lang } = ctx;
  const { process, report } = r;
  const base = periodBase(process.slug, report.period.id);
  const documents: ReportDocumentModel[] = report.documents.map((doc) => ({
    id: `d-${doc.document.id}`,
    heading: t('dispositions.report.documentHeading', { title: doc.document.title, version: doc.version.number }),
    paragraphs: doc.paragraphs.map((p): ReportParagraphModel => ({
      id: `p-${doc.document.id}-${p.anchor || 'general'}`,
      heading: p.anchor ? t('dispositions.report.paragraph', { label: p.label }) : t('dispositions.report.general'),
      excerpt: p.excerpt ? { text: p.excerpt, lang: doc.document.lang } : null,
      total: t('dispositions.report.total', { count: p.total }),
      counts: [
        ...OUTCOMES.filter((o) => (p.counts[o] ?? 0) > 0).map((o) => `${t(`dispositions.outcomes.${o}`)}: ${formatNumber(lang, p.counts[o] ?? 0)}`),
        ...(p.awaiting > 0 ? [`${t('dispositions.report.awaiting')}: ${formatNumber(lang, p.awaiting)}`] : []),
      ],
      entries: p.entries.map((e) => ({
        id: e.id,
        heading:
          e.status === 'hidden'
            ? { before: t('dispositions.report.commentHidden', { receipt: e.receipt }), person: { name: '', badge: null }, after: '' }
            : namedSentence(t, 'dispositions.report.comment', { receipt: e.receipt }, 'name', personName(t, e.display_name, e.author_staff)),
        duplicates: e.group_size > 1 ? duplicates(ctx, report.names.get(e.group_id) ?? [], e.group_size) : null,
        campaign: campaignOf(ctx, `${base}/comments`, e, report.campaigns),
        body: commentBody(ctx, e, report.period.time_zone),
        response: responseModel(ctx, e, { processSlug: process.slug, versions: report.versions, labels: report.labels }),
      })),
      seeAll: {
        path: `${localPath(lang, `${base}/comments`)}?${new URLSearchParams({ document: doc.document.slug, anchor: p.anchor || 'general' }).toString()}`,
        label: t('dispositions.report.seeAll', { count: p.total }),
      },
    })),
  }));
  return {
    title: t('dispositions.report.title'),
    trail: periodCrumb(ctx, base, report.documents),
    progress: progressOf(report.period),
    csvPath: localPath(lang, `${base}/report.csv`),
    jsonPath: localPath(lang, `${base}/report.json`),
    queuePath: r.canRespond ? localPath(lang, `${base}/responses`) : null,
    contents: documents.map((d) => ({
      href: `#${d.id}`,
      label: d.heading,
      paragraphs: d.paragraphs.map((p) => ({ href: `#${p.id}`, label: t('dispositions.report.contentsEntry', { heading: p.heading, total: p.total }) })),
    })),
    documents,
  };
}
