import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import type { CallsPageModel } from '../consensus.page-presenter.js';
import { DeadlineLine } from './parts.js';

/** A process's consensus calls, newest first, and (for those who may) where to open one. */
export function CallsView({ ctx, model: m }: { ctx: PageCtx; model: CallsPageModel }) {
  const { t } = ctx;
  const title = t('consensus.listTitle');
  return (
    <Layout ctx={ctx} title={title}>
      <Breadcrumb ctx={ctx} trail={[m.processCrumb]} current={title} />
      <h1>{title}</h1>
      <p>{t('consensus.listIntro')}</p>
      {m.calls.length === 0 ? (
        <p>{t('consensus.none')}</p>
      ) : (
        <ul class="cards">
          {m.calls.map((call) => (
            <li class="card" key={call.id}>
              <h2>
                <a href={call.path}>{call.question}</a>
              </h2>
              <DeadlineLine ctx={ctx} deadline={call.deadline} />
            </li>
          ))}
        </ul>
      )}
      {m.olderPath && (
        <p>
          <a href={m.olderPath}>{t('consensus.older')}</a>
        </p>
      )}
      {(m.openOnDocuments.length > 0 || m.openOnRecommendationPath !== null) && (
        <>
          <h2>{t('consensus.openHeading')}</h2>
          <ul>
            {m.openOnDocuments.map((doc) => (
              <li key={doc.id}>
                <a href={doc.path}>{t('consensus.openOn', { title: doc.title })}</a>
              </li>
            ))}
            {m.openOnRecommendationPath !== null && (
              <li>
                <a href={m.openOnRecommendationPath}>{t('consensus.openOnRecommendation')}</a>
              </li>
            )}
          </ul>
        </>
      )}
    </Layout>
  );
}
