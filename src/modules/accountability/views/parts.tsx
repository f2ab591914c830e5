import type { PageCtx } from '../../../platform/web/context.js';
import { PersonName } from '../../../platform/web/components/person-name.js';
import type { ProgressStatus } from '../accountability.tables.js';
import type { DayModel, ReportModel } from '../accountability.page-presenter.js';

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

/** A day, for people and for machines. */
export function Day({ day }: { day: DayModel }) {
  return <time dateTime={day.iso}>{day.text}</time>;
}

/** The whole progress history of an action or a pledge, oldest first: nothing is ever rewritten. */
export function History(props: { ctx: PageCtx; reports: ReportModel[] }) {
  const { t } = props.ctx;
  if (props.reports.length === 0) return <p class="muted">{t('accountability.noReports')}</p>;
  return (
    <ol class="history">
      {props.reports.map((r) => (
        <li key={r.id} id={`report-${r.id}`}>
          <p>
            <Day day={r.reported} /> · <Status ctx={props.ctx} status={r.status} />
            {r.author && (
              <>
                {' · '}
                <PersonName p={r.author} />
              </>
            )}
            {r.capacity ? ` ${r.capacity}` : ''}
          </p>
          {r.reason && <p lang={r.lang}>{t('accountability.reasonLine', { reason: r.reason })}</p>}
          {r.body && <p lang={r.lang}>{r.body}</p>}
          {r.evidenceUrls.length > 0 && (
            <ul class="evidence" aria-label={t('accountability.fields.evidence')}>
              {r.evidenceUrls.map((u) => (
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
