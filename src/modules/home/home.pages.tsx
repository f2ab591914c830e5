import type { FastifyPluginAsync } from 'fastify';
import { sendPage } from '../../web/render.js';
import { pageCtx } from '../../web/page-ctx.js';
import { HomeView } from './views/home.view.js';

/** The front page in one language (registered once per language prefix). */
export const homePages: FastifyPluginAsync = async (app) => {
  app.get('/', { config: { policy: 'public.read' }, schema: { hide: true } }, async (req, reply) => sendPage(reply, <HomeView ctx={pageCtx(req, reply)} />));
};
