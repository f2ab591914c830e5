import { can } from '../../platform/auth/policies.js';
import { formatDate, formatDateTime, formatDateTimeSeconds, formatNumber, formatPercent } from '../../platform/i18n/i18n.js';
import { pick } from '../../platform/i18n/pick.js';
import { formatInstant } from '../../platform/time/zoned.js';
import { timeLeft, timeLeftWords } from '../../platform/time/time-left.js';
import { localPath, type ModelCtx } from '../../platform/web/context.js';
import type { Crumb } from '../../platform/web/components/breadcrumb.js';
import { personName, type PersonNameModel } from '../../platform/web/components/person-name.js';
import { textLimit } from '../../platform/web/components/forms.js';
import type { Process, StakeholderGroup } from '../processes/index.js';
import { maxFileMiB } from '../files/index.js';
import type { Comment, CommentReport, CommentRow } from './comments.repository.js';
import { HIDDEN_REASONS, type ListQuery } from './comments.schema.js';
import { commentPath } from './comments.service.js';
import { MAX_COMMENT_CHARS } from './comments.text.js';
import { receivedAt } from './comments.presenter.js';
import { BURST_MIN, type Signals } from './comments.signals.js';
import type { CommentPage } from './listing.service.js';
import type { CampaignCount } from './comments.slots.js';
import { paragraphPath, periodPath, periodState, type CoveredDocument, type Paragraph, type PeriodDetail } from './periods.service.js';

/**
 * Page presenters for a period's comment pages: records in, the model a view lays out (in
 * the reader's language, with the `can…` flags decided here) out. The API's presenter is
 * comments.presenter.ts; the period pages' is periods.page-presenter.ts, the responses'
 * dispositions.page-presenter.ts.
 */

/** Paragraph labels and texts per covered document id, for showing where a comment points. */
export type ParagraphMaps = Map<string, Map<string, Paragraph>>;

type Values = Record<string, string | undefined>;

/** A period's name: "Comment period: <title of the version asked about>", in the reader's language when a translation is covered. */
export function periodTitle(ctx: ModelCtx, d: PeriodDetail): string {
  const doc = d.documents.find((x) => x.document.lang === ctx.lang) ?? d.documents[0]!;
  return ctx.t('comments.periodTitle', { title: doc.version.title });
}

/** The way back to a period from a page inside it: the periods, then the period. */
export function periodTrail(ctx: ModelCtx, slug: string, d: PeriodDetail): Crumb[] {
  return [
    { href: localPath(ctx.lang, `/processes/${slug}/comment-periods`), label: ctx.t('comments.periodsTitle') },
    { href: localPath(ctx.lang, periodPath(slug, d.period.id)), label: periodTitle(ctx, d) },
  ];
}

/** Where a period stands, in words (never by colour alone): the state's badge and its sentence. */
export interface WindowModel {
  badge: string;
  line: string;
}

/** "Open until …, closes in 3 days, 4 hours", or "This comment period closed on …", at `now`. */
export function windowModel(ctx: ModelCtx, d: PeriodDetail, now: Date): WindowModel {
  const { t, lang } = ctx;
  const p = d.period;
  const state = periodState(p, now);
  const opens = formatInstant(lang, p.opens_at, p.time_zone);
  const closes = formatInstant(lang, p.closes_at, p.time_zone);
  const left = state === 'open' ? timeLeft(p.closes_at, now) : state === 'upcoming' ? timeLeft(p.opens_at, now) : null;
  return { badge: t(`comments.states.${state}`), line: t(`comments.stateLine.${state}`, { opens, closes, left: left ? timeLeftWords(t, left) : '' }) };
}

/** One comment as listings show it. Hidden ones keep their receipt, date and place, never their text or name. */
export interface CommentEntryModel {
  id: string;
  /** The sender's name, or "Hidden comment <receipt>". */
  title: string;
  /** The sender's name with its staff badge; null when hidden. */
  author: PersonNameModel | null;
  path: string;
  organisation: string | null;
  stakeholderGroup: string | null;
  createdIso: string;
  created: string;
  receipt: string;
  /** Where it points: the paragraph (or "General comment") linked on its version. */
  ref: { path: string; label: string } | null;
  /** The text and its language; null when hidden. */
  text: { body: string; lang: string } | null;
  /** What the public sees instead of a hidden comment's text. */
  tombstone: string | null;
  /** "12 people sent the same text", on the group's first comment. */
  sameText: { path: string; label: string } | null;
  /** "One campaign: 1,204 comments in 37 different texts", on the text that stands for it, linking to all its texts. */
  campaign: { path: string; label: string } | null;
  response: { heading: string; rationale: string; lang: string } | null;
}

