import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { processRecords, SlugParams } from '../processes/index.js';
import { ProcessRoleOut, RevocationOut, RevokeRoleBody } from './participants.schema.js';
import { processRevocations, processRoleHolders, revokeProcessRole } from './process-roles.service.js';

/** Who holds which role in a process, and taking roles away with a reason (conveners and administrators). */
export const processRolesApi: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.db;
  const tags = ['participants'];
  const config = { policy: 'process.revokeRole', scope: processRecords } as const;

  app.get(
    '/processes/:processSlug/roles',
    { config, schema: { tags, summary: 'Roles held in the process, and the latest revocations with their reasons (conveners)', params: SlugParams, response: { 200: z.object({ items: z.array(ProcessRoleOut), revocations: z.array(RevocationOut) }) } } },
    async (req) => {
      const { process } = processRecords.of(req);
      const [holders, revoked] = await Promise.all([processRoleHolders(db(), process.id), processRevocations(db(), process.id)]);
      return {
        items: holders.map((h) => ({ userId: h.user_id, name: h.name, role: h.role, groupId: h.group_id })),
        revocations: revoked.map((v) => ({ userId: v.user_id, name: v.name, role: v.role, reason: v.reason, revokedBy: v.revoked_by_name, revokedAt: v.revoked_at.toISOString() })),
      };
    },
  );

  app.post(
    '/processes/:processSlug/roles/revoke',
    { config, schema: { tags, summary: 'Take a role away from someone, with a reason (conveners); the rights go at once', params: SlugParams, body: RevokeRoleBody, response: { 204: z.null() } } },
    async (req, reply) => {
      const { process } = processRecords.of(req);
      await revokeProcessRole(db(), req.actor!, process.id, req.body);
      return reply.status(204).send(null);
    },
  );
};
