import type { FastifyPluginAsync } from 'fastify';
import { LANGS } from '../../i18n/i18n.js';
import { pageCtx } from '../../web/page-ctx.js';
import { sendPage } from '../../web/render.js';
import { ApiReferenceView, type OpenApiDoc } from './views/api-reference.view.js';

/** The OpenAPI document (generated from the routes' Zod schemas) and a readable reference page. */
export const apiDocsRoutes: FastifyPluginAsync = async (app) => {
  app.get('/api/openapi.json', { config: { policy: 'public.read' }, schema: { hide: true } }, async () => app.swagger());

  for (const lang of LANGS) {
    app.get(`/${lang}/api`, { config: { policy: 'public.read' }, schema: { hide: true } }, async (req, reply) =>
      sendPage(reply, <ApiReferenceView ctx={pageCtx(req, reply)} doc={app.swagger() as unknown as OpenApiDoc} />),
    );
  }
};
