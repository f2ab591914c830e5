import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { localPath } from '../../platform/web/context.js';
import { pageCtx } from '../../platform/web/page-ctx.js';
import { renderPage, sendPage } from '../../platform/web/render.js';
import { getProcess } from '../processes/index.js';
import { buildProcessReport } from './process-report.service.js';
import { reportPaths } from './process-report.paths.js';
import { processReportPdf } from './process-report.pdf.js';
import { ProcessReportPrintView, ProcessReportView } from './views/process-report.view.js';

const hide = { hide: true };
const config = { policy: 'public.read' as const };

/** The process report as a page, a printable page, a PDF and JSON (public; members-only meetings only for the process's people). */
export const processReportPages: FastifyPluginAsync = async (app) => {
  const db = () => app.deps.db;
  const base = () => app.deps.config.baseUrl;

  /** The report as this reader may see it, in the page's language, and the process's zone. */
  const load = async (req: FastifyRequest) => {
    const detail = await getProcess(db(), (req.params as { processSlug: string }).processSlug);
    const r = await buildProcessReport(db(), detail, req.lang, { actor: req.actor });
    return { r, tz: detail.process.timezone, url: `${base()}${localPath(req.lang, reportPaths.report(detail.process.slug))}` };
  };
  // What a reader sees depends on who they are (members-only meetings): never shared caches.
  const privateCache = 'private, no-store';

  app.get('/processes/:processSlug/report', { config, schema: hide }, async (req, reply) => {
    const { r, tz } = await load(req);
    return sendPage(reply, <ProcessReportView ctx={pageCtx(req, reply)} r={r} tz={tz} />);
  });

  app.get('/processes/:processSlug/report/print', { config, schema: hide }, async (req, reply) => {
    const { r, tz, url } = await load(req);
    const html = renderPage(<ProcessReportPrintView ctx={pageCtx(req, reply)} r={r} tz={tz} url={url} baseUrl={base()} />);
    return reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', privateCache).send(html);
  });

  app.get('/processes/:processSlug/report.pdf', { config, schema: hide }, async (req, reply) => {
    const { r, tz, url } = await load(req);
    const pdf = await processReportPdf(r, { t: req.t, lang: req.lang, baseUrl: base(), timeZone: tz, url });
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="${r.process.slug}-process-report-${req.lang}.pdf"`)
      .header('cache-control', privateCache)
      .send(pdf);
  });

  app.get('/processes/:processSlug/report.json', { config, schema: hide }, async (req, reply) => {
    const { r } = await load(req);
    return reply.header('content-type', 'application/json; charset=utf-8').header('cache-control', privateCache).send(JSON.stringify(r));
  });
};
