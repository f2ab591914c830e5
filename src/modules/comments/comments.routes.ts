import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MAX_FILE_BYTES, sendFile, explainOversizedUploads } from '../files/index.js';
import { getProcess, processRecords, SlugParams } from '../processes/index.js';
import {
  CommentOut,
  CommentPageOut,
  CommentParams,
  HideBody,
  IdempotencyHeaders,
  ListQuery,
  OpenPeriodBody,
  PeriodListOut,
  PeriodOut,
  PeriodParams,
  ReportBody,
  ReportDecisionBody,
  ReportListOut,
  ReportOut,
  ReportParams,
  SubmitCommentBody,
  UpdatePeriodBody,
} from './comments.schema.js';
import { commentFile, getComment, submitComment } from './comments.service.js';
import { getPeriod, listPeriods, openPeriod, updatePeriod } from './periods.service.js';
import { cursorOf, listComments, resolveFilter } from './listing.service.js';
import { campaignCounts } from './comments.slots.js';
import { decideReport, hideComment, openReports, reportComment, restoreComment } from './moderation.service.js';
import { presentComment, presentPeriod, presentReport } from './comments.presenter.js';

/** Base64 of the largest file, plus room for the other fields. */
const SUBMIT_BODY_LIMIT = Math.ceil((MAX_FILE_BYTES * 4) / 3) + 1024 * 1024;

