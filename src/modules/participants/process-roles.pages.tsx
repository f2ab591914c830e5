import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { formatDate } from '../../platform/i18n/i18n.js';
import { pick } from '../../platform/i18n/pick.js';
import { localPath } from '../../platform/web/context.js';
import { formAction, type FormErrors } from '../../platform/web/form-action.js';
import { formFields } from '../../platform/web/forms.js';
import { pageCtx } from '../../platform/web/page-ctx.js';
import { sendPage } from '../../platform/web/render.js';
import { processRecords } from '../processes/index.js';
import { RevokeRoleBody } from './participants.schema.js';
import { processRevocations, processRoleHolders, revokeProcessRole } from './process-roles.service.js';
import { ProcessRolesView, type ProcessRolesModel } from './views/process-roles.view.js';

const hide = { hide: true };

/** The conveners' roles page: who holds what, a revoke form (with its reason) per role, and past revocations. */
export const processRolesPages: FastifyPluginAsync = async (app) => {
  const db = () => app.deps.db;
  const config = { policy: 'process.revokeRole', scope: processRecords } as const;
  const slugOf = (req: FastifyRequest) => (req.params as { processSlug: string }).processSlug;

  async function show(req: FastifyRequest, reply: FastifyReply, values: Record<string, string | undefined> = {}, errors: FormErrors = {}, status = 200) {
    const { process } = processRecords.of(req);
    const [holders, revoked] = await Promise.all([processRoleHolders(db(), process.id), processRevocations(db(), process.id)]);
    const model: ProcessRolesModel = {
      processTitle: pick(req.lang, process, 'title'),
      processPath: localPath(req.lang, `/processes/${process.slug}`),
      revokePath: localPath(req.lang, `/processes/${process.slug}/roles/revoke`),
      holders: holders.map((h) => ({ key: `${h.user_id}:${h.role}:${h.group_id ?? ''}`, userId: h.user_id, name: h.name, role: h.role, roleName: req.t(`roles.${h.role}`), groupId: h.group_id ?? '' })),
      revocations: revoked.map((v) => ({ id: v.id, name: v.name, roleName: req.t(`roles.${v.role}`), reason: v.reason, by: v.revoked_by_name ?? '', at: formatDate(req.lang, v.revoked_at) })),
    };
    return sendPage(reply, <ProcessRolesView ctx={pageCtx(req, reply)} model={model} values={values} errors={errors} />, status);
  }

  app.get('/processes/:processSlug/roles', { config, schema: hide }, async (req, reply) => show(req, reply));

  app.post('/processes/:processSlug/roles/revoke', { config, schema: hide }, async (req, reply) => {
    const flat = formFields(req.body);
    return formAction(req, reply, {
      schema: RevokeRoleBody,
      input: flat,
      again: (errors, status) => show(req, reply, flat, errors, status),
      run: (data) => revokeProcessRole(db(), req.actor!, req.policyContext.processId!, data),
      to: localPath(req.lang, `/processes/${slugOf(req)}/roles`),
      notice: 'participants.roles.revoked',
    });
  });
};
