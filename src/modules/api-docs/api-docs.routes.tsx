import type { FastifyPluginAsync } from 'fastify';
import { LANGS } from '../../platform/i18n/i18n.js';
import { pageCtx } from '../../platform/web/page-ctx.js';
import { sendPage } from '../../platform/web/render.js';
import { ApiReferenceView, type OpenApiDoc } from './views/api-reference.view.js';

/** The OpenAPI document (generated from the routes' Zod schemas) and a readable reference page. */
export const apiDocsRoutes: FastifyPluginAsync = async (app) => {
  // The document is fixed once the app is ready; building it walks every schema, so build it once.
  let doc: ReturnType<typeof app.swagger> | undefined;
  const openapi = () => (doc ??= app.swagger());
  app.get('/api/openapi.json', { config: { policy: 'public.read' }, schema: { hide: true } }, async () => openapi());

  for (const lang of LANGS) {
    app.get(`/${lang}/api`, { config: { policy: 'public.read' }, schema: { hide: true } }, async (req, reply) =>
      sendPage(reply, <ApiReferenceView ctx={pageCtx(req, reply)} doc={openapi() as unknown as OpenApiDoc} />),
    );
  }
};
