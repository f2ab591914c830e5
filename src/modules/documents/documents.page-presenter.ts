import { can } from '../../platform/auth/policies.js';
import { formatDateTime, type Lang } from '../../platform/i18n/i18n.js';
import { pick } from '../../platform/i18n/pick.js';
import { formatInstant } from '../../platform/time/zoned.js';
import { timeLeftWords } from '../../platform/time/time-left.js';
import { localPath, type ModelCtx } from '../../platform/web/context.js';
import type { Crumb } from '../../platform/web/components/breadcrumb.js';
import { namedSentence, personName, type NamedSentenceModel, type PersonNameModel } from '../../platform/web/components/person-name.js';
import type { WorkingGroup } from '../groups/index.js';
import { processCrumb, type Process } from '../processes/index.js';
import type { BlockRow, DocumentRow, VersionListItem } from './documents.repository.js';
import type { DocumentPage } from './documents.reading.js';
import { DOCUMENT_KINDS } from './documents.schema.js';
import type { DocumentStatus } from './documents.tables.js';
import { STATUS_ORDER, documentPath } from './documents.service.js';

/**
 * Page presenters: records in, the model a view lays out (in the reader's language, with the
 * `can…` flags the page needs) out. The API's presenter is documents.presenter.ts; the pages
 * around a document (history, print, comparison, anchors, side by side) are presented in
 * documents.reading.page-presenter.ts.
 */

/** A value and its label, for a select. */
export interface Choice {
  value: string;
  label: string;
}

/** Another language's document of the same text: where it is and its language's name. */
export interface TranslationLinkModel {
  id: string;
  lang: Lang;
  langName: string;
  path: string;
}

/** The language name of a document, in the reader's language. */
export const langName = (ctx: ModelCtx, lang: Lang) => ctx.t(`documents.langs.${lang}`);

/** Who a document belongs to, in the reader's language: a working group's name or "Process". */
function ownerName(ctx: ModelCtx, doc: DocumentRow, groups: readonly WorkingGroup[]): string {
  const g = doc.group_id ? groups.find((x) => x.id === doc.group_id) : undefined;
  return g ? pick(ctx.lang, g, 'name') : ctx.t('documents.processDocument');
}

const translationLink = (ctx: ModelCtx, processSlug: string, d: DocumentRow): TranslationLinkModel => ({
  id: d.id,
  lang: d.lang,
  langName: langName(ctx, d.lang),
  path: localPath(ctx.lang, documentPath(processSlug, d.slug)),
});

/** Where a document's page is, the way each of its pages links back to it. */
export const docBase = (process: Pick<Process, 'slug'>, doc: Pick<DocumentRow, 'slug'>) => documentPath(process.slug, doc.slug);

// ---- The list and the forms -----------------------------------------------------------------

/** A document in the process's list. */
export interface DocumentItemModel {
  id: string;
  title: string;
  lang: Lang;
  langName: string;
  path: string;
  membersOnly: boolean;
  owner: string;
  kind: string;
  status: string;
  versionCount: number;
  translations: TranslationLinkModel[];
}

/** The documents of a process and its groups, and the creation links this reader may use. */
export interface DocumentListPageModel {
  /** The process's title in the reader's language. */
  processTitle: string;
  processCrumb: Crumb;
  /** Creating a process document; null when the reader may not. */
  newPath: string | null;
  /** Creating one for a group, for those who may write for some groups but not the process. */
  newForGroups: { id: string; name: string; path: string }[];
  docs: DocumentItemModel[];
}

/** Whether the reader may create the process's own documents, and for which groups otherwise. */
function creatable(ctx: ModelCtx, process: Process, groups: readonly WorkingGroup[]): { forProcess: boolean; groups: WorkingGroup[] } {
  const forProcess = can(ctx.actor, 'document.create', { processId: process.id });
  return { forProcess, groups: groups.filter((g) => forProcess || can(ctx.actor, 'document.create', { processId: process.id, groupId: g.id })) };
}

export function documentListPage(r: { process: Process; docs: DocumentRow[]; groups: WorkingGroup[] }, ctx: ModelCtx): DocumentListPageModel {
  const { lang, t } = ctx;
  const { process } = r;
  const newPath = `/processes/${process.slug}/documents/new`;
  const may = creatable(ctx, process, r.groups);
  return {
    processTitle: pick(lang, process, 'title'),
    processCrumb: processCrumb(lang, process),
    newPath: may.forProcess ? localPath(lang, newPath) : null,
    // One button for the process's documents covers every group (the form lets them choose).
    newForGroups: may.forProcess ? [] : may.groups.map((g) => ({ id: g.id, name: pick(lang, g, 'name'), path: localPath(lang, `${newPath}?group=${encodeURIComponent(g.slug)}`) })),
    docs: r.docs.map((d) => ({
      id: d.id,
      title: d.title,
      lang: d.lang,
      langName: langName(ctx, d.lang),
      path: localPath(lang, documentPath(process.slug, d.slug)),
      membersOnly: d.members_only,
      owner: ownerName(ctx, d, r.groups),
      kind: t(`documents.kinds.${d.kind}`),
      status: t(`documents.statuses.${d.status}`),
      versionCount: d.version_count,
      translations: r.docs.filter((x) => x.translation_key === d.translation_key && x.id !== d.id).map((x) => translationLink(ctx, process.slug, x)),
    })),
  };
}