function paragraphRef(ctx: ModelCtx, slug: string, d: PeriodDetail, paragraphs: ParagraphMaps, c: CommentRow): CommentEntryModel['ref'] {
  const covered = d.documents.find((x) => x.document.id === c.document_id);
  if (!covered) return null;
  const label = c.anchor ? (paragraphs.get(c.document_id)?.get(c.anchor)?.label ?? c.anchor) : null;
  const docLink = d.documents.length > 1 ? ` (${covered.version.title})` : '';
  return {
    path: localPath(ctx.lang, paragraphPath(slug, covered.document, covered.version, c.anchor)),
    label: `${label ? ctx.t('comments.onParagraph', { label }) : ctx.t('comments.general')}${docLink}`,
  };
}

/** The tombstone's sentence: the reason and the date, nothing of the text. */
function tombstone(ctx: ModelCtx, c: Pick<Comment, 'hidden_at' | 'hidden_reason'>, timeZone: string): string {
  return ctx.t('comments.tombstone', { date: c.hidden_at ? formatDate(ctx.lang, c.hidden_at, timeZone) : '', reason: ctx.t(`comments.reasons.${c.hidden_reason ?? 'spam'}`) });
}

/** The campaign line of a text that stands for a campaign of several texts (a listing folds the others under it). */
function campaignLine(ctx: ModelCtx, slug: string, c: CommentRow, campaigns: Map<string, CampaignCount> | undefined): CommentEntryModel['campaign'] {
  if (c.folded || c.status === 'hidden') return null;
  return campaignLink(ctx, `${periodPath(slug, c.period_id)}/comments`, c.campaign_id, campaigns);
}

/**
 * The link from a campaign's representative to all its texts, with its counts; null when the
 * campaign is one group (nothing is folded under it, "N people sent this text" says it all).
 */
export function campaignLink(ctx: ModelCtx, listing: string, campaignId: string | null, campaigns: Map<string, CampaignCount> | undefined): { path: string; label: string } | null {
  const counts = campaignId ? campaigns?.get(campaignId) : undefined;
  if (!counts || counts.groups < 2) return null;
  const n = formatNumber(ctx.lang, counts.comments);
  const label =
    counts.texts > 1
      ? ctx.t('comments.campaignLink', { count: counts.comments, n, texts: formatNumber(ctx.lang, counts.texts) })
      : ctx.t('comments.campaignLinkOneText', { count: counts.comments, n });
  return { path: `${localPath(ctx.lang, listing)}?campaign=${campaignId}`, label };
}

/**
 * One comment as a listing shows it. Given the page's campaign counts, the text that stands
 * for a campaign says so with its counts and links to every text of it.
 */
export function commentEntry(
  ctx: ModelCtx,
  r: { slug: string; d: PeriodDetail; c: CommentRow; groups: StakeholderGroup[]; paragraphs: ParagraphMaps; campaigns?: Map<string, CampaignCount> },
): CommentEntryModel {
  const { t, lang } = ctx;
  const { c, d } = r;
  const hidden = c.status === 'hidden';
  const group = hidden ? undefined : r.groups.find((g) => g.id === c.stakeholder_group_id);
  const path = localPath(lang, commentPath(r.slug, c.id));
  return {
    id: c.id,
    title: hidden ? t('comments.hiddenTitle', { receipt: c.receipt }) : c.display_name,
    author: hidden ? null : personName(t, c.display_name, c.author_staff),
    path,
    organisation: hidden ? null : c.organisation || null,
    stakeholderGroup: group ? pick(lang, group, 'name') : null,
    createdIso: c.created_at.toISOString(),
    created: formatDateTime(lang, c.created_at, d.period.time_zone),
    receipt: c.receipt,
    ref: paragraphRef(ctx, r.slug, d, r.paragraphs, c),
    text: hidden ? null : { body: c.body, lang: c.lang },
    tombstone: hidden ? tombstone(ctx, c, d.period.time_zone) : null,
    sameText: c.group_size > 1 && c.primary_comment_id === c.id ? { path: `${path}/duplicates`, label: t('comments.sameText', { count: c.group_size, n: formatNumber(lang, c.group_size) }) } : null,
    campaign: campaignLine(ctx, r.slug, c, r.campaigns),
    response:
      c.outcome && c.rationale ? { heading: t('comments.response', { outcome: t(`comments.outcomes.${c.outcome}`) }), rationale: c.rationale, lang: c.response_lang ?? lang } : null,
  };
}

