import { pick } from '../../../platform/i18n/pick.js';
import type { PageCtx } from '../../../platform/web/context.js';
import { localPath } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { formatDate } from '../../../platform/i18n/i18n.js';
import type { Process } from '../../processes/index.js';
import { processCrumb } from '../../processes/index.js';
import { BlockHtml, documentPath } from '../../documents/index.js';
import { finalReportPath, type FinalReport } from '../final-report.service.js';
import { RecommendationSection } from './parts.js';

/** The report itself, shared by the page and the printable page: the document's blocks, then the recommendations. */
function ReportBody(props: { ctx: PageCtx; process: Process; f: FinalReport; baseUrl: string }) {
  const { ctx, process, f } = props;
  const { t } = ctx;
  return (
    <>
      <div class="doc" lang={f.document.lang}>
        {f.blocks.map((b) => (
          <div key={b.anchor} id={b.anchor} class={`doc-block doc-block--${b.kind}`}>
            <span class="doc-block__label">{b.label}</span>
            <BlockHtml html={b.html} />
          </div>
        ))}
      </div>
      {f.recommendations.length > 0 && (
        <section aria-labelledby="recommendations-title">
          <h2 id="recommendations-title">{t('recommendations.listTitle')}</h2>
          {f.recommendations.map((d) => (
            <RecommendationSection
              key={d.row.id}
              ctx={ctx}
              processSlug={process.slug}
              timeZone={process.timezone}
              d={d}
              consensus={d.row.consensus_call_id ? f.consensus.get(d.row.consensus_call_id) : undefined}
              baseUrl={props.baseUrl}
              level={3}
            />
          ))}
        </section>
      )}
    </>
  );
}

/** The line under the title: when it was published, from which version. */
function PublishedLine(props: { ctx: PageCtx; process: Process; f: FinalReport }) {
  const { ctx, process, f } = props;
  const { t, lang } = ctx;
  const processTitle = pick(lang, process, 'title');
  return (
    <p class="meta">
      {t('recommendations.report.publishedLine', {
        process: processTitle,
        date: formatDate(lang, f.report.published_at, process.timezone),
        n: f.version.number,
      })}
    </p>
  );
}

/** The final report's page, with links to the printable page, the PDF and the source document. */
export function FinalReportView(props: { ctx: PageCtx; process: Process; f: FinalReport; baseUrl: string }) {
  const { ctx, process, f } = props;
  const { t, lang } = ctx;
  const processTitle = pick(lang, process, 'title');
  return (
    <Layout ctx={ctx} title={`${f.version.title} · ${processTitle}`}>
      <Breadcrumb ctx={ctx} trail={[processCrumb(lang, process)]} current={f.version.title} currentLang={f.document.lang} />
      <h1 lang={f.document.lang}>{f.version.title}</h1>
      <PublishedLine ctx={ctx} process={process} f={f} />
      <ul class="inline-list doc-nav">
        <li>
          <a href={localPath(lang, finalReportPath(process.slug, '/print'))}>{t('recommendations.report.print')}</a>
        </li>
        <li>
          <a href={localPath(lang, finalReportPath(process.slug, '.pdf'))} type="application/pdf">
            {t('recommendations.report.pdf')}
          </a>
        </li>
        <li>
          <a href={localPath(lang, `${documentPath(process.slug, f.document.slug)}/versions/${f.version.number}`)}>{t('recommendations.report.source')}</a>
        </li>
      </ul>
      <ReportBody ctx={ctx} process={process} f={f} baseUrl={props.baseUrl} />
    </Layout>
  );
}

/** The final report as a printable page: no site navigation, the address it came from, the print rules of app.css. */
export function FinalReportPrintView(props: { ctx: PageCtx; process: Process; f: FinalReport; baseUrl: string; url: string }) {
  const { ctx, process, f } = props;
  const { t, lang } = ctx;
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{f.version.title}</title>
        <link rel="stylesheet" href="/static/app.css" />
      </head>
      <body class="print-page">
        <main id="main" class="wrap">
          <h1 lang={f.document.lang}>{f.version.title}</h1>
          <PublishedLine ctx={ctx} process={process} f={f} />
          <p class="meta">{t('recommendations.report.printNote', { url: props.url })}</p>
          <ReportBody ctx={ctx} process={process} f={f} baseUrl={props.baseUrl} />
        </main>
      </body>
    </html>
  );
}
