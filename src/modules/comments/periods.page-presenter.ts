import { can } from '../../platform/auth/policies.js';
import { formatNumber } from '../../platform/i18n/i18n.js';
import { pickOrOther } from '../../platform/i18n/pick.js';
import { localPath, type ModelCtx } from '../../platform/web/context.js';
import type { Crumb } from '../../platform/web/components/breadcrumb.js';
import { documentPath, type DocumentRow } from '../documents/index.js';
import { processCrumb, type Process } from '../processes/index.js';
import { periodTitle, windowModel, type ParagraphMaps, type WindowModel } from './comments.page-presenter.js';
import { excerpt } from './dispositions.report.js';
import { paragraphPath, periodPath, periodState, type Paragraph, type PeriodDetail } from './periods.service.js';
import { toAnswer } from './views/dispositions/progress.js';

/**
 * Page presenters for the comment period pages (the list, a period, opening one): records in,
 * the model its view lays out, in the reader's language with the `can…` flags decided here.
 */

/** How long the paragraph text beside a count may be (the rest is on the document's page). */
export const PARAGRAPH_TEXT_CHARS = 120;

const periodsCrumb = (ctx: ModelCtx, slug: string): Crumb => ({ href: localPath(ctx.lang, `/processes/${slug}/comment-periods`), label: ctx.t('comments.periodsTitle') });
const openPath = (ctx: ModelCtx, slug: string, doc: Pick<DocumentRow, 'slug'>) => localPath(ctx.lang, `/processes/${slug}/comment-periods/new?document=${encodeURIComponent(doc.slug)}`);
const countWords = (ctx: ModelCtx, n: number) => ctx.t('comments.count', { count: n, n: formatNumber(ctx.lang, n) });

/** A process's comment periods, latest first, and (for conveners and oversight) the documents to open one on. */
export interface PeriodsPageModel {
  title: string;
  trail: Crumb[];
  periods: { id: string; title: string; path: string; window: WindowModel; count: string }[];
  /** Empty unless the reader may open a period. */
  openOn: { id: string; label: string; path: string }[];
}

export function periodsPage(r: { process: Process; periods: PeriodDetail[]; documents: DocumentRow[]; now: Date }, ctx: ModelCtx): PeriodsPageModel {
  const { process } = r;
  const canOpen = can(ctx.actor, 'commentPeriod.open', { processId: process.id });
  return {
    title: ctx.t('comments.periodsTitle'),
    trail: [processCrumb(ctx.lang, process)],
    periods: r.periods.map((d) => ({
      id: d.period.id,
      title: periodTitle(ctx, d),
      path: localPath(ctx.lang, periodPath(process.slug, d.period.id)),
      window: windowModel(ctx, d, r.now),
      count: countWords(ctx, d.period.comment_count),
    })),
    openOn: canOpen ? r.documents.map((doc) => ({ id: doc.id, label: ctx.t('comments.openOn', { title: doc.title }), path: openPath(ctx, process.slug, doc) })) : [],
  };
}

/** One row of "comments per paragraph": where it points, the start of its text and how many comments. */
export interface ParagraphCountModel {
  anchor: string;
  label: string;
  /** The paragraph's first words (at most PARAGRAPH_TEXT_CHARS), or null for the general comments. */
  text: string | null;
  path: string;
  count: string;
}

/** A comment period's page. */
export interface PeriodPageModel {
  title: string;
  trail: Crumb[];
  window: WindowModel;
  zoneNote: string;
  audience: string;
  count: string;
  progress: { label: string; words: string; max: number; value: number; hidden: string | null };
  covered: { id: string; title: string; lang: string; path: string; note: string }[];
  /** Instructions in the reader's language, else the other's (marked as such); null when none. */
  instructions: { text: string; lang: string; otherLanguage: boolean } | null;
  /** "Comment on the whole document", while the period is open; else null. */
  commentPath: string | null;
  commentsPath: string;
  reportPath: string;
  /** The editors' queue, for those the policy lets respond (comment.dispose); else null. */
  respondPath: string | null;
  csvPath: string;
  jsonPath: string;
  /** For moderators of the process; else null. */
  moderationPath: string | null;
  /** The period's detected campaigns (issue 11), for those who review them; else null. */
  campaignsPath: string | null;
  /** Per covered document with comments: its caption, its paragraphs in document order, then the general comments. */
  perParagraph: { documentId: string; caption: string; lang: string; rows: ParagraphCountModel[] }[];
}

export interface PeriodRecords {
  process: Process;
  d: PeriodDetail;
  /** Comments per paragraph ('' for general comments) of each covered document. */
  counts: { documentId: string; counts: Map<string, number> }[];
  paragraphs: ParagraphMaps;
  now: Date;
  /** Decided by the route with the queue's own rule and scope (the owning group's members may respond). */
  canRespond: boolean;
}

