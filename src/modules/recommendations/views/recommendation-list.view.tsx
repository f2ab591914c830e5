import { pick } from '../../../platform/i18n/pick.js';
import type { PageCtx } from '../../../platform/web/context.js';
import { localPath } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { formatDate } from '../../../platform/i18n/i18n.js';
import type { Process } from '../../processes/index.js';
import { processCrumb } from '../../processes/index.js';
import type { FinalReportRow } from '../recommendations.repository.js';
import { recommendationPath, type RecommendationDetail } from '../recommendations.service.js';
import { finalReportPath } from '../final-report.service.js';
import { nameIn, titleOf } from './parts.js';

/** The recommendations of a process, with their priority and addressees, and the final report when published. */
export function RecommendationListView(props: {
  ctx: PageCtx;
  process: Process;
  items: RecommendationDetail[];
  report: FinalReportRow | undefined;
  canCreate: boolean;
  canPublish: boolean;
}) {
  const { ctx, process, items, report } = props;
  const { t, lang } = ctx;
  const title = pick(lang, process, 'title');
  return (
    <Layout ctx={ctx} title={`${t('recommendations.listTitle')} · ${title}`}>
      <Breadcrumb ctx={ctx} trail={[processCrumb(lang, process)]} current={t('recommendations.listHeading', { process: title })} />
      <h1>{t('recommendations.listHeading', { process: title })}</h1>
      {report ? (
        <p>
          <a href={localPath(lang, finalReportPath(process.slug))}>{t('recommendations.report.link')}</a>{' '}
          <span class="meta">{t('recommendations.report.publishedOn', { date: formatDate(lang, report.published_at, process.timezone) })}</span>
        </p>
      ) : (
        <p>{t('recommendations.report.notYet')}</p>
      )}
      {(props.canCreate || props.canPublish) && (
        <ul class="inline-list actions">
          {props.canCreate && (
            <li>
              <a class="button" href={localPath(lang, `${recommendationPath(process.slug)}/new`)}>
                {t('recommendations.new')}
              </a>
            </li>
          )}
          {props.canPublish && (
            <li>
              <a href={localPath(lang, finalReportPath(process.slug, '/publish'))}>{t('recommendations.report.publishLink')}</a>
            </li>
          )}
        </ul>
      )}
      {items.length === 0 ? (
        <p>{t('recommendations.noneYet')}</p>
      ) : (
        <table>
          <caption class="visually-hidden">{t('recommendations.listHeading', { process: title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('recommendations.fields.number')}</th>
              <th scope="col">{t('recommendations.fields.title')}</th>
              <th scope="col">{t('recommendations.fields.priority')}</th>
              <th scope="col">{t('recommendations.fields.addressees')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((d) => (
              <tr key={d.row.id}>
                <td>{d.row.number}</td>
                <td>
                  <a href={localPath(lang, recommendationPath(process.slug, d.row.number))}>{titleOf(lang, d)}</a>
                </td>
                <td>{t(`recommendations.priorities.${d.row.priority}`)}</td>
                <td>{d.addressees.length ? d.addressees.map((a) => nameIn(lang, a)).join(', ') : t('recommendations.noAddressees')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
