import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { Markdown } from '../../../platform/web/markdown.js';
import type { CallPageModel, ReportItemModel } from '../calls.page-presenter.js';
import { StateLine, StatusBadge } from './parts.js';

/** A published report in a list: title, organisation, language, and its file to download. */
export function ReportItem({ ctx, item }: { ctx: PageCtx; item: ReportItemModel }) {
  const { t } = ctx;
  return (
    <li key={item.id}>
      <a href={item.path} lang={item.lang}>
        {item.title}
      </a>
      {item.organisation && <> — {item.organisation}</>} <span class="meta">({item.langName})</span>
      {item.file && (
        <>
          {' '}
          · <a href={item.file.path}>{t('calls.download', { name: item.file.name, size: item.file.size })}</a>
        </>
      )}
    </li>
  );
}

/** A call's page: what it asks, whether it is open, its published reports, and your own. */
export function CallView({ ctx, model: m }: { ctx: PageCtx; model: CallPageModel }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={m.title}>
      <Breadcrumb ctx={ctx} trail={[m.processCrumb]} current={m.title} />
      <h1>{m.title}</h1>
      <StateLine ctx={ctx} state={m.state} />
      <div class="actions">
        {m.submit && (
          <a class="button" href={m.submit.path}>
            {m.submit.signIn ? t('calls.signInToSubmit') : t('calls.submit')}
          </a>
        )}
        {m.moderationPath !== null && <a href={m.moderationPath}>{t('calls.moderationQueue')}</a>}
      </div>
      {m.description && <Markdown source={m.description} />}
      {m.mine.length > 0 && (
        <section aria-labelledby="mine-heading">
          <h2 id="mine-heading">{t('calls.yourSubmissions')}</h2>
          <ul>
            {m.mine.map((s) => (
              <li key={s.id}>
                <a href={s.path} lang={s.lang}>
                  {s.title}
                </a>{' '}
                <StatusBadge ctx={ctx} status={s.status} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <h2>{t('calls.published')}</h2>
      {m.accepted.length === 0 ? (
        <p>{t('calls.noneAccepted')}</p>
      ) : (
        <ul>
          {m.accepted.map((item) => (
            <ReportItem key={item.id} ctx={ctx} item={item} />
          ))}
        </ul>
      )}
    </Layout>
  );
}
