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
  /**
   * The process, working group and organisation the policy is asked about (a method, so any
   * Scope<R> fits Scope<unknown>). For a scope over many records, what they all share (often
   * nothing): handlers read it as `req.policyContext`.
   */
  context(records: R): PolicyContext;
  /**
   * For a scope over many records (defineScopeOfMany): one context per record. The policy
   * is asked about each distinct one (`authorizeAll`) and the request is refused whole when
   * any record is refused.
   */
  contexts?(records: R): readonly PolicyContext[];
  /** The records the authorization hook loaded for this request (throws if the route does not name this scope). */
  of(req: FastifyRequest): R;
}

const loaded = new WeakMap<FastifyRequest, { scope: Scope<unknown>; records: unknown }>();

/** Define a scope from its loader and how its records place the request for the policy. */
export function defineScope<R>(load: (req: FastifyRequest) => Promise<R>, context: (records: R) => PolicyContext): Scope<R> {
  return makeScope(load, context, undefined);
}

function makeScope<R>(load: (req: FastifyRequest) => Promise<R>, context: (records: R) => PolicyContext, contexts: ((records: R) => readonly PolicyContext[]) | undefined): Scope<R> {
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
  if (contexts) scope.contexts = contexts;
  return scope;
}

/**
 * Define a scope over many records: a bulk moderation, a campaign's comments, a batch of
 * labels. `contexts` places each record; the authorization hook decides them all in one pass
 * (deduplicated) and answers 403, naming how many records were refused, when any is. `shared`
 * is what every record has in common (the process of a period's comments), for handlers.
 * @example
 * export const labelBatch = defineScopeOfMany(
 *   async (req) => ({ labels: await labelsByIds(db, (req.body as { ids: string[] }).ids) }),
 *   (r) => r.labels.map((l) => ({ organisationId: l.organisation_id })),
 * );
 */
export function defineScopeOfMany<R>(load: (req: FastifyRequest) => Promise<R>, contexts: (records: R) => readonly PolicyContext[], shared: (records: R) => PolicyContext = () => ({})): Scope<R> {
  return makeScope(load, shared, contexts);
}

/** True for a scope made by defineScope (routes may still give a bare resolver of ids). */
export function isScope(x: unknown): x is Scope<unknown> {
  return typeof x === 'object' && x !== null && typeof (x as Scope<unknown>).load === 'function' && typeof (x as Scope<unknown>).of === 'function';
}

/**
 * Load a scope's records for a request, keep them for `of`, and return the policy context
 * (and, for a scope over many records, every record's).
 */
export async function resolveScope(scope: Scope<unknown>, req: FastifyRequest): Promise<{ context: PolicyContext; contexts?: readonly PolicyContext[] }> {
  const records = await scope.load(req);
  loaded.set(req, { scope, records });
  const context = scope.context(records);
  return scope.contexts ? { context, contexts: scope.contexts(records) } : { context };
}
