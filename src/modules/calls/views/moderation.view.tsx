import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import type { ModerationPageModel, QueueRowModel } from '../calls.page-presenter.js';
import { StatusBadge } from './parts.js';
import { ScrollTable } from '../../../platform/web/components/table-scroll.js';

/** A table of submissions for moderators; the caption says which ones. */
function SubmissionTable({ ctx, rows, caption }: { ctx: PageCtx; rows: QueueRowModel[]; caption: string }) {
  const { t } = ctx;
  return (
    <ScrollTable class="table" label={caption}>
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
              <a href={s.path} lang={s.lang}>
                {s.title}
              </a>{' '}
              <span class="meta">({s.langName})</span>
            </td>
            <td>{s.submitter}</td>
            <td>{s.organisation}</td>
            <td>{s.received}</td>
            <td>
              <StatusBadge ctx={ctx} status={s.status} />
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

/** The moderation queue of a call: what waits for a decision, then what has been decided. */
export function ModerationView({ ctx, model: m }: { ctx: PageCtx; model: ModerationPageModel }) {
  const { t } = ctx;
  const title = t('calls.moderationTitle', { title: m.callTitle });
  return (
    <Layout ctx={ctx} title={title}>
      <Breadcrumb ctx={ctx} trail={[{ href: m.callPath, label: m.callTitle }]} current={title} />
      <h1>{title}</h1>
      <p>{t('calls.moderationIntro')}</p>
      <h2>{t('calls.pendingHeading', { count: m.pending.length })}</h2>
      {m.pending.length === 0 ? <p>{t('calls.nothingPending')}</p> : <SubmissionTable ctx={ctx} rows={m.pending} caption={t('calls.pendingCaption')} />}
      <h2>{t('calls.decidedHeading')}</h2>
      {m.decided.length === 0 ? <p>{t('calls.nothingDecided')}</p> : <SubmissionTable ctx={ctx} rows={m.decided} caption={t('calls.decidedCaption')} />}
    </Layout>
  );
}
