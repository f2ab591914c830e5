import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import type { SideBySidePageModel, SideColumnModel } from '../documents.reading.page-presenter.js';
import { BlockHtml } from './blocks.js';
import { ScrollTable } from '../../../platform/web/components/table-scroll.js';

type Side = NonNullable<SideBySidePageModel['side']>;

/** One side of a row: the block in its own language, or a note that there is none. */
function Cell(props: { ctx: PageCtx; lang: string; block: Side['rows'][number]['left'] }) {
  const { block } = props;
  if (!block) return <td class="meta">{props.ctx.t('documents.sideMissing')}</td>;
  return (
    <td lang={props.lang}>
      <span class="doc-block__label">{block.label}</span>
      <BlockHtml html={block.html} />
    </td>
  );
}

/** Which translation and which version of each side to read: a plain GET form. */
function Choose(props: { ctx: PageCtx; side: Side }) {
  const { ctx, side } = props;
  const { t } = ctx;
  const versions = (c: SideColumnModel) => (
    <select id={`field-${c.name}`} name={c.name}>
      {c.numbers.map((n) => (
        <option key={n} value={String(n)} selected={c.selected === n}>
          {n}
        </option>
      ))}
    </select>
  );
  return (
    <form method="get" action={side.action} class="form filters">
      <fieldset>
        <legend class="visually-hidden">{t('documents.sideChoose')}</legend>
        {side.choices.length > 0 && (
          <div class="field">
            <label for="field-with">{t('documents.sideWith')}</label>
            <select id="field-with" name="with">
              {side.choices.map((c) => (
                <option key={c.value} value={c.value} selected={c.selected}>
                  {c.label}
                </option>
              ))}
            </select>
          </div>
        )}
        {[side.left, side.right].map((c) => (
          <div class="field" key={c.name}>
            <label for={`field-${c.name}`}>{t('documents.sideVersionOf', { lang: c.langName })}</label>
            {versions(c)}
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
export function SideBySideView(props: { ctx: PageCtx; model: SideBySidePageModel }) {
  const { ctx, model: m } = props;
  const { t } = ctx;
  const { side } = m;
  const title = t('documents.sideTitle', { title: m.docTitle });
  return (
    <Layout ctx={ctx} title={title}>
      <Breadcrumb ctx={ctx} trail={[{ href: m.docPath, label: m.docTitle }]} current={title} />
      <h1>{title}</h1>
      {!side ? (
        <p>{t('documents.noTranslation')}</p>
      ) : (
        <>
          <Choose ctx={ctx} side={side} />
          <p class={side.aligned ? '' : 'notice notice--warning'}>
            {side.aligned ? t('documents.sideAligned') : t('documents.sideNotAligned', { left: side.leftCount, right: side.rightCount })}
          </p>
          <ScrollTable class="side-by-side" label={t('documents.sideCaption', { left: side.leftTitle, right: side.rightTitle })}>
            <caption>{t('documents.sideCaption', { left: side.leftTitle, right: side.rightTitle })}</caption>
            <thead>
              <tr>
                {[side.left, side.right].map((c) => (
                  <th scope="col" key={c.name}>
                    <a href={c.path}>{c.langName}</a>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {side.rows.map((r, i) => (
                <tr key={i}>
                  <Cell ctx={ctx} lang={side.left.lang} block={r.left} />
                  <Cell ctx={ctx} lang={side.right.lang} block={r.right} />
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        </>
      )}
    </Layout>
  );
}
