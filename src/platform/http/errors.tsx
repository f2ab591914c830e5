import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { HttpProblem, problemType } from './problem.js';
import { fieldErrors } from './validation.js';
import { BODY_LIMIT, mebibytes } from './limits.js';
import { apiNotFound } from './api-strict.js';
import { SESSION_COOKIE } from '../auth/sessions.js';
import { sendPage } from '../web/render.js';
import { Layout } from '../web/layout.js';
import { pageCtx } from '../web/page-ctx.js';

/** True when the caller wants JSON: the API, or a client that does not ask for HTML. */
export function wantsJson(req: FastifyRequest): boolean {
  if (req.url.startsWith('/api/')) return true;
  const accept = req.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

/** Map any thrown error to a problem a person can act on; unknown errors become a logged 500. */
export function toProblem(err: FastifyError | Error, req: FastifyRequest): HttpProblem {
  if (err instanceof HttpProblem) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    // Typed by hand: the plugin's own type for these comes from a path that does not resolve.
    const validation = err.validation as { instancePath: string; message?: string; params?: { maximum?: unknown } }[];
    const issues = validation.map((v) => ({ path: v.instancePath, message: v.message ?? '', maximum: v.params?.maximum }));
    return new HttpProblem(400, 'errors.validation', {}, fieldErrors(issues, req.t));
  }
  const code = (err as FastifyError).code;
  const status = (err as FastifyError).statusCode ?? 500;
  if (code === 'FST_CSRF_INVALID_TOKEN' || code === 'FST_CSRF_MISSING_SECRET') return new HttpProblem(403, 'errors.csrf');
  // The body was not read, so the form cannot be shown again: the page says what the limit is.
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE' || status === 413) return new HttpProblem(413, 'errors.tooLarge', { limit: mebibytes(req.routeOptions.bodyLimit ?? BODY_LIMIT) });
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || status === 415) return new HttpProblem(415, 'errors.unsupportedType');
  if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (err instanceof SyntaxError && status === 400)) {
    return new HttpProblem(400, 'errors.badJson');
  }
  if (status >= 400 && status < 500) return new HttpProblem(status, 'errors.badRequest');
  // PostgreSQL refuses text holding a NUL character (22021) or one it cannot store (22P05):
  // that is the sender's input, not our failure, and the transaction was rolled back whole.
  if (code === '22021' || code === '22P05') return new HttpProblem(400, 'errors.badCharacter');
  return new HttpProblem(500, 'errors.internal');
}

/** Send a problem as RFC 9457 JSON or as an HTML page, in the request's language. */
export function sendProblem(req: FastifyRequest, reply: FastifyReply, problem: HttpProblem): FastifyReply {
  const t = req.t;
  for (const [k, v] of Object.entries(problem.headers)) reply.header(k, v);
  // RFC 9110 requires a challenge with every 401; sessions are cookies, got by signing in.
  if (problem.status === 401) reply.header('www-authenticate', `Cookie realm="Concord", form-action="/${req.lang}/sign-in", cookie-name="${SESSION_COOKIE}"`);
  // The API speaks of records and operations, not of pages and the home page.
  const api = req.url.startsWith('/api/');
  const key = api && problem.key === 'errors.notFound' ? 'errors.api.notFound' : problem.key;
  const detail = t(key, problem.params);
  const title = t(`${api ? 'errors.api.titles' : 'errors.titles'}.${problem.status}`, {
    defaultValue: t(`errors.titles.${problem.status}`, { defaultValue: t('errors.titles.default') }),
  });
  if (wantsJson(req)) {
    return reply
      .status(problem.status)
      .type('application/problem+json; charset=utf-8')
      .send({
        type: problemType(problem.status),
        title,
        status: problem.status,
        detail,
        instance: req.url.split('?')[0],
        requestId: req.id,
        ...(Object.keys(problem.fields).length ? { errors: problem.fields } : {}),
      });
  }
  const ctx = pageCtx(req, reply);
  return sendPage(
    reply,
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{detail}</p>
      {Object.keys(problem.fields).length > 0 && (
        <ul>
          {Object.values(problem.fields).map((m) => (
            <li>{m}</li>
          ))}
        </ul>
      )}
      <p>
        <a href={`/${req.lang}/`}>{t('errors.backHome')}</a>
      </p>
    </Layout>,
    problem.status,
  );
}

/** Install the error and not-found handlers. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const problem = toProblem(err, req);
    if (problem.status >= 500) req.log.error({ err }, 'unhandled error');
    else req.log.info({ status: problem.status, key: problem.key }, 'request refused');
    return sendProblem(req, reply, problem);
  });
  app.setNotFoundHandler((req, reply) => sendProblem(req, reply, apiNotFound(app, req, reply) ?? new HttpProblem(404, 'errors.notFound')));
}
