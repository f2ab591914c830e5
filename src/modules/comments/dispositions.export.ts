import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { exportEntries, type ExportContext } from './dispositions.report.js';
import { CSV_COLUMNS, csvLine, csvRecord, exportRecord, periodBase } from './dispositions.presenter.js';

/**
 * The report as JSON, written as it is read: the period, then every comment with its
 * response, one batch of rows at a time.
 */
async function* jsonChunks(db: Kysely<DB>, ctx: ExportContext, processSlug: string, baseUrl: string): AsyncGenerator<string> {
  const p = ctx.period;
  const head = {
    period: {
      id: p.id,
      process: processSlug,
      opensAt: p.opens_at.toISOString(),
      closesAt: p.closes_at.toISOString(),
      commentCount: p.comment_count,
      hiddenCount: p.hidden_count,
      disposedCount: p.disposed_count,
      url: `${baseUrl}/en${periodBase(processSlug, p.id)}/report`,
    },
    documents: [...ctx.documents.values()].map(({ document }) => ({ slug: document.slug, title: document.title, lang: document.lang })),
  };
  yield `${JSON.stringify(head).slice(0, -1)},"comments":[`;
  let first = true;
  for await (const e of exportEntries(db, ctx)) {
    yield `${first ? '' : ','}\n${JSON.stringify(exportRecord(e, ctx, processSlug, baseUrl))}`;
    first = false;
  }
  yield '\n]}\n';
}

/** The report as CSV (UTF-8 with a byte-order mark, so spreadsheets read the accents). */
async function* csvChunks(db: Kysely<DB>, ctx: ExportContext, processSlug: string, baseUrl: string): AsyncGenerator<string> {
  yield `\ufeff${csvLine([...CSV_COLUMNS])}`;
  for await (const e of exportEntries(db, ctx)) yield csvRecord(exportRecord(e, ctx, processSlug, baseUrl));
}

/** Send the JSON report as a stream. */
export function sendJsonReport(reply: FastifyReply, db: Kysely<DB>, ctx: ExportContext, processSlug: string, baseUrl: string): FastifyReply {
  return reply.type('application/json; charset=utf-8').header('cache-control', 'no-store').send(Readable.from(jsonChunks(db, ctx, processSlug, baseUrl)));
}

/** Send the CSV report as a stream, as a download named after the period. */
export function sendCsvReport(reply: FastifyReply, db: Kysely<DB>, ctx: ExportContext, processSlug: string, baseUrl: string): FastifyReply {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="comments-${ctx.period.id}.csv"`)
    .header('cache-control', 'no-store')
    .send(Readable.from(csvChunks(db, ctx, processSlug, baseUrl)));
}
