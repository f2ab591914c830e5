import { formatDateTime, type Lang } from '../../platform/i18n/i18n.js';
import { localPath, type ModelCtx } from '../../platform/web/context.js';
import type { Process } from '../processes/index.js';
import type { BlockRow, DocumentRow, VersionListItem, VersionRow } from './documents.repository.js';
import type { BlockDiff, DiffSummary, WordOp } from './documents.diff.js';
import type { AnchorWhereabouts, Comparison, SideBySide } from './documents.reading.js';
import { documentPath } from './documents.service.js';
import { docBase, langName, versionAuthor, type Choice } from './documents.page-presenter.js';
import type { PersonNameModel } from '../../platform/web/components/person-name.js';

/**
 * Page presenters of the pages around a document, as documents.reading.ts reads them: its
 * history, a version to print, two versions compared, where a removed paragraph went, and
 * a translation side by side. A document's own page is in documents.page-presenter.ts.
 */

/** What every page about one document links back to. */
interface DocumentHeader {
  /** The document's title and language. */
  docTitle: string;
  docLang: Lang;
  docPath: string;
}

const header = (ctx: ModelCtx, process: Process, doc: DocumentRow): DocumentHeader => ({ docTitle: doc.title, docLang: doc.lang, docPath: localPath(ctx.lang, docBase(process, doc)) });

/** Every version of a document. */
export interface HistoryPageModel extends DocumentHeader {
  listPath: string;
  /** First against last; null with one version. */
  comparePath: string | null;
  versions: { id: string; number: number; path: string; /** The author with their staff badge. */ author: PersonNameModel; date: string; message: string; previous: { n: number; path: string } | null }[];
}

export function historyPage(r: { process: Process; doc: DocumentRow; versions: VersionListItem[] }, ctx: ModelCtx): HistoryPageModel {
  const { lang } = ctx;
  const { process, doc } = r;
  const base = docBase(process, doc);
  return {
    ...header(ctx, process, doc),
    listPath: localPath(lang, `/processes/${process.slug}/documents`),
    comparePath: r.versions.length > 1 ? localPath(lang, `${base}/compare?from=1&to=${doc.version_count}`) : null,
    versions: r.versions.map((v) => ({
      id: v.id,
      number: v.number,
      path: localPath(lang, `${base}/versions/${v.number}`),
      author: versionAuthor(ctx, v),
      date: formatDateTime(lang, v.created_at, process.timezone),
      message: v.message || '—',
      previous: v.number > 1 ? { n: v.number - 1, path: localPath(lang, `${base}/compare?from=${v.number - 1}&to=${v.number}`) } : null,
    })),
  };
}

/** A version as a printable page. */
export interface PrintPageModel {
  title: string;
  /** The document's language: the printed page's. */
  lang: Lang;
  number: number;
  date: string;
  /** The version's address on this installation, printed under the title. */
  url: string;
  blocks: { anchor: string; kind: BlockRow['kind']; label: string; html: string }[];
}

export function printPage(r: { process: Process; doc: DocumentRow; version: VersionRow; blocks: readonly BlockRow[]; baseUrl: string }, ctx: ModelCtx): PrintPageModel {
  const { process, doc, version: v } = r;
  return {
    title: v.title,
    lang: doc.lang,
    number: v.number,
    date: formatDateTime(ctx.lang, v.created_at, process.timezone),
    url: `${r.baseUrl}${localPath(ctx.lang, `${docBase(process, doc)}/versions/${v.number}`)}`,
    blocks: r.blocks.map((b) => ({ anchor: b.anchor, kind: b.kind, label: b.label, html: b.html })),
  };
}

/**
 * "12 paragraphs changed, 2 added, 1 removed": the counts that are not zero, pluralised.
 * @example summaryText(t, { changed: 1, added: 0, removed: 2, moved: 0, same: 9 }) // '1 paragraph changed, 2 removed'
 */
export function summaryText(t: ModelCtx['t'], s: DiffSummary): string {
  const parts = (['changed', 'added', 'removed', 'moved'] as const).filter((k) => s[k] > 0).map((k) => t(`documents.summary.${k}`, { count: s[k] }));
  return parts.length === 0 ? t('documents.summary.none') : parts.join(', ');
}

/** A block that changed between two versions, word by word. */
export interface BlockChangeModel {
  key: string;
  status: BlockDiff['status'];
  /** The status in words. */
  statusText: string;
  label: string;
  /** The block in the later version; null when it was removed. */
  path: string | null;
  ops: WordOp[];
}

/** Two versions compared. */
export interface ComparePageModel extends DocumentHeader {
  historyPath: string;
  /** The GET form choosing the versions. */
  action: string;
  numbers: number[];
  from: number;
  to: number;
  summary: string;
  changed: BlockChangeModel[];
  /** How many blocks are the same (left out of the page). */
  same: number;
}

