import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { localPath } from '../../platform/web/context.js';
import { pageCtx } from '../../platform/web/page-ctx.js';
import { sendPage } from '../../platform/web/render.js';
import { redirectWithNotice } from '../../platform/web/notice.js';
import { parseForm, problemToFormErrors, formFields } from '../../platform/web/forms.js';
import { formAction } from '../../platform/web/form-action.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { can } from '../../platform/auth/policies.js';
import { getProcess, processRecords, stakeholderGroupsOf } from '../processes/index.js';
import { sendFile, acceptMultipart, uploadedFiles } from '../files/index.js';
import { CommentFields, HideBody, ListQuery, ReportBody, ReportDecisionBody } from './comments.schema.js';
import { commentFile, commentPath, commentRefusal, fileMeta, getComment, receiptPath, submitToPeriod } from './comments.service.js';
import { periodScope } from './comments.scopes.js';
import { getPeriod, periodPath } from './periods.service.js';
import { cursorOf, groupMembers, listComments, resolveFilter } from './listing.service.js';
import { decideReport, hideComment, reportComment, reportsOn, restoreComment } from './moderation.service.js';
import { paragraphMaps } from './periods.pages.js';
import { commentFormPage, commentPage, commentsListPage, duplicatesPage, reportFormPage } from './comments.page-presenter.js';
import { CommentsListView } from './views/comments-list.view.js';
import { CommentFormView } from './views/comment-form.view.js';
import { CommentView, ReportFormView } from './views/comment.view.js';
import { DuplicatesView } from './views/moderation.view.js';

type Flat = Record<string, string | undefined>;
type Params = { processSlug: string; periodId: string; commentId: string; reportId: string; receipt: string };
const hide = { hide: true };

/** The comment form's fields as the CommentFields shape: empty choices are absent. */
function commentFormToBody(f: Flat): Record<string, unknown> {
  return {
    document: f.document || undefined,
    anchor: f.anchor || null,
    text: f.text ?? '',
    displayName: f.displayName || undefined,
    organisation: f.organisation || undefined,
    stakeholderGroupId: f.stakeholderGroupId || undefined,
    lang: f.lang,
  };
}

