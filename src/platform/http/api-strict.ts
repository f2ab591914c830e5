import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpProblem } from './problem.js';

/** The JSON API's own paths (not the OpenAPI document beside them). */
const API = /^\/api\/v\d+\//;

/** Accepted on every request: the language of the answer (request-context.ts). */
export const GLOBAL_QUERY = ['lang'];

/** The query parameters a route's schema names, or undefined when its shape cannot be read. */
function knownQuery(schema: unknown): string[] | undefined {
  if (schema === undefined) return [];
  const shape = (schema as { shape?: unknown }).shape;
  return shape && typeof shape === 'object' ? Object.keys(shape) : undefined;
}

/**
 * Refuse query parameters the operation does not know, naming them: a misspelt `limt=5` or a
 * cursor under an old name would otherwise be ignored silently and return the wrong page.
 */
async function refuseUnknownQuery(req: FastifyRequest): Promise<void> {
  if (!API.test(req.url)) return;
  const known = knownQuery(req.routeOptions.schema?.querystring);
  if (!known) return;
  const unknown = Object.keys((req.query ?? {}) as Record<string, unknown>).filter((k) => !known.includes(k) && !GLOBAL_QUERY.includes(k));
  if (!unknown.length) return;
  const names = unknown.join(', ');
  throw new HttpProblem(
    400,
    'errors.api.unknownQuery',
    { count: unknown.length, names, known: known.length ? known.join(', ') : '—' },
    Object.fromEntries(unknown.map((k) => [k, req.t('errors.api.unknownParameter')])),
  );
}

/** A route's URL as a pattern over concrete paths (`:name` one segment, `*` the rest). */
function urlPattern(url: string): RegExp {
  const body = url
    .split('/')
    .map((seg) => (seg === '*' ? '.*' : seg.startsWith(':') ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${body}$`);
}

/**
 * The API's answer when no route matched: 405 with Allow when the path exists under other
 * methods, else a 404 that speaks of the API (not of a page and the home page).
 */
export function apiNotFound(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply): HttpProblem | undefined {
  if (!req.url.startsWith('/api/')) return undefined;
  const path = req.url.split('?')[0]!;
  const allowed = new Set<string>();
  for (const r of app.routeCatalog) if (r.url.startsWith('/api/') && urlPattern(r.url).test(path)) allowed.add(r.method.toUpperCase());
  if (allowed.size) {
    const allow = [...allowed].sort().join(', ');
    reply.header('allow', allow);
    return new HttpProblem(405, 'errors.api.methodNotAllowed', { method: req.method, allow }, {}, { allow });
  }
  return new HttpProblem(404, 'errors.api.noRoute', { path });
}

/** Install the API's strict query check (after authorisation, before validation). */
export function registerApiStrictness(app: FastifyInstance): void {
  app.addHook('preValidation', refuseUnknownQuery);
}
