import type { PageCtx } from '../../../platform/web/context.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { localPath } from '../../../platform/web/context.js';
import type { ReportRow } from '../accountability.repository.js';
import type { ProgressStatus } from '../accountability.tables.js';
import { formatDay } from '../reminders.service.js';

/** A status in words, styled by kind (the words carry the meaning, not the colour). */
export function Status(props: { ctx: PageCtx; status: ProgressStatus; overdue?: boolean }) {
  const { t } = props.ctx;
  return (
    <span class={`badge status status--${props.status}`}>
      {t(`accountability.status.${props.status}`)}
      {props.overdue && props.status !== 'late' ? ` · ${t('accountability.overdue')}` : ''}
    </span>
  );
}

/** A moment as a date in the reader's language. */
export function Day(props: { ctx: PageCtx; at: Date | string }) {
  const day = typeof props.at === 'string' ? props.at : props.at.toISOString().slice(0, 10);
  return <time dateTime={day}>{formatDay(props.ctx.lang, day)}</time>;
}

/** The whole progress history of an action or a pledge, oldest first: nothing is ever rewritten. */
export function History(props: { ctx: PageCtx; reports: ReportRow[] }) {
  const { t } = props.ctx;
  if (props.reports.length === 0) return <p class="muted">{t('accountability.noReports')}</p>;
  return (
    <ol class="history">
      {props.reports.map((r) => (
        <li key={r.id} id={`report-${r.id}`}>
          <p>
            <Day ctx={props.ctx} at={r.reported_at} /> · <Status ctx={props.ctx} status={r.status} />
            {r.author_name ? ` · ${r.author_name}` : ''}
          </p>
          {r.reason && <p lang={r.lang}>{t('accountability.reasonLine', { reason: r.reason })}</p>}
          {r.body && <p lang={r.lang}>{r.body}</p>}
          {r.evidence_urls.length > 0 && (
            <ul class="evidence" aria-label={t('accountability.fields.evidence')}>
              {r.evidence_urls.map((u) => (
                <li key={u}>
                  <a href={u} rel="nofollow noopener">
                    {u}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}

/** The tracker's address for a process, in the reader's language. */
export const trackerPath = (lang: Lang, slug: string, rest = '') => localPath(lang, `/processes/${slug}/tracker${rest}`);
