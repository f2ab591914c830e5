import type { FastifyPluginAsync } from 'fastify';
import { sendPage } from '../../platform/web/render.js';
import { pageCtx } from '../../platform/web/page-ctx.js';
import { HomeView } from './views/home.view.js';
import { listProcesses } from '../processes/index.js';

/** The front page in one language (registered once per language prefix); signed-out visitors get it from the page cache. */
export const homePages: FastifyPluginAsync = async (app) => {
  app.get('/', { config: { policy: 'public.read', anonymousCache: true }, schema: { hide: true } }, async (req, reply) => {
    const fr = req.lang === 'fr';
    const processes = (await listProcesses(app.deps.db)).map((p) => ({ slug: p.slug, title: fr ? p.title_fr : p.title_en, summary: fr ? p.summary_fr : p.summary_en }));
    return sendPage(reply, <HomeView ctx={pageCtx(req, reply)} processes={processes} />);
  });
};
