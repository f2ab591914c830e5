import type { PageCtx } from '../../../platform/web/context.js';
import { localPath } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { formatDateTime } from '../../../platform/i18n/i18n.js';
import type { ProcessReport } from '../process-report.schema.js';
import { reportPaths } from '../process-report.paths.js';
import { InputSection, MeetingsSection, ParticipationSection } from './sections.js';
import type { ReportCtx } from './report-ctx.js';
import { CommentsSection, ConsensusSection, RecommendationsSection } from './outcomes.js';

const SECTIONS = ['participation', 'meetings', 'input', 'comments', 'consensus', 'recommendations'] as const;

/** The report's sections in order, shared by the page and the printable page. */
function ReportBody(props: { ctx: PageCtx; r: ProcessReport; tz: string; base: string }) {
  const { r, tz } = props;
  const ctx: ReportCtx = { ...props.ctx, link: (path) => `${props.base}${localPath(props.ctx.lang, path)}` };
  return (
    <>
      <p>{ctx.t('processReport.intro')}</p>
      <p class="meta">{ctx.t('processReport.generated', { date: formatDateTime(ctx.lang, new Date(r.generatedAt), tz) })}</p>
      <ParticipationSection ctx={ctx} r={r.participation} tz={tz} />
      <MeetingsSection ctx={ctx} r={r.meetings} tz={tz} />
      <InputSection ctx={ctx} r={r.input} tz={tz} />
      <CommentsSection ctx={ctx} r={r.comments} tz={tz} />
      <ConsensusSection ctx={ctx} r={r.consensus} tz={tz} />
      <RecommendationsSection ctx={ctx} r={r.recommendations} tz={tz} />
    </>
  );
}

/** The process report's page: contents, the printable version, PDF and JSON, then the sections. */
export function ProcessReportView(props: { ctx: PageCtx; r: ProcessReport; tz: string }) {
  const { ctx, r } = props;
  const { t, lang } = ctx;
  const slug = r.process.slug;
  return (
    <Layout ctx={ctx} title={`${t('processReport.title')} · ${r.process.title}`}>
      <Breadcrumb ctx={ctx} trail={[{ href: localPath(lang, r.process.href), label: r.process.title }]} current={t('processReport.heading', { process: r.process.title })} />
      <h1>{t('processReport.heading', { process: r.process.title })}</h1>
      <ul class="inline-list doc-nav">
        <li>
          <a href={localPath(lang, reportPaths.report(slug, '/print'))}>{t('processReport.print')}</a>
        </li>
        <li>
          <a href={localPath(lang, reportPaths.report(slug, '.pdf'))} type="application/pdf">
            {t('processReport.pdf')}
          </a>
        </li>
        <li>
          <a href={localPath(lang, reportPaths.report(slug, '.json'))} type="application/json">
            {t('processReport.json')}
          </a>
        </li>
      </ul>
      <nav aria-labelledby="report-toc">
        <h2 id="report-toc">{t('processReport.toc')}</h2>
        <ol>
          {SECTIONS.map((s) => (
            <li key={s}>
              <a href={`#${s}`}>{t(`processReport.${s}.title`)}</a>
            </li>
          ))}
        </ol>
      </nav>
      <ReportBody ctx={ctx} r={r} tz={props.tz} base="" />
    </Layout>
  );
}

/** The process report as a printable page: no site navigation, the address it came from, the print rules of app.css. */
export function ProcessReportPrintView(props: { ctx: PageCtx; r: ProcessReport; tz: string; url: string; baseUrl: string }) {
  const { ctx, r } = props;
  const { t, lang } = ctx;
  const title = t('processReport.heading', { process: r.process.title });
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <link rel="stylesheet" href="/static/app.css" />
      </head>
      <body class="print-page">
        <main id="main" class="wrap">
          <h1>{title}</h1>
          <p class="meta">{t('processReport.printNote', { url: props.url })}</p>
          <ReportBody ctx={ctx} r={r} tz={props.tz} base={props.baseUrl} />
        </main>
      </body>
    </html>
  );
}
