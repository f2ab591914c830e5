import { can } from '../../platform/auth/policies.js';
import { formatDateTime, formatNumber, type Lang } from '../../platform/i18n/i18n.js';
import { pick } from '../../platform/i18n/pick.js';
import { formatInstant } from '../../platform/time/zoned.js';
import { localPath, type ModelCtx } from '../../platform/web/context.js';
import type { Crumb } from '../../platform/web/components/breadcrumb.js';
import { maxFileMiB } from '../files/index.js';
import type { Organisation } from '../participants/index.js';
import { processCrumb, type Process } from '../processes/index.js';
import type { Call, SubmissionRow } from './calls.repository.js';
import type { CallState, SubmissionStatus } from './calls.schema.js';
import type { CallSummary } from './calls.service.js';
import { callPath, submissionPath } from './calls.presenter.js';

/**
 * Page presenters: records in, the model a view lays out (in the reader's language, with the
 * `can…` flags the page needs) out. The API's presenter is calls.presenter.ts.
 */

/** The language of a report, named in that language (it is the same in every page language). */
const LANG_NAMES: Record<Lang, string> = { en: 'English', fr: 'Français' };

/** Where a call stands, with its window formatted in the process's zone. */
export interface CallStateModel {
  state: CallState;
  opens: string;
  closes: string;
}

function stateOf(ctx: ModelCtx, call: Call, state: CallState, zone: string): CallStateModel {
  return { state, opens: formatInstant(ctx.lang, call.opens_at, zone), closes: formatInstant(ctx.lang, call.closes_at, zone) };
}

/** A file size for people: bytes, KiB or MiB, with the language's number format. */
export function formatSize(ctx: ModelCtx, bytes: number): string {
  if (bytes < 1024) return ctx.t('files.size.bytes', { n: formatNumber(ctx.lang, bytes) });
  if (bytes < 1024 * 1024) return ctx.t('files.size.kib', { n: formatNumber(ctx.lang, Math.round(bytes / 102.4) / 10) });
  return ctx.t('files.size.mib', { n: formatNumber(ctx.lang, Math.round(bytes / (1024 * 102.4)) / 10) });
}

/** A submission's file to download. */
export interface FileModel {
  path: string;
  name: string;
  /** Formatted for the reader ("12.5 KiB"). */
  size: string;
}

function fileOf(ctx: ModelCtx, path: string, row: SubmissionRow): FileModel | null {
  return row.file_name ? { path: localPath(ctx.lang, `${path}/file`), name: row.file_name, size: formatSize(ctx, row.file_size ?? 0) } : null;
}

/** A published report in a list. */
export interface ReportItemModel {
  id: string;
  title: string;
  /** The report's own language (for `lang`), and its name. */
  lang: Lang;
  langName: string;
  path: string;
  organisation: string | null;
  file: FileModel | null;
}

/** One's own submission, with its status. */
export interface OwnSubmissionModel {
  id: string;
  title: string;
  lang: Lang;
  path: string;
  status: SubmissionStatus;
}

/** A call's page. */
export interface CallPageModel {
  title: string;
  processCrumb: Crumb;
  state: CallStateModel;
  /** While open: the submission form, or sign-in for a visitor; else null. */
  submit: { signIn: boolean; path: string } | null;
  /** The moderation queue, for moderators; else null. */
  moderationPath: string | null;
  /** Markdown in the reader's language; empty when none. */
  description: string;
  mine: OwnSubmissionModel[];
  accepted: ReportItemModel[];
}

export function callPage(r: { process: Process; summary: CallSummary; accepted: SubmissionRow[]; mine: SubmissionRow[] }, ctx: ModelCtx): CallPageModel {
  const { lang, actor } = ctx;
  const { process, summary } = r;
  const call = summary.call;
  const base = callPath(process.slug, call.id);
  const submitPath = localPath(lang, `${base}/submit`);
  return {
    title: pick(lang, call, 'title'),
    processCrumb: processCrumb(lang, process),
    state: stateOf(ctx, call, summary.state, process.timezone),
    submit: summary.state !== 'open' ? null : actor ? { signIn: false, path: submitPath } : { signIn: true, path: localPath(lang, `/sign-in?next=${encodeURIComponent(submitPath)}`) },
    moderationPath: can(actor, 'call.moderate', { processId: process.id }) ? localPath(lang, `${base}/moderation`) : null,
    description: pick(lang, call, 'description'),
    mine: r.mine.map((s) => ({ id: s.id, title: s.title, lang: s.lang, path: localPath(lang, submissionPath(process.slug, call.id, s.id)), status: s.status })),
    accepted: r.accepted.map((s) => {
      const path = submissionPath(process.slug, s.call_id, s.id);
      return { id: s.id, title: s.title, lang: s.lang, langName: LANG_NAMES[s.lang], path: localPath(lang, path), organisation: s.organisation_label, file: fileOf(ctx, path, s) };
    }),
  };
}

/** A submission in the moderation queue. */
export interface QueueRowModel {
  id: string;
  title: string;
  lang: Lang;
  langName: string;
  path: string;
  /** The submitter's name, or a dash. */
  submitter: string;
  /** The organisation, or a dash. */
  organisation: string;
  received: string;
  status: SubmissionStatus;
}

/** The moderation queue of a call: what waits for a decision, then what has been decided. */
export interface ModerationPageModel {
  callTitle: string;
  callPath: string;
  pending: QueueRowModel[];
  decided: QueueRowModel[];
}

