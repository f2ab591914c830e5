import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { PersonName } from '../../../platform/web/components/person-name.js';
import type { HistoryPageModel } from '../documents.reading.page-presenter.js';
import { ScrollTable } from '../../../platform/web/components/table-scroll.js';

/** Every version of a document: number, author, date, message, and a link to what changed. */
export function HistoryView(props: { ctx: PageCtx; model: HistoryPageModel }) {
  const { ctx, model: m } = props;
  const { t } = ctx;
  const title = t('documents.historyTitle', { title: m.docTitle });
  return (
    <Layout ctx={ctx} title={title}>
      <Breadcrumb ctx={ctx} trail={[{ href: m.listPath, label: t('documents.listTitle') }, { href: m.docPath, label: m.docTitle }]} current={title} />
      <h1>{title}</h1>
      {m.comparePath !== null && (
        <p>
          <a href={m.comparePath}>{t('documents.compare')}</a>
        </p>
      )}
      <ScrollTable label={title}>
        <caption class="visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('documents.historyColumns.number')}</th>
            <th scope="col">{t('documents.historyColumns.author')}</th>
            <th scope="col">{t('documents.historyColumns.date')}</th>
            <th scope="col">{t('documents.historyColumns.message')}</th>
            <th scope="col">{t('documents.historyColumns.compare')}</th>
          </tr>
        </thead>
        <tbody>
          {m.versions.map((v) => (
            <tr key={v.id}>
              <th scope="row">
                <a href={v.path}>{v.number}</a>
              </th>
              <td>
                <PersonName p={v.author} />
              </td>
              <td>{v.date}</td>
              <td lang={m.docLang}>{v.message}</td>
              <td>{v.previous && <a href={v.previous.path}>{t('documents.compareWithPrevious', { n: v.previous.n })}</a>}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </Layout>
  );
}
