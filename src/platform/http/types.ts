import type { Kysely } from 'kysely';
import type { Actor } from '../auth/roles.js';
import type { Action, PolicyContext } from '../auth/policies.js';
import type { Config } from '../config.js';
import type { DB } from '../db/schema.js';
import type { Lang, T } from '../i18n/i18n.js';
import type { Scope } from './scope.js';

/** What buildApp needs from the outside world. */
export interface AppDeps {
  config: Config;
  db: Kysely<DB>;
  engine: 'pglite' | 'postgres';
  /** Schema name when tests isolate a file in its own PostgreSQL schema. */
  schema?: string | undefined;
}


declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
  interface FastifyRequest {
    /** The language of this request: from the URL for pages, from Accept-Language for the API. */
    lang: Lang;
    /** Translator bound to `lang`. */
    t: T;
    /** Who is asking; null when signed out. */
    actor: Actor | null;
    sessionId: string | null;
    /** What the route's scope resolver found (empty when the route has none). */
    policyContext: PolicyContext;
  }
  interface FastifyContextConfig {
    /** The policy action this route performs: required on every route (see policies.ts). */
    policy?: Action;
    /**
     * What the request concerns, resolved before the policy is asked (throws 404 when absent):
     * a scope from defineScope (loads the records, handed to the handler by `scope.of(req)`),
     * or a bare resolver of the process and working group ids.
     */
    scope?: Scope<unknown> | ((req: FastifyRequest) => Promise<PolicyContext>);
    /**
     * Media types this route takes as a file sent as the whole body (the bulk import: text/csv),
     * besides JSON; the API refuses any other non-JSON body (security.ts).
     */
    fileBody?: readonly string[];
    /** A public page that may be served to signed-out visitors from a two-second cache (web/page-cache.ts). */
    anonymousCache?: boolean;
  }
}
