import { AnonymousPageCache, registerAnonymousCache } from './web/page-cache.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import staticFiles from '@fastify/static';
import swagger from '@fastify/swagger';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { LANGS, isLang, pickLang, tFor } from './i18n/i18n.js';
import { HttpProblem } from './http/problem.js';
import type { AppDeps } from './http/types.js';
import { registerRequestContext } from './http/request-context.js';
import { registerSecurity } from './http/security.js';
import { registerErrorHandling, sendProblem } from './http/errors.js';
import { requirePolicies } from './http/authorization.js';
import { loggerOptions } from './http/logging.js';
import { settingsRepository } from './modules/settings/settings.repository.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { homePages } from './modules/home/home.pages.js';
import { accountsApi } from './modules/accounts/accounts.routes.js';
import { accountsPages } from './modules/accounts/accounts.pages.js';
import { mailApi } from './modules/mail/mail.routes.js';
import { mailPages } from './modules/mail/mail.pages.js';
import { apiDocsRoutes } from './modules/api-docs/api-docs.routes.js';
import { processesApi } from './modules/processes/processes.routes.js';
import { processesPages } from './modules/processes/processes.pages.js';
import { participantsPages } from './modules/participants/participants.pages.js';
import { participantsApi } from './modules/participants/participants.routes.js';
import { groupsPages } from './modules/groups/groups.pages.js';
import { groupsApi } from './modules/groups/groups.routes.js';
import { meetingsApiPlugin, meetingsPagesPlugin } from './modules/meetings/meetings.plugins.js';
import { callsApi } from './modules/calls/calls.routes.js';
import { callsPages } from './modules/calls/calls.pages.js';
import { documentsApi } from './modules/documents/documents.routes.js';
import { documentsPages } from './modules/documents/documents.pages.js';
import { followsApi } from './modules/follows/follows.routes.js';
import { followsPages } from './modules/follows/follows.pages.js';
import { searchApi } from './modules/search/search.routes.js';
import { searchPages } from './modules/search/search.pages.js';
import { commentsApi } from './modules/comments/comments.routes.js';
import { commentsPages } from './modules/comments/comments.pages.js';
import { periodsPages } from './modules/comments/periods.pages.js';
import { dispositionsApi } from './modules/comments/dispositions.routes.js';
import { dispositionsPages } from './modules/comments/dispositions.pages.js';
import { consensusApi } from './modules/consensus/consensus.routes.js';
import { consensusPages } from './modules/consensus/consensus.pages.js';
import { accountabilityApi } from './modules/accountability/accountability.routes.js';
import { accountabilityPages } from './modules/accountability/accountability.pages.js';
import { recommendationsApi } from './modules/recommendations/recommendations.routes.js';
import { recommendationsPages } from './modules/recommendations/recommendations.pages.js';
import { finalReportPages } from './modules/recommendations/final-report.pages.js';
import { processReportApi } from './modules/process-report/process-report.routes.js';
import { processReportPages } from './modules/process-report/process-report.pages.js';
import { auditViewApi } from './modules/audit/audit-view.routes.js';
import { auditViewPages } from './modules/audit/audit-view.pages.js';
import { signingRoutes, useKeySecret } from './platform/signing/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Options for building the app; tests pass `logger: false` or a stream to capture logs. */
export interface BuildOptions {
  logger?: boolean | { stream: NodeJS.WritableStream; level?: string };
}

/**
 * Assemble Concord: plugins, security, and every feature's routes and pages. Does not
 * listen; main.ts does, and tests use `app.inject()`.
 */
export async function buildApp(deps: AppDeps, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(deps.config, opts.logger),
    bodyLimit: 1024 * 1024,
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
      return sendProblem(req, reply, new HttpProblem(400, 'errors.badUrl'));
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('deps', deps);

  requirePolicies(app);
  // Before any route can sign: private keys are sealed under this secret.
  useKeySecret(deps.config);
  const cookieSecret = deps.config.cookieSecret ?? (await settingsRepository.secret(deps.db, 'cookie_secret'));
  await app.register(cookie, { secret: cookieSecret });
  await app.register(formbody, { bodyLimit: 64 * 1024 });
  registerRequestContext(app);
  await registerSecurity(app);
  registerErrorHandling(app);
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
      },
      servers: [{ url: deps.config.baseUrl }],
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'concord_session' } } },
    },
    transform: jsonSchemaTransform,
  });

  await app.register(staticFiles, { root: path.join(here, 'web/public'), prefix: '/static/', maxAge: '1h' });

  await app.register(healthRoutes);
  await app.register(signingRoutes);
  await app.register(apiDocsRoutes);
  await app.register(accountsApi, { prefix: '/api/v1' });
  await app.register(mailApi, { prefix: '/api/v1' });
  await app.register(processesApi, { prefix: '/api/v1' });
  await app.register(participantsApi, { prefix: '/api/v1' });
  await app.register(groupsApi, { prefix: '/api/v1' });
  await app.register(meetingsApiPlugin, { prefix: '/api/v1' });
  await app.register(callsApi, { prefix: '/api/v1' });
  await app.register(documentsApi, { prefix: '/api/v1' });
  await app.register(followsApi, { prefix: '/api/v1' });
  await app.register(searchApi, { prefix: '/api/v1' });
  await app.register(commentsApi, { prefix: '/api/v1' });
  await app.register(dispositionsApi, { prefix: '/api/v1' });
  await app.register(consensusApi, { prefix: '/api/v1' });
  await app.register(accountabilityApi, { prefix: '/api/v1' });
  await app.register(recommendationsApi, { prefix: '/api/v1' });
  await app.register(processReportApi, { prefix: '/api/v1' });
  await app.register(auditViewApi, { prefix: '/api/v1' });

  for (const lang of LANGS) {
    await app.register(homePages, { prefix: `/${lang}` });
    await app.register(accountsPages, { prefix: `/${lang}` });
    await app.register(mailPages, { prefix: `/${lang}` });
    await app.register(processesPages, { prefix: `/${lang}` });
    await app.register(participantsPages, { prefix: `/${lang}` });
    await app.register(groupsPages, { prefix: `/${lang}` });
    await app.register(meetingsPagesPlugin, { prefix: `/${lang}` });
    await app.register(callsPages, { prefix: `/${lang}` });
    await app.register(documentsPages, { prefix: `/${lang}` });
    await app.register(followsPages, { prefix: `/${lang}` });
    await app.register(searchPages, { prefix: `/${lang}` });
    await app.register(periodsPages, { prefix: `/${lang}` });
    await app.register(commentsPages, { prefix: `/${lang}` });
    await app.register(dispositionsPages, { prefix: `/${lang}` });
    await app.register(consensusPages, { prefix: `/${lang}` });
    await app.register(accountabilityPages, { prefix: `/${lang}` });
    await app.register(recommendationsPages, { prefix: `/${lang}` });
    await app.register(finalReportPages, { prefix: `/${lang}` });
    await app.register(processReportPages, { prefix: `/${lang}` });
    await app.register(auditViewPages, { prefix: `/${lang}` });
  }
  await app.ready();
  return app;
}
