import { h } from 'preact';
import type { PageCtx } from '../../../platform/web/context.js';
import { localPath } from '../../../platform/web/context.js';
import type { DocumentMargin } from '../documents.slots.js';
import type { BlockRow } from '../documents.repository.js';
import { documentPath } from '../documents.service.js';

/**
 * A block's stored HTML. It was produced by documents.blocks.ts with web/markdown.ts's
 * configured markdown-it (raw HTML off, vetted links) when the version was saved, and
 * versions never change, so this is the same trusted output the Markdown component inserts.
 * Nothing else may be passed here.
 */
export function BlockHtml(props: { html: string; lang?: string | undefined }) {
  return h('div', { class: 'doc-block__body', lang: props.lang, dangerouslySetInnerHTML: { __html: props.html } });
}

/** Where the comment links of a paragraph point (the comments feature's pages). */
export function commentLinks(lang: PageCtx['lang'], processSlug: string, docSlug: string, periodId: string, anchor: string | null) {
  const base = `/processes/${processSlug}/comment-periods/${periodId}/comments`;
  const q = `document=${encodeURIComponent(docSlug)}${anchor ? `&anchor=${encodeURIComponent(anchor)}` : ''}`;
  return { list: localPath(lang, `${base}?${q}`), create: localPath(lang, `${base}/new?${q}#comment-form`) };
}

/** The comments margin of one block: its count and, while the period is open, a link to comment. */
function Margin(props: { ctx: PageCtx; processSlug: string; docSlug: string; margin: DocumentMargin; block: BlockRow }) {
  const { ctx, margin, block } = props;
  const { t } = ctx;
  const count = margin.counts[block.anchor] ?? 0;
  const links = commentLinks(ctx.lang, props.processSlug, props.docSlug, margin.periodId, block.anchor);
  return (
    <div class="doc-block__margin">
      {count > 0 && (
        <a class="doc-block__count" href={links.list}>
          {t('documents.margin.count', { count })}
          <span class="visually-hidden"> {t('documents.margin.countOn', { label: block.label })}</span>
        </a>
      )}
      {margin.state === 'open' && (
        <a class="doc-block__comment" href={links.create} data-comment-anchor={block.anchor}>
          {t('documents.margin.commentOn')}
          <span class="visually-hidden"> {t('documents.margin.commentOnWhat', { label: block.label })}</span>
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
export function Blocks(props: {
  ctx: PageCtx;
  processSlug: string;
  docSlug: string;
  docLang: 'en' | 'fr';
  blocks: readonly BlockRow[];
  margin?: DocumentMargin | null | undefined;
}) {
  const { ctx, processSlug, docSlug, margin } = props;
  const { t, lang } = ctx;
  const base = documentPath(processSlug, docSlug);
  return (
    <div class={margin ? 'doc doc--margin' : 'doc'}>
      {props.blocks.map((b) => {
        const permalink = t('documents.permalink', { label: b.label });
        return (
          <div key={b.anchor} id={b.anchor} class={`doc-block doc-block--${b.kind}`}>
            <a class="doc-block__label" href={localPath(lang, `${base}/anchors/${b.anchor}`)} title={permalink}>
              <span aria-hidden="true">{b.label}</span>
              <span class="visually-hidden">{permalink}</span>
            </a>
            <BlockHtml html={b.html} lang={props.docLang} />
            {margin && <Margin ctx={ctx} processSlug={processSlug} docSlug={docSlug} margin={margin} block={b} />}
          </div>
        );
      })}
    </div>
  );
}
