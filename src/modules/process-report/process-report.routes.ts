import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getProcess, SlugParams } from '../processes/index.js';
import { ProcessReportOut } from './process-report.schema.js';
import { buildProcessReport } from './process-report.service.js';

/** The process report through the JSON API, in the language of Accept-Language. */
export const processReportApi: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.db;

  app.get(
    '/processes/:processSlug/report',
    {
      config: { policy: 'public.read' },
      schema: {
        tags: ['process-report'],
        summary:
          'The process report: participation, meetings, input, comments (campaigns counted once), consensus and recommendations; each figure with the path of its records',
        params: SlugParams,
        response: { 200: ProcessReportOut },
      },
    },
    async (req) => buildProcessReport(db(), await getProcess(db(), req.params.processSlug), req.lang, { actor: req.actor }),
  );
};
