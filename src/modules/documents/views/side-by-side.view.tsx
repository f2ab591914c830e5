import type { PageCtx } from '../../../web/context.js';
import { localPath } from '../../../web/context.js';
import { Layout } from '../../../web/layout.js';
import type { Process } from '../../processes/processes.repository.js';
import type { BlockRow, DocumentRow } from '../documents.repository.js';
import type { SideBySide } from '../documents.reading.js';
import { documentPath } from '../documents.service.js';
import { BlockHtml } from './blocks.js';
import { langName } from './common.js';

/** One side of a row: the block in its own language, or a note that there is none. */
function Cell(props: { ctx: PageCtx; doc: DocumentRow; block: BlockRow | null }) {
  const { doc, block } = props;
  if (!block) return <td class="meta">{props.ctx.t('documents.sideMissing')}</td>;
  return (
    <td lang={doc.lang}>
      <span class="doc-block__label">{block.label}</span>
      <BlockHtml html={block.html} />
    </td>
  );
}

/** A document and its translation in two columns, block against block, each column marked with its language. */
export function SideBySideView(props: { ctx: PageCtx; process: Process; doc: DocumentRow; side: SideBySide | null }) {
  const { ctx, process, doc, side } = props;
  const { t, lang } = ctx;
  const base = documentPath(process.slug, doc.slug);
  return (
    <Layout ctx={ctx} title={t('documents.sideTitle', { title: doc.title })}>
      <p class="breadcrumb">
        <a href={localPath(lang, base)}>{doc.title}</a>
      </p>
      <h1>{t('documents.sideTitle', { title: doc.title })}</h1>
      {!side ? (
        <p>{t('documents.noTranslation')}</p>
      ) : (
        <>
          <p class={side.aligned ? '' : 'notice notice--warning'}>
            {side.aligned
              ? t('documents.sideAligned')
              : t('documents.sideNotAligned', { left: side.rows.filter((r) => r.left).length, right: side.rows.filter((r) => r.right).length })}
          </p>
          <table class="side-by-side">
            <caption>{t('documents.sideCaption', { left: side.left.title, right: side.right.title })}</caption>
            <thead>
              <tr>
                {[side.left, side.right].map((d) => (
                  <th scope="col" key={d.id}>
                    <a href={localPath(lang, documentPath(process.slug, d.slug))}>{langName(ctx, d.lang)}</a>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {side.rows.map((r, i) => (
                <tr key={i}>
                  <Cell ctx={ctx} doc={side.left} block={r.left} />
                  <Cell ctx={ctx} doc={side.right} block={r.right} />
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Layout>
  );
}
