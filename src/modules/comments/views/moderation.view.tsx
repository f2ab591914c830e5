import type { PageCtx } from '../../../platform/web/context.js';
import { localPath } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Form } from '../../../platform/web/components/forms.js';
import { formatDateTime } from '../../../platform/i18n/i18n.js';
import type { Process } from '../../processes/index.js';
import type { Comment, CommentReport } from '../comments.repository.js';
import { commentPath } from '../comments.service.js';
import type { PeriodDetail } from '../periods.service.js';
import { PeriodCrumb, periodTitle } from './parts.js';

/** One open consent report with its two answers (uphold hides the comment as not consented). */
function ReportItem({ ctx, process, r, zone }: { ctx: PageCtx; process: Process; r: CommentReport & { receipt: string }; zone: string }) {
  const { t, lang } = ctx;
  const action = localPath(lang, `/processes/${process.slug}/comment-reports/${r.id}`);
  return (
    <li class="card">
      <p>
        <a href={localPath(lang, commentPath(process.slug, r.comment_id))}>{t('comments.commentTitle', { receipt: r.receipt })}</a> —{' '}
        {formatDateTime(lang, r.created_at, zone)}
      </p>
      <blockquote>
        <p>{r.statement}</p>
      </blockquote>
      <Form ctx={ctx} action={action} class="form">
        <div class="field">
          <label for={`resolution-${r.id}`}>{t('comments.fields.resolution', { receipt: r.receipt })}</label>
          <input id={`resolution-${r.id}`} name="resolution" type="text" />
        </div>
        <div class="actions">
          <button type="submit" class="button" name="decision" value="uphold">
            {t('comments.uphold')}
          </button>
          <button type="submit" class="button" name="decision" value="dismiss">
            {t('comments.dismiss')}
          </button>
        </div>
      </Form>
    </li>
  );
}

/** A period's moderation page: open consent reports, then the comments hidden lately. */
export function ModerationView(props: { ctx: PageCtx; process: Process; d: PeriodDetail; reports: (CommentReport & { receipt: string })[]; hidden: (Comment & { hidden_by_name: string | null })[] }) {
  const { ctx, process, d } = props;
  const { t, lang } = ctx;
  const zone = d.period.time_zone;
  const title = t('comments.moderationTitle', { title: periodTitle(ctx, d) });
  return (
    <Layout ctx={ctx} title={title}>
      <PeriodCrumb ctx={ctx} slug={process.slug} d={d} current={title} />
      <h1>{title}</h1>
      <p>{t('comments.moderationIntro')}</p>
      <h2>{t('comments.openReports', { count: props.reports.length })}</h2>
      {props.reports.length === 0 ? (
        <p>{t('comments.noReports')}</p>
      ) : (
        <ul class="cards">
          {props.reports.map((r) => (
            <ReportItem key={r.id} ctx={ctx} process={process} r={r} zone={zone} />
          ))}
        </ul>
      )}
      <h2>{t('comments.recentlyHidden')}</h2>
      {props.hidden.length === 0 ? (
        <p>{t('comments.noneHidden')}</p>
      ) : (
        <table class="table">
          <caption>{t('comments.recentlyHiddenCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('comments.columns.comment')}</th>
              <th scope="col">{t('comments.columns.reason')}</th>
              <th scope="col">{t('comments.columns.hiddenAt')}</th>
              <th scope="col">{t('comments.columns.hiddenBy')}</th>
            </tr>
          </thead>
          <tbody>
            {props.hidden.map((c) => (
              <tr key={c.id}>
                <td>
                  <a href={localPath(lang, commentPath(process.slug, c.id))}>{c.receipt}</a>
                </td>
                <td>{t(`comments.reasons.${c.hidden_reason ?? 'spam'}`)}</td>
                <td>{c.hidden_at ? formatDateTime(lang, c.hidden_at, zone) : ''}</td>
                <td>{c.hidden_by_name ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

/** The people who sent one text (a duplicate group), a page at a time; hidden ones as tombstones. */
export function DuplicatesView(props: { ctx: PageCtx; process: Process; d: PeriodDetail; receipt: string; size: number; rows: Comment[]; next: string | null; path: string }) {
  const { ctx, process, d } = props;
  const { t, lang } = ctx;
  const title = t('comments.duplicatesTitle', { receipt: props.receipt });
  return (
    <Layout ctx={ctx} title={title}>
      <PeriodCrumb ctx={ctx} slug={process.slug} d={d} current={title} />
      <h1>{title}</h1>
      <p>{t('comments.sameText', { count: props.size, n: String(props.size) })}</p>
      <ol>
        {props.rows.map((c) => (
          <li key={c.id}>
            <a href={localPath(lang, commentPath(process.slug, c.id))}>
              {c.status === 'hidden' ? t('comments.hiddenTitle', { receipt: c.receipt }) : c.display_name}
            </a>
            {c.status === 'visible' && c.organisation ? ` — ${c.organisation}` : ''} · {formatDateTime(lang, c.created_at, d.period.time_zone)}
          </li>
        ))}
      </ol>
      {props.next && (
        <p>
          <a href={localPath(lang, `${props.path}?after=${props.next}`)} rel="next">
            {t('comments.nextPage')}
          </a>
        </p>
      )}
    </Layout>
  );
}
