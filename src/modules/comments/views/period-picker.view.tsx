import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import type { PeriodPickerPageModel } from '../periods.page-presenter.js';

/**
 * "Open a comment period" reached without naming a document (a bookmarked or typed address):
 * the process's documents this person may read, each at its latest version, with a link to
 * open a period on it, rather than a bare "page not found".
 */
export function PeriodPickerView({ ctx, model: m }: { ctx: PageCtx; model: PeriodPickerPageModel }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={m.title}>
      <Breadcrumb ctx={ctx} trail={m.trail} current={m.title} />
      <h1>{m.title}</h1>
      {m.documents.length === 0 ? (
        <p>
          {t('comments.pickNone')} <a href={m.documentsPath}>{t('comments.pickDocumentsLink')}</a>
        </p>
      ) : (
        <>
          <p>{t('comments.pickIntro')}</p>
          <ul class="cards">
            {m.documents.map((doc) => (
              <li class="card" key={doc.id}>
                <h2 lang={doc.lang}>
                  <a href={doc.path}>{doc.title}</a>
                </h2>
                <p>{doc.facts}</p>
                <p>
                  <a href={doc.openPath}>{doc.openLabel}</a>
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </Layout>
  );
}