/** A select of the listing's filter form; the first option ("any") is the view's. */
export interface FilterModel {
  name: string;
  label: string;
  value: string | undefined;
  options: [string, string][];
}

/** The public list of a period's comments, its filters and its First / Previous / Next / Last links. */
export interface CommentsListPageModel {
  title: string;
  trail: Crumb[];
  window: WindowModel;
  count: string;
  /**
   * How campaigns are shown: on the full listing, that each is listed once (when detection
   * folded some texts); on one campaign's texts, its counts and the way back.
   */
  campaigns: { text: string; all: string | null } | null;
  reportPath: string;
  /** Where the filter form (GET) goes. */
  action: string;
  /** The campaign the listing is narrowed to, kept when the filters change. */
  campaign: string | undefined;
  filters: FilterModel[];
  comments: CommentEntryModel[];
  pager: { first: string; previous: string | null; next: string | null; last: string };
}

type Filters = Pick<ListQuery, 'document' | 'anchor' | 'stakeholderGroup' | 'lang' | 'status' | 'campaign'>;

/** The query string of the current filters plus a cursor. */
function withFilters(f: Filters, cursor: Record<string, string>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) q.set(k, v);
  for (const [k, v] of Object.entries(cursor)) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

export interface CommentsListRecords {
  process: Process;
  d: PeriodDetail;
  page: CommentPage;
  filters: Filters;
  groups: StakeholderGroup[];
  paragraphs: ParagraphMaps;
  now: Date;
}

/** The listing's sentence about campaigns: each shown once, or the one campaign shown whole. */
function campaignsNote(ctx: ModelCtx, r: CommentsListRecords, base: string): CommentsListPageModel['campaigns'] {
  const { t, lang } = ctx;
  const id = r.filters.campaign;
  if (!id) return r.d.period.folded_texts > 0 ? { text: t('comments.campaignsFolded'), all: null } : null;
  const counts = r.page.campaigns.get(id);
  const text = counts
    ? t('comments.campaignNotice', { count: counts.comments, n: formatNumber(lang, counts.comments), texts: formatNumber(lang, counts.texts) })
    : t('comments.campaignNoticeUnknown');
  return { text, all: base };
}

export function commentsListPage(r: CommentsListRecords, ctx: ModelCtx): CommentsListPageModel {
  const { t, lang } = ctx;
  const { process, d, filters } = r;
  const period = periodPath(process.slug, d.period.id);
  const base = localPath(lang, `${period}/comments`);
  const chosen = d.documents.find((x) => x.document.slug === filters.document) ?? d.documents[0]!;
  const paragraphs = [...(r.paragraphs.get(chosen.document.id) ?? new Map<string, Paragraph>()).entries()].filter(([, p]) => p.kind !== 'rule');
  const list: FilterModel[] = [];
  if (d.documents.length > 1) list.push({ name: 'document', label: t('comments.filter.document'), value: filters.document, options: d.documents.map((c) => [c.document.slug, c.version.title]) });
  list.push(
    { name: 'anchor', label: t('comments.filter.paragraph'), value: filters.anchor, options: [['general', t('comments.general')], ...paragraphs.map(([a, p]): [string, string] => [a, p.label])] },
    { name: 'stakeholderGroup', label: t('comments.filter.stakeholderGroup'), value: filters.stakeholderGroup, options: r.groups.map((g) => [g.id, pick(lang, g, 'name')]) },
    { name: 'lang', label: t('comments.filter.lang'), value: filters.lang, options: [['en', 'English'], ['fr', 'Français']] },
    { name: 'status', label: t('comments.filter.status'), value: filters.status, options: (['answered', 'awaiting', 'hidden'] as const).map((s) => [s, t(`comments.statusFilter.${s}`)]) },
  );
  return {
    title: t('comments.listTitle', { title: periodTitle(ctx, d) }),
    trail: periodTrail(ctx, process.slug, d),
    window: windowModel(ctx, d, r.now),
    count: t('comments.count', { count: d.period.comment_count, n: formatNumber(lang, d.period.comment_count) }),
    campaigns: campaignsNote(ctx, r, base),
    reportPath: localPath(lang, `${period}/report`),
    action: base,
    campaign: filters.campaign || undefined,
    filters: list,
    comments: r.page.rows.map((c) => commentEntry(ctx, { slug: process.slug, d, c, groups: r.groups, paragraphs: r.paragraphs, campaigns: filters.campaign ? undefined : r.page.campaigns })),
    pager: {
      first: `${base}${withFilters(filters, {})}`,
      previous: r.page.previous ? `${base}${withFilters(filters, { before: r.page.previous })}` : null,
      next: r.page.next ? `${base}${withFilters(filters, { after: r.page.next })}` : null,
      last: `${base}${withFilters(filters, { last: '1' })}`,
    },
  };
}

