import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { OutboxPage, OutboxQuery } from './mail.schema.js';
import { mailRepository } from './mail.repository.js';
import { presentMessage } from './mail.presenter.js';

/** The outbox through the API, for administrators and scripts. */
export const mailApi: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/admin/outbox',
    {
      config: { policy: 'admin.readOutbox' },
      schema: { tags: ['admin'], summary: 'Messages Concord has written, newest first', querystring: OutboxQuery, response: { 200: OutboxPage } },
    },
    async (req) => {
      const { limit, after, to } = req.query;
      // Newest first: the page after a message holds older ones (ids below it).
      const rows = await mailRepository.list(app.deps.db, { limit: limit + 1, before: after, to });
      const page = rows.slice(0, limit);
      return { items: page.map(presentMessage), next: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null };
    },
  );
};
