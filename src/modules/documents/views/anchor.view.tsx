import type { PageCtx } from '../../../platform/web/context.js';
import { localPath } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import type { Process } from '../../processes/index.js';
import type { DocumentRow } from '../documents.repository.js';
import type { AnchorWhereabouts } from '../documents.reading.js';
import { documentPath } from '../documents.service.js';
import { BlockHtml } from './blocks.js';

/** Where a paragraph that is no longer in the current version went: removed in version N, perhaps into another block. */
export function AnchorView(props: { ctx: PageCtx; process: Process; doc: DocumentRow; where: Extract<AnchorWhereabouts, { state: 'removed' }> }) {
  const { ctx, process, doc, where } = props;
  const { t, lang } = ctx;
  const base = documentPath(process.slug, doc.slug);
  return (
    <Layout ctx={ctx} title={t('documents.anchorTitle')}>
      <Breadcrumb ctx={ctx} trail={[{ href: localPath(lang, base), label: doc.title }]} current={t('documents.anchorTitle')} />
      <h1>{t('documents.anchorTitle')}</h1>
      <p class="lead">{t('documents.anchorRemoved', { label: where.last.label, n: where.removedIn })}</p>
      {where.successor && (
        <p>
          {t(where.merged ? 'documents.anchorMerged' : 'documents.anchorRewritten', { label: where.successor.label })}{' '}
          <a class="button" href={localPath(lang, `${base}#${where.successor.anchor}`)}>
            {t('documents.anchorGoTo', { label: where.successor.label })}
          </a>
        </p>
      )}
      <h2>{t('documents.anchorLastText', { n: where.last.number })}</h2>
      <blockquote class="doc-quote">
        <BlockHtml html={where.last.html} lang={doc.lang} />
      </blockquote>
      <p>
        <a href={localPath(lang, `${base}/versions/${where.last.number}#${where.last.anchor}`)}>{t('documents.anchorReadLast', { n: where.last.number })}</a>
      </p>
    </Layout>
  );
}
