import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import type { AnchorPageModel } from '../documents.reading.page-presenter.js';
import { BlockHtml } from './blocks.js';

/** Where a paragraph that is no longer in the current version went: removed in version N, perhaps into another block. */
export function AnchorView(props: { ctx: PageCtx; model: AnchorPageModel }) {
  const { ctx, model: m } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('documents.anchorTitle')}>
      <Breadcrumb ctx={ctx} trail={[{ href: m.docPath, label: m.docTitle }]} current={t('documents.anchorTitle')} />
      <h1>{t('documents.anchorTitle')}</h1>
      <p class="lead">{t('documents.anchorRemoved', { label: m.last.label, n: m.removedIn })}</p>
      {m.successor && (
        <p>
          {t(m.successor.merged ? 'documents.anchorMerged' : 'documents.anchorRewritten', { label: m.successor.label })}{' '}
          <a class="button" href={m.successor.path}>
            {t('documents.anchorGoTo', { label: m.successor.label })}
          </a>
        </p>
      )}
      <h2>{t('documents.anchorLastText', { n: m.last.number })}</h2>
      <blockquote class="doc-quote">
        <BlockHtml html={m.last.html} lang={m.docLang} />
      </blockquote>
      <p>
        <a href={m.last.path}>{t('documents.anchorReadLast', { n: m.last.number })}</a>
      </p>
    </Layout>
  );
}
