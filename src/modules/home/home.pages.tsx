import type { FastifyPluginAsync } from 'fastify';
import { renderPage } from '../../web/render.js';
import { AnonymousPageCache } from '../../web/page-cache.js';
import { pageCtx } from '../../web/page-ctx.js';
import { HomeView } from './views/home.view.js';
import { listProcesses } from '../processes/processes.service.js';

/** The front page in one language (registered once per language prefix). */
export const homePages: FastifyPluginAsync = async (app) => {
  const cache = new AnonymousPageCache();
  app.get('/', { config: { policy: 'public.read' }, schema: { hide: true } }, async (req, reply) => {
    const cacheable = cache.applies(req);
    if (cacheable && cache.serve(req.lang, reply)) return reply;
    const fr = req.lang === 'fr';
    const processes = (await listProcesses(app.deps.db)).map((p) => ({ slug: p.slug, title: fr ? p.title_fr : p.title_en, summary: fr ? p.summary_fr : p.summary_en }));
    const html = renderPage(<HomeView ctx={pageCtx(req, reply)} processes={processes} />);
    if (cacheable) cache.store(req.lang, html);
    return reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
  });
};
