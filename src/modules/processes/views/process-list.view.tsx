import { pick } from '../../../platform/i18n/pick.js';
import type { PageCtx } from '../../../platform/web/context.js';
import { localPath } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { can } from '../../../platform/auth/policies.js';
import type { Process } from '../processes.repository.js';

/** All processes, newest first. */
export function ProcessListView({ ctx, processes }: { ctx: PageCtx; processes: Process[] }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('processes.listTitle')}>
      <h1>{t('processes.listTitle')}</h1>
      <p>{t('processes.listIntro')}</p>
      {can(ctx.actor, 'process.create') && (
        <p>
          <a class="button" href={localPath(lang, '/processes/new')}>
            {t('processes.create')}
          </a>
        </p>
      )}
      {processes.length === 0 ? (
        <p>{t('processes.none')}</p>
      ) : (
        <ul class="cards">
          {processes.map((p) => (
            <li key={p.id} class="card">
              <h2>
                <a href={localPath(lang, `/processes/${p.slug}`)}>{pick(lang, p, 'title')}</a>
              </h2>
              <p>{pick(lang, p, 'summary')}</p>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
