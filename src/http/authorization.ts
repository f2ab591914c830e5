import type { FastifyInstance } from 'fastify';
import { authorize, isAction, type Action } from '../auth/policies.js';

/** A registered route and the policy it answers to (the route-walk test reads these). */
export interface RouteEntry {
  method: string;
  url: string;
  policy: Action;
  processParam: string | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeCatalog: RouteEntry[];
  }
}
import { HttpProblem } from './problem.js';
import { wantsJson } from './errors.js';

/**
 * Every route must name its policy action; this hook refuses to register one that does not,
 * so a new route cannot ship without an authorisation decision.
 */
export function requirePolicies(app: FastifyInstance): void {
  app.decorate('routeCatalog', [] as RouteEntry[]);
  app.addHook('onRoute', (route) => {
    const config = (route.config ?? {}) as { policy?: unknown; processParam?: string };
    // Static files are public by nature; @fastify/static gives no way to pass a config.
    const policy = route.url.startsWith('/static') ? 'public.read' : config.policy;
    if (!isAction(policy)) {
      throw new Error(`Route ${String(route.method)} ${route.url} names no policy: add config.policy from src/auth/policies.ts`);
    }
    route.config = { ...route.config, policy };
    for (const method of Array.isArray(route.method) ? route.method : [route.method]) {
      app.routeCatalog.push({ method: String(method), url: route.url, policy, processParam: config.processParam });
    }
  });

  // Runs after the CSRF check (registered earlier), before body validation: an unauthorised
  // caller learns nothing about what a valid request would look like.
  app.addHook('preValidation', async (req, reply) => {
    const { policy, processParam } = req.routeOptions.config;
    if (!policy) return; // the not-found handler
    const params = req.params as Record<string, string> | undefined;
    const decision = authorize(req.actor, policy, { processId: processParam ? params?.[processParam] : undefined });
    if (decision.allowed) return;
    if (decision.reason === 'signInRequired' && !wantsJson(req) && req.method === 'GET') {
      const next = encodeURIComponent(req.url);
      return reply.redirect(`/${req.lang}/sign-in?next=${next}`, 303);
    }
    throw new HttpProblem(decision.reason === 'signInRequired' ? 401 : 403, `errors.${decision.reason}`);
  });
}
