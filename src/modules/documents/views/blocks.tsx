import { h } from 'preact';
import type { PageCtx } from '../../../platform/web/context.js';
import type { BlockMarginModel, BlockModel } from '../documents.page-presenter.js';

/**
 * A block's stored HTML. It was produced by documents.blocks.ts with web/markdown.ts's
 * configured markdown-it (raw HTML off, vetted links) when the version was saved, and
 * versions never change, so this is the same trusted output the Markdown component inserts.
 * Nothing else may be passed here. A table block given a `region` name scrolls inside its body,
 * a focusable region with that name, when it is wider than the screen (app.css).
 */
export function BlockHtml(props: { html: string; lang?: string | undefined; region?: string | undefined }) {
  const region = props.region ? { role: 'region', 'aria-label': props.region, tabIndex: 0 } : {};
  return h('div', { class: 'doc-block__body', lang: props.lang, ...region, dangerouslySetInnerHTML: { __html: props.html } });
}

/** The comments margin of one block: its count and, while the period is open, a link to comment. */
function Margin(props: { ctx: PageCtx; label: string; anchor: string; margin: BlockMarginModel }) {
  const { ctx, margin } = props;
  const { t } = ctx;
  return (
    <div class="doc-block__margin">
      {margin.count > 0 && (
        <a class="doc-block__count" href={margin.listPath}>
          {t('documents.margin.count', { count: margin.count })}
          <span class="visually-hidden"> {t('documents.margin.countOn', { label: props.label })}</span>
        </a>
      )}
      {margin.createPath !== null && (
        <a class="doc-block__comment" href={margin.createPath} data-comment-anchor={props.anchor}>
          {t('documents.margin.commentOn')}
          <span class="visually-hidden"> {t('documents.margin.commentOnWhat', { label: props.label })}</span>
        </a>
      )}
    </div>
  );
}

/**
 * The blocks of a version, each with its anchor as id, its label linking to the anchor's
 * permanent address (which follows the paragraph into later versions), and the comment
 * margin when a period covers this version.
 */
export function Blocks(props: { ctx: PageCtx; docLang: string; blocks: readonly BlockModel[]; withMargin: boolean }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <div class={props.withMargin ? 'doc doc--margin' : 'doc'}>
      {props.blocks.map((b) => {
        const permalink = t('documents.permalink', { label: b.label });
        return (
          <div key={b.anchor} id={b.anchor} class={`doc-block doc-block--${b.kind}`}>
            <a class="doc-block__label" href={b.permalinkPath} title={permalink}>
              <span aria-hidden="true">{b.label}</span>
              <span class="visually-hidden">{permalink}</span>
            </a>
            <BlockHtml html={b.html} lang={props.docLang} region={b.kind === 'table' ? t('documents.tableRegion', { label: b.label }) : undefined} />
            {b.margin && <Margin ctx={ctx} label={b.label} anchor={b.anchor} margin={b.margin} />}
          </div>
        );
      })}
    </div>
  );
}
