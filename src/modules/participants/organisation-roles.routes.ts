import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OrganisationParams, OrganisationPersonOut, OrganisationPersonParams, OrganisationRolesBody } from './participants.schema.js';
import { organisationScope } from './participants.scopes.js';
import { organisationPeople, setOrganisationRoles } from './organisation-roles.service.js';
import { presentOrganisationPerson } from './participants.presenter.js';

/**
 * Who acts for an organisation, through the JSON API: anyone may read the list (names and
 * roles, as the organisation page shows them); its owners and administrators change it.
 */
export const organisationRolesApi: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.db;
  const tags = ['participants'];

  app.get(
    '/organisations/:orgId/roles',
    {
      config: { policy: 'public.read', scope: organisationScope },
      schema: {
        tags,
        summary: 'Who acts for an organisation, and as what',
        params: OrganisationParams,
        response: { 200: z.object({ items: z.array(OrganisationPersonOut) }) },
      },
    },
    async (req) => ({ items: (await organisationPeople(db(), organisationScope.of(req).organisation.id)).map(presentOrganisationPerson) }),
  );

  app.put(
    '/organisations/:orgId/roles/:userId',
    {
      config: { policy: 'organisation.manageRoles', scope: organisationScope },
      schema: {
        tags,
        summary: 'Set the roles someone holds for an organisation (owners and administrators; the last owner stays)',
        params: OrganisationPersonParams,
        body: OrganisationRolesBody,
        response: { 200: z.object({ userId: z.uuid(), roles: OrganisationPersonOut.shape.roles }) },
      },
    },
    async (req) => {
      const roles = await setOrganisationRoles(db(), req.actor!, organisationScope.of(req).organisation.id, req.params.userId, req.body.roles);
      return { userId: req.params.userId, roles };
    },
  );

  app.delete(
    '/organisations/:orgId/roles/:userId',
    {
      config: { policy: 'organisation.manageRoles', scope: organisationScope },
      schema: {
        tags,
        summary: 'Stop someone acting for an organisation (owners and administrators; the last owner stays)',
        params: OrganisationPersonParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await setOrganisationRoles(db(), req.actor!, organisationScope.of(req).organisation.id, req.params.userId, []);
      return reply.status(204).send(null);
    },
  );
};
