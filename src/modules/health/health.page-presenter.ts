import { formatDateTime, formatNumber } from '../../platform/i18n/i18n.js';
import type { ModelCtx } from '../../platform/web/context.js';
import { JOBS_LATE_MS, allWell, type ServiceStatus } from './health.status.js';

/** One line of the status page: what, whether it works, and what that means in words. */
export interface StatusRow {
  label: string;
  state: 'ok' | 'problem' | 'unknown';
  detail: string;
}

export interface StatusPageModel {
  allWell: boolean;
  rows: StatusRow[];
  checkedAt: string;
}

/** The status in the reader's language: the checks as sentences a person can act on. */
export function statusPage(s: ServiceStatus, ctx: ModelCtx, now: Date = new Date()): StatusPageModel {
  const { t, lang } = ctx;
  const at = (d: Date) => formatDateTime(lang, d);
  const rows: StatusRow[] = [];
  rows.push(
    s.database.ok
      ? { label: t('status.database.label'), state: 'ok', detail: t('status.database.ok', { ms: formatNumber(lang, Math.max(1, Math.round(s.database.ms))) }) }
      : { label: t('status.database.label'), state: 'problem', detail: t('status.database.problem') },
  );
  if (s.database.ok) {
    const pending = s.pendingMigrations;
    rows.push(
      pending === null
        ? { label: t('status.migrations.label'), state: 'unknown', detail: t('status.migrations.unknown') }
        : pending.length === 0
          ? { label: t('status.migrations.label'), state: 'ok', detail: t('status.migrations.ok') }
          : { label: t('status.migrations.label'), state: 'problem', detail: t('status.migrations.problem', { count: pending.length }) },
    );
    const job = s.oldestJob;
    rows.push(
      job === undefined
        ? { label: t('status.jobs.label'), state: 'unknown', detail: t('status.jobs.unknown') }
        : job === null
          ? { label: t('status.jobs.label'), state: 'ok', detail: t('status.jobs.ok') }
          : now.getTime() - job.getTime() < JOBS_LATE_MS
            ? { label: t('status.jobs.label'), state: 'ok', detail: t('status.jobs.waiting', { time: at(job) }) }
            : { label: t('status.jobs.label'), state: 'problem', detail: t('status.jobs.late', { time: at(job) }) },
    );
  }
  rows.push({ label: t('status.server.label'), state: 'ok', detail: t('status.server.ok', { time: at(s.startedAt) }) });
  return { allWell: allWell(s, now), rows, checkedAt: at(now) };
}