/** The comment form, or why this person may not comment here. */
export interface CommentFormPageModel {
  title: string;
  trail: Crumb[];
  window: WindowModel;
  /** The paragraph commented on, quoted with its label; null for a general comment. */
  quote: { caption: string; text: string; lang: string } | null;
  /** "A general comment on …", when there is no quote. */
  generalOn: string;
  /** Why this person cannot comment here (closed, members only), or null. */
  refusal: string | null;
  action: string;
  document: string;
  anchor: string;
  textLabel: string;
  textHint: string;
  /** The text's limit, said after the hint and set as maxlength (the schema's number). */
  textLimit: { max: number; hint: string };
  stakeholderGroups: { value: string; label: string }[];
  fileHint: string;
  values: Values;
}

export interface CommentFormRecords {
  process: Process;
  d: PeriodDetail;
  covered: CoveredDocument;
  anchor: string | null;
  paragraph: Paragraph | undefined;
  groups: StakeholderGroup[];
  now: Date;
  /** The message key of the refusal, if any. */
  refusal: string | undefined;
  values: Values;
}

export function commentFormPage(r: CommentFormRecords, ctx: ModelCtx): CommentFormPageModel {
  const { t, lang } = ctx;
  const { covered } = r;
  const quoted = r.anchor && r.paragraph ? r.paragraph : undefined;
  return {
    title: t('comments.formTitle', { title: covered.version.title }),
    trail: periodTrail(ctx, r.process.slug, r.d),
    window: windowModel(ctx, r.d, r.now),
    quote: quoted ? { caption: t('comments.quotedCaption', { label: quoted.label, title: covered.version.title }), text: quoted.plain, lang: covered.document.lang } : null,
    generalOn: t('comments.generalOn', { title: covered.version.title }),
    refusal: r.refusal ? t(r.refusal) : null,
    action: localPath(lang, `${periodPath(r.process.slug, r.d.period.id)}/comments/new`),
    document: covered.document.slug,
    anchor: r.anchor ?? '',
    textLabel: quoted ? t('comments.fields.textOn', { label: quoted.label }) : t('comments.fields.text'),
    textHint: t('comments.fields.textHint'),
    textLimit: textLimit(t, MAX_COMMENT_CHARS),
    stakeholderGroups: r.groups.map((g) => ({ value: g.id, label: pick(lang, g, 'name') })),
    fileHint: t('comments.fields.fileHint', { max: maxFileMiB() }),
    values: r.values,
  };
}

/** A comment's permalink, with the moderators' part when the reader is one. */
export interface CommentPageModel {
  title: string;
  trail: Crumb[];
  entry: CommentEntryModel;
  download: { path: string; label: string } | null;
  /** On a copy of a text many sent: the link to the others. */
  duplicateOf: { path: string; label: string } | null;
  /** "Sent in my name without my consent": for visible comments. */
  reportPath: string | null;
  /** Null unless the reader may moderate this process's comments. */
  moderation: {
    /** The hide form's address while the comment is visible, else null. */
    hidePath: string | null;
    /** The restore form's address while it is hidden, else null. */
    restorePath: string | null;
    hiddenNote: string | null;
    /** How and when it arrived (its channel, its import line, when received). */
    arrival: string;
    reasons: { value: string; label: string }[];
    reports: { id: string; line: string }[];
  } | null;
}

export interface CommentRecords {
  process: Process;
  d: PeriodDetail;
  c: CommentRow;
  groups: StakeholderGroup[];
  paragraphs: ParagraphMaps;
  reports: CommentReport[];
  file: { name: string; size: number } | undefined;
}

