/**
 * Bulk writes with COPY, on either engine: rows stream to PostgreSQL through `COPY … FROM
 * STDIN` (pg-copy-streams), and to PGlite through `COPY … FROM '/dev/blob'`, fed blobs of
 * bounded size. On PostgreSQL about three times as fast as multi-row INSERTs; on PGlite the
 * engine sets the pace either way, and COPY is there for one code path and bounded memory
 * (figures in docs/performance.md). Part of the caller's transaction, so a COPY and the audit
 * batch event describing it commit or roll back together.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { EmbeddedEngine } from './engine-thread.js';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database, RawConnection } from './client.js';
import { copyStatement, encodeRows, type CopyColumn, type CopyFormat, type CopyRows, type EncodedRows } from './copy-format.js';

export { CopyRowError, type CopyColumn, type CopyFormat, type CopyRows } from './copy-format.js';

/** How to copy. */
export interface CopyOptions {
  /** COPY's data format (default 'text'); both encode every value the same way. */
  format?: CopyFormat;
  /**
   * PGlite only: the most COPY data sent in one blob, in bytes (default 4 MiB). Rows are copied
   * in as many blobs as it takes; at the peak about three times this is in memory (the pending
   * chunks, the Blob, PGlite's copy of it). PostgreSQL streams, with backpressure.
   */
  blobBytes?: number;
}

const DEFAULT_BLOB_BYTES = 4 * 1024 * 1024;
/** Rows are encoded and sent in chunks of about this many characters. */
const CHUNK_CHARS = 64 * 1024;

/**
 * Copy rows into a table and return how many were copied (as PostgreSQL counted them).
 * Give it the raw connection of a `database.transaction` to copy inside a transaction that
 * also does other work, or the Database to copy in a transaction of its own. A row with the
 * wrong number of values, a value with no PostgreSQL text (CopyRowError) or a value the table
 * refuses (a constraint, a type) throws, and the transaction rolls back: nothing is half-written.
 * @example
 * const copied = await database.transaction(async (trx, raw) => {
 *   const n = await copyInto(raw, 'comments', ['id', 'period_id', 'body'], rows);
 *   await recordAuditBatch(trx, { actorId, action: 'comment.import', entityType: 'comment_period', entityId, processId, rows: imported });
 *   return n;
 * });
 */
export async function copyInto(
  target: Database | RawConnection,
  table: string,
  columns: readonly CopyColumn[],
  rows: CopyRows,
  opts: CopyOptions = {},
): Promise<number> {
  if ('db' in target) return target.transaction((_trx, raw) => copyInto(raw, table, columns, rows, opts));
  const format = opts.format ?? 'text';
  let copied: number;
  let encoded: EncodedRows;
  if (target.engine === 'postgres') {
    encoded = encodeRows(rows, columns, format, CHUNK_CHARS);
    copied = await copyToPostgres(target.client, copyStatement(table, columns, format, 'STDIN'), encoded.chunks);
  } else {
    const blobBytes = opts.blobBytes ?? DEFAULT_BLOB_BYTES;
    encoded = encodeRows(rows, columns, format, Math.min(CHUNK_CHARS, blobBytes));
    copied = await copyToPglite(target.lite, copyStatement(table, columns, format, "'/dev/blob'"), encoded, blobBytes);
  }
  // Each row is one line, so a mismatch means the encoding split or merged rows: never commit that.
  if (copied !== encoded.rows) throw new Error(`COPY into ${table} counted ${copied} rows where ${encoded.rows} were sent`);
  return copied;
}

/**
 * Stream the chunks through COPY FROM STDIN. When the source throws (a bad row), pipeline
 * destroys the copy stream, which sends CopyFail: the server ends the COPY with an error and
 * the connection is ready for the transaction's ROLLBACK.
 */
async function copyToPostgres(client: pg.PoolClient, statement: string, chunks: AsyncIterable<string>): Promise<number> {
  const stream = client.query(copyFrom(statement));
  await pipeline(Readable.from(lettingIoIn(chunks)), stream);
  return stream.rowCount;
}

/**
 * The chunks, with a turn of the event loop after each. Encoding and writing run in
 * microtasks, and as long as the socket takes every write at once (loopback, a fast server)
 * nothing else would run: the server's error about row 10 would be read only after the last
 * of a million rows was sent, and an endless source would never stop.
 */
async function* lettingIoIn(chunks: AsyncIterable<string>): AsyncGenerator<string, void, undefined> {
  for await (const chunk of chunks) {
    yield chunk;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/**
 * PGlite reads COPY data from a file: its virtual `/dev/blob` serves the `blob` given with the
 * query. The chunks are gathered into blobs of at most about `blobBytes` and copied one after
 * the other in the caller's transaction. With no rows, one empty blob is still sent, so a
 * wrong table or column fails on both engines alike.
 */
async function copyToPglite(lite: EmbeddedEngine, statement: string, encoded: EncodedRows, blobBytes: number): Promise<number> {
  let copied = 0;
  let parts: string[] = [];
  let size = 0;
  let sent = false;
  // Rows in the blobs already copied. The encoder pauses after each chunk it yields and chunks
  // end between rows, so `encoded.rows` counts exactly the rows in the parts gathered so far.
  let rowsBefore = 0;
  const send = async () => {
    try {
      const result = await lite.query(statement, [], { blob: new Blob(parts) });
      copied += result.affectedRows ?? 0;
    } catch (err) {
      throw withInputLine(err, rowsBefore);
    }
    rowsBefore = encoded.rows;
    parts = [];
    size = 0;
    sent = true;
  };
  for await (const chunk of encoded.chunks) {
    parts.push(chunk);
    size += Buffer.byteLength(chunk);
    if (size >= blobBytes) await send();
  }
  if (parts.length || !sent) await send();
  return copied;
}

/**
 * PostgreSQL names the failing line of COPY data in the error's `where` ("COPY comments, line
 * 12: …"). A PGlite blob's lines count from the start of that blob: shift the number by the rows
 * of the blobs before it, so that on both engines it is the row's position in the input.
 */
function withInputLine(err: unknown, rowsBefore: number): unknown {
  if (rowsBefore > 0 && err instanceof Error && 'where' in err && typeof err.where === 'string') {
    err.where = err.where.replace(/^(COPY [^,]*, line )(\d+)/, (_, head: string, line: string) => `${head}${Number(line) + rowsBefore}`);
  }
  return err;
}
