import type { PageCtx } from '../../../platform/web/context.js';
import { localPath } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { formatDateTime } from '../../../platform/i18n/i18n.js';
import type { Process } from '../../processes/index.js';
import type { DocumentRow, VersionListItem } from '../documents.repository.js';
import { documentPath } from '../documents.service.js';

/** Every version of a document: number, author, date, message, and a link to what changed. */
export function HistoryView(props: { ctx: PageCtx; process: Process; doc: DocumentRow; versions: VersionListItem[] }) {
  const { ctx, process, doc } = props;
  const { t, lang } = ctx;
  const base = documentPath(process.slug, doc.slug);
  return (
    <Layout ctx={ctx} title={t('documents.historyTitle', { title: doc.title })}>
      <Breadcrumb ctx={ctx} trail={[{ href: localPath(lang, `/processes/${process.slug}/documents`), label: t('documents.listTitle') }, { href: localPath(lang, base), label: doc.title }]} current={t('documents.historyTitle', { title: doc.title })} />
      <h1>{t('documents.historyTitle', { title: doc.title })}</h1>
      {props.versions.length > 1 && (
        <p>
          <a href={localPath(lang, `${base}/compare?from=1&to=${doc.version_count}`)}>{t('documents.compare')}</a>
        </p>
      )}
      <table>
        <caption class="visually-hidden">{t('documents.historyTitle', { title: doc.title })}</caption>
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
          {props.versions.map((v) => (
            <tr key={v.id}>
              <th scope="row">
                <a href={localPath(lang, `${base}/versions/${v.number}`)}>{v.number}</a>
              </th>
              <td>{v.author_name ?? t('documents.unknownAuthor')}</td>
              <td>{formatDateTime(lang, v.created_at, process.timezone)}</td>
              <td lang={doc.lang}>{v.message || '—'}</td>
              <td>
                {v.number > 1 && (
                  <a href={localPath(lang, `${base}/compare?from=${v.number - 1}&to=${v.number}`)}>{t('documents.compareWithPrevious', { n: v.number - 1 })}</a>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}
