import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import type { PeriodsPageModel } from '../periods.page-presenter.js';
import { WindowLine } from './parts.js';

/** A process's comment periods, latest first, with where each stands and how many comments it has. */
export function PeriodsView({ ctx, model: m }: { ctx: PageCtx; model: PeriodsPageModel }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={m.title}>
      <Breadcrumb ctx={ctx} trail={m.trail} current={m.title} />
      <h1>{m.title}</h1>
      <p>{t('comments.periodsIntro')}</p>
      {m.periods.length === 0 ? (
        <p>{t('comments.noPeriods')}</p>
      ) : (
        <ul class="cards">
          {m.periods.map((p) => (
            <li class="card" key={p.id}>
              <h2>
                <a href={p.path}>{p.title}</a>
              </h2>
              <WindowLine window={p.window} />
              <p>{p.count}</p>
            </li>
          ))}
        </ul>
      )}
      {m.openOn.length > 0 && (
        <>
          <h2>{t('comments.openHeading')}</h2>
          <ul>
            {m.openOn.map((doc) => (
              <li key={doc.id}>
                <a href={doc.path}>{doc.label}</a>
              </li>
            ))}
          </ul>
        </>
      )}
    </Layout>
  );
}
