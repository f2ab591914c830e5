import { pick } from '../../platform/i18n/pick.js';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { localPath } from '../../platform/web/context.js';
import { pageCtx } from '../../platform/web/page-ctx.js';
import { renderPage, sendPage } from '../../platform/web/render.js';
import { formFields } from '../../platform/web/forms.js';
import { formAction } from '../../platform/web/form-action.js';
import { getProcess } from '../processes/index.js';
import { listDocuments } from '../documents/index.js';
import { PublishReportBody } from './recommendations.schema.js';
import { recommendationScope } from './recommendations.service.js';
import { finalReportOf, finalReportPath, getFinalReport, publishFinalReport } from './final-report.service.js';
import { finalReportPdf } from './final-report.pdf.js';
import { FinalReportPrintView, FinalReportView } from './views/final-report.view.js';
import { PublishReportView } from './views/publish-report.view.js';
import { finalReportPage, publishReportPage } from './recommendations.page-presenter.js';

type Params = { processSlug: string };
const hide = { hide: true };

/** The final report: its page, printable page and PDF (public), and the form that publishes it. */
export const finalReportPages: FastifyPluginAsync = async (app) => {
  const db = () => app.deps.db;
  const base = () => app.deps.config.baseUrl;
  const params = (req: FastifyRequest) => req.params as Params;
  const publish = { policy: 'report.publish' as const, scope: (req: FastifyRequest) => recommendationScope(db(), params(req).processSlug) };

  /** The process and its report as assembled for this language (404 when none is published). */
  const load = async (req: FastifyRequest) => {
    const { process } = await getProcess(db(), params(req).processSlug);
    return { process, f: await getFinalReport(db(), process.id, req.lang) };
  };

  /** The publishing form: the process's public documents that have a version. */
  const showPublish = async (req: FastifyRequest, reply: FastifyReply, value?: string, errors?: Record<string, string>, status = 200) => {
    const { process } = await getProcess(db(), params(req).processSlug);
    const [docs, current] = await Promise.all([listDocuments(db(), process.id, null), finalReportOf(db(), process.id)]);
    const documents = docs.filter((d) => d.current_version_id !== null);
    const ctx = pageCtx(req, reply);
    return sendPage(reply, <PublishReportView ctx={ctx} model={publishReportPage({ process, documents, current }, ctx)} value={value} errors={errors} />, status);
  };

  app.get('/processes/:processSlug/final-report', { config: { policy: 'public.read' }, schema: hide }, async (req, reply) => {
    const { process, f } = await load(req);
    const ctx = pageCtx(req, reply);
    return sendPage(reply, <FinalReportView ctx={ctx} model={finalReportPage({ process, f, baseUrl: base() }, ctx)} />);
  });

  app.get('/processes/:processSlug/final-report/print', { config: { policy: 'public.read' }, schema: hide }, async (req, reply) => {
    const { process, f } = await load(req);
    const url = `${base()}${localPath(req.lang, finalReportPath(process.slug))}`;
    const ctx = pageCtx(req, reply);
    const html = renderPage(<FinalReportPrintView ctx={ctx} model={finalReportPage({ process, f, baseUrl: base() }, ctx)} url={url} />);
    return reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
  });

  // Rendered on request: a report of a few dozen pages takes a fraction of a second.
  app.get('/processes/:processSlug/final-report.pdf', { config: { policy: 'public.read' }, schema: hide }, async (req, reply) => {
    const { process, f } = await load(req);
    const url = `${base()}${localPath(req.lang, finalReportPath(process.slug))}`;
    const pdf = await finalReportPdf(f, {
      t: req.t,
      lang: req.lang,
      processSlug: process.slug,
      processTitle: pick(req.lang, process, 'title'),
      timeZone: process.timezone,
      baseUrl: base(),
      url,
    });
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="${process.slug}-final-report-${req.lang}.pdf"`)
      .header('cache-control', 'public, max-age=300')
      .send(pdf);
  });

  app.get('/processes/:processSlug/final-report/publish', { config: publish, schema: hide }, async (req, reply) => showPublish(req, reply));

  app.post('/processes/:processSlug/final-report/publish', { config: publish, schema: hide }, async (req, reply) => {
    const flat = formFields(req.body);
    const { process } = await getProcess(db(), params(req).processSlug);
    return formAction(req, reply, {
      schema: PublishReportBody,
      input: flat,
      again: (errors, status) => showPublish(req, reply, flat.document, errors, status),
      run: (data) => publishFinalReport(db(), req.actor!, process.id, data),
      to: localPath(req.lang, finalReportPath(process.slug)),
      notice: 'recommendations.report.published',
    });
  });
};
