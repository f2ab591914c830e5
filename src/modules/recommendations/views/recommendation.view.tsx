import { pick } from '../../../platform/i18n/pick.js';
import type { PageCtx } from '../../../platform/web/context.js';
import { localPath } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { Markdown } from '../../../platform/web/markdown.js';
import { formatDate } from '../../../platform/i18n/i18n.js';
import type { Process } from '../../processes/index.js';
import { processCrumb } from '../../processes/index.js';
import { recommendationPath, type ConsensusResult, type RecommendationDetail } from '../recommendations.service.js';
import { RecommendationFacts, titleOf } from './parts.js';

/** A recommendation's permanent page: number and title, its facts, its text, and its address to cite. */
export function RecommendationView(props: {
  ctx: PageCtx;
  process: Process;
  d: RecommendationDetail;
  url: string;
  canEdit: boolean;
  consensus?: ConsensusResult | undefined;
}) {
  const { ctx, process, d } = props;
  const { t, lang } = ctx;
  const title = titleOf(lang, d);
  return (
    <Layout ctx={ctx} title={`${t('recommendations.numbered', { number: d.row.number })} · ${title}`}>
      <Breadcrumb
        ctx={ctx}
        trail={[processCrumb(lang, process), { href: localPath(lang, recommendationPath(process.slug)), label: t('recommendations.listTitle') }]}
        current={`${t('recommendations.numbered', { number: d.row.number })} ${title}`}
      />
      <h1>
        <span class="recommendation__number">{t('recommendations.numbered', { number: d.row.number })}</span> {title}
      </h1>
      {props.canEdit && (
        <p>
          <a href={localPath(lang, `${recommendationPath(process.slug, d.row.number)}/edit`)}>{t('recommendations.edit')}</a>
        </p>
      )}
      <RecommendationFacts ctx={ctx} processSlug={process.slug} timeZone={process.timezone} d={d} consensus={props.consensus} />
      <h2>{t('recommendations.fields.text')}</h2>
      <Markdown source={pick(lang, d.row, 'text')} class="prose" />
      <p class="meta">
        {t('recommendations.permanentLabel')} <a href={props.url}>{props.url}</a>
        <br />
        {t('recommendations.updatedOn', { date: formatDate(lang, d.row.updated_at, process.timezone) })}
      </p>
    </Layout>
  );
}
