import type { PageCtx } from '../../../platform/web/context.js';
import type { PrintPageModel } from '../documents.reading.page-presenter.js';
import { BlockHtml } from './blocks.js';

/**
 * A version as a printable page: no site navigation, the title, the version line with the
 * address it came from, and the blocks with their labels (print rules in app.css).
 */
export function PrintView(props: { ctx: PageCtx; model: PrintPageModel }) {
  const { ctx, model: m } = props;
  const { t, lang } = ctx;
  return (
    <html lang={m.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${m.title} · v${m.number}`}</title>
        <link rel="stylesheet" href="/static/app.css" />
      </head>
      <body class="print-page">
        <main id="main" class="wrap">
          <h1>{m.title}</h1>
          <p class="meta" lang={lang}>
            {t('documents.printNote', { n: m.number, date: m.date, url: m.url })}
          </p>
          <div class="doc">
            {m.blocks.map((b) => (
              <div key={b.anchor} id={b.anchor} class={`doc-block doc-block--${b.kind}`}>
                <span class="doc-block__label">{b.label}</span>
                <BlockHtml html={b.html} />
              </div>
            ))}
          </div>
        </main>
      </body>
    </html>
  );
}
