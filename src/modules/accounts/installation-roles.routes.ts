import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { INSTALLATION_ROLES } from '../../platform/auth/roles.js';
import { installationRoleHolders, setInstallationRoles } from './installation-roles.service.js';

const Roles = z.array(z.enum(INSTALLATION_ROLES, { error: 'errors.installationRoles.role' })).max(INSTALLATION_ROLES.length);
const UserParams = z.object({ userId: z.uuid() });
const HolderOut = z.object({ userId: z.uuid(), name: z.string(), email: z.string(), roles: Roles });

/**
 * Installation roles (registrar, assessor) through the JSON API, for administrators: who holds
 * them, and granting or taking them away. `concord role` does the same at the console.
 */
export const installationRolesApi: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.db;
  const tags = ['accounts'];

  app.get(
    '/installation/roles',
    {
      config: { policy: 'installation.manageRoles' },
      schema: { tags, summary: 'Who holds installation roles (administrators)', response: { 200: z.object({ items: z.array(HolderOut) }) } },
    },
    async () => ({ items: await installationRoleHolders(db()) }),
  );

  app.put(
    '/installation/roles/:userId',
    {
      config: { policy: 'installation.manageRoles' },
      schema: {
        tags,
        summary: 'Set the installation roles someone holds (administrators)',
        params: UserParams,
        body: z.object({ roles: Roles.min(1, 'errors.installationRoles.pickRole') }),
        response: { 200: z.object({ userId: z.uuid(), roles: Roles }) },
      },
    },
    async (req) => ({ userId: req.params.userId, roles: await setInstallationRoles(db(), req.actor!, req.params.userId, req.body.roles) }),
  );

  app.delete(
    '/installation/roles/:userId',
    {
      config: { policy: 'installation.manageRoles' },
      schema: { tags, summary: 'Take every installation role away from someone (administrators)', params: UserParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await setInstallationRoles(db(), req.actor!, req.params.userId, []);
      return reply.status(204).send(null);
    },
  );
};
