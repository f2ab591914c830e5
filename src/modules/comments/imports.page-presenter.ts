import { formatDateTime, formatNumber } from '../../platform/i18n/i18n.js';
import { localPath, type ModelCtx } from '../../platform/web/context.js';
import type { Crumb } from '../../platform/web/components/breadcrumb.js';
import type { Process } from '../processes/index.js';
import { reasonText } from './comments.import.js';
import type { CommentImport, ImportRefusal } from './comments.import.repository.js';
import { periodTitle, periodTrail } from './comments.page-presenter.js';
import type { PeriodDetail } from './periods.service.js';

/** Seconds the progress page waits before showing itself again while the import runs. */
export const REFRESH_SECONDS = 2;

/** Where an import's pages are. */
export const importsPath = (slug: string, periodId: string) => `/processes/${slug}/comment-periods/${periodId}/imports`;

/** One import, in a list or at the top of its page: its figures said in words. */
export interface ImportSummaryModel {
  path: string;
  fileName: string;
  when: string;
  status: string;
  figures: string;
}

/** The upload page: the form and the period's past imports. */
export interface ImportsPageModel {
  title: string;
  trail: Crumb[];
  action: string;
  hint: string;
  imports: ImportSummaryModel[];
}

/** An import's progress page. */
export interface ImportPageModel {
  title: string;
  trail: Crumb[];
  fileName: string;
  status: string;
  /** Seconds before the page shows itself again; null once the import has ended, or when the reader stopped it. */
  refresh: number | null;
  /** While it runs: the link that stops the refreshing (WCAG 2.2.2), or, stopped, the links to look again and to start it again. */
  refreshLinks: { stop: string } | { now: string; follow: string } | null;
  progress: { value: number; max: number; label: string } | null;
  finished: boolean;
  error: string | null;
  figures: { label: string; value: string }[];
  refusals: { line: number; key: string; reason: string }[];
  refusalsCaption: string;
  nextPage: string | null;
  csvPath: string | null;
  uploadPath: string;
}

function summary(ctx: ModelCtx, slug: string, d: PeriodDetail, r: CommentImport): ImportSummaryModel {
  const n = (x: number) => formatNumber(ctx.lang, x);
  return {
    path: localPath(ctx.lang, `${importsPath(slug, d.period.id)}/${r.id}`),
    fileName: r.file_name,
    when: formatDateTime(ctx.lang, r.started_at, d.period.time_zone),
    status: ctx.t(`commentImport.status.${r.status}`),
    figures: ctx.t('commentImport.figuresLine', { added: n(r.rows_added), skipped: n(r.rows_skipped), refused: n(r.rows_refused) }),
  };
}

/** The upload page's model. */
export function importsPage(r: { process: Process; d: PeriodDetail; imports: CommentImport[]; maxMiB: number }, ctx: ModelCtx): ImportsPageModel {
  const { process, d } = r;
  return {
    title: ctx.t('commentImport.pageTitle', { title: periodTitle(ctx, d) }),
    trail: periodTrail(ctx, process.slug, d),
    action: localPath(ctx.lang, importsPath(process.slug, d.period.id)),
    hint: ctx.t('commentImport.fileHint', { max: formatNumber(ctx.lang, r.maxMiB) }),
    imports: r.imports.map((x) => summary(ctx, process.slug, d, x)),
  };
}

/** The progress page's model: figures, the bar, and a page of refused rows in the reader's language. */
export function importPage(
  r: { process: Process; d: PeriodDetail; record: CommentImport; refusals: ImportRefusal[]; perPage: number; autoRefresh: boolean },
  ctx: ModelCtx,
): ImportPageModel {
  const { process, d, record } = r;
  const { t, lang } = ctx;
  const n = (x: number) => formatNumber(lang, x);
  const base = `${importsPath(process.slug, d.period.id)}/${record.id}`;
  const ended = record.status === 'done' || record.status === 'failed';
  const total = record.rows_total;
  const shown = r.refusals.slice(0, r.perPage);
  const last = shown.at(-1);
  return {
    title: t('commentImport.progressTitle', { file: record.file_name }),
    trail: [...periodTrail(ctx, process.slug, d), { href: localPath(lang, importsPath(process.slug, d.period.id)), label: t('commentImport.importsCrumb') }],
    fileName: record.file_name,
    status: t(`commentImport.status.${record.status}`),
    refresh: ended || !r.autoRefresh ? null : REFRESH_SECONDS,
    refreshLinks: ended
      ? null
      : r.autoRefresh
        ? { stop: localPath(lang, `${base}?refresh=off`) }
        : { now: localPath(lang, `${base}?refresh=off`), follow: localPath(lang, base) },
    progress:
      record.status === 'queued'
        ? null
        : total === null || total === 0
          ? null
          : {
              value: record.status === 'done' ? total : Math.min(record.rows_read, total),
              max: total,
              label: t('commentImport.progressLabel', { read: n(record.status === 'done' ? total : record.rows_read), total: n(total) }),
            },
    finished: record.status === 'done',
    error: record.error_key ? t(record.error_key, record.error_params ?? {}) : null,
    figures: [
      { label: t('commentImport.figures.read'), value: n(record.rows_read) },
      { label: t('commentImport.figures.added'), value: n(record.rows_added) },
      { label: t('commentImport.figures.skipped'), value: n(record.rows_skipped) },
      { label: t('commentImport.figures.refused'), value: n(record.rows_refused) },
    ],
    refusals: shown.map((x) => ({ line: x.line, key: x.import_key, reason: reasonText(t, { key: x.reason_key, params: x.reason_params }) })),
    refusalsCaption: t('commentImport.refusalsCaption', { shown: n(shown.length), total: n(record.rows_refused) }),
    nextPage: r.refusals.length > r.perPage && last ? localPath(lang, `${base}?after=${last.line}`) : null,
    csvPath: record.rows_refused > 0 ? localPath(lang, `${base}/refused.csv`) : null,
    uploadPath: localPath(lang, importsPath(process.slug, d.period.id)),
  };
}
