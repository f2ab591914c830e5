import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../platform/auth/policies.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { jobsSchemaFor } from '../../platform/jobs/queue.js';
import { isUuid } from '../../platform/lib/ids.js';
import { localPath } from '../../platform/web/context.js';
import { formFields } from '../../platform/web/forms.js';
import { formAction } from '../../platform/web/form-action.js';
import { redirectWithNotice } from '../../platform/web/notice.js';
import { pageCtx } from '../../platform/web/page-ctx.js';
import { sendPage } from '../../platform/web/render.js';
import { GroupsDispositionBody, floodSignals, periodScope, respondToGroups } from '../comments/index.js';
import { stakeholderGroupsOf } from '../processes/index.js';
import { campaignListPage, campaignPage, campaignPath, campaignsPath } from './campaigns.page-presenter.js';
import { campaignDetail, campaignGroupIds, periodCampaigns, requestDetection } from './campaigns.service.js';
import { CampaignListView, CampaignView } from './views/campaigns.view.js';

const hide = { hide: true };
const BASE = '/processes/:processSlug/comment-periods/:periodId/campaigns';

/** Moderators' review of a period's campaigns: the list, one campaign, detection and one response for all. */
export const campaignsPages: FastifyPluginAsync = async (app) => {
  const db = () => app.deps.db;
  const reviewing = { policy: 'campaign.review', scope: periodScope } as const;

  /** The campaign named in the URL, in the scope's period; 404 otherwise. */
  const loadCampaign = async (req: FastifyRequest) => {
    const { campaignId } = req.params as { campaignId: string };
    const records = periodScope.of(req);
    const detail = isUuid(campaignId) ? await campaignDetail(db(), records.period.id, campaignId) : undefined;
    if (!detail) throw new HttpProblem(404, 'campaigns.errors.noSuchCampaign');
    return { records, detail };
  };

  const showCampaign = async (req: FastifyRequest, reply: FastifyReply, failed?: { values: Record<string, string | undefined>; errors: Record<string, string>; status: number }) => {
    const { records, detail } = await loadCampaign(req);
    const { process } = records;
    const ctx = pageCtx(req, reply);
    // Counted at detection; a campaign stored before that counts its comments' now (its distinct texts are comment groups).
    const signals = detail.signals ?? (await floodSignals(db(), { periodId: records.period.id, groupIds: await campaignGroupIds(db(), detail.campaign.id) }));
    const model = campaignPage(
      { process, d: records, groups: await stakeholderGroupsOf(db(), process.id), ...detail, signals, signalsStored: detail.signals !== undefined, canRespond: can(req.actor, 'comment.dispose', { processId: process.id }) },
      ctx,
    );
    return sendPage(reply, <CampaignView ctx={ctx} model={model} values={failed?.values} errors={failed?.errors} />, failed?.status ?? 200);
  };

  app.get(BASE, { config: reviewing, schema: hide }, async (req, reply) => {
    const records = periodScope.of(req);
    const ctx = pageCtx(req, reply);
    const model = campaignListPage({ process: records.process, d: records, ...(await periodCampaigns(db(), records.period.id)) }, ctx);
    return sendPage(reply, <CampaignListView ctx={ctx} model={model} />);
  });

  app.post(`${BASE}/detect`, { config: reviewing, schema: hide }, async (req, reply) => {
    const { process, period } = periodScope.of(req);
    await requestDetection(db(), jobsSchemaFor(app.deps.schema), period.id);
    return redirectWithNotice(reply, localPath(req.lang, campaignsPath(process.slug, period.id)), 'campaigns.detectQueued');
  });

  app.get(`${BASE}/:campaignId`, { config: reviewing, schema: hide }, async (req, reply) => showCampaign(req, reply));

  app.post(`${BASE}/:campaignId/response`, { config: { policy: 'comment.dispose', scope: periodScope }, schema: hide }, async (req, reply) => {
    const { records, detail } = await loadCampaign(req);
    const flat = formFields(req.body);
    return formAction(req, reply, {
      schema: GroupsDispositionBody,
      input: { outcome: flat.outcome, rationale: flat.rationale ?? '' },
      again: (errors, status) => showCampaign(req, reply, { values: flat, errors, status }),
      run: async (data) => respondToGroups(db(), req.actor!, records.period.id, await campaignGroupIds(db(), detail.campaign.id), data),
      to: localPath(req.lang, campaignPath(records.process.slug, records.period.id, detail.campaign.id)),
      notice: 'campaigns.responded',
    });
  });
};
