import { can } from '../../platform/auth/policies.js';
import { formatDate, type Lang } from '../../platform/i18n/i18n.js';
import { pick } from '../../platform/i18n/pick.js';
import { localPath, type ModelCtx } from '../../platform/web/context.js';
import type { Crumb } from '../../platform/web/components/breadcrumb.js';
import { documentPath, type DocumentRow } from '../documents/index.js';
import type { WorkingGroup } from '../groups/index.js';
import { processCrumb, type Process, type StakeholderGroup } from '../processes/index.js';
import type { FinalReportRow } from './recommendations.repository.js';
import type { Priority } from './recommendations.tables.js';
import { recommendationPath, type ConsensusResult, type RecommendationDetail } from './recommendations.service.js';
import { consensusCallPath, recommendationUrl, sectionPath } from './recommendations.presenter.js';
import { finalReportPath, type FinalReport } from './final-report.service.js';

/**
 * Page presenters: records in, the model a view lays out (in the reader's language, with the
 * `can…` flags the page needs) out. The API's presenter is recommendations.presenter.ts.
 */

/** Who should act on a recommendation. */
export interface AddresseeModel {
  id: string;
  name: string;
  kind: 'stakeholder_group' | 'organisation';
}

/** The facts of a recommendation: priority, working group, section, consensus and addressees. */
export interface RecommendationFactsModel {
  priority: Priority;
  group: { name: string; path: string } | null;
  /** The section it came from: its document's title (in the document's language) and the section's label. */
  section: { title: string; lang: Lang; label: string | null; path: string } | null;
  /** The consensus call behind it (null: none): its outcome when declared, with the day. */
  consensus: { outcome: ConsensusResult['outcome']; date: string; callPath: string } | null;
  addressees: AddresseeModel[];
}

function factsOf(ctx: ModelCtx, process: Pick<Process, 'slug' | 'timezone'>, d: RecommendationDetail, consensus: ConsensusResult | undefined): RecommendationFactsModel {
  const { lang } = ctx;
  const callId = d.row.consensus_call_id;
  return {
    priority: d.row.priority,
    group: d.group ? { name: pick(lang, d.group, 'name'), path: localPath(lang, `/processes/${process.slug}/groups/${d.group.slug}`) } : null,
    section: d.section
      ? { title: d.section.documentTitle, lang: d.section.documentLang, label: d.section.anchor ? (d.section.label ?? d.section.anchor) : null, path: localPath(lang, sectionPath(process.slug, d.section)) }
      : null,
    consensus: callId
      ? {
          outcome: consensus?.outcome ?? null,
          date: consensus?.outcome && consensus.decidedAt ? formatDate(lang, consensus.decidedAt, process.timezone) : '',
          callPath: localPath(lang, consensusCallPath(process.slug, callId)),
        }
      : null,
    addressees: d.addressees.map((a) => ({ id: a.id, name: pick(lang, a, 'name'), kind: a.kind })),
  };
}

/** A recommendation's permanent page. */
export interface RecommendationPageModel {
  number: string;
  title: string;
  processCrumb: Crumb;
  listPath: string;
  /** Editing, for the oversight committee; else null. */
  editPath: string | null;
  facts: RecommendationFactsModel;
  /** Markdown in the reader's language. */
  text: string;
  /** The absolute address to cite. */
  url: string;
  updatedOn: string;
  /** Its entry in the process's tracker (the accountability module's page, which anchors each recommendation as #rec-<number>). */
  trackerPath: string;
}

