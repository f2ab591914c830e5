import { pick } from '../../platform/i18n/pick.js';
import type { FastifyPluginAsync } from 'fastify';
import { sendPage } from '../../platform/web/render.js';
import { pageCtx } from '../../platform/web/page-ctx.js';
import { HomeView } from './views/home.view.js';
import { listProcesses } from '../processes/index.js';

/** The front page in one language (registered once per language prefix); signed-out visitors get it from the page cache. */
export const homePages: FastifyPluginAsync = async (app) => {
  app.get('/', { config: { policy: 'public.read', anonymousCache: true }, schema: { hide: true } }, async (req, reply) => {
      const processes = (await listProcesses(app.deps.db)).map((p) => ({ slug: p.slug, title: pick(req.lang, p, 'title'), summary: pick(req.lang, p, 'summary') }));
    return sendPage(reply, <HomeView ctx={pageCtx(req, reply)} processes={processes} />);
  });
};
