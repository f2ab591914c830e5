import { Readable } from 'node:stream';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { HttpProblem } from '../../platform/http/problem.js';
import { localPath } from '../../platform/web/context.js';
import { pageCtx } from '../../platform/web/page-ctx.js';
import { sendPage } from '../../platform/web/render.js';
import { acceptStreamedMultipart, streamedFile } from '../../platform/web/multipart-stream.js';
import { periodScope } from './comments.scopes.js';
import { REFUSALS_PER_PAGE, acceptImportFile, importOfPeriod, importsOfPeriod, maxImportMiB, refusalsCsv, refusalsPage } from './comments.upload.js';
import { importPage, importsPage, importsPath } from './imports.page-presenter.js';
import { ImportView, ImportsView } from './views/imports.view.js';

const hide = { hide: true };
const scoped = { policy: 'comment.import' as const, scope: periodScope };

/**
 * Bulk import of comments on the web (issue 11), for those who may import (the policy's
 * `comment.import`): the upload page with the period's past imports, the upload itself
 * (streamed to disk, then queued), an import's progress page and its refused rows as CSV.
 */
export const importsPages: FastifyPluginAsync = async (app) => {
  acceptStreamedMultipart(app);
  const base = '/processes/:processSlug/comment-periods/:periodId/imports';

  /** The upload page, with the form's errors when it is shown again. */
  const showUploads = async (req: FastifyRequest, reply: FastifyReply, errors: Record<string, string> = {}, status = 200) => {
    const { process, period, documents } = periodScope.of(req);
    const imports = await importsOfPeriod(app.deps.db, period.id);
    const ctx = pageCtx(req, reply);
    const model = importsPage({ process, d: { period, documents }, imports, maxMiB: maxImportMiB(app.deps.config) }, ctx);
    return sendPage(reply, <ImportsView ctx={ctx} model={model} errors={errors} />, status);
  };

  app.get(base, { config: scoped, schema: hide }, async (req, reply) => showUploads(req, reply));

  app.post(base, { config: scoped, schema: hide }, async (req, reply) => {
    const { process, period } = periodScope.of(req);
    const file = streamedFile(req.body);
    try {
      const record = await acceptImportFile(app.deps, req.actor!, period.id, { name: file?.name, stream: file?.stream ?? [], channel: 'web' });
      return reply.redirect(localPath(req.lang, `${importsPath(process.slug, period.id)}/${record.id}`), 303);
    } catch (err) {
      // A file refused (too large, empty, of another format) is said on the form, in the reader's language.
      if (err instanceof HttpProblem && err.fields.file) return showUploads(req, reply, { file: req.t(err.key, err.params) }, err.status);
      throw err;
    }
  });

  app.get(`${base}/:importId`, { config: scoped, schema: hide }, async (req, reply) => {
    const { process, period, documents } = periodScope.of(req);
    const record = await importOfPeriod(app.deps.db, period.id, (req.params as { importId: string }).importId);
    const query = req.query as { after?: string; refresh?: string };
    const after = Number(query.after ?? 0);
    const refusals = await refusalsPage(app.deps.db, record.id, Number.isSafeInteger(after) && after > 0 ? after : 0, REFUSALS_PER_PAGE);
    const ctx = pageCtx(req, reply);
    const model = importPage({ process, d: { period, documents }, record, refusals, perPage: REFUSALS_PER_PAGE, autoRefresh: query.refresh !== 'off' }, ctx);
    // Each refresh must show the figures as they are now.
    reply.header('cache-control', 'no-store');
    return sendPage(reply, <ImportView ctx={ctx} model={model} />);
  });

  app.get(`${base}/:importId/refused.csv`, { config: scoped, schema: hide }, async (req, reply) => {
    const { period } = periodScope.of(req);
    const record = await importOfPeriod(app.deps.db, period.id, (req.params as { importId: string }).importId);
    reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="refused-${record.id}.csv"`).header('cache-control', 'no-store');
    return reply.send(Readable.from(refusalsCsv(app.deps.db, record.id, req.t)));
  });
};
