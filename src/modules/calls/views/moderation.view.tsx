import type { PageCtx } from '../../../platform/web/context.js';
import { localPath } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { formatDateTime } from '../../../platform/i18n/i18n.js';
import type { Process } from '../../processes/index.js';
import type { SubmissionRow } from '../calls.repository.js';
import type { CallSummary } from '../calls.service.js';
import { callPath, submissionPath } from '../calls.presenter.js';
import { LANG_NAMES, StatusBadge, callTitle } from './parts.js';

/** A table of submissions for moderators; the caption says which ones. */
function SubmissionTable({ ctx, process, rows, caption }: { ctx: PageCtx; process: Process; rows: SubmissionRow[]; caption: string }) {
  const { t, lang } = ctx;
  return (
    <table class="table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('calls.columns.title')}</th>
          <th scope="col">{t('calls.columns.submitter')}</th>
          <th scope="col">{t('calls.columns.organisation')}</th>
          <th scope="col">{t('calls.columns.received')}</th>
          <th scope="col">{t('calls.columns.status')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((s) => (
          <tr key={s.id}>
            <td>
              <a href={localPath(lang, submissionPath(process.slug, s.call_id, s.id))} lang={s.lang}>
                {s.title}
              </a>{' '}
              <span class="meta">({LANG_NAMES[s.lang]})</span>
            </td>
            <td>{s.submitter_name ?? '—'}</td>
            <td>{s.organisation_label ?? '—'}</td>
            <td>{formatDateTime(lang, s.created_at, process.timezone)}</td>
            <td>
              <StatusBadge ctx={ctx} status={s.status} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The moderation queue of a call: what waits for a decision, then what has been decided. */
export function ModerationView(props: { ctx: PageCtx; process: Process; summary: CallSummary; rows: SubmissionRow[] }) {
  const { ctx, process, summary } = props;
  const { t, lang } = ctx;
  const call = summary.call;
  const pending = props.rows.filter((r) => r.status === 'pending');
  const decided = props.rows.filter((r) => r.status !== 'pending');
  const title = t('calls.moderationTitle', { title: callTitle(lang, call) });
  return (
    <Layout ctx={ctx} title={title}>
      <Breadcrumb ctx={ctx} trail={[{ href: localPath(lang, callPath(process.slug, call.id)), label: callTitle(lang, call) }]} current={title} />
      <h1>{title}</h1>
      <p>{t('calls.moderationIntro')}</p>
      <h2>{t('calls.pendingHeading', { count: pending.length })}</h2>
      {pending.length === 0 ? (
        <p>{t('calls.nothingPending')}</p>
      ) : (
        <SubmissionTable ctx={ctx} process={process} rows={pending} caption={t('calls.pendingCaption')} />
      )}
      <h2>{t('calls.decidedHeading')}</h2>
      {decided.length === 0 ? (
        <p>{t('calls.nothingDecided')}</p>
      ) : (
        <SubmissionTable ctx={ctx} process={process} rows={decided} caption={t('calls.decidedCaption')} />
      )}
    </Layout>
  );
}
