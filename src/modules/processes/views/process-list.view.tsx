import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import type { ProcessListPageModel } from '../processes.page-presenter.js';

/** All processes, newest first. */
export function ProcessListView({ ctx, model }: { ctx: PageCtx; model: ProcessListPageModel }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('processes.listTitle')}>
      <h1>{t('processes.listTitle')}</h1>
      <p>{t('processes.listIntro')}</p>
      {model.canCreate && (
        <p>
          <a class="button" href={model.createPath}>
            {t('processes.create')}
          </a>
        </p>
      )}
      {model.processes.length === 0 ? (
        <p>{t('processes.none')}</p>
      ) : (
        <ul class="cards">
          {model.processes.map((p) => (
            <li key={p.path} class="card">
              <h2>
                <a href={p.path}>{p.title}</a>
              </h2>
              <p>{p.summary}</p>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
