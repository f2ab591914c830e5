import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpProblem } from '../http/problem.js';

/** The most the text fields before the file may hold together (a CSRF token, a choice or two). */
const FIELDS_LIMIT = 64 * 1024;
/** The most a part's headers may hold. */
const HEADERS_LIMIT = 16 * 1024;

const STREAMED = Symbol('streamedFile');

/** The file part of a streamed multipart form: its field, the name the browser gave, and its bytes, still to be read. */
export interface StreamedFile {
  field: string;
  name: string;
  /** Read it once, to the end, in the handler; nothing of it has been read before. */
  stream: AsyncIterable<Buffer>;
}

/** The file part of a body parsed by acceptStreamedMultipart, if the form sent one. */
export function streamedFile(body: unknown): StreamedFile | undefined {
  return body && typeof body === 'object' ? (body as { [STREAMED]?: StreamedFile })[STREAMED] : undefined;
}

/** Bytes as they arrive, with what is left over kept for the next read. */
class Buffered {
  buf: Buffer = Buffer.alloc(0);
  private ended = false;
  constructor(private readonly it: AsyncIterator<Buffer | string>) {}

  /** Read more onto the buffer; false at the end of the body. */
  async more(): Promise<boolean> {
    if (this.ended) return false;
    const r = await this.it.next();
    if (r.done) {
      this.ended = true;
      return false;
    }
    const chunk = typeof r.value === 'string' ? Buffer.from(r.value) : r.value;
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    return true;
  }

  /** Make sure at least n bytes are buffered. */
  async need(n: number): Promise<void> {
    while (this.buf.length < n) if (!(await this.more())) throw new HttpProblem(400, 'files.errors.badForm');
  }
}

/**
 * A part's body up to the next delimiter, as it arrives: what cannot be the start of a
 * delimiter is handed on at once, so memory holds one network chunk, never the part.
 */
async function* partBody(r: Buffered, delimiter: Buffer): AsyncGenerator<Buffer> {
  for (;;) {
    const at = r.buf.indexOf(delimiter);
    if (at >= 0) {
      if (at > 0) yield r.buf.subarray(0, at);
      r.buf = r.buf.subarray(at);
      return;
    }
    const keep = delimiter.length - 1;
    if (r.buf.length > keep) {
      const out = r.buf.subarray(0, r.buf.length - keep);
      r.buf = r.buf.subarray(r.buf.length - keep);
      yield out;
    }
    if (!(await r.more())) throw new HttpProblem(400, 'files.errors.badForm');
  }
}

/** The headers of the part that starts here, read past the blank line; null at the closing delimiter. */
async function partHeaders(r: Buffered, delimiter: Buffer): Promise<{ name: string; fileName: string | undefined } | null> {
  await r.need(delimiter.length + 2);
  r.buf = r.buf.subarray(delimiter.length);
  if (r.buf.subarray(0, 2).toString('latin1') === '--') return null;
  let end = r.buf.indexOf('\r\n\r\n');
  while (end < 0) {
    if (r.buf.length > HEADERS_LIMIT || !(await r.more())) throw new HttpProblem(400, 'files.errors.badForm');
    end = r.buf.indexOf('\r\n\r\n');
  }
  const head = r.buf.subarray(2, end).toString('utf8');
  r.buf = r.buf.subarray(end + 4);
  const disposition = head.split('\r\n').find((l) => /^content-disposition:/i.test(l)) ?? '';
  const name = /;\s*name="([^"]*)"/i.exec(disposition)?.[1];
  if (name === undefined) throw new HttpProblem(400, 'files.errors.badForm');
  const fileName = /;\s*filename="([^"]*)"/i.exec(disposition)?.[1];
  return { name, fileName };
}

/**
 * Parse a multipart/form-data body as it arrives, stopping at the file: the text fields sent
 * before it become `req.body` (so the CSRF check and the policy run as for any form, before a
 * byte of the file is read), and the file is left in the request for the handler to stream
 * where it goes (`streamedFile(req.body)`). The form must put its file input last; fields
 * after it are not read. Only for this (encapsulated) plugin's routes.
 */
export function acceptStreamedMultipart(app: FastifyInstance): void {
  app.addContentTypeParser('multipart/form-data', async (req: FastifyRequest, payload: NodeJS.ReadableStream) => {
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(String(req.headers['content-type']));
    const token = boundary?.[1] ?? boundary?.[2];
    if (!token) throw new HttpProblem(400, 'files.errors.badForm');
    const delimiter = Buffer.from(`\r\n--${token}`);
    const r = new Buffered((payload as AsyncIterable<Buffer>)[Symbol.asyncIterator]());
    // The body starts with the delimiter without its line break: read it as if it had one.
    r.buf = Buffer.from('\r\n');
    for await (const _preamble of partBody(r, delimiter));
    // No prototype: a field called __proto__ or constructor is just a field.
    const fields = Object.create(null) as Record<string, string>;
    let size = 0;
    for (;;) {
      const part = await partHeaders(r, delimiter);
      if (!part) break;
      if (part.fileName !== undefined) {
        Object.defineProperty(fields, STREAMED, {
          value: { field: part.name, name: part.fileName, stream: partBody(r, delimiter) } satisfies StreamedFile,
          enumerable: false,
        });
        break;
      }
      const chunks: Buffer[] = [];
      for await (const c of partBody(r, delimiter)) {
        size += c.length;
        if (size > FIELDS_LIMIT) throw new HttpProblem(400, 'files.errors.badForm');
        chunks.push(c);
      }
      fields[part.name] ??= Buffer.concat(chunks).toString('utf8').replace(/\r\n?/g, '\n');
    }
    return fields;
  });
}
