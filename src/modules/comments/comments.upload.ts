import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable, Transform } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/client.js';
import type { DB } from '../../platform/db/schema.js';
import type { Config } from '../../platform/config.js';
import type { Actor } from '../../platform/auth/roles.js';
import { actorForUser } from '../../platform/auth/sessions.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { QUEUES, enqueue } from '../../platform/jobs/queue.js';
import { defineJob } from '../../platform/jobs/define.js';
import { isUuid, newId } from '../../platform/lib/ids.js';
import { importComments } from './comments.import.js';
import { jobsSchemaFor } from '../../platform/jobs/queue.js';
import { formatOf, type ImportFormat } from './comments.import-parse.js';
import { commentImportRepository as repo, type CommentImport } from './comments.import.repository.js';
import { reasonText } from './comments.import.js';
import { csvCell } from './comments.export.js';
import type { T } from '../../platform/i18n/i18n.js';

/** How many refused rows a page of the progress page shows. */
export const REFUSALS_PER_PAGE = 50;
/** How many past imports the upload page lists. */
export const IMPORTS_LISTED = 20;

/**
 * Where uploaded comment files wait for their job: `imports/` in the data folder, or the
 * system's temporary folder when the database is in memory (tests, `memory://`). With several
 * app servers, this folder must be one they and the workers share.
 */
export function importsDir(config: Pick<Config, 'dataDir'>): string {
  return config.dataDir.startsWith('memory://') ? path.join(os.tmpdir(), 'concord-imports') : path.join(config.dataDir, 'imports');
}

/** The largest file, in MiB, for messages. */
export const maxImportMiB = (config: Pick<Config, 'importMaxBytes'>) => Math.round((config.importMaxBytes / (1024 * 1024)) * 10) / 10;

/**
 * Stream a file to disk under `dir`, never holding it in memory, and refuse it (413, the file
 * removed) as soon as it passes `maxBytes`. Its path and size.
 * @example await storeImportFile(req.raw, '/data/imports', 1 << 30) // { file: '/data/imports/…', bytes: 1234 }
 */
export async function storeImportFile(
  source: AsyncIterable<Buffer | string> | Iterable<Buffer>,
  dir: string,
  maxBytes: number,
): Promise<{ file: string; bytes: number }> {
  await fs.promises.mkdir(dir, { recursive: true });
  const file = path.join(dir, `${newId()}.upload`);
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (bytes > maxBytes)
        done(
          new HttpProblem(
            413,
            'commentImport.errors.tooLarge',
            { max: Math.round((maxBytes / (1024 * 1024)) * 10) / 10 },
            { file: 'commentImport.errors.tooLarge' },
          ),
        );
      else done(null, chunk);
    },
  });
  // A request body is piped, not handed to `pipeline`: `pipeline` destroys its source on error,
  // and a destroyed request takes its socket along, so the client would see a reset instead of
  // the 413 (and on Node 24 an injected request never answers at all).
  const readable = source instanceof Readable ? source : Readable.from(source);
  readable.on('error', (err) => limit.destroy(err)); // `pipe` does not pass a sender's abort on
  readable.pipe(limit);
  try {
    await pipeline(limit, fs.createWriteStream(file, { flags: 'wx' }));
  } catch (err) {
    readable.unpipe(limit);
    readable.resume(); // the rest of the body is read and dropped, so the answer can go out
    await fs.promises.rm(file, { force: true });
    throw err;
  }
  return { file, bytes };
}

/** What the web page or the API hands over: the stored file and how it came. */
export interface QueuedFile {
  fileName: string;
  format: ImportFormat;
  file: string;
  bytes: number;
  channel: 'web' | 'api';
}

/**
 * The format of a file named `fileName` (or sent with `contentType`), or a 422 that says which
 * formats are taken.
 */
export function importFormat(fileName: string | undefined, contentType?: string): ImportFormat {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  const format =
    type === 'text/csv' ? 'csv' : type === 'application/x-ndjson' || type === 'application/jsonl' ? 'jsonl' : fileName ? formatOf(fileName) : undefined;
  if (!format) throw new HttpProblem(422, 'commentImport.errors.formatUpload', {}, { file: 'commentImport.errors.formatUpload' });
  return format;
}

/**
 * Record an import as queued and enqueue its job, in one transaction: the job exists exactly
 * when the record does. The file is already stored; the job reads it and deletes it.
 */
export async function queueImport(db: Kysely<DB>, jobsSchema: string, actor: Actor, periodId: string, f: QueuedFile): Promise<CommentImport> {
  return db.transaction().execute(async (trx) => {
    const record = await repo.insertImport(trx, {
      id: newId(),
      period_id: periodId,
      file_name: f.fileName.slice(0, 200) || 'upload',
      actor_id: actor.userId,
      status: 'queued',
      format: f.format,
      channel: f.channel,
      bytes_total: f.bytes,
      file_path: f.file,
    });
    await enqueue(trx, jobsSchema, QUEUES.commentImport, { importId: record.id });
    return record;
  });
}

/** What the web page or the API received: the name given to the file, its declared type, and its bytes still to be read. */
export interface IncomingFile {
  name: string | undefined;
  contentType?: string | undefined;
  stream: AsyncIterable<Buffer | string> | Iterable<Buffer>;
  channel: 'web' | 'api';
}

