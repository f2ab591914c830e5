import type { PageCtx } from '../../../platform/web/context.js';
import { formatDateTime } from '../../../platform/i18n/i18n.js';
import type { Process } from '../../processes/index.js';
import type { BlockRow, DocumentRow, VersionRow } from '../documents.repository.js';
import { BlockHtml } from './blocks.js';

/**
 * A version as a printable page: no site navigation, the title, the version line with the
 * address it came from, and the blocks with their labels (print rules in app.css).
 */
export function PrintView(props: { ctx: PageCtx; process: Process; doc: DocumentRow; version: VersionRow; blocks: readonly BlockRow[]; url: string }) {
  const { ctx, process, doc, version } = props;
  const { t, lang } = ctx;
  return (
    <html lang={doc.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${version.title} · v${version.number}`}</title>
        <link rel="stylesheet" href="/static/app.css" />
      </head>
      <body class="print-page">
        <main id="main" class="wrap">
          <h1>{version.title}</h1>
          <p class="meta" lang={lang}>
            {t('documents.printNote', { n: version.number, date: formatDateTime(lang, version.created_at, process.timezone), url: props.url })}
          </p>
          <div class="doc">
            {props.blocks.map((b) => (
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