export function commentPage(r: CommentRecords, ctx: ModelCtx): CommentPageModel {
  const { t, lang } = ctx;
  const { process, d, c } = r;
  const path = commentPath(process.slug, c.id);
  const visible = c.status === 'visible';
  return {
    title: t('comments.commentTitle', { receipt: c.receipt }),
    trail: periodTrail(ctx, process.slug, d),
    entry: commentEntry(ctx, { slug: process.slug, d, c, groups: r.groups, paragraphs: r.paragraphs }),
    download: visible && r.file ? { path: localPath(lang, `${path}/file`), label: t('comments.download', { name: r.file.name }) } : null,
    duplicateOf: c.group_size > 1 && c.primary_comment_id !== c.id ? { path: localPath(lang, `${path}/duplicates`), label: t('comments.duplicateOf', { count: c.group_size }) } : null,
    reportPath: visible ? localPath(lang, `${path}/report`) : null,
    moderation: can(ctx.actor, 'comment.moderate', { processId: process.id })
      ? {
          hidePath: visible ? localPath(lang, `${path}/hide`) : null,
          restorePath: visible ? null : localPath(lang, `${path}/restore`),
          hiddenNote: !visible && c.hidden_note ? t('comments.hiddenNote', { note: c.hidden_note }) : null,
          arrival: arrivalLine(ctx, c, d.period.time_zone),
          reasons: HIDDEN_REASONS.map((x) => ({ value: x, label: t(`comments.reasons.${x}`) })),
          reports: r.reports.map((x) => ({ id: x.id, line: `${formatDateTime(lang, x.created_at, d.period.time_zone)} — ${t(`comments.reportStatus.${x.status}`)}: ${x.statement}` })),
        }
      : null,
  };
}

/** A comment's channel and arrival, to the second, for its moderators. */
export function arrivalLine(ctx: ModelCtx, c: Pick<CommentRow, 'channel' | 'import_line' | 'received_at' | 'created_at'>, zone: string): string {
  const { t, lang } = ctx;
  const when = formatDateTimeSeconds(lang, receivedAt(c), zone);
  const channel = t(`comments.channels.${c.channel}`);
  return c.channel === 'bulk' && c.import_line !== null
    ? t('comments.arrivalImported', { channel, line: c.import_line, when, submitted: formatDateTimeSeconds(lang, c.created_at, zone) })
    : t('comments.arrival', { channel, when });
}

/** "This was sent in my name without my consent": the statement form. */
export interface ReportFormPageModel {
  title: string;
  trail: Crumb[];
  intro: string;
  backPath: string;
  action: string;
}

export function reportFormPage(r: { process: Process; d: PeriodDetail; c: CommentRow }, ctx: ModelCtx): ReportFormPageModel {
  const path = commentPath(r.process.slug, r.c.id);
  return {
    title: ctx.t('comments.reportTitle', { receipt: r.c.receipt }),
    trail: periodTrail(ctx, r.process.slug, r.d),
    intro: ctx.t('comments.reportIntro', { name: r.c.display_name }),
    backPath: localPath(ctx.lang, path),
    action: localPath(ctx.lang, `${path}/report`),
  };
}

/** The people who sent one text, a page at a time; hidden ones by receipt only. */
export interface DuplicatesPageModel {
  title: string;
  trail: Crumb[];
  sameText: string;
  people: { id: string; path: string; label: string; organisation: string | null; when: string }[];
  nextPath: string | null;
}

export function duplicatesPage(r: { process: Process; d: PeriodDetail; receipt: string; size: number; rows: Comment[]; next: string | null; path: string }, ctx: ModelCtx): DuplicatesPageModel {
  const { t, lang } = ctx;
  return {
    title: t('comments.duplicatesTitle', { receipt: r.receipt }),
    trail: periodTrail(ctx, r.process.slug, r.d),
    sameText: t('comments.sameText', { count: r.size, n: String(r.size) }),
    people: r.rows.map((c) => ({
      id: c.id,
      path: localPath(lang, commentPath(r.process.slug, c.id)),
      label: c.status === 'hidden' ? t('comments.hiddenTitle', { receipt: c.receipt }) : c.display_name,
      organisation: c.status === 'visible' && c.organisation ? c.organisation : null,
      when: formatDateTime(lang, c.created_at, r.d.period.time_zone),
    })),
    nextPath: r.next ? localPath(lang, `${r.path}?after=${r.next}`) : null,
  };
}

