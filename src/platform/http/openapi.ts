import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { POLICIES, type Action } from '../auth/policies.js';

/** The session cookie scheme, as the document's components declare it. */
export const SESSION_SCHEME = 'session';

/** RFC 9457 problem details, as sendProblem writes them (errors.tsx). */
const PROBLEM_SCHEMA = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string', description: 'A URI naming the kind of problem' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string', description: 'What went wrong, in the language of Accept-Language (en or fr)' },
    instance: { type: 'string' },
    requestId: { type: 'string' },
    errors: { type: 'object', additionalProperties: { type: 'string' }, description: 'A message per field or query parameter' },
  },
};

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: PROBLEM_SCHEMA } } });

/**
 * `get /api/v1/processes/:processSlug/audit` → `getProcessesByProcessSlugAudit`: one id per
 * operation, derived from the route so it cannot drift from it.
 */
export function operationId(method: string, url: string): string {
  const words = url
    .replace(/^\/api\/v\d+/, '')
    .split('/')
    .filter(Boolean)
    .map((seg) => (seg.startsWith(':') ? `by-${seg.slice(1)}` : seg === '*' ? 'any' : seg));
  const camel = words
    .join('-')
    .split(/[-_.]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
  return `${method.toLowerCase()}${camel}`;
}

/** Who may call: anyone (a session only widens what is seen), or a session is required. */
function securityOf(policy: unknown): Record<string, string[]>[] {
  const rule = typeof policy === 'string' && Object.hasOwn(POLICIES, policy) ? POLICIES[policy as Action] : undefined;
  return rule?.kind === 'anyone' ? [{}, { [SESSION_SCHEME]: [] }] : [{ [SESSION_SCHEME]: [] }];
}

type TransformArgs = Parameters<typeof jsonSchemaTransform>[0];

/**
 * The Zod → JSON Schema transform, plus what every operation shares and the routes do not
 * repeat: its operationId, its security (from the route's policy), and its problem+json
 * answers (400 for bad input or unknown query parameters, 401/403 where a session is needed,
 * 404, 405 for another method on a known path, 429 when rate-limited). Only the document sees
 * these; the routes' own schemas, which validate and serialise, are left alone.
 */
export function openapiTransform(args: TransformArgs): ReturnType<typeof jsonSchemaTransform> {
  const out = jsonSchemaTransform(args);
  const route = args.route as { method: string | string[]; config?: { policy?: unknown; fileBody?: readonly string[] } };
  const method = Array.isArray(route.method) ? route.method[0]! : route.method;
  const security = securityOf(route.config?.policy);
  const needsSession = !security.some((s) => Object.keys(s).length === 0);
  const schema = out.schema as Record<string, unknown>;
  const responses = { ...((schema.response as Record<string, unknown> | undefined) ?? {}) };
  const add = (status: string, description: string) => {
    responses[status] ??= problem(description);
  };
  // A route without a response schema sends a file, a calendar or a CSV.
  if (!Object.keys(responses).some((k) => k.startsWith('2')))
    responses['200'] = { description: 'Success: a file, not JSON', content: { '*/*': { schema: { type: 'string', format: 'binary' } } } };
  add('400', 'The request could not be used: invalid input, or a query parameter the operation does not know (named in `errors`)');
  if (needsSession) {
    add('401', 'No valid session: sign in first (the response carries WWW-Authenticate)');
    add('403', 'The session’s account may not do this');
  }
  add('404', 'Nothing at this address in the API, or the record does not exist');
  add('405', 'Another method is allowed on this path (listed in Allow)');
  add('429', 'Too many requests (Retry-After says when to try again)');
  // `?lang=` is read on every request (request-context.ts); api-strict.ts lets it through.
  const query = (schema.querystring as { type?: string; properties?: Record<string, unknown> } | undefined) ?? { type: 'object', properties: {} };
  const querystring = {
    ...query,
    properties: { ...query.properties, lang: { type: 'string', enum: ['en', 'fr'], description: 'The language of messages and texts; else Accept-Language' } },
  };
  return {
    ...out,
    schema: {
      ...schema,
      querystring,
      operationId: (schema.operationId as string | undefined) ?? operationId(method, args.url),
      security,
      response: responses,
      // A file sent as the whole body: described here only (the route validates no JSON body).
      ...(route.config?.fileBody ? { body: { type: 'string', format: 'binary', description: 'The file itself' }, consumes: [...route.config.fileBody] } : {}),
    },
  };
}
