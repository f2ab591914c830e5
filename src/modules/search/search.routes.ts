import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SearchPageOut, SearchQuery } from './search.schema.js';
import { searchSite } from './search.service.js';
import { searchRate } from './search.query.js';

/** Search through the JSON API (app.ts mounts it at /api/v1). */
export const searchApi: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/search',
    {
      config: { policy: 'public.read', ...searchRate(app.deps.config.searchPerMinute) },
      schema: {
        tags: ['search'],
        summary: 'Search documents, comments, meetings and participants (English and French stemming, accents ignored); members-only records for members of their process',
        description:
          'Results are ranked, 20 a page, up to page 50. Titles and excerpts come as plain text cut into stretches, the matched words flagged (`match: true`): no HTML to sanitise. A record written in both languages (a meeting) appears once, in the language of the request when that text matches.',
        querystring: SearchQuery,
        response: { 200: SearchPageOut },
      },
    },
    async (req) => {
      const r = await searchSite(app.deps.db, req.actor, req.lang, req.query);
      return { items: r.items, page: r.page, next: r.next };
    },
  );
};
