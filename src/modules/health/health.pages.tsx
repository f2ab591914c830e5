import type { FastifyPluginAsync } from 'fastify';
import { sendPage } from '../../platform/web/render.js';
import { pageCtx } from '../../platform/web/page-ctx.js';
import { serviceStatus } from './health.status.js';
import { statusPage } from './health.page-presenter.js';
import { StatusView } from './views/status.view.js';

/** The service status page, for people (machines have /healthz and /readyz). Never cached: it says what is true now. */
export const healthPages: FastifyPluginAsync = async (app) => {
  app.get('/status', { config: { policy: 'public.read' }, schema: { hide: true } }, async (req, reply) => {
    const status = await serviceStatus(app.deps);
    const ctx = pageCtx(req, reply);
    reply.header('cache-control', 'no-store');
    return sendPage(reply, <StatusView ctx={ctx} model={statusPage(status, ctx)} />);
  });
};
