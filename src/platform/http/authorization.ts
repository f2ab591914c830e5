import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize, authorizeAll, isAction, type Action, type PolicyContext } from '../auth/policies.js';

/** A registered route and the policy it answers to (the route-walk test reads these). */
export interface RouteEntry {
  method: string;
  url: string;
  policy: Action;
  /** True when the route resolves a process or group scope from its params. */
  scoped: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeCatalog: RouteEntry[];
  }
}
import { HttpProblem } from './problem.js';
import { wantsJson } from './errors.js';
import { isScope, resolveScope } from './scope.js';

/**
 * Every route must name its policy action; this hook refuses to register one that does not,
 * so a new route cannot ship without an authorisation decision.
 */
export function requirePolicies(app: FastifyInstance): void {
  app.decorate('routeCatalog', [] as RouteEntry[]);
  app.addHook('onRoute', (route) => {
    const config = (route.config ?? {}) as { policy?: unknown; scope?: unknown };
    // Static files are public by nature; @fastify/static gives no way to pass a config.
    const policy = route.url.startsWith('/static') ? 'public.read' : config.policy;
    if (!isAction(policy)) {
      throw new Error(`Route ${String(route.method)} ${route.url} names no policy: add config.policy from src/auth/policies.ts`);
    }
    route.config = { ...route.config, policy };
    for (const method of Array.isArray(route.method) ? route.method : [route.method]) {
      app.routeCatalog.push({ method: String(method), url: route.url, policy, scoped: typeof config.scope === 'function' || isScope(config.scope) });
    }
  });

  // Runs after the CSRF check (registered earlier), before body validation: an unauthorised
  // caller learns nothing about what a valid request would look like.
  app.addHook('preValidation', async (req, reply) => {
    const { policy, scope } = req.routeOptions.config;
    if (!policy) return; // the not-found handler
    // Who the actor is (signed in, email confirmed) is decided before anything is loaded: a
    // signed-out visitor costs no query and is asked to sign in whatever the URL names.
    const early = authorize(req.actor, policy, {});
    if (!early.allowed && early.reason !== 'forbidden') return refuse(req, reply, early.reason);
    // The scope loads what the route acts on (404 for what does not exist); a bare resolver
    // gives ids only.
    const resolved: { context: PolicyContext; contexts?: readonly PolicyContext[] } = !scope ? { context: {} } : isScope(scope) ? await resolveScope(scope, req) : { context: await scope(req) };
    req.policyContext = resolved.context;
    if (resolved.contexts) {
      // Many records: one decision per distinct context, and the request is refused whole
      // when any record is (acting on the rest would leave the batch half done).
      const all = authorizeAll(req.actor, policy, resolved.contexts);
      if (all.allowed) return;
      if (all.reason !== 'forbidden' || all.refused.length === 0) return refuse(req, reply, all.reason);
      throw new HttpProblem(403, 'errors.forbiddenRecords', { count: all.refused.length, total: resolved.contexts.length });
    }
    const decision = authorize(req.actor, policy, resolved.context);
    if (decision.allowed) return;
    return refuse(req, reply, decision.reason);
  });
}

/** Refuse: a page asks a signed-out visitor to sign in; otherwise 401 or 403 with the reason. */
function refuse(req: FastifyRequest, reply: FastifyReply, reason: 'signInRequired' | 'forbidden' | 'confirmEmail') {
  if (reason === 'signInRequired' && !wantsJson(req) && req.method === 'GET') {
    const next = encodeURIComponent(req.url);
    return reply.redirect(`/${req.lang}/sign-in?next=${next}`, 303);
  }
  throw new HttpProblem(reason === 'signInRequired' ? 401 : 403, `errors.${reason}`);
}
