import { BODY_LIMIT } from '../platform/http/limits.js';
import { AnonymousPageCache, registerAnonymousCache } from '../platform/web/page-cache.js';
import { registerDemoLoadingGate } from '../platform/web/demo-loading.js';
import { formBodyParser } from '../platform/web/forms.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import staticFiles from '@fastify/static';
import swagger from '@fastify/swagger';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { SESSION_SCHEME, openapiTransform } from '../platform/http/openapi.js';
import { LANGS, isLang, pickLang, tFor } from '../platform/i18n/i18n.js';
import { HttpProblem } from '../platform/http/problem.js';
import type { AppDeps } from '../platform/http/types.js';
import { registerRequestContext } from '../platform/http/request-context.js';
import { registerSecurity, securityHeadersFor } from '../platform/http/security.js';
import { registerErrorHandling, sendProblem } from '../platform/http/errors.js';
import { requirePolicies } from '../platform/http/authorization.js';
import { registerApiStrictness } from '../platform/http/api-strict.js';
import { loggerOptions } from '../platform/http/logging.js';
import { MODULES } from './modules.js';
import { signingRoutes, useKeySecret } from '../platform/signing/index.js';
import { settingsRepository } from '../modules/settings/index.js';
import { sha256Hex } from '../platform/lib/crypto.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Options for building the app; tests pass `logger: false` or a stream to capture logs. */
export interface BuildOptions {
  logger?: boolean | { stream: NodeJS.WritableStream; level?: string };
  /** While this says true, every page is the "demo being loaded" page (main.ts seeds meanwhile). */
  demoLoading?: () => boolean;
}

/**
 * Assemble Concord: plugins, security, and every feature's routes and pages. Does not
 * listen; main.ts does, and tests use `app.inject()`.
 */
export async function buildApp(deps: AppDeps, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(deps.config, opts.logger),
    bodyLimit: BODY_LIMIT,
    // Believing every proxy would let anyone choose their address and dodge per-address limits.
    trustProxy: deps.config.trustProxy,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    // Errors Fastify raises before routing (a malformed URL such as /fr/%E0%A4%A) get the same
    // problem answer as ours, in the language of the URL, instead of Fastify's English JSON.
    frameworkErrors: (err, req, reply) => {
      const prefix = req.raw.url?.split('/')[1];
      req.lang = isLang(prefix) ? prefix : pickLang(req.headers['accept-language']);
      req.t = tFor(req.lang);
      // The cookie plugin has not run yet; the page is rendered as for a signed-out visitor.
      req.cookies ??= {};
      req.log.info({ code: err.code }, 'request refused before routing');
      // The onRequest hook that sets them never ran for this request.
      reply.headers(securityHeadersFor(deps.config));
      return sendProblem(req, reply, new HttpProblem(400, 'errors.badUrl'));
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('deps', deps);
  // First of all hooks: while the demo is loaded, nothing may read the half-filled database.
  if (opts.demoLoading) registerDemoLoadingGate(app, opts.demoLoading);

  requirePolicies(app);
  // Before any route can sign: private keys are sealed under this secret.
  useKeySecret(deps.config);
  const cookieSecret = deps.config.cookieSecret ?? (await settingsRepository.secret(deps.db, 'cookie_secret'));
  await app.register(cookie, { secret: cookieSecret });
  // Line breaks counted as the browser counted them toward maxlength (see formBodyParser).
  await app.register(formbody, { bodyLimit: BODY_LIMIT, parser: formBodyParser });
  registerRequestContext(app);
  // Its own key for binding CSRF tokens to sessions, derived so the cookie key is not reused as is.
  await registerSecurity(app, { csrfHmacKey: sha256Hex(`csrf-user-info:${cookieSecret}`) });
  registerErrorHandling(app);
  registerApiStrictness(app);
  // After the request context (which finds the actor) and the security headers, whose hooks
  // must run before a cached page is sent.
  registerAnonymousCache(app, new AnonymousPageCache(deps.config.pageCacheMs));

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Concord API',
        version: '1',
        description: 'The JSON API of Concord. Errors are RFC 9457 problem+json in the language of Accept-Language (en or fr).',
        license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
      },
      servers: [{ url: deps.config.baseUrl }],
      components: { securitySchemes: { [SESSION_SCHEME]: { type: 'apiKey', in: 'cookie', name: 'concord_session' } } },
    },
    transform: openapiTransform,
  });

  await app.register(staticFiles, { root: path.join(here, '../platform/web/public'), prefix: '/static/', maxAge: '1h' });

  // Every module's plugins, from the one list (src/app/modules.ts): root routes, the JSON
  // API under /api/v1, and pages once per language.
  // The frame's own public keys (/.well-known/jwks.json), then every module's.
  await app.register(signingRoutes);
  for (const m of MODULES) for (const plugin of m.root ?? []) await app.register(plugin);
  for (const m of MODULES) for (const plugin of m.api ?? []) await app.register(plugin, { prefix: '/api/v1' });
  for (const lang of LANGS) {
    for (const m of MODULES) for (const plugin of m.pages ?? []) await app.register(plugin, { prefix: `/${lang}` });
  }
  await app.ready();
  return app;
}