export function recommendationPage(r: { process: Process; d: RecommendationDetail; consensus: ConsensusResult | undefined; baseUrl: string }, ctx: ModelCtx): RecommendationPageModel {
  const { lang } = ctx;
  const { process, d } = r;
  return {
    number: d.row.number,
    title: pick(lang, d.row, 'title'),
    processCrumb: processCrumb(lang, process),
    listPath: localPath(lang, recommendationPath(process.slug)),
    editPath: can(ctx.actor, 'recommendation.update', { processId: process.id }) ? localPath(lang, `${recommendationPath(process.slug, d.row.number)}/edit`) : null,
    facts: factsOf(ctx, process, d, r.consensus),
    text: pick(lang, d.row, 'text'),
    url: recommendationUrl(r.baseUrl, lang, process.slug, d.row.number),
    updatedOn: formatDate(lang, d.row.updated_at, process.timezone),
    trackerPath: localPath(lang, `/processes/${process.slug}/tracker#rec-${d.row.number}`),
  };
}

/** A row of the list of recommendations. */
export interface RecommendationRowModel {
  id: string;
  number: string;
  title: string;
  path: string;
  priority: Priority;
  /** The addressees' names; empty when there are none. */
  addressees: string[];
}

/** The recommendations of a process, and the final report when published. */
export interface RecommendationListPageModel {
  processTitle: string;
  processCrumb: Crumb;
  /** The published final report, or null. */
  report: { path: string; publishedOn: string } | null;
  /** Creating a recommendation, for the oversight committee; else null. */
  newPath: string | null;
  /** Publishing the final report, for the oversight committee; else null. */
  publishPath: string | null;
  items: RecommendationRowModel[];
}

export function recommendationListPage(r: { process: Process; items: RecommendationDetail[]; report: FinalReportRow | undefined }, ctx: ModelCtx): RecommendationListPageModel {
  const { lang, actor } = ctx;
  const { process } = r;
  const scope = { processId: process.id };
  return {
    processTitle: pick(lang, process, 'title'),
    processCrumb: processCrumb(lang, process),
    report: r.report ? { path: localPath(lang, finalReportPath(process.slug)), publishedOn: formatDate(lang, r.report.published_at, process.timezone) } : null,
    newPath: can(actor, 'recommendation.create', scope) ? localPath(lang, `${recommendationPath(process.slug)}/new`) : null,
    publishPath: can(actor, 'report.publish', scope) ? localPath(lang, finalReportPath(process.slug, '/publish')) : null,
    items: r.items.map((d) => ({
      id: d.row.id,
      number: d.row.number,
      title: pick(lang, d.row, 'title'),
      path: localPath(lang, recommendationPath(process.slug, d.row.number)),
      priority: d.row.priority,
      addressees: d.addressees.map((a) => pick(lang, a, 'name')),
    })),
  };
}

/** The form that publishes a document as the final report (or replaces it). */
export interface PublishReportPageModel {
  listPath: string;
  /** The report published now, or null. */
  current: { publishedOn: string; path: string } | null;
  /** The document published now, chosen unless the form says otherwise. */
  currentSlug: string | undefined;
  action: string;
  documents: { id: string; slug: string; title: string; lang: Lang; status: DocumentRow['status']; versionCount: number }[];
}

export function publishReportPage(r: { process: Process; documents: DocumentRow[]; current: FinalReportRow | undefined }, ctx: ModelCtx): PublishReportPageModel {
  const { lang } = ctx;
  const { process, current } = r;
  return {
    listPath: localPath(lang, recommendationPath(process.slug)),
    current: current ? { publishedOn: formatDate(lang, current.published_at, process.timezone), path: localPath(lang, finalReportPath(process.slug)) } : null,
    currentSlug: r.documents.find((d) => d.id === current?.document_id)?.slug,
    action: localPath(lang, finalReportPath(process.slug, '/publish')),
    documents: r.documents.map((d) => ({ id: d.id, slug: d.slug, title: d.title, lang: d.lang, status: d.status, versionCount: d.version_count })),
  };
}

/** The choices the recommendation form offers, from the process. */
export interface FormChoicesModel {
  groups: { id: string; slug: string; name: string }[];
  documents: { id: string; slug: string; title: string; lang: Lang }[];
  stakeholderGroups: { id: string; name: string }[];
  organisations: { id: string; name: string }[];
}

