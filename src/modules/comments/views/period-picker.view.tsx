import type { PageCtx } from '../../../platform/web/context.js';
import { localPath } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import type { Process } from '../../processes/index.js';
import { processCrumb } from '../../processes/index.js';
import { documentPath, type DocumentRow } from '../../documents/index.js';

/**
 * "Open a comment period" reached without naming a document (a bookmarked or typed address):
 * the process's documents this person may read, each at its latest version, with a link to
 * open a period on it, rather than a bare "page not found".
 */
export function PeriodPickerView(props: { ctx: PageCtx; process: Process; documents: DocumentRow[] }) {
  const { ctx, process } = props;
  const { t, lang } = ctx;
  const title = t('comments.pickTitle');
  return (
    <Layout ctx={ctx} title={title}>
      <Breadcrumb ctx={ctx} trail={[processCrumb(lang, process), { href: localPath(lang, `/processes/${process.slug}/comment-periods`), label: t('comments.periodsTitle') }]} current={title} />
      <h1>{title}</h1>
      {props.documents.length === 0 ? (
        <p>
          {t('comments.pickNone')} <a href={localPath(lang, `/processes/${process.slug}/documents`)}>{t('comments.pickDocumentsLink')}</a>
        </p>
      ) : (
        <>
          <p>{t('comments.pickIntro')}</p>
          <ul class="cards">
            {props.documents.map((doc) => (
              <li class="card" key={doc.id}>
                <h2 lang={doc.lang}>
                  <a href={localPath(lang, documentPath(process.slug, doc.slug))}>{doc.title}</a>
                </h2>
                <p>{t('comments.pickFacts', { lang: t(`comments.langs.${doc.lang}`), status: t(`documents.statuses.${doc.status}`), n: doc.version_count })}</p>
                <p>
                  <a href={localPath(lang, `/processes/${process.slug}/comment-periods/new?document=${encodeURIComponent(doc.slug)}`)}>
                    {t('comments.pickOpen', { title: doc.title, n: doc.version_count })}
                  </a>
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </Layout>
  );
}