/** The creation form: where it posts and the choices of its selects. */
export interface NewDocumentPageModel {
  action: string;
  /** The process itself (value '') when the reader may write for it, then the groups they may write for. */
  owners: Choice[];
  kinds: Choice[];
  langs: Choice[];
  /** "Not a translation" (value ''), then the documents it may translate. */
  originals: Choice[];
  /** The document's language unless the form says otherwise: the reader's. */
  defaultLang: Lang;
}

export function newDocumentPage(r: { process: Process; groups: WorkingGroup[]; originals: DocumentRow[] }, ctx: ModelCtx): NewDocumentPageModel {
  const { lang, t } = ctx;
  const may = creatable(ctx, r.process, r.groups);
  return {
    action: localPath(lang, `/processes/${r.process.slug}/documents/new`),
    owners: [...(may.forProcess ? [{ value: '', label: t('documents.fields.groupNone') }] : []), ...may.groups.map((g) => ({ value: g.slug, label: pick(lang, g, 'name') }))],
    kinds: DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`documents.kinds.${k}`) })),
    langs: (['en', 'fr'] as const).map((l) => ({ value: l, label: langName(ctx, l) })),
    originals: [{ value: '', label: t('documents.fields.translationNone') }, ...r.originals.map((d) => ({ value: d.slug, label: `${d.title} (${langName(ctx, d.lang)})` }))],
    defaultLang: lang,
  };
}

/** The new-version form. */
export interface EditDocumentPageModel {
  title: string;
  action: string;
  /** The version the form starts from, and the one it will save. */
  current: number;
  next: number;
}

export function editDocumentPage(r: { process: Process; doc: DocumentRow }, ctx: ModelCtx): EditDocumentPageModel {
  const { doc } = r;
  return { title: doc.title, action: localPath(ctx.lang, `${docBase(r.process, doc)}/edit`), current: doc.version_count, next: doc.version_count + 1 };
}

// ---- A document's page ----------------------------------------------------------------------

/** The comment margin of one block: its count and, while the period is open, where to comment. */
export interface BlockMarginModel {
  count: number;
  listPath: string;
  /** Null unless the period is open. */
  createPath: string | null;
}

/** One block of a version as a page shows it. */
export interface BlockModel {
  anchor: string;
  kind: BlockRow['kind'];
  label: string;
  /** The block's stored HTML (see BlockHtml). */
  html: string;
  /** The anchor's permanent address, which follows the paragraph into later versions. */
  permalinkPath: string;
  /** Null when no comment period covers the version shown. */
  margin: BlockMarginModel | null;
}

/** Where the comment links of a paragraph (or, with no anchor, of the whole document) point: the comments module's pages. */
function commentLinks(lang: Lang, processSlug: string, docSlug: string, periodId: string, anchor: string | null) {
  const base = `/processes/${processSlug}/comment-periods/${periodId}/comments`;
  const q = `document=${encodeURIComponent(docSlug)}${anchor ? `&anchor=${encodeURIComponent(anchor)}` : ''}`;
  return { list: localPath(lang, `${base}?${q}`), create: localPath(lang, `${base}/new?${q}#comment-form`) };
}

/** The comment period's box at the top of a document's page. */
export interface PeriodBoxModel {
  /** Its state in a sentence, its times in the period's own zone. */
  state: string;
  /** Whether the period is about the version shown (else it links to that version). */
  here: boolean;
  /** Commenting on the whole document: while open, on the period's version; else null. */
  commentPath: string | null;
  /** Every comment on the document, when there are some and the period is about this version. */
  all: { path: string; count: number } | null;
  /** The period's version when another is shown. */
  otherVersion: { n: number; path: string } | null;
}

/** A version of a document and what its page links to. */
export interface DocumentPageModel {
  title: string;
  /** The document's language (for `lang` on its text). */
  lang: Lang;
  number: number;
  count: number;
  date: string;
  /** "Version n of count, saved on date by author.", cut around the author's name for its staff badge. */
  versionLine: NamedSentenceModel;
  status: string;
  owner: string;
  membersOnly: boolean;
  processCrumb: Crumb;
  listPath: string;
  /** The current version's page when an older one is shown; null when this is the current one. */
  currentPath: string | null;
  historyPath: string;
  /** What changed since the version before; null for version 1. */
  changeSincePath: string | null;
  translations: TranslationLinkModel[];
  /** Reading it beside its first translation; null without one. */
  sideBySide: { path: string; langName: string } | null;
  markdownPath: string;
  printPath: string;
  /** The new-version form, for those who may edit, on the current version of a document not superseded; else null. */
  editPath: string | null;
  /** The status form, for those who may edit, on the current version while a later status remains; else null. */
  statusForm: { action: string; current: string; options: Choice[] } | null;
  period: PeriodBoxModel | null;
  blocks: BlockModel[];
  /** The blocks carry a comment margin. */
  withMargin: boolean;
  /** Comments may be written inline (the period is open on this version). */
  inlineComments: boolean;
}

