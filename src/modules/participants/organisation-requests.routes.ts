import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { processRecords, SlugParams } from '../processes/index.js';
import { OrganisationRequestOut, OrganisationRequestParams, RequestDecisionBody } from './participants.schema.js';
import { decideRequest, pendingRequests, type PendingRequestRow } from './organisation-requests.service.js';

const present = (r: PendingRequestRow) => ({
  id: r.id,
  organisation: { id: r.organisation_id, name: r.organisation_name },
  person: { id: r.user_id, name: r.name, email: r.email },
  requestedAt: r.created_at.toISOString(),
});

/** "I act for this organisation" requests through the JSON API: a process's conveners list and decide them. */
export const organisationRequestsApi: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.db;
  const tags = ['participants'];
  const config = { policy: 'organisation.decideRequest', scope: processRecords } as const;

  app.get(
    '/processes/:processSlug/organisation-requests',
    { config, schema: { tags, summary: 'Pending requests to act for an organisation, made when joining this process (conveners)', params: SlugParams, response: { 200: z.object({ items: z.array(OrganisationRequestOut) }) } } },
    async (req) => {
      const { process } = processRecords.of(req);
      return { items: (await pendingRequests(db(), process.id)).map(present) };
    },
  );

  app.post(
    '/processes/:processSlug/organisation-requests/:requestId',
    {
      config,
      schema: { tags, summary: 'Approve (the person becomes a representative of the organisation) or refuse a request (conveners)', params: OrganisationRequestParams, body: RequestDecisionBody, response: { 204: z.null() } },
    },
    async (req, reply) => {
      const { process } = processRecords.of(req);
      await decideRequest(db(), req.actor!, process.id, req.params.requestId, req.body.decision);
      return reply.status(204).send(null);
    },
  );
};