/** Comment pages: the listing, the form, a comment and its report/moderation forms, duplicates, receipts. */
export const commentsPages: FastifyPluginAsync = async (app) => {
  // Multipart is accepted here only (the comment form carries a file); CSRF still applies.
  acceptMultipart(app);
  const db = () => app.deps.db;
  const base = () => app.deps.config.baseUrl;
  const params = (req: FastifyRequest) => req.params as Params;
  const scoped = { scope: processRecords };

  /** The process and period named in the URL. */
  const loadPeriod = async (req: FastifyRequest) => {
    const detail = await getProcess(db(), params(req).processSlug);
    return { ...detail, d: await getPeriod(db(), detail.process.id, params(req).periodId, req.actor) };
  };
  /** The process and comment named in the URL, with its period. */
  const loadComment = async (req: FastifyRequest) => {
    const detail = await getProcess(db(), params(req).processSlug);
    const { row, period, documents } = await getComment(db(), detail.process.id, params(req).commentId, req.actor);
    return { ...detail, c: row, d: { period, documents } };
  };

  app.get('/processes/:processSlug/comment-periods/:periodId/comments', { config: { policy: 'public.read', anonymousCache: true }, schema: hide }, async (req, reply) => {
    const { process, stakeholderGroups, d } = await loadPeriod(req);
    const q = ListQuery.safeParse(req.query);
    // A broken page link and a bad filter are different mistakes: say which one it is.
    if (!q.success) throw new HttpProblem(400, q.error.issues.some((i) => ['after', 'before'].includes(String(i.path[0]))) ? 'errors.cursor' : 'comments.errors.filter');
    const [page, paragraphs] = await Promise.all([listComments(db(), resolveFilter(d, stakeholderGroups, q.data), cursorOf(q.data)), paragraphMaps(db(), d)]);
    const filters = { document: q.data.document, anchor: q.data.anchor, stakeholderGroup: q.data.stakeholderGroup, lang: q.data.lang, status: q.data.status, campaign: q.data.campaign };
    const ctx = pageCtx(req, reply);
    const model = commentsListPage({ process, d, page, filters, groups: stakeholderGroups, paragraphs, now: new Date() }, ctx);
    return sendPage(reply, <CommentsListView ctx={ctx} model={model} />);
  });

  /** The comment form for `?document=&anchor=` (or the posted values when shown again). */
  const showForm = async (req: FastifyRequest, reply: FastifyReply, values: Flat, errors?: Record<string, string>, status = 200) => {
    const { process, period, documents } = periodScope.of(req);
    const d = { period, documents };
    const stakeholderGroups = await stakeholderGroupsOf(db(), process.id);
    const slug = values.document ?? '';
    const covered = d.documents.find((c) => c.document.slug === slug) ?? d.documents.find((c) => c.document.lang === req.lang) ?? d.documents[0]!;
    const paragraphs = await paragraphMaps(db(), d);
    const paragraph = values.anchor ? paragraphs.get(covered.document.id)?.get(values.anchor) : undefined;
    if (values.anchor && !paragraph) throw new HttpProblem(404, 'errors.notFound');
    const now = new Date();
    const refusal = await commentRefusal(db(), req.actor, d.period, now);
    const v = { displayName: req.actor?.name, idempotencyKey: randomUUID(), ...values };
    const ctx = pageCtx(req, reply);
    const model = commentFormPage({ process, d, covered, anchor: values.anchor || null, paragraph, groups: stakeholderGroups, now, refusal, values: v }, ctx);
    return sendPage(reply, <CommentFormView ctx={ctx} model={model} errors={errors} />, status);
  };

  app.get('/processes/:processSlug/comment-periods/:periodId/comments/new', { config: { policy: 'comment.submit', scope: periodScope }, schema: hide }, async (req, reply) => {
    const q = formFields(req.query);
    return showForm(req, reply, { document: q.document, anchor: q.anchor });
  });

  app.post('/processes/:processSlug/comment-periods/:periodId/comments/new', { config: { policy: 'comment.submit', scope: periodScope }, schema: hide }, async (req, reply) => {
    const flat = { ...formFields(req.body) };
    delete flat._csrf;
    const records = periodScope.of(req);
    const upload = uploadedFiles(req.body).find((f) => f.field === 'file');
    const key = flat.idempotencyKey && flat.idempotencyKey.length <= 200 ? flat.idempotencyKey : undefined;
    return formAction(req, reply, {
      schema: CommentFields,
      input: commentFormToBody(flat),
      again: (errors, status) => showForm(req, reply, flat, errors, status),
      run: (data) => submitToPeriod(db(), req.actor, records, data, { idempotencyKey: key, upload }, { baseUrl: base(), channel: 'web' }),
      to: ({ comment }) => localPath(req.lang, commentPath(records.process.slug, comment.id)),
      notice: 'comments.submitted',
    });
  });

  /** A comment's page, with the hide form's values and errors when it is shown again. */
  const showComment = async (req: FastifyRequest, reply: FastifyReply, values?: Flat, errors?: Record<string, string>, status = 200) => {
    const { process, stakeholderGroups, c, d } = await loadComment(req);
    const moderator = can(req.actor, 'comment.moderate', { processId: process.id });
    const [paragraphs, reports, file] = await Promise.all([
      paragraphMaps(db(), d),
      moderator ? reportsOn(db(), c.id) : Promise.resolve([]),
      c.file_id && c.status === 'visible' ? fileMeta(db(), c.file_id) : Promise.resolve(undefined),
    ]);
    const ctx = pageCtx(req, reply);
    const model = commentPage({ process, d, c, groups: stakeholderGroups, paragraphs, reports, file }, ctx);
    return sendPage(reply, <CommentView ctx={ctx} model={model} values={values} errors={errors} />, status);
  };

  app.get('/processes/:processSlug/comments/:commentId', { config: { policy: 'public.read' }, schema: hide }, async (req, reply) => showComment(req, reply));

  app.get('/processes/:processSlug/comments/:commentId/duplicates', { config: { policy: 'public.read' }, schema: hide }, async (req, reply) => {
    const { process, c, d } = await loadComment(req);
    const after = formFields(req.query).after;
    const { rows, next } = await groupMembers(db(), c.group_id, after);
    const path = `${commentPath(process.slug, c.id)}/duplicates`;
    const ctx = pageCtx(req, reply);
    return sendPage(reply, <DuplicatesView ctx={ctx} model={duplicatesPage({ process, d, receipt: c.receipt, size: c.group_size, rows, next, path }, ctx)} />);
  });

  app.get('/processes/:processSlug/comments/:commentId/file', { config: { policy: 'public.read' }, schema: hide }, async (req, reply) => {
    const { process } = await getProcess(db(), params(req).processSlug);
    const { file, isPublic } = await commentFile(db(), process.id, params(req).commentId, req.actor);
    return sendFile(reply, file, { publicCache: isPublic });
  });

  /** The consent report form, with what was typed and the problems when it is shown again. */
  const showReportForm = async (req: FastifyRequest, reply: FastifyReply, values?: Flat, errors?: Record<string, string>, status = 200) => {
    const { process, c, d } = await loadComment(req);
    const ctx = pageCtx(req, reply);
    return sendPage(reply, <ReportFormView ctx={ctx} model={reportFormPage({ process, d, c }, ctx)} values={values} errors={errors} />, status);
  };

  app.get('/processes/:processSlug/comments/:commentId/report', { config: { policy: 'comment.report' }, schema: hide }, async (req, reply) => showReportForm(req, reply));

  app.post('/processes/:processSlug/comments/:commentId/report', { config: { policy: 'comment.report' }, schema: hide }, async (req, reply) => {
    const flat = formFields(req.body);
    const { process, c } = await loadComment(req);
    return formAction(req, reply, {
      schema: ReportBody,
      input: flat,
      again: (errors, status) => showReportForm(req, reply, flat, errors, status),
      run: (data) => reportComment(db(), req.actor!, process.id, c.id, data.statement, base()),
      to: localPath(req.lang, commentPath(process.slug, c.id)),
      notice: 'comments.reported',
    });
  });

  app.post('/processes/:processSlug/comments/:commentId/hide', { config: { policy: 'comment.moderate', ...scoped }, schema: hide }, async (req, reply) => {
    const flat = formFields(req.body);
    return formAction(req, reply, {
      schema: HideBody,
      input: flat,
      again: (errors, status) => showComment(req, reply, flat, errors, status),
      run: (data) => hideComment(db(), req.actor!, req.policyContext.processId!, params(req).commentId, data),
      to: localPath(req.lang, commentPath(params(req).processSlug, params(req).commentId)),
      notice: 'comments.hidden',
    });
  });

  app.post('/processes/:processSlug/comments/:commentId/restore', { config: { policy: 'comment.moderate', ...scoped }, schema: hide }, async (req, reply) => {
    try {
      await restoreComment(db(), req.actor!, req.policyContext.processId!, params(req).commentId);
    } catch (err) {
      const { status, errors } = problemToFormErrors(err, req.t);
      return showComment(req, reply, {}, errors, status);
    }
    return redirectWithNotice(reply, localPath(req.lang, commentPath(params(req).processSlug, params(req).commentId)), 'comments.restored');
  });

  app.post('/processes/:processSlug/comment-reports/:reportId', { config: { policy: 'comment.moderate', ...scoped }, schema: hide }, async (req, reply) => {
    const parsed = parseForm(ReportDecisionBody, req.body, req.t);
    if (!parsed.ok) throw new HttpProblem(422, 'comments.errors.decision');
    const report = await decideReport(db(), req.actor!, req.policyContext.processId!, params(req).reportId, parsed.data);
    const { process } = processRecords.of(req);
    const { period } = await getComment(db(), process.id, report.comment_id, req.actor);
    return redirectWithNotice(reply, localPath(req.lang, `${periodPath(process.slug, period.id)}/moderation`), parsed.data.decision === 'uphold' ? 'comments.upheld' : 'comments.dismissed');
  });

  // A receipt number leads to its comment, wherever it is.
  app.get('/comments/receipt/:receipt', { config: { policy: 'public.read' }, schema: hide }, async (req, reply) => {
    return reply.redirect(localPath(req.lang, await receiptPath(db(), params(req).receipt)), 303);
  });
};
