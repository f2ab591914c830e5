import type { FastifyPluginAsync } from 'fastify';
import { isUuid } from '../../platform/lib/ids.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { pageCtx } from '../../platform/web/page-ctx.js';
import { sendPage } from '../../platform/web/render.js';
import { mailRepository } from './mail.repository.js';
import { OutboxMessageView, OutboxView } from './views/outbox.view.js';

const PAGE = 50;

/** The admin's outbox: every message Concord wrote, readable without SMTP. */
export const mailPages: FastifyPluginAsync = async (app) => {
  app.get('/admin/outbox', { config: { policy: 'admin.readOutbox' }, schema: { hide: true } }, async (req, reply) => {
    const q = (req.query ?? {}) as { before?: string };
    const before = q.before && isUuid(q.before) ? q.before : undefined;
    const rows = await mailRepository.list(app.deps.db, { limit: PAGE + 1, before });
    const page = rows.slice(0, PAGE);
    const next = rows.length > PAGE ? page[page.length - 1]?.id : undefined;
    return sendPage(reply, <OutboxView ctx={pageCtx(req, reply)} messages={page} next={next} />);
  });

  app.get('/admin/outbox/:id', { config: { policy: 'admin.readOutbox' }, schema: { hide: true } }, async (req, reply) => {
    const { id } = req.params as { id: string };
    const message = isUuid(id) ? await mailRepository.get(app.deps.db, id) : undefined;
    if (!message) throw new HttpProblem(404, 'errors.notFound');
    return sendPage(reply, <OutboxMessageView ctx={pageCtx(req, reply)} message={message} />);
  });
};
