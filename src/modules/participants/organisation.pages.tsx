import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { can } from '../../platform/auth/policies.js';
import { ORGANISATION_ROLES } from '../../platform/auth/roles.js';
import { formatDate } from '../../platform/i18n/i18n.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { localPath } from '../../platform/web/context.js';
import { formAction, type FormErrors } from '../../platform/web/form-action.js';
import { formFields } from '../../platform/web/forms.js';
import { pageCtx } from '../../platform/web/page-ctx.js';
import { sendPage } from '../../platform/web/render.js';
import { personName } from '../../platform/web/components/person-name.js';
import { OrganisationRolesForm } from './participants.schema.js';
import { organisationScope } from './participants.scopes.js';
import { organisationPeople, setOrganisationRoles, setOrganisationRolesByEmail } from './organisation-roles.service.js';
import type { Organisation } from './participants.repository.js';
import { OrganisationView, type OrganisationPageModel } from './views/organisation.view.js';

const hide = { hide: true };
const Uuid = z.uuid();

/** An organisation's page and the forms its owners use to say who acts for it. */
export const organisationPages: FastifyPluginAsync = async (app) => {
  const db = () => app.deps.db;
  const scoped = { scope: organisationScope };

  /** The page's view model: the organisation and its people, in the reader's language, and whether they may manage it. */
  async function model(req: FastifyRequest, org: Organisation): Promise<OrganisationPageModel> {
    const people = await organisationPeople(db(), org.id);
    return {
      id: org.id,
      name: org.name,
      sector: req.t(`processes.stakeholders.${org.sector}`),
      region: [org.province, org.country].filter(Boolean).join(', '),
      website: org.website,
      people: people.map((p) => ({
        userId: p.userId,
        person: personName(req.t, p.name, p.staff),
        roles: p.roles.map((r) => req.t(`participants.orgRoles.${r}`)).join(', '),
        since: formatDate(req.lang, p.since),
      })),
      canManage: can(req.actor, 'organisation.manageRoles', { organisationId: org.id }),
      roleChoices: ORGANISATION_ROLES,
    };
  }

  const show = async (
    req: FastifyRequest,
    reply: FastifyReply,
    org: Organisation,
    values: Record<string, string | undefined> = {},
    errors: FormErrors = {},
    status = 200,
  ) => sendPage(reply, <OrganisationView ctx={pageCtx(req, reply)} org={await model(req, org)} values={values} errors={errors} />, status);

  app.get('/organisations/:orgId', { config: { policy: 'public.read', ...scoped }, schema: hide }, async (req, reply) =>
    show(req, reply, organisationScope.of(req).organisation),
  );

  app.post('/organisations/:orgId/roles', { config: { policy: 'organisation.manageRoles', ...scoped }, schema: hide }, async (req, reply) => {
    const { organisation } = organisationScope.of(req);
    const flat = formFields(req.body);
    return formAction(req, reply, {
      schema: OrganisationRolesForm,
      input: { email: flat.email, roles: ORGANISATION_ROLES.filter((r) => flat[`role_${r}`] === 'on') },
      again: (errors, status) => show(req, reply, organisation, flat, errors, status),
      run: (data) => setOrganisationRolesByEmail(db(), req.actor!, organisation.id, data.email, data.roles),
      to: localPath(req.lang, `/organisations/${organisation.id}`),
      notice: 'participants.org.saved',
    });
  });

  app.post('/organisations/:orgId/roles/:userId/remove', { config: { policy: 'organisation.manageRoles', ...scoped }, schema: hide }, async (req, reply) => {
    const { organisation } = organisationScope.of(req);
    const { userId } = req.params as { userId: string };
    if (!Uuid.safeParse(userId).success) throw new HttpProblem(404, 'errors.notFound');
    return formAction(req, reply, {
      schema: z.object({}),
      input: {},
      again: (errors, status) => show(req, reply, organisation, {}, errors, status),
      run: () => setOrganisationRoles(db(), req.actor!, organisation.id, userId, []),
      to: localPath(req.lang, `/organisations/${organisation.id}`),
      notice: 'participants.org.removed',
    });
  });
};
