import { pick } from '../../platform/i18n/pick.js';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { localPath } from '../../platform/web/context.js';
import { redirectWithNotice } from '../../platform/web/notice.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { atomFeed } from '../../platform/lib/atom.js';
import { getProcess, processRecords } from '../processes/index.js';
import { groupFromParams } from '../groups/index.js';
import * as follows from './follows.service.js';

const ModeBody = z.object({ mode: z.enum(['immediate', 'digest']).default('immediate') });
const hide = { hide: true };

/** Follow buttons (process and working group) and each process's Atom feed, per language. */
export const followsPages: FastifyPluginAsync = async (app) => {
  const db = () => app.deps.db;
  const target = (req: FastifyRequest) => ({ processId: req.policyContext.processId!, groupId: req.policyContext.groupId ?? null });
  const back = (req: FastifyRequest) => {
    const p = req.params as { processSlug: string; groupSlug?: string };
    return localPath(req.lang, `/processes/${p.processSlug}${p.groupSlug ? `/groups/${p.groupSlug}` : ''}`);
  };

  for (const [prefix, scope] of [
    ['/processes/:processSlug', processRecords],
    ['/processes/:processSlug/groups/:groupSlug', groupFromParams],
  ] as const) {
    app.post(`${prefix}/follow`, { config: { policy: 'follow.set', scope }, schema: hide }, async (req, reply) => {
      const parsed = ModeBody.safeParse(req.body ?? {});
      if (!parsed.success) throw new HttpProblem(400, 'errors.badRequest');
      await follows.follow(db(), req.actor!, target(req), parsed.data.mode);
      return redirectWithNotice(reply, back(req), 'follows.followed');
    });
    app.post(`${prefix}/unfollow`, { config: { policy: 'follow.remove', scope }, schema: hide }, async (req, reply) => {
      await follows.unfollow(db(), req.actor!, target(req));
      return redirectWithNotice(reply, back(req), 'follows.unfollowed');
    });
  }

  app.get('/processes/:processSlug/activity.atom', { config: { policy: 'public.read' }, schema: hide }, async (req, reply) => {
    const d = await getProcess(db(), (req.params as { processSlug: string }).processSlug);
      const items = await follows.recentActivity(db(), d.process.id);
    const base = app.deps.config.baseUrl;
    const page = `${base}/${req.lang}/processes/${d.process.slug}`;
    const xml = atomFeed({
      id: `${page}/activity.atom`,
      title: req.t('follows.feedTitle', { title: pick(req.lang, d.process, 'title') }),
      updated: items[0]?.occurred_at ?? d.process.updated_at,
      selfUrl: `${page}/activity.atom`,
      alternateUrl: page,
      lang: req.lang,
      entries: items.map((i) => ({ id: `urn:uuid:${i.id}`, title: pick(req.lang, i, 'title'), updated: i.occurred_at, url: `${base}/${req.lang}${i.path}` })),
    });
    return reply.type('application/atom+xml; charset=utf-8').send(xml);
  });
};
