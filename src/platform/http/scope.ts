import type { FastifyRequest } from 'fastify';
import type { PolicyContext } from '../auth/policies.js';

/**
 * What a route acts on, loaded once before its policy is asked.
 *
 * A scope's `load` turns the URL (and, rarely, the body) into the records the route concerns
 * — the process, the comment period, the consensus call… — answering 404 for what does not
 * exist. The policy context (which process, which working group) is derived from those
 * records, the policy is asked against it, and the handler gets the same records back, typed,
 * through `scope.of(req)`: nothing the hook read is read again.
 * @example
 * export const periodScope = defineScope(async (req) => ({ process, period }), (r) => ({ processId: r.process.id }));
 * app.post('/…', { config: { policy: 'comment.submit', scope: periodScope } }, async (req) => {
 *   const { process, period } = periodScope.of(req);
 * });
 */
export interface Scope<R> {
  load(req: FastifyRequest): Promise<R>;
  /** The process and working group the policy is asked about (a method, so any Scope<R> fits Scope<unknown>). */
  context(records: R): PolicyContext;
  /** The records the authorization hook loaded for this request (throws if the route does not name this scope). */
  of(req: FastifyRequest): R;
}

const loaded = new WeakMap<FastifyRequest, { scope: Scope<unknown>; records: unknown }>();

/** Define a scope from its loader and how its records place the request for the policy. */
export function defineScope<R>(load: (req: FastifyRequest) => Promise<R>, context: (records: R) => PolicyContext): Scope<R> {
  const scope: Scope<R> = {
    load,
    context,
    of(req) {
      const found = loaded.get(req);
      // A handler reading a scope its route does not name is a wiring mistake, not a 404.
      if (!found || found.scope !== (scope as Scope<unknown>)) throw new Error(`${req.routeOptions.url ?? req.url} does not name this scope in config.scope`);
      return found.records as R;
    },
  };
  return scope;
}

/** True for a scope made by defineScope (routes may still give a bare resolver of ids). */
export function isScope(x: unknown): x is Scope<unknown> {
  return typeof x === 'object' && x !== null && typeof (x as Scope<unknown>).load === 'function' && typeof (x as Scope<unknown>).of === 'function';
}

/** Load a scope's records for a request, keep them for `of`, and return the policy context. */
export async function resolveScope(scope: Scope<unknown>, req: FastifyRequest): Promise<PolicyContext> {
  const records = await scope.load(req);
  loaded.set(req, { scope, records });
  return scope.context(records);
}
