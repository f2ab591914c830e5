import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { BlockHtml } from '../../documents/index.js';
import type { FinalReportPageModel } from '../recommendations.page-presenter.js';
import { RecommendationSection } from './parts.js';

/** The report itself, shared by the page and the printable page: the document's blocks, then the recommendations. */
function ReportBody({ ctx, m }: { ctx: PageCtx; m: FinalReportPageModel }) {
  const { t } = ctx;
  return (
    <>
      <div class="doc" lang={m.docLang}>
        {m.blocks.map((b) => (
          <div key={b.anchor} id={b.anchor} class={`doc-block doc-block--${b.kind}`}>
            <span class="doc-block__label">{b.label}</span>
            <BlockHtml html={b.html} />
          </div>
        ))}
      </div>
      {m.recommendations.length > 0 && (
        <section aria-labelledby="recommendations-title">
          <h2 id="recommendations-title">{t('recommendations.listTitle')}</h2>
          {m.recommendations.map((r) => (
            <RecommendationSection key={r.id} ctx={ctx} r={r} level={3} />
          ))}
        </section>
      )}
    </>
  );
}

/** The line under the title: when it was published, from which version. */
function PublishedLine({ ctx, m }: { ctx: PageCtx; m: FinalReportPageModel }) {
  return <p class="meta">{ctx.t('recommendations.report.publishedLine', { process: m.processTitle, date: m.publishedOn, n: m.versionNumber })}</p>;
}

/** The final report's page, with links to the printable page, the PDF and the source document. */
export function FinalReportView({ ctx, model: m }: { ctx: PageCtx; model: FinalReportPageModel }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={`${m.title} · ${m.processTitle}`}>
      <Breadcrumb ctx={ctx} trail={[m.processCrumb]} current={m.title} currentLang={m.docLang} />
      <h1 lang={m.docLang}>{m.title}</h1>
      <PublishedLine ctx={ctx} m={m} />
      <ul class="inline-list doc-nav">
        <li>
          <a href={m.printPath}>{t('recommendations.report.print')}</a>
        </li>
        <li>
          <a href={m.pdfPath} type="application/pdf">
            {t('recommendations.report.pdf')}
          </a>
        </li>
        <li>
          <a href={m.sourcePath}>{t('recommendations.report.source')}</a>
        </li>
      </ul>
      <ReportBody ctx={ctx} m={m} />
    </Layout>
  );
}

/** The final report as a printable page: no site navigation, the address it came from, the print rules of app.css. */
export function FinalReportPrintView({ ctx, model: m, url }: { ctx: PageCtx; model: FinalReportPageModel; url: string }) {
  const { t, lang } = ctx;
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{m.title}</title>
        <link rel="stylesheet" href="/static/app.css" />
      </head>
      <body class="print-page">
        <main id="main" class="wrap">
          <h1 lang={m.docLang}>{m.title}</h1>
          <PublishedLine ctx={ctx} m={m} />
          <p class="meta">{t('recommendations.report.printNote', { url })}</p>
          <ReportBody ctx={ctx} m={m} />
        </main>
      </body>
    </html>
  );
}
