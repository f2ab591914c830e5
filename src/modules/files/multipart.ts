import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { authorize } from '../../platform/auth/policies.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { normaliseLineBreaks } from '../../platform/web/forms.js';
import { MAX_FILE_BYTES, maxFileMiB, type Upload } from './files.service.js';

/** Room for the text fields beside the file (a report's Markdown text can be long). */
const FIELDS_ALLOWANCE = 1024 * 1024;

const FILES = Symbol('uploadedFiles');

/** A file part of a multipart form, with the form field it came in. */
export interface FormUpload extends Upload {
  field: string;
}

/** The files of a body parsed by acceptMultipart (none for any other body). */
export function uploadedFiles(body: unknown): FormUpload[] {
  return body && typeof body === 'object' ? ((body as { [FILES]?: FormUpload[] })[FILES] ?? []) : [];
}

const isMultipart = (req: FastifyRequest) => (req.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/form-data');

/**
 * Accept multipart/form-data in this (encapsulated) plugin's routes only.
 *
 * The body is parsed completely while Fastify parses bodies, before any preValidation hook,
 * so the global CSRF check in http/security.ts finds `_csrf` in `req.body` exactly as it
 * does for an ordinary form, and runs unchanged. A multipart post without a valid token is
 * refused there, before the handler (and so the file store) is reached. Parsing uses the
 * WHATWG `Response.formData()` built into Node over a buffer Fastify has already capped at
 * the body limit.
 *
 * Text fields become string properties of `req.body` (the first of repeated names wins);
 * files are read with `uploadedFiles(req.body)`. The type a browser claims for a file is
 * dropped: files are typed by their content when stored.
 */
export function acceptMultipart(app: FastifyInstance): void {
  app.addContentTypeParser(
    'multipart/form-data',
    { parseAs: 'buffer', bodyLimit: MAX_FILE_BYTES + FIELDS_ALLOWANCE },
    async (req: FastifyRequest, body: Buffer) => {
      let form: FormData;
      try {
        form = await new Response(new Uint8Array(body), { headers: { 'content-type': String(req.headers['content-type']) } }).formData();
      } catch {
        throw new HttpProblem(400, 'files.errors.badForm');
      }
      // No prototype: a field called __proto__ or constructor is just a field.
      const fields = Object.create(null) as Record<string, string>;
      const files: FormUpload[] = [];
      for (const [field, value] of form) {
        if (typeof value === 'string') fields[field] ??= normaliseLineBreaks(value);
        // A file input left empty still sends a part, with no name and no bytes.
        else if (value.name || value.size > 0) files.push({ field, name: value.name, data: Buffer.from(await value.arrayBuffer()) });
      }
      Object.defineProperty(fields, FILES, { value: files, enumerable: false });
      return fields;
    },
  );

  // Someone signed out is refused before a byte of a large body is read.
  app.addHook('onRequest', async (req) => {
    const { policy } = req.routeOptions.config;
    if (!policy || !isMultipart(req)) return;
    const decision = authorize(req.actor, policy, {});
    if (!decision.allowed && decision.reason === 'signInRequired') throw new HttpProblem(401, 'errors.signInRequired');
  });

  explainOversizedUploads(app);
}

/**
 * In this plugin's routes that take files (multipart bodies, or a body limit raised to carry
 * one), a body over the limit is reported as a file over the size limit; every other error
 * goes on to the app's error handler unchanged.
 */
export function explainOversizedUploads(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req) => {
    const takesFiles = isMultipart(req) || (req.routeOptions.bodyLimit ?? 0) >= MAX_FILE_BYTES;
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' && takesFiles)
      throw new HttpProblem(413, 'files.errors.tooLarge', { max: maxFileMiB() }, { file: 'files.errors.tooLarge' });
    throw err;
  });
}
