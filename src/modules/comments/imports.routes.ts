import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PeriodParams } from './comments.schema.js';
import { ImportOut, ImportParams } from './imports.schema.js';
import { periodScope } from './comments.scopes.js';
import { acceptImportFile, importOfPeriod, refusalsCsv } from './comments.upload.js';
import { presentImport } from './imports.presenter.js';

/** The media types the bulk endpoint takes as its body: the file itself, streamed. */
export const IMPORT_BODY_TYPES = ['text/csv', 'application/x-ndjson'] as const;

/**
 * The bulk API for comments (issue 11): send a CSV or JSON Lines file as the request body, get
 * 202 and the queued import; follow it; download its refused rows. Those who may import
 * (`comment.import`) only.
 */
export const importsApi: FastifyPluginAsyncZod = async (app) => {
  const tags = ['comments'];
  const config = { policy: 'comment.import' as const, scope: periodScope };
  // The body is handed on unread: the route streams it to disk after the policy has answered.
  for (const type of IMPORT_BODY_TYPES) app.addContentTypeParser(type, (_req, payload, done) => done(null, payload));

  app.post(
    '/processes/:processSlug/comment-periods/:periodId/comment-imports',
    {
      config: { ...config, fileBody: IMPORT_BODY_TYPES },
      schema: {
        tags,
        summary:
          'Import comments from a CSV or JSON Lines file sent as the body (streamed; Content-Type text/csv or application/x-ndjson); answers 202 with the queued import',
        description:
          'The file is stored and a job imports it: each row is checked as a single comment is; bad rows are refused with their line and reason, good rows kept. Sending the same file, or one that overlaps it, again adds nothing twice (a key per row: its `key` column, or one derived from its text, email and time). 413 past the size limit.',
        params: PeriodParams,
        response: { 202: ImportOut },
      },
    },
    async (req, reply) => {
      const { process, period } = periodScope.of(req);
      const record = await acceptImportFile(app.deps, req.actor!, period.id, {
        name: undefined,
        contentType: req.headers['content-type'],
        stream: req.body as AsyncIterable<Buffer>,
        channel: 'api',
      });
      const out = presentImport(record, process.slug, app.deps.config.baseUrl, req.t);
      return reply.status(202).header('location', out.url).send(out);
    },
  );

  app.get(
    '/processes/:processSlug/comment-periods/:periodId/comment-imports/:importId',
    {
      config,
      schema: {
        tags,
        summary: 'One bulk import: where it stands, rows read of how many, added, skipped, refused',
        params: ImportParams,
        response: { 200: ImportOut },
      },
    },
    async (req) => {
      const { process, period } = periodScope.of(req);
      return presentImport(await importOfPeriod(app.deps.db, period.id, req.params.importId), process.slug, app.deps.config.baseUrl, req.t);
    },
  );

  app.get(
    '/processes/:processSlug/comment-periods/:periodId/comment-imports/:importId/refused.csv',
    { config, schema: { tags, summary: 'A bulk import’s refused rows as CSV (line,key,reason), the reasons in the language asked for', params: ImportParams } },
    async (req, reply) => {
      const { period } = periodScope.of(req);
      const record = await importOfPeriod(app.deps.db, period.id, req.params.importId);
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="refused-${record.id}.csv"`)
        .header('cache-control', 'no-store');
      return reply.send(Readable.from(refusalsCsv(app.deps.db, record.id, req.t)));
    },
  );
};
