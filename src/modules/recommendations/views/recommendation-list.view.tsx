import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import type { RecommendationListPageModel } from '../recommendations.page-presenter.js';
import { ScrollTable } from '../../../platform/web/components/table-scroll.js';

/** The recommendations of a process, with their priority and addressees, and the final report when published. */
export function RecommendationListView({ ctx, model: m }: { ctx: PageCtx; model: RecommendationListPageModel }) {
  const { t } = ctx;
  const heading = t('recommendations.listHeading', { process: m.processTitle });
  return (
    <Layout ctx={ctx} title={`${t('recommendations.listTitle')} · ${m.processTitle}`}>
      <Breadcrumb ctx={ctx} trail={[m.processCrumb]} current={heading} />
      <h1>{heading}</h1>
      {m.report ? (
        <p>
          <a href={m.report.path}>{t('recommendations.report.link')}</a> <span class="meta">{t('recommendations.report.publishedOn', { date: m.report.publishedOn })}</span>
        </p>
      ) : (
        <p>{t('recommendations.report.notYet')}</p>
      )}
      {(m.newPath || m.publishPath) && (
        <ul class="inline-list actions">
          {m.newPath && (
            <li>
              <a class="button" href={m.newPath}>
                {t('recommendations.new')}
              </a>
            </li>
          )}
          {m.publishPath && (
            <li>
              <a href={m.publishPath}>{t('recommendations.report.publishLink')}</a>
            </li>
          )}
        </ul>
      )}
      {m.items.length === 0 ? (
        <p>{t('recommendations.noneYet')}</p>
      ) : (
        <ScrollTable label={heading}>
          <caption class="visually-hidden">{heading}</caption>
          <thead>
            <tr>
              <th scope="col">{t('recommendations.fields.number')}</th>
              <th scope="col">{t('recommendations.fields.title')}</th>
              <th scope="col">{t('recommendations.fields.priority')}</th>
              <th scope="col">{t('recommendations.fields.addressees')}</th>
            </tr>
          </thead>
          <tbody>
            {m.items.map((r) => (
              <tr key={r.id}>
                <td class="label">{r.number}</td>
                <td>
                  <a href={r.path}>{r.title}</a>
                </td>
                <td>{t(`recommendations.priorities.${r.priority}`)}</td>
                <td>{r.addressees.length ? r.addressees.join(', ') : t('recommendations.noAddressees')}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </Layout>
  );
}
