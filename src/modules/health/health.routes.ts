import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sql } from 'kysely';
import { pendingMigrations } from '../../platform/db/migrate.js';
import { pickLang } from '../../platform/i18n/i18n.js';

const Health = z.object({ status: z.enum(['ok', 'unavailable']), checks: z.record(z.string(), z.string()).optional() });

/** Liveness, readiness, and the language redirect at the root. */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/healthz',
    { config: { policy: 'public.read' }, schema: { tags: ['health'], summary: 'The process is up', response: { 200: Health } } },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      config: { policy: 'public.read' },
      schema: { tags: ['health'], summary: 'The database answers and its migrations are current', response: { 200: Health, 503: Health } },
    },
    async (_req, reply) => {
      const checks: Record<string, string> = {};
      try {
        await sql`select 1`.execute(app.deps.db);
        checks.database = 'ok';
        const pending = await pendingMigrations(app.deps.db, app.deps.schema);
        checks.migrations = pending.length ? `pending: ${pending.join(', ')}` : 'ok';
      } catch {
        // Details stay in the logs; a probe only needs to know it failed.
        checks.database ??= 'unreachable';
      }
      const ok = Object.values(checks).every((v) => v === 'ok') && checks.migrations !== undefined;
      return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', checks });
    },
  );

  app.get('/', { config: { policy: 'public.read' }, schema: { hide: true } }, async (req, reply) => {
    reply.header('vary', 'Accept-Language');
    return reply.redirect(`/${pickLang(req.headers['accept-language'])}/`, 302);
  });

  // Browsers ask for /favicon.ico whatever the page says.
  app.get('/favicon.ico', { config: { policy: 'public.read' }, schema: { hide: true } }, async (_req, reply) => reply.redirect('/static/favicon.svg', 301));

  // Bare paths people type or bookmark without a language go to the right one.
  for (const bare of ['/admin/outbox', '/sign-in', '/register', '/account']) {
    app.get(bare, { config: { policy: 'public.read' }, schema: { hide: true } }, async (req, reply) =>
      reply.redirect(`/${pickLang(req.headers['accept-language'])}${bare}`, 302),
    );
  }
};
