import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import type { DocumentListPageModel } from '../documents.page-presenter.js';
import { ScrollTable } from '../../../platform/web/components/table-scroll.js';

/** The documents of a process and its groups, with kind, status, language and translations. */
export function DocumentListView(props: { ctx: PageCtx; model: DocumentListPageModel }) {
  const { ctx, model: m } = props;
  const { t } = ctx;
  const heading = t('documents.listHeading', { process: m.processTitle });
  return (
    <Layout ctx={ctx} title={`${t('documents.listTitle')} · ${m.processTitle}`}>
      <Breadcrumb ctx={ctx} trail={[m.processCrumb]} current={heading} />
      <h1>{heading}</h1>
      <p>{t('documents.listIntro')}</p>
      {(m.newPath !== null || m.newForGroups.length > 0) && (
        <ul class="inline-list actions">
          {m.newPath !== null && (
            <li>
              <a class="button" href={m.newPath}>
                {t('documents.new')}
              </a>
            </li>
          )}
          {m.newForGroups.map((g) => (
            <li key={g.id}>
              <a class="button" href={g.path}>
                {t('documents.newFor', { group: g.name })}
              </a>
            </li>
          ))}
        </ul>
      )}
      {m.docs.length === 0 ? (
        <p>{t('documents.none')}</p>
      ) : (
        <ScrollTable label={heading}>
          <caption class="visually-hidden">{heading}</caption>
          <thead>
            <tr>
              <th scope="col">{t('documents.columns.title')}</th>
              <th scope="col">{t('documents.columns.owner')}</th>
              <th scope="col">{t('documents.columns.kind')}</th>
              <th scope="col">{t('documents.columns.status')}</th>
              <th scope="col">{t('documents.columns.lang')}</th>
              <th scope="col" class="num">
                {t('documents.columns.version')}
              </th>
              <th scope="col">{t('documents.columns.translations')}</th>
            </tr>
          </thead>
          <tbody>
            {m.docs.map((d) => (
              <tr key={d.id}>
                <td>
                  <a href={d.path} lang={d.lang}>
                    {d.title}
                  </a>{' '}
                  {d.membersOnly && <span class="badge">{t('documents.membersOnly')}</span>}
                </td>
                <td>{d.owner}</td>
                <td class="label">{d.kind}</td>
                <td class="label">{d.status}</td>
                <td class="label">{d.langName}</td>
                <td class="num">{d.versionCount}</td>
                <td>
                  {d.translations.map((x) => (
                    <a key={x.id} href={x.path} hrefLang={x.lang}>
                      {t('documents.translationLink', { lang: x.langName })}
                    </a>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </Layout>
  );
}
