import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { formatDate } from '../../platform/i18n/i18n.js';
import { pick } from '../../platform/i18n/pick.js';
import { localPath } from '../../platform/web/context.js';
import { formAction, type FormErrors } from '../../platform/web/form-action.js';
import { formFields } from '../../platform/web/forms.js';
import { pageCtx } from '../../platform/web/page-ctx.js';
import { sendPage } from '../../platform/web/render.js';
import { processRecords } from '../processes/index.js';
import { RequestDecisionBody } from './participants.schema.js';
import { decideRequest, pendingRequests } from './organisation-requests.service.js';
import { OrganisationRequestsView, type RequestsPageModel } from './views/requests.view.js';

const hide = { hide: true };

/** The conveners' page of "I act for this organisation" requests, with approve and refuse forms. */
export const organisationRequestsPages: FastifyPluginAsync = async (app) => {
  const db = () => app.deps.db;
  const config = { policy: 'organisation.decideRequest', scope: processRecords } as const;
  const slugOf = (req: FastifyRequest) => (req.params as { processSlug: string }).processSlug;

  async function show(req: FastifyRequest, reply: FastifyReply, errors: FormErrors = {}, status = 200) {
    const { process } = processRecords.of(req);
    const base = `/processes/${process.slug}/organisation-requests`;
    const model: RequestsPageModel = {
      processTitle: pick(req.lang, process, 'title'),
      processPath: localPath(req.lang, `/processes/${process.slug}`),
      requests: (await pendingRequests(db(), process.id)).map((r) => ({
        id: r.id,
        name: r.name,
        email: r.email,
        organisationName: r.organisation_name,
        organisationPath: localPath(req.lang, `/organisations/${r.organisation_id}`),
        requested: formatDate(req.lang, r.created_at),
        decidePath: localPath(req.lang, `${base}/${r.id}`),
      })),
    };
    return sendPage(reply, <OrganisationRequestsView ctx={pageCtx(req, reply)} model={model} errors={errors} />, status);
  }

  app.get('/processes/:processSlug/organisation-requests', { config, schema: hide }, async (req, reply) => show(req, reply));

  app.post('/processes/:processSlug/organisation-requests/:requestId', { config, schema: hide }, async (req, reply) => {
    const { requestId } = req.params as { requestId: string };
    return formAction(req, reply, {
      schema: RequestDecisionBody,
      input: formFields(req.body),
      again: (errors, status) => show(req, reply, errors, status),
      run: (data) => decideRequest(db(), req.actor!, req.policyContext.processId!, requestId, data.decision),
      to: localPath(req.lang, `/processes/${slugOf(req)}/organisation-requests`),
      notice: 'participants.requests.decided',
    });
  });
};