/** A period's moderation page: open consent reports with their forms, then the comments hidden lately. */
export interface ModerationPageModel {
  title: string;
  trail: Crumb[];
  /** The upload page, for those who may import comments. */
  importPath: string | null;
  reports: { id: string; commentPath: string; commentTitle: string; when: string; statement: string; action: string; resolutionLabel: string }[];
  hidden: { id: string; path: string; receipt: string; reason: string; when: string; by: string }[];
  signals: SignalsModel;
}

/** The period's flood signals as the moderation page shows them (no email, no sender hash). */
export interface SignalsModel {
  /** False when the period has no comment yet. */
  any: boolean;
  burstsCaption: string;
  noBursts: string;
  bursts: { second: string; count: string; share: string }[];
  channels: { label: string; count: string; share: string }[];
  domains: { domain: string; count: string; senders: string; disposable: string }[];
  disposableLine: string | null;
  sendersLine: string;
  senders: { label: string; names: string; comments: string }[];
}

/** Signals as lines and table cells in the reader's language. */
export function signalsModel(s: Signals, ctx: ModelCtx, zone: string): SignalsModel {
  const { t, lang } = ctx;
  const n = (x: number) => formatNumber(lang, x);
  const pct = (x: number) => formatPercent(lang, x);
  return {
    any: s.total > 0,
    burstsCaption: t('comments.signals.burstsCaption', { min: BURST_MIN }),
    noBursts: t('comments.signals.noBursts', { min: BURST_MIN }),
    bursts: s.bursts.map((b) => ({ second: formatDateTimeSeconds(lang, b.second, zone), count: n(b.count), share: pct(b.share) })),
    channels: s.channels.map((c) => ({ label: t(`comments.channels.${c.channel}`), count: n(c.count), share: pct(c.share) })),
    domains: s.domains.map((d) => ({
      domain: d.domain,
      count: n(d.count),
      senders: n(d.senders),
      disposable: t(d.disposable ? 'comments.signals.disposableYes' : 'comments.signals.disposableNo'),
    })),
    disposableLine: s.withSender > 0 ? t('comments.signals.disposableShare', { known: n(s.withSender), count: n(s.disposable.count), share: pct(s.disposable.share) }) : null,
    sendersLine: s.senders.withManyNames > 0 ? t('comments.signals.sendersCount', { n: n(s.senders.withManyNames) }) : t('comments.signals.noSenders'),
    senders: s.senders.largest.map((x, i) => ({ label: t('comments.signals.senderLabel', { n: i + 1 }), names: n(x.names), comments: n(x.comments) })),
  };
}

export function moderationPage(
  r: { process: Process; d: PeriodDetail; reports: (CommentReport & { receipt: string })[]; hidden: (Comment & { hidden_by_name: string | null })[]; signals: Signals },
  ctx: ModelCtx,
): ModerationPageModel {
  const { t, lang } = ctx;
  const { process, d } = r;
  const zone = d.period.time_zone;
  return {
    title: t('comments.moderationTitle', { title: periodTitle(ctx, d) }),
    trail: periodTrail(ctx, process.slug, d),
    importPath: can(ctx.actor, 'comment.import', { processId: process.id }) ? localPath(lang, `/processes/${process.slug}/comment-periods/${d.period.id}/imports`) : null,
    reports: r.reports.map((x) => ({
      id: x.id,
      commentPath: localPath(lang, commentPath(process.slug, x.comment_id)),
      commentTitle: t('comments.commentTitle', { receipt: x.receipt }),
      when: formatDateTime(lang, x.created_at, zone),
      statement: x.statement,
      action: localPath(lang, `/processes/${process.slug}/comment-reports/${x.id}`),
      resolutionLabel: t('comments.fields.resolution', { receipt: x.receipt }),
    })),
    hidden: r.hidden.map((c) => ({
      id: c.id,
      path: localPath(lang, commentPath(process.slug, c.id)),
      receipt: c.receipt,
      reason: t(`comments.reasons.${c.hidden_reason ?? 'spam'}`),
      when: c.hidden_at ? formatDateTime(lang, c.hidden_at, zone) : '',
      by: c.hidden_by_name ?? '',
    })),
    signals: signalsModel(r.signals, ctx, zone),
  };
}