export function comparePage(r: { process: Process; doc: DocumentRow; comparison: Comparison }, ctx: ModelCtx): ComparePageModel {
  const { lang, t } = ctx;
  const { process, doc, comparison: c } = r;
  const base = docBase(process, doc);
  const toPath = `${base}/versions/${c.to.number}`;
  return {
    ...header(ctx, process, doc),
    historyPath: localPath(lang, `${base}/versions`),
    action: localPath(lang, `${base}/compare`),
    numbers: Array.from({ length: doc.version_count }, (_, i) => i + 1),
    from: c.from.number,
    to: c.to.number,
    summary: summaryText(t, c.diff.summary),
    changed: c.diff.blocks
      .filter((b) => b.status !== 'same')
      .map((b) => ({
        key: `${b.status}-${b.anchor}`,
        status: b.status,
        statusText: t(`documents.blockStatus.${b.status}`),
        label: b.label,
        path: b.status === 'removed' ? null : localPath(lang, `${toPath}#${b.anchor}`),
        ops: b.ops,
      })),
    same: c.diff.summary.same,
  };
}

/** Where a paragraph no longer in the current version went. */
export interface AnchorPageModel extends DocumentHeader {
  removedIn: number;
  /** Its last text, and the version that had it. */
  last: { label: string; number: number; html: string; path: string };
  /** The block it became: merged into it, or rewritten as it; null when it is gone. */
  successor: { label: string; path: string; merged: boolean } | null;
}

export function anchorPage(r: { process: Process; doc: DocumentRow; where: Extract<AnchorWhereabouts, { state: 'removed' }> }, ctx: ModelCtx): AnchorPageModel {
  const { lang } = ctx;
  const { process, doc, where } = r;
  const base = docBase(process, doc);
  return {
    ...header(ctx, process, doc),
    removedIn: where.removedIn,
    last: { label: where.last.label, number: where.last.number, html: where.last.html, path: localPath(lang, `${base}/versions/${where.last.number}#${where.last.anchor}`) },
    successor: where.successor && { label: where.successor.label, path: localPath(lang, `${base}#${where.successor.anchor}`), merged: where.merged },
  };
}

/** One column of a side-by-side reading. */
export interface SideColumnModel {
  /** The form field choosing its version. */
  name: 'left' | 'right';
  lang: Lang;
  langName: string;
  path: string;
  numbers: number[];
  /** The version shown, when it has one. */
  selected: number | undefined;
}

/** A document and its translation in two columns. */
export interface SideBySidePageModel extends DocumentHeader {
  /** Null when the document has no translation the reader may see. */
  side: {
    action: string;
    /** The translations to choose from, when there are several; else empty. */
    choices: (Choice & { selected: boolean })[];
    left: SideColumnModel;
    right: SideColumnModel;
    leftTitle: string;
    rightTitle: string;
    aligned: boolean;
    /** Blocks on each side, said when they differ. */
    leftCount: number;
    rightCount: number;
    rows: { left: { label: string; html: string } | null; right: { label: string; html: string } | null }[];
  } | null;
}

export function sideBySidePage(r: { process: Process; doc: DocumentRow; side: SideBySide | null; translations: DocumentRow[] }, ctx: ModelCtx): SideBySidePageModel {
  const { lang } = ctx;
  const { process, doc, side } = r;
  const column = (name: 'left' | 'right', d: DocumentRow, version: VersionRow | undefined): SideColumnModel => ({
    name,
    lang: d.lang,
    langName: langName(ctx, d.lang),
    path: localPath(lang, documentPath(process.slug, d.slug)),
    numbers: Array.from({ length: d.version_count }, (_, i) => i + 1),
    selected: version?.number,
  });
  const cell = (b: BlockRow | null) => b && { label: b.label, html: b.html };
  return {
    ...header(ctx, process, doc),
    side: side && {
      action: localPath(lang, `${docBase(process, doc)}/side-by-side`),
      choices: r.translations.length > 1 ? r.translations.map((d) => ({ value: d.slug, label: `${d.title} (${langName(ctx, d.lang)})`, selected: d.id === side.right.id })) : [],
      left: column('left', side.left, side.leftVersion),
      right: column('right', side.right, side.rightVersion),
      leftTitle: side.left.title,
      rightTitle: side.right.title,
      aligned: side.aligned,
      leftCount: side.rows.filter((x) => x.left).length,
      rightCount: side.rows.filter((x) => x.right).length,
      rows: side.rows.map((x) => ({ left: cell(x.left), right: cell(x.right) })),
    },
  };
}