export function periodPage(r: PeriodRecords, ctx: ModelCtx): PeriodPageModel {
  const { t, lang } = ctx;
  const { process, d } = r;
  const p = d.period;
  const base = periodPath(process.slug, p.id);
  // Instructions written in one language only are shown to the other language's readers too,
  // marked with their language, rather than not at all.
  const { text: instructions, lang: instructionsLang } = pickOrOther(lang, p, 'instructions');
  const first = d.documents.find((x) => x.document.lang === lang) ?? d.documents[0]!;
  const total = toAnswer(p);
  const words = t('comments.progress', { done: formatNumber(lang, p.disposed_count), total: formatNumber(lang, total) });
  const perParagraph = r.counts.flatMap((dc) => {
    const covered = d.documents.find((x) => x.document.id === dc.documentId);
    if (!covered || dc.counts.size === 0) return [];
    const paragraphs = r.paragraphs.get(dc.documentId) ?? new Map<string, Paragraph>();
    const listing = (anchor: string) => localPath(lang, `${base}/comments?document=${encodeURIComponent(covered.document.slug)}&anchor=${encodeURIComponent(anchor)}`);
    // Paragraphs in document order, then general comments.
    const rows: ParagraphCountModel[] = [...paragraphs.entries()]
      .filter(([a]) => dc.counts.has(a))
      .map(([a, para]) => ({ anchor: a, label: para.label, text: excerpt(para.plain, PARAGRAPH_TEXT_CHARS) || null, path: listing(a), count: formatNumber(lang, dc.counts.get(a)!) }));
    if (dc.counts.has('')) rows.push({ anchor: 'general', label: t('comments.general'), text: null, path: listing('general'), count: formatNumber(lang, dc.counts.get('')!) });
    return [{ documentId: dc.documentId, caption: t('comments.perParagraphCaption', { title: covered.version.title }), lang: covered.document.lang, rows }];
  });
  return {
    title: periodTitle(ctx, d),
    trail: [processCrumb(lang, process), periodsCrumb(ctx, process.slug)],
    window: windowModel(ctx, d, r.now),
    zoneNote: t('comments.zoneNote', { zone: p.time_zone }),
    audience: t(`comments.audiences.${p.audience}`),
    count: countWords(ctx, p.comment_count),
    progress: {
      label: t('comments.progressLabel'),
      words,
      max: Math.max(total, 1),
      value: Math.min(p.disposed_count, total),
      hidden: p.hidden_count > 0 ? t('comments.progressHidden', { count: p.hidden_count, n: formatNumber(lang, p.hidden_count) }) : null,
    },
    covered: d.documents.map((c) => ({
      id: c.document.id,
      title: c.version.title,
      lang: c.document.lang,
      path: localPath(lang, paragraphPath(process.slug, c.document, c.version, null)),
      note: t('comments.versionOf', { n: c.version.number, lang: t(`comments.langs.${c.document.lang}`) }),
    })),
    instructions: instructions ? { text: instructions, lang: instructionsLang, otherLanguage: instructionsLang !== lang } : null,
    commentPath: periodState(p, r.now) === 'open' ? localPath(lang, `${base}/comments/new?document=${encodeURIComponent(first.document.slug)}`) : null,
    commentsPath: localPath(lang, `${base}/comments`),
    reportPath: localPath(lang, `${base}/report`),
    respondPath: r.canRespond ? localPath(lang, `${base}/responses`) : null,
    csvPath: `${localPath(lang, base)}/comments.csv`,
    jsonPath: `${localPath(lang, base)}/comments.json`,
    moderationPath: can(ctx.actor, 'comment.moderate', { processId: process.id }) ? localPath(lang, `${base}/moderation`) : null,
    campaignsPath: can(ctx.actor, 'campaign.review', { processId: process.id }) ? localPath(lang, `${base}/campaigns`) : null,
    perParagraph,
  };
}

/** The form opening a comment period on one document. */
export interface PeriodFormPageModel {
  title: string;
  trail: Crumb[];
  action: string;
  document: string;
  /** The versions, latest first, with the one chosen. */
  versions: { value: string; label: string; selected: boolean }[];
  /** "Also open it on the translations: …", or null when the document has none. */
  translations: string | null;
  /** The zone the times are read in (the one typed, else the process's). */
  zone: string;
}

export function periodFormPage(r: { process: Process; document: DocumentRow; translations: DocumentRow[]; values: Record<string, string | undefined> }, ctx: ModelCtx): PeriodFormPageModel {
  const { t } = ctx;
  const { process, document: doc } = r;
  const chosen = r.values.version ?? String(doc.version_count);
  const numbers = Array.from({ length: doc.version_count }, (_, i) => doc.version_count - i);
  return {
    title: t('comments.openTitle', { title: doc.title }),
    trail: [periodsCrumb(ctx, process.slug)],
    action: openPath(ctx, process.slug, doc),
    document: doc.slug,
    versions: numbers.map((n) => ({
      value: String(n),
      label: n === doc.version_count ? t('comments.fields.versionCurrent', { n }) : t('comments.fields.versionN', { n }),
      selected: chosen === String(n),
    })),
    translations: r.translations.length > 0 ? t('comments.fields.includeTranslations', { titles: r.translations.map((d) => d.title).join(', ') }) : null,
    zone: r.values.timeZone ?? process.timezone,
  };
}

/** "Open a comment period" without a document named: the documents to choose from. */
export interface PeriodPickerPageModel {
  title: string;
  trail: Crumb[];
  documentsPath: string;
  documents: { id: string; lang: string; title: string; path: string; facts: string; openPath: string; openLabel: string }[];
}

export function periodPickerPage(r: { process: Process; documents: DocumentRow[] }, ctx: ModelCtx): PeriodPickerPageModel {
  const { t, lang } = ctx;
  const { process } = r;
  return {
    title: t('comments.pickTitle'),
    trail: [processCrumb(lang, process), periodsCrumb(ctx, process.slug)],
    documentsPath: localPath(lang, `/processes/${process.slug}/documents`),
    documents: r.documents.map((doc) => ({
      id: doc.id,
      lang: doc.lang,
      title: doc.title,
      path: localPath(lang, documentPath(process.slug, doc.slug)),
      facts: t('comments.pickFacts', { lang: t(`comments.langs.${doc.lang}`), status: t(`documents.statuses.${doc.status}`), n: doc.version_count }),
      openPath: openPath(ctx, process.slug, doc),
      openLabel: t('comments.pickOpen', { title: doc.title, n: doc.version_count }),
    })),
  };
}