/** Comment periods and comments through the JSON API. */
export const commentsApi: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.db;
  const base = () => app.deps.config.baseUrl;
  const tags = ['comments'];
  const scoped = { scope: processRecords };
  explainOversizedUploads(app);

  /** The process and period named in the URL, as this caller may see them (404 otherwise). */
  const loadPeriod = async (p: { processSlug: string; periodId: string }, actor: Parameters<typeof getPeriod>[3], opts: { counts?: boolean } = {}) => {
    const detail = await getProcess(db(), p.processSlug);
    return { ...detail, period: await getPeriod(db(), detail.process.id, p.periodId, actor, opts) };
  };
  /** A comment, presented with its period. */
  const presentOne = async (processSlug: string, commentId: string, actor: Parameters<typeof getPeriod>[3]) => {
    const { process } = await getProcess(db(), processSlug);
    const { row, period, documents } = await getComment(db(), process.id, commentId, actor);
    const campaigns = await campaignCounts(db(), period.id, row.campaign_id ? [row.campaign_id] : []);
    return presentComment(row, { period, documents }, process.slug, base(), campaigns);
  };

  app.get(
    '/processes/:processSlug/comment-periods',
    { config: { policy: 'public.read' }, schema: { tags, summary: 'The comment periods of a process, latest first', params: SlugParams, response: { 200: PeriodListOut } } },
    async (req) => {
      const { process } = await getProcess(db(), req.params.processSlug);
      return { items: (await listPeriods(db(), process.id, req.actor)).map((d) => presentPeriod(d, process.slug, base())) };
    },
  );

  app.post(
    '/processes/:processSlug/comment-periods',
    {
      config: { policy: 'commentPeriod.open', ...scoped },
      schema: {
        tags,
        summary: 'Open a comment period on a version of a document (and its translations); comments are taken from opensAt until closesAt, to the second',
        params: SlugParams,
        body: OpenPeriodBody,
        response: { 201: PeriodOut },
      },
    },
    async (req, reply) => {
      const processId = req.policyContext.processId!;
      const period = await openPeriod(db(), req.actor!, processId, req.body, base());
      return reply.status(201).send(presentPeriod(await getPeriod(db(), processId, period.id, req.actor), req.params.processSlug, base()));
    },
  );

  app.get(
    '/processes/:processSlug/comment-periods/:periodId',
    { config: { policy: 'public.read' }, schema: { tags, summary: 'One comment period, where it stands and its counts', params: PeriodParams, response: { 200: PeriodOut } } },
    async (req) => {
      const { process, period } = await loadPeriod(req.params, req.actor);
      return presentPeriod(period, process.slug, base());
    },
  );

  app.patch(
    '/processes/:processSlug/comment-periods/:periodId',
    {
      config: { policy: 'commentPeriod.update', ...scoped },
      schema: { tags, summary: 'Change a period’s closing time, instructions or audience', params: PeriodParams, body: UpdatePeriodBody, response: { 200: PeriodOut } },
    },
    async (req) => {
      const processId = req.policyContext.processId!;
      await updatePeriod(db(), req.actor!, processId, req.params.periodId, req.body);
      return presentPeriod(await getPeriod(db(), processId, req.params.periodId, req.actor), req.params.processSlug, base());
    },
  );

  app.get(
    '/processes/:processSlug/comment-periods/:periodId/comments',
    {
      config: { policy: 'public.read' },
      schema: {
        tags,
        summary: 'A page of a period’s comments in arrival order (keyset: after/before an id, or last=1), with filters; duplicates appear once',
        params: PeriodParams,
        querystring: ListQuery,
        response: { 200: CommentPageOut },
      },
    },
    async (req) => {
      const { process, stakeholderGroups, period } = await loadPeriod(req.params, req.actor);
      const page = await listComments(db(), resolveFilter(period, stakeholderGroups, req.query), cursorOf(req.query), req.query.limit);
      return { items: page.rows.map((r) => presentComment(r, period, process.slug, base(), page.campaigns)), next: page.next, previous: page.previous };
    },
  );

  app.post(
    '/processes/:processSlug/comment-periods/:periodId/comments',
    {
      config: { policy: 'comment.submit' },
      bodyLimit: SUBMIT_BODY_LIMIT,
      schema: {
        tags,
        summary:
          'Comment while the period is open. With an Idempotency-Key header, a repeat with the same key returns the first comment (200) and creates nothing; the same key with another text is a 409',
        params: PeriodParams,
        headers: IdempotencyHeaders,
        body: SubmitCommentBody,
        response: { 200: CommentOut, 201: CommentOut },
      },
    },
    async (req, reply) => {
      // A submission shows no counter: it does not read the deltas a surge is adding (0031).
      const { process, period } = await loadPeriod(req.params, req.actor, { counts: false });
      const { file, ...fields } = req.body;
      const upload = file ? { name: file.name, data: Buffer.from(file.contentBase64, 'base64') } : undefined;
      const { comment, replayed } = await submitComment(db(), req.actor, period.period.id, fields, { idempotencyKey: req.headers['idempotency-key'], upload }, { baseUrl: base(), channel: 'api' });
      return reply.status(replayed ? 200 : 201).send(await presentOne(process.slug, comment.id, req.actor));
    },
  );

  app.get(
    '/processes/:processSlug/comments/:commentId',
    { config: { policy: 'public.read' }, schema: { tags, summary: 'One comment (a tombstone when hidden)', params: CommentParams, response: { 200: CommentOut } } },
    async (req) => presentOne(req.params.processSlug, req.params.commentId, req.actor),
  );

  app.get(
    '/processes/:processSlug/comments/:commentId/file',
    { config: { policy: 'public.read' }, schema: { tags, summary: 'Download a comment’s file (none once the comment is hidden)', params: CommentParams } },
    async (req, reply) => {
      const { process } = await getProcess(db(), req.params.processSlug);
      const { file, isPublic } = await commentFile(db(), process.id, req.params.commentId, req.actor);
      return sendFile(reply, file, { publicCache: isPublic });
    },
  );

  app.post(
    '/processes/:processSlug/comments/:commentId/hide',
    {
      config: { policy: 'comment.moderate', ...scoped },
      schema: { tags, summary: 'Hide a comment with a reason (moderators). Nothing is deleted; the public sees a tombstone', params: CommentParams, body: HideBody, response: { 200: CommentOut } },
    },
    async (req) => {
      await hideComment(db(), req.actor!, req.policyContext.processId!, req.params.commentId, req.body);
      return presentOne(req.params.processSlug, req.params.commentId, req.actor);
    },
  );

  app.post(
    '/processes/:processSlug/comments/:commentId/restore',
    { config: { policy: 'comment.moderate', ...scoped }, schema: { tags, summary: 'Restore a hidden comment (moderators)', params: CommentParams, response: { 200: CommentOut } } },
    async (req) => {
      await restoreComment(db(), req.actor!, req.policyContext.processId!, req.params.commentId);
      return presentOne(req.params.processSlug, req.params.commentId, req.actor);
    },
  );

  app.post(
    '/processes/:processSlug/comments/:commentId/reports',
    {
      config: { policy: 'comment.report' },
      schema: { tags, summary: 'Report a comment sent in your name without your consent; a moderator answers', params: CommentParams, body: ReportBody, response: { 201: ReportOut } },
    },
    async (req, reply) => {
      const { process } = await getProcess(db(), req.params.processSlug);
      const report = await reportComment(db(), req.actor!, process.id, req.params.commentId, req.body.statement, base());
      return reply.status(201).send(presentReport(report));
    },
  );

  app.get(
    '/processes/:processSlug/comment-periods/:periodId/reports',
    { config: { policy: 'comment.moderate', ...scoped }, schema: { tags, summary: 'Open consent reports on a period’s comments (moderators)', params: PeriodParams, response: { 200: ReportListOut } } },
    async (req) => {
      const { period } = await loadPeriod(req.params, req.actor);
      return { items: (await openReports(db(), period.period.id)).map(presentReport) };
    },
  );

  app.post(
    '/processes/:processSlug/comment-reports/:reportId',
    {
      config: { policy: 'comment.moderate', ...scoped },
      schema: { tags, summary: 'Uphold (hide the comment as not consented) or dismiss a consent report', params: ReportParams, body: ReportDecisionBody, response: { 200: ReportOut } },
    },
    async (req) => presentReport(await decideReport(db(), req.actor!, req.policyContext.processId!, req.params.reportId, req.body)),
  );
};
