import { pick } from '../../../platform/i18n/pick.js';
import type { PageCtx } from '../../../platform/web/context.js';
import { localPath } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { Markdown } from '../../../platform/web/markdown.js';
import { can } from '../../../platform/auth/policies.js';
import type { Process } from '../../processes/index.js';
import { processCrumb } from '../../processes/index.js';
import type { SubmissionRow } from '../calls.repository.js';
import type { CallSummary } from '../calls.service.js';
import { callPath, submissionPath } from '../calls.presenter.js';
import { LANG_NAMES, StateLine, StatusBadge, callTitle, formatSize } from './parts.js';

/** A published report in a list: title, organisation, language, and its file to download. */
export function ReportItem({ ctx, process, row }: { ctx: PageCtx; process: Process; row: SubmissionRow }) {
  const { t, lang } = ctx;
  const path = submissionPath(process.slug, row.call_id, row.id);
  return (
    <li key={row.id}>
      <a href={localPath(lang, path)} lang={row.lang}>
        {row.title}
      </a>
      {row.organisation_label && <> — {row.organisation_label}</>} <span class="meta">({LANG_NAMES[row.lang]})</span>
      {row.file_name && (
        <>
          {' '}
          · <a href={localPath(lang, `${path}/file`)}>{t('calls.download', { name: row.file_name, size: formatSize(ctx, row.file_size ?? 0) })}</a>
        </>
      )}
    </li>
  );
}

/** A call's page: what it asks, whether it is open, its published reports, and your own. */
export function CallView(props: { ctx: PageCtx; process: Process; summary: CallSummary; accepted: SubmissionRow[]; mine: SubmissionRow[] }) {
  const { ctx, process, summary } = props;
  const { t, lang } = ctx;
  const call = summary.call;
  const title = callTitle(lang, call);
  const base = callPath(process.slug, call.id);
  const description = pick(lang, call, 'description');
  return (
    <Layout ctx={ctx} title={title}>
      <Breadcrumb ctx={ctx} trail={[processCrumb(lang, process)]} current={title} />
      <h1>{title}</h1>
      <StateLine ctx={ctx} call={call} state={summary.state} timezone={process.timezone} />
      <div class="actions">
        {summary.state === 'open' &&
          (ctx.actor ? (
            <a class="button" href={localPath(lang, `${base}/submit`)}>
              {t('calls.submit')}
            </a>
          ) : (
            <a class="button" href={localPath(lang, `/sign-in?next=${encodeURIComponent(localPath(lang, `${base}/submit`))}`)}>
              {t('calls.signInToSubmit')}
            </a>
          ))}
        {can(ctx.actor, 'call.moderate', { processId: process.id }) && <a href={localPath(lang, `${base}/moderation`)}>{t('calls.moderationQueue')}</a>}
      </div>
      {description && <Markdown source={description} />}
      {props.mine.length > 0 && (
        <section aria-labelledby="mine-heading">
          <h2 id="mine-heading">{t('calls.yourSubmissions')}</h2>
          <ul>
            {props.mine.map((s) => (
              <li key={s.id}>
                <a href={localPath(lang, submissionPath(process.slug, call.id, s.id))} lang={s.lang}>
                  {s.title}
                </a>{' '}
                <StatusBadge ctx={ctx} status={s.status} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <h2>{t('calls.published')}</h2>
      {props.accepted.length === 0 ? (
        <p>{t('calls.noneAccepted')}</p>
      ) : (
        <ul>
          {props.accepted.map((row) => (
            <ReportItem key={row.id} ctx={ctx} process={process} row={row} />
          ))}
        </ul>
      )}
    </Layout>
  );
}
