import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { Markdown } from '../../../platform/web/markdown.js';
import type { RecommendationPageModel } from '../recommendations.page-presenter.js';
import { RecommendationFacts } from './parts.js';

/** A recommendation's permanent page: number and title, its facts, its text, and its address to cite. */
export function RecommendationView({ ctx, model: m }: { ctx: PageCtx; model: RecommendationPageModel }) {
  const { t } = ctx;
  const numbered = t('recommendations.numbered', { number: m.number });
  return (
    <Layout ctx={ctx} title={`${numbered} · ${m.title}`}>
      <Breadcrumb ctx={ctx} trail={[m.processCrumb, { href: m.listPath, label: t('recommendations.listTitle') }]} current={`${numbered} ${m.title}`} />
      <h1>
        <span class="recommendation__number">{numbered}</span> {m.title}
      </h1>
      {m.editPath && (
        <p>
          <a href={m.editPath}>{t('recommendations.edit')}</a>
        </p>
      )}
      <RecommendationFacts ctx={ctx} facts={m.facts} />
      <h2>{t('recommendations.fields.text')}</h2>
      <Markdown source={m.text} class="prose" />
      <p>
        <a href={m.trackerPath}>{t('recommendations.trackerLink')}</a>
      </p>
      <p class="meta">
        {t('recommendations.permanentLabel')} <a href={m.url}>{m.url}</a>
        <br />
        {t('recommendations.updatedOn', { date: m.updatedOn })}
      </p>
    </Layout>
  );
}