export function moderationPage(r: { process: Process; summary: CallSummary; rows: SubmissionRow[] }, ctx: ModelCtx): ModerationPageModel {
  const { lang } = ctx;
  const { process } = r;
  const call = r.summary.call;
  const row = (s: SubmissionRow): QueueRowModel => ({
    id: s.id,
    title: s.title,
    lang: s.lang,
    langName: LANG_NAMES[s.lang],
    path: localPath(lang, submissionPath(process.slug, s.call_id, s.id)),
    submitter: s.submitter_name ?? '—',
    organisation: s.organisation_label ?? '—',
    received: formatDateTime(lang, s.created_at, process.timezone),
    status: s.status,
  });
  return {
    callTitle: pick(lang, call, 'title'),
    callPath: localPath(lang, callPath(process.slug, call.id)),
    pending: r.rows.filter((s) => s.status === 'pending').map(row),
    decided: r.rows.filter((s) => s.status !== 'pending').map(row),
  };
}

/**
 * One submission. Its status and any reason are shown to those who may see a submission
 * before it is public (its submitter, the moderators); only moderators see who sent it.
 */
export interface SubmissionPageModel {
  title: string;
  /** The report's own language. */
  lang: Lang;
  langName: string;
  callTitle: string;
  callPath: string;
  status: SubmissionStatus;
  /** Why it was rejected, when it was and a reason was given. */
  rejectedBecause: string | null;
  /** Null when the report names no organisation. */
  organisation: string | null;
  received: string;
  /** For moderators: who sent it (a dash when unknown); null for everyone else. */
  submitter: string | null;
  file: FileModel | null;
  /** Markdown in the report's language; empty when it is all in the file. */
  body: string;
  /** The accept / reject forms' address, for moderators; else null. */
  moderationAction: string | null;
}

export function submissionPage(r: { process: Process; call: Call; row: SubmissionRow }, ctx: ModelCtx): SubmissionPageModel {
  const { lang, actor } = ctx;
  const { process, call, row } = r;
  const path = submissionPath(process.slug, call.id, row.id);
  const isModerator = can(actor, 'call.moderate', { processId: process.id });
  return {
    title: row.title,
    lang: row.lang,
    langName: LANG_NAMES[row.lang],
    callTitle: pick(lang, call, 'title'),
    callPath: localPath(lang, callPath(process.slug, call.id)),
    status: row.status,
    rejectedBecause: row.status === 'rejected' && row.moderation_reason ? row.moderation_reason : null,
    organisation: row.organisation_label,
    received: formatDateTime(lang, row.created_at, process.timezone),
    submitter: isModerator ? (row.submitter_name ?? '—') : null,
    file: fileOf(ctx, path, row),
    body: row.body,
    moderationAction: isModerator ? localPath(lang, `${path}/moderation`) : null,
  };
}

/** A call in the process page's list. */
export interface CallCardModel {
  id: string;
  title: string;
  path: string;
  state: CallStateModel;
  acceptedCount: number;
}

/** The "Calls for input" part of a process page: open calls first, then upcoming, then past. */
export interface CallsSectionModel {
  calls: CallCardModel[];
  /** Opening a call, for conveners; else null. */
  openPath: string | null;
}

const ORDER = { open: 0, upcoming: 1, closed: 2 } as const;

export function callsSectionModel(r: { process: Pick<Process, 'id' | 'slug' | 'timezone'>; calls: CallSummary[] }, ctx: ModelCtx): CallsSectionModel {
  const { lang } = ctx;
  const { process } = r;
  return {
    calls: [...r.calls]
      .sort((a, b) => ORDER[a.state] - ORDER[b.state])
      .map((s) => ({ id: s.call.id, title: pick(lang, s.call, 'title'), path: localPath(lang, callPath(process.slug, s.call.id)), state: stateOf(ctx, s.call, s.state, process.timezone), acceptedCount: s.acceptedCount })),
    openPath: can(ctx.actor, 'call.open', { processId: process.id }) ? localPath(lang, `/processes/${process.slug}/calls/new`) : null,
  };
}

/** The form that opens a call. */
export interface OpenCallPageModel {
  action: string;
  /** The zone the form's times are read in. */
  zone: string;
}

export function openCallPage(process: Process, ctx: ModelCtx): OpenCallPageModel {
  return { action: localPath(ctx.lang, `/processes/${process.slug}/calls/new`), zone: process.timezone };
}

/** The submission form. */
export interface SubmitPageModel {
  callTitle: string;
  callPath: string;
  state: CallStateModel;
  /** The form is shown only while the call is open. */
  open: boolean;
  action: string;
  /** The report languages, each named in itself; the reader's is chosen unless the form says otherwise. */
  langs: { value: Lang; label: string }[];
  defaultLang: Lang;
  organisations: { id: string; name: string }[];
  maxFileMiB: number;
}

export function submitPage(r: { process: Process; summary: CallSummary; organisations: Organisation[] }, ctx: ModelCtx): SubmitPageModel {
  const { lang } = ctx;
  const { process, summary } = r;
  const call = summary.call;
  return {
    callTitle: pick(lang, call, 'title'),
    callPath: localPath(lang, callPath(process.slug, call.id)),
    state: stateOf(ctx, call, summary.state, process.timezone),
    open: summary.state === 'open',
    action: localPath(lang, `${callPath(process.slug, call.id)}/submit`),
    langs: (['en', 'fr'] as const).map((l) => ({ value: l, label: LANG_NAMES[l] })),
    defaultLang: lang,
    organisations: r.organisations.map((o) => ({ id: o.id, name: o.name })),
    maxFileMiB: maxFileMiB(),
  };
}