function periodBox(ctx: ModelCtx, process: Process, page: DocumentPage, here: boolean): PeriodBoxModel {
  const { lang, t } = ctx;
  const m = page.margin!;
  // In the period's own zone, named in the text ("… 5:00:00 p.m. EDT"), as the period page
  // shows it: the process's zone can differ from the one the period was announced in.
  const when = (d: Date) => formatInstant(lang, d, m.timeZone);
  const left = m.left ? timeLeftWords(t, m.left) : '';
  const links = commentLinks(lang, process.slug, page.doc.slug, m.periodId, null);
  const state =
    m.state === 'open'
      ? t('documents.margin.open', { closes: when(m.closesAt), left })
      : m.state === 'upcoming'
        ? t('documents.margin.upcoming', { opens: when(m.opensAt), left })
        : t('documents.margin.closed', { closes: when(m.closesAt) });
  return {
    state,
    here,
    commentPath: here && m.state === 'open' ? links.create : null,
    all: here && m.total > 0 ? { path: links.list, count: m.total } : null,
    otherVersion: !here && page.marginVersion !== null ? { n: page.marginVersion, path: localPath(lang, `${docBase(process, page.doc)}/versions/${page.marginVersion}`) } : null,
  };
}

/** A version's author with their staff badge, or "a former member" for an account since deleted. */
export function versionAuthor(ctx: ModelCtx, v: Pick<VersionListItem, 'author_name' | 'author_staff'>): PersonNameModel {
  return v.author_name === null ? personName(ctx.t, ctx.t('documents.unknownAuthor'), null) : personName(ctx.t, v.author_name, v.author_staff);
}

export function documentPageModel(r: { process: Process; page: DocumentPage }, ctx: ModelCtx): DocumentPageModel {
  const { lang, t } = ctx;
  const { process, page } = r;
  const { doc, version, margin } = page;
  const base = docBase(process, doc);
  const isCurrent = version.number === doc.version_count;
  const mayEdit = can(ctx.actor, 'document.edit', { processId: doc.process_id, groupId: doc.group_id ?? undefined });
  const marginHere = margin !== null && margin.versionId === version.id;
  const nextStatuses = STATUS_ORDER.slice(STATUS_ORDER.indexOf(doc.status) + 1);
  const status = (s: DocumentStatus) => t(`documents.statuses.${s}`);
  const first = page.translations[0];
  return {
    title: version.title,
    lang: doc.lang,
    number: version.number,
    count: doc.version_count,
    date: formatDateTime(lang, version.created_at, process.timezone),
    versionLine: namedSentence(t, 'documents.versionLine', { n: version.number, count: doc.version_count, date: formatDateTime(lang, version.created_at, process.timezone) }, 'author', versionAuthor(ctx, version)),
    status: status(doc.status),
    owner: ownerName(ctx, doc, page.groups),
    membersOnly: doc.members_only,
    processCrumb: processCrumb(lang, process),
    listPath: localPath(lang, `/processes/${process.slug}/documents`),
    currentPath: isCurrent ? null : localPath(lang, base),
    historyPath: localPath(lang, `${base}/versions`),
    changeSincePath: version.number > 1 ? localPath(lang, `${base}/compare?from=${version.number - 1}&to=${version.number}`) : null,
    translations: page.translations.map((tr) => translationLink(ctx, process.slug, tr)),
    sideBySide: first ? { path: localPath(lang, `${base}/side-by-side`), langName: langName(ctx, first.lang) } : null,
    markdownPath: localPath(lang, `${base}/versions/${version.number}/markdown`),
    printPath: localPath(lang, `${base}/versions/${version.number}/print`),
    editPath: mayEdit && isCurrent && doc.status !== 'superseded' ? localPath(lang, `${base}/edit`) : null,
    statusForm: mayEdit && isCurrent && nextStatuses.length > 0 ? { action: localPath(lang, `${base}/status`), current: status(doc.status), options: nextStatuses.map((s) => ({ value: s, label: status(s) })) } : null,
    // The box shows on the current version, and on the version the period is about.
    period: margin && (isCurrent || marginHere) ? periodBox(ctx, process, page, marginHere) : null,
    blocks: page.blocks.map((b) => {
      const links = marginHere ? commentLinks(lang, process.slug, doc.slug, margin.periodId, b.anchor) : null;
      return {
        anchor: b.anchor,
        kind: b.kind,
        label: b.label,
        html: b.html,
        permalinkPath: localPath(lang, `${base}/anchors/${b.anchor}`),
        margin: links && { count: margin!.counts[b.anchor] ?? 0, listPath: links.list, createPath: margin!.state === 'open' ? links.create : null },
      };
    }),
    withMargin: marginHere,
    inlineComments: marginHere && margin.state === 'open',
  };
}
