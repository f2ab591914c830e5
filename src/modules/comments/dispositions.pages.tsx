import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../platform/auth/policies.js';
import { isUuid } from '../../platform/lib/ids.js';
import { localPath } from '../../platform/web/context.js';
import { pageCtx } from '../../platform/web/page-ctx.js';
import { sendPage } from '../../platform/web/render.js';
import { formFields } from '../../platform/web/forms.js';
import { formAction } from '../../platform/web/form-action.js';
import { getProcess } from '../processes/index.js';
import { getPeriod } from './periods.service.js';
import { DispositionBody } from './dispositions.schema.js';
import { dispositionScope, recordDisposition } from './dispositions.service.js';
import { buildReport, exportContext, labelsOf, queuePage, versionRefs, type QueueStatus } from './dispositions.report.js';
import { periodBase } from './dispositions.presenter.js';
import { sendCsvReport, sendJsonReport } from './dispositions.export.js';
import { queuePageModel, reportPage } from './dispositions.page-presenter.js';
import { QueueView } from './views/dispositions/queue.view.js';
import { ReportView } from './views/dispositions/report.view.js';

type Flat = Record<string, string | undefined>;
type Params = { processSlug: string; periodId: string };
const hide = { hide: true };

/** The queue's filter and cursor from a query string or a form; anything unknown is ignored. */
function queueState(q: Flat): { status: QueueStatus; after?: string | undefined; before?: string | undefined } {
  const status: QueueStatus = q.status === 'answered' || q.status === 'all' ? q.status : 'awaiting';
  const after = q.after && isUuid(q.after) ? q.after : undefined;
  const before = !after && q.before && isUuid(q.before) ? q.before : undefined;
  return { status, after, before };
}

/** The editors' queue of responses and the public disposition-of-comments report (page, CSV, JSON). */
export const dispositionsPages: FastifyPluginAsync = async (app) => {
  const db = () => app.deps.db;
  const params = (req: FastifyRequest) => req.params as Params;
  const scoped = { scope: (req: FastifyRequest) => dispositionScope(db(), params(req).processSlug, params(req).periodId) };
  /** The process and period named in the URL, as this viewer may see them (404 otherwise). */
  const load = async (req: FastifyRequest) => {
    const { process } = await getProcess(db(), params(req).processSlug);
    return { process, detail: await getPeriod(db(), process.id, params(req).periodId, req.actor) };
  };

  /** Render the queue at a position, with a failed form's values and errors when there is one. */
  const showQueue = async (req: FastifyRequest, reply: FastifyReply, state: ReturnType<typeof queueState>, failed?: { commentId: string; values: Flat; errors: Record<string, string>; status: number }) => {
    const { process, detail } = await load(req);
    const docs = detail.documents.map((d) => d.document);
    const [page, versions] = await Promise.all([queuePage(db(), detail.period.id, docs.map((d) => d.id), state), versionRefs(db(), docs)]);
    const byVersion = await labelsOf(db(), detail.documents.map((d) => d.version.id));
    const labels = new Map(detail.documents.map((d) => [d.document.id, byVersion.get(d.version.id) ?? new Map<string, string>()]));
    const ctx = pageCtx(req, reply);
    const model = queuePageModel(
      { process, period: detail.period, documents: detail.documents, status: state.status, page, cursor: { after: state.after, before: state.before }, versions, labels, failed },
      ctx,
    );
    return sendPage(reply, <QueueView ctx={ctx} model={model} />, failed?.status ?? 200);
  };

  app.get('/processes/:processSlug/comment-periods/:periodId/responses', { config: { policy: 'comment.dispose', ...scoped }, schema: hide }, async (req, reply) =>
    showQueue(req, reply, queueState(formFields(req.query))),
  );

  app.post('/processes/:processSlug/comment-periods/:periodId/responses', { config: { policy: 'comment.dispose', ...scoped }, schema: hide }, async (req, reply) => {
    const flat = formFields(req.body);
    const state = queueState(flat);
    const { process, detail } = await load(req);
    const entry = flat.entry && isUuid(flat.entry) ? flat.entry : '';
    // Field errors are named after the entry's fields, so the summary links to the right form.
    const rename = (errors: Record<string, string>) => Object.fromEntries(Object.entries(errors).map(([k, v]) => [k === '_' || !entry ? k : `${k}-${entry}`, v]));
    const body = { groupId: flat.groupId, outcome: flat.outcome, rationale: flat.rationale ?? '', versionNumber: flat.versionNumber, anchor: flat.anchor };
    const q = new URLSearchParams({ status: state.status, ...(state.after ? { after: state.after } : {}), ...(state.before ? { before: state.before } : {}) });
    return formAction(req, reply, {
      schema: DispositionBody,
      input: body,
      again: (errors, status) => showQueue(req, reply, state, { commentId: entry, values: flat, errors: rename(errors), status }),
      run: (data) => recordDisposition(db(), req.actor!, detail.period.id, data),
      to: `${localPath(req.lang, `${periodBase(process.slug, detail.period.id)}/responses`)}?${q.toString()}`,
      notice: 'dispositions.saved',
    });
  });

  app.get('/processes/:processSlug/comment-periods/:periodId/report', { config: { policy: 'public.read', anonymousCache: true }, schema: hide }, async (req, reply) => {
    const { process } = await getProcess(db(), params(req).processSlug);
    const report = await buildReport(db(), process.id, params(req).periodId, req.actor);
    const canRespond = !!req.actor && can(req.actor, 'comment.dispose', await dispositionScope(db(), process.slug, report.period.id));
    const ctx = pageCtx(req, reply);
    return sendPage(reply, <ReportView ctx={ctx} model={reportPage({ process, report, canRespond }, ctx)} />);
  });

  app.get('/processes/:processSlug/comment-periods/:periodId/report.csv', { config: { policy: 'public.read' }, schema: hide }, async (req, reply) => {
    const { process } = await getProcess(db(), params(req).processSlug);
    const ctx = await exportContext(db(), process.id, params(req).periodId, req.actor);
    return sendCsvReport(reply, db(), ctx, process.slug, app.deps.config.baseUrl);
  });

  app.get('/processes/:processSlug/comment-periods/:periodId/report.json', { config: { policy: 'public.read' }, schema: hide }, async (req, reply) => {
    const { process } = await getProcess(db(), params(req).processSlug);
    const ctx = await exportContext(db(), process.id, params(req).periodId, req.actor);
    return sendJsonReport(reply, db(), ctx, process.slug, app.deps.config.baseUrl);
  });
};