/**
 * Take a file from the web page or the bulk API: its format, stored on disk as it arrives
 * (refused past the size limit, or empty), then the import queued. The import, queued.
 */
export async function acceptImportFile(
  deps: { db: Kysely<DB>; config: Pick<Config, 'dataDir' | 'importMaxBytes'>; schema?: string | undefined },
  actor: Actor,
  periodId: string,
  incoming: IncomingFile,
): Promise<CommentImport> {
  if (incoming.channel === 'web' && !incoming.name) throw new HttpProblem(422, 'commentImport.errors.noFile', {}, { file: 'commentImport.errors.noFile' });
  const format = importFormat(incoming.name, incoming.contentType);
  const stored = await storeImportFile(incoming.stream, importsDir(deps.config), deps.config.importMaxBytes);
  if (stored.bytes === 0) {
    await fs.promises.rm(stored.file, { force: true });
    throw new HttpProblem(422, 'commentImport.errors.empty', {}, { file: 'commentImport.errors.empty' });
  }
  const fileName = incoming.name || `upload.${format}`;
  return queueImport(deps.db, jobsSchemaFor(deps.schema), actor, periodId, {
    fileName,
    format,
    file: stored.file,
    bytes: stored.bytes,
    channel: incoming.channel,
  });
}

/**
 * An import's refused rows as CSV (line,key,reason), the reasons in `t`'s language, read a
 * thousand at a time so a file of millions of bad rows never sits in memory.
 */
export async function* refusalsCsv(db: Kysely<DB>, importId: string, t: T): AsyncGenerator<string> {
  yield 'line,key,reason\n';
  let after = 0;
  for (;;) {
    const rows = await repo.refusalsOf(db, importId, after, 1000);
    if (!rows.length) return;
    yield rows.map((r) => `${r.line},${csvCell(r.import_key)},${csvCell(reasonText(t, { key: r.reason_key, params: r.reason_params }))}\n`).join('');
    after = rows.at(-1)!.line;
  }
}

/** A page of an import's refused rows, one more than asked (to know whether another page follows). */
export function refusalsPage(db: Kysely<DB>, importId: string, after: number, perPage: number) {
  return repo.refusalsOf(db, importId, after, perPage + 1);
}

/** A period's latest imports. */
export function importsOfPeriod(db: Kysely<DB>, periodId: string) {
  return repo.importsOf(db, periodId, IMPORTS_LISTED);
}

/** An import of this period, or 404. */
export async function importOfPeriod(db: Kysely<DB>, periodId: string, importId: string): Promise<CommentImport> {
  const record = isUuid(importId) ? await repo.importById(db, importId) : undefined;
  if (!record || record.period_id !== periodId) throw new HttpProblem(404, 'commentImport.errors.notFound');
  return record;
}

/** What a `comments.import` job carries. */
export interface CommentImportJob {
  importId: string;
}

/**
 * Run one queued import from its stored file, as the person who uploaded it (their rights
 * asked again now), and delete the file once the import is done or has failed for good (a file
 * refused whole). Safe to run twice: a finished import is left as it is, and one that stopped
 * midway resumes after the chunks it landed. Tests call this directly.
 */
export async function runCommentImport(database: Database, job: CommentImportJob, jobsSchema?: string): Promise<{ status: string; added: number; refused: number }> {
  const record = isUuid(job.importId) ? await repo.importById(database.db, job.importId) : undefined;
  if (!record) return { status: 'missing', added: 0, refused: 0 };
  // A file refused whole failed for good (its file is gone); a failure on the way (the database) keeps it, for the retry.
  if (record.status === 'done' || (record.status === 'failed' && !record.file_path))
    return { status: record.status, added: record.rows_added, refused: record.rows_refused };
  const actor = record.actor_id ? await actorForUser(database.db, record.actor_id) : undefined;
  const fail = async (key: string, params: Record<string, unknown>) => {
    await repo.failImport(database.db, record.id, key, params);
    await removeFile(database.db, record);
    return { status: 'failed', added: 0, refused: 0 };
  };
  if (!actor) return fail('commentImport.errors.forbidden', {});
  if (!record.file_path || !fs.existsSync(record.file_path)) return fail('commentImport.errors.fileGone', {});
  const file = record.file_path;
  try {
    const r = await importComments(database, actor, record.period_id, () => fs.createReadStream(file, { highWaterMark: 256 * 1024 }), {
      fileName: record.file_name,
      format: record.format,
      lang: 'en',
      importId: record.id,
      ...(jobsSchema ? { jobsSchema } : {}),
    });
    await removeFile(database.db, record);
    return { status: r.import.status, added: r.import.rows_added, refused: r.import.rows_refused };
  } catch (err) {
    // A file or a period refused whole fails the import; anything else is retried by the queue.
    if (err instanceof HttpProblem) return fail(err.key, err.params);
    throw err;
  }
}

async function removeFile(db: Kysely<DB>, record: CommentImport): Promise<void> {
  if (record.file_path) await fs.promises.rm(record.file_path, { force: true });
  await repo.forgetFile(db, record.id);
}

/** The `comments.import` job: one uploaded file imported in the background. */
export const commentImportJob = defineJob<CommentImportJob>({
  queue: QUEUES.commentImport,
  done: 'comment import run',
  handle: (ctx, data) => runCommentImport(ctx.database, data, ctx.jobsSchema),
});
