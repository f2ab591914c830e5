import type { PageCtx } from '../../../platform/web/context.js';
import { localPath } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import type { Process } from '../../processes/index.js';
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

/** Which translation and which version of each side to read: a plain GET form. */
function Choose(props: { ctx: PageCtx; action: string; side: SideBySide; translations: DocumentRow[] }) {
  const { ctx, side } = props;
  const { t } = ctx;
  const versions = (d: DocumentRow, current: number | undefined) => (
    <select id={`field-${d.id === side.left.id ? 'left' : 'right'}`} name={d.id === side.left.id ? 'left' : 'right'}>
      {Array.from({ length: d.version_count }, (_, i) => i + 1).map((n) => (
        <option key={n} value={String(n)} selected={current === n}>
          {n}
        </option>
      ))}
    </select>
  );
  return (
    <form method="get" action={props.action} class="form filters">
      <fieldset>
        <legend class="visually-hidden">{t('documents.sideChoose')}</legend>
        {props.translations.length > 1 && (
          <div class="field">
            <label for="field-with">{t('documents.sideWith')}</label>
            <select id="field-with" name="with">
              {props.translations.map((d) => (
                <option key={d.id} value={d.slug} selected={d.id === side.right.id}>
                  {d.title} ({langName(ctx, d.lang)})
                </option>
              ))}
            </select>
          </div>
        )}
        {([side.left, side.right] as const).map((d) => (
          <div class="field" key={d.id}>
            <label for={`field-${d.id === side.left.id ? 'left' : 'right'}`}>{t('documents.sideVersionOf', { lang: langName(ctx, d.lang) })}</label>
            {versions(d, (d.id === side.left.id ? side.leftVersion : side.rightVersion)?.number)}
          </div>
        ))}
        <button type="submit" class="button">
          {t('documents.sideShow')}
        </button>
      </fieldset>
    </form>
  );
}

/** A document and its translation in two columns, block against block, each column marked with its language. */
export function SideBySideView(props: { ctx: PageCtx; process: Process; doc: DocumentRow; side: SideBySide | null; translations: DocumentRow[] }) {
  const { ctx, process, doc, side } = props;
  const { t, lang } = ctx;
  const base = documentPath(process.slug, doc.slug);
  return (
    <Layout ctx={ctx} title={t('documents.sideTitle', { title: doc.title })}>
      <Breadcrumb ctx={ctx} trail={[{ href: localPath(lang, base), label: doc.title }]} current={t('documents.sideTitle', { title: doc.title })} />
      <h1>{t('documents.sideTitle', { title: doc.title })}</h1>
      {!side ? (
        <p>{t('documents.noTranslation')}</p>
      ) : (
        <>
          <Choose ctx={ctx} action={localPath(lang, `${base}/side-by-side`)} side={side} translations={props.translations} />
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