/** The create or edit form of a recommendation; the number is asked only when creating. */
export interface RecommendationFormPageModel {
  title: string;
  action: string;
  back: Crumb;
  /** The recommendation's number when editing; undefined when creating. */
  number: string | undefined;
  choices: FormChoicesModel;
}

/** What the form's choices are made from. */
export interface FormChoiceRecords {
  groups: WorkingGroup[];
  documents: DocumentRow[];
  stakeholderGroups: StakeholderGroup[];
  organisations: { id: string; name: string }[];
}

export function recommendationFormPage(r: { process: Process; number: string | undefined; choices: FormChoiceRecords }, ctx: ModelCtx): RecommendationFormPageModel {
  const { lang, t } = ctx;
  const { process, number, choices } = r;
  const list = recommendationPath(process.slug);
  return {
    title: number === undefined ? t('recommendations.newTitle') : t('recommendations.editTitle', { number }),
    action: localPath(lang, number === undefined ? list : recommendationPath(process.slug, number)),
    back:
      number === undefined
        ? { href: localPath(lang, list), label: t('recommendations.listTitle') }
        : { href: localPath(lang, recommendationPath(process.slug, number)), label: t('recommendations.numbered', { number }) },
    number,
    choices: {
      groups: choices.groups.map((g) => ({ id: g.id, slug: g.slug, name: pick(lang, g, 'name') })),
      documents: choices.documents.map((d) => ({ id: d.id, slug: d.slug, title: d.title, lang: d.lang })),
      stakeholderGroups: choices.stakeholderGroups.map((s) => ({ id: s.id, name: pick(lang, s, 'name') })),
      organisations: choices.organisations.map((o) => ({ id: o.id, name: o.name })),
    },
  };
}

/** One recommendation as a section of the final report. */
export interface RecommendationSectionModel {
  id: string;
  number: string;
  title: string;
  facts: RecommendationFactsModel;
  /** Markdown in the reader's language. */
  text: string;
  path: string;
  /** The absolute permanent address. */
  url: string;
}

/** The final report (page and printable page). */
export interface FinalReportPageModel {
  /** The version's title, in the document's language. */
  title: string;
  docLang: Lang;
  processTitle: string;
  processCrumb: Crumb;
  publishedOn: string;
  versionNumber: number;
  printPath: string;
  pdfPath: string;
  sourcePath: string;
  blocks: { anchor: string; kind: string; label: string; html: string }[];
  recommendations: RecommendationSectionModel[];
}

export function finalReportPage(r: { process: Process; f: FinalReport; baseUrl: string }, ctx: ModelCtx): FinalReportPageModel {
  const { lang } = ctx;
  const { process, f } = r;
  return {
    title: f.version.title,
    docLang: f.document.lang,
    processTitle: pick(lang, process, 'title'),
    processCrumb: processCrumb(lang, process),
    publishedOn: formatDate(lang, f.report.published_at, process.timezone),
    versionNumber: f.version.number,
    printPath: localPath(lang, finalReportPath(process.slug, '/print')),
    pdfPath: localPath(lang, finalReportPath(process.slug, '.pdf')),
    sourcePath: localPath(lang, `${documentPath(process.slug, f.document.slug)}/versions/${f.version.number}`),
    blocks: f.blocks.map((b) => ({ anchor: b.anchor, kind: b.kind, label: b.label, html: b.html })),
    recommendations: f.recommendations.map((d) => {
      const path = localPath(lang, recommendationPath(process.slug, d.row.number));
      return {
        id: d.row.id,
        number: d.row.number,
        title: pick(lang, d.row, 'title'),
        facts: factsOf(ctx, process, d, d.row.consensus_call_id ? f.consensus.get(d.row.consensus_call_id) : undefined),
        text: pick(lang, d.row, 'text'),
        path,
        url: `${r.baseUrl}${path}`,
      };
    }),
  };
}
