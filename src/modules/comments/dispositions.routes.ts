import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Actor } from '../../platform/auth/roles.js';
import { getProcess } from '../processes/index.js';
import { getPeriod } from './periods.service.js';
import { AfterQuery, DispositionBody, DispositionOut, DispositionPage, PeriodParams } from './dispositions.schema.js';
import { dispositionScope, listDispositions, recordDisposition } from './dispositions.service.js';
import { exportContext, versionRefs } from './dispositions.report.js';
import { presentDisposition } from './dispositions.presenter.js';
import { sendJsonReport } from './dispositions.export.js';

/** Responses to comments and the disposition-of-comments report through the JSON API. */
export const dispositionsApi: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.db;
  const base = () => app.deps.config.baseUrl;
  const tags = ['comments'];
  const scoped = {
    scope: (req: FastifyRequest) => {
      const p = req.params as { processSlug: string; periodId: string };
      return dispositionScope(db(), p.processSlug, p.periodId);
    },
  };
  /** The process and period named in the URL with the versions of its documents (404 when not visible). */
  const load = async (p: { processSlug: string; periodId: string }, actor: Actor | null) => {
    const { process } = await getProcess(db(), p.processSlug);
    const detail = await getPeriod(db(), process.id, p.periodId, actor);
    return { process, detail, versions: await versionRefs(db(), detail.documents.map((d) => d.document)) };
  };

  app.post(
    '/processes/:processSlug/comment-periods/:periodId/dispositions',
    {
      config: { policy: 'comment.dispose', ...scoped },
      schema: {
        tags,
        summary:
          'Record the response to a comment or to a group of duplicates, or change it (one per target). Every outcome needs a rationale in the document’s language; versionNumber and anchor (or paragraph label) name what changed',
        params: PeriodParams,
        body: DispositionBody,
        response: { 200: DispositionOut },
      },
    },
    async (req) => {
      const { process, detail, versions } = await load(req.params, req.actor);
      const d = await recordDisposition(db(), req.actor!, detail.period.id, req.body);
      return presentDisposition(d, process.slug, versions, base());
    },
  );

  app.get(
    '/processes/:processSlug/comment-periods/:periodId/dispositions',
    {
      config: { policy: 'public.read' },
      schema: { tags, summary: 'The responses recorded in a comment period, 100 a page (keyset: pass `next` as `after`)', params: PeriodParams, querystring: AfterQuery, response: { 200: DispositionPage } },
    },
    async (req) => {
      const { process, detail, versions } = await load(req.params, req.actor);
      const page = await listDispositions(db(), detail.period.id, detail.documents.map((d) => d.document.id), req.query.after);
      return { items: page.items.map((d) => presentDisposition(d, process.slug, versions, base())), next: page.next };
    },
  );

  app.get(
    '/processes/:processSlug/comment-periods/:periodId/report',
    {
      config: { policy: 'public.read' },
      schema: {
        tags,
        summary:
          'The disposition-of-comments report as JSON (streamed): the period, then every comment with its response; hidden comments are tombstones with their reason. Same as the page’s report.json',
        description:
          'Each comment’s `staffRole` says whether its sender is staff: "administrator" (the installation’s) or "convener" (of the process), from their roles, never from the name it was sent under; null for anyone else and for a hidden comment. The report’s page shows the same as a badge, and report.csv has it as its last column, `staff_role`.',
        params: PeriodParams,
      },
    },
    async (req, reply) => {
      const { process } = await getProcess(db(), req.params.processSlug);
      const ctx = await exportContext(db(), process.id, req.params.periodId, req.actor);
      return sendJsonReport(reply, db(), ctx, process.slug, base());
    },
  );
};
