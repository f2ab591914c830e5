import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { localPath } from '../../platform/web/context.js';
import { pageCtx } from '../../platform/web/page-ctx.js';
import { sendPage } from '../../platform/web/render.js';
import { formAction } from '../../platform/web/form-action.js';
import { getProcess, processRecords, type ProcessDetail } from '../processes/index.js';
import { listGroups } from '../groups/index.js';
import { listDocuments } from '../documents/index.js';
import { organisations } from '../participants/index.js';
import { CreateRecommendationBody, RecommendationFields } from './recommendations.schema.js';
import {
  consensusResults,
  createRecommendation,
  getRecommendation,
  listRecommendations,
  recommendationPath,
  updateRecommendation,
  type RecommendationDetail,
} from './recommendations.service.js';
import { finalReportOf } from './final-report.service.js';
import { RecommendationListView } from './views/recommendation-list.view.js';
import { RecommendationView } from './views/recommendation.view.js';
import { RecommendationFormView, type RecommendationFormValues } from './views/recommendation-form.view.js';
import { recommendationFormPage, recommendationListPage, recommendationPage, type FormChoiceRecords } from './recommendations.page-presenter.js';

type Params = { processSlug: string; number: string };
const hide = { hide: true };

/** A recommendation as the form's values. */
function valuesOf(d: RecommendationDetail): RecommendationFormValues {
  const r = d.row;
  return {
    titleEn: r.title_en,
    titleFr: r.title_fr,
    textEn: r.text_en,
    textFr: r.text_fr,
    priority: r.priority,
    group: d.group?.slug,
    document: d.section?.documentSlug,
    anchor: r.anchor ?? undefined,
    consensusCallId: r.consensus_call_id ?? undefined,
    stakeholderGroupIds: d.addressees.filter((a) => a.kind === 'stakeholder_group').map((a) => a.id),
    organisationIds: d.addressees.filter((a) => a.kind === 'organisation').map((a) => a.id),
  };
}

/** Recommendation pages: the list, the permanent page of each, and the create and edit forms. */
export const recommendationsPages: FastifyPluginAsync = async (app) => {
  const db = () => app.deps.db;
  const params = (req: FastifyRequest) => req.params as Params;
  // The forms' routes load the process once in their scope; the handlers and the form take it from there.
  const create = { policy: 'recommendation.create' as const, scope: processRecords };
  const update = { policy: 'recommendation.update' as const, scope: processRecords };

  /** What the form offers: the process's working groups, documents, stakeholder groups and organisations. */
  const choices = async (req: FastifyRequest, detail: ProcessDetail): Promise<FormChoiceRecords> => {
    const [groups, documents, orgs] = await Promise.all([
      listGroups(db(), detail.process.id),
      listDocuments(db(), detail.process.id, req.actor),
      organisations(db()),
    ]);
    return { groups: groups.map((g) => g.group), documents, stakeholderGroups: detail.stakeholderGroups, organisations: orgs };
  };

  /** Show the create or edit form, with a failed submission's values and errors when there is one. */
  const showForm = async (
    req: FastifyRequest,
    reply: FastifyReply,
    number: string | undefined,
    values: RecommendationFormValues,
    errors?: Record<string, string>,
    status = 200,
  ) => {
    const detail = processRecords.of(req);
    const ctx = pageCtx(req, reply);
    const model = recommendationFormPage({ process: detail.process, number, choices: await choices(req, detail) }, ctx);
    return sendPage(reply, <RecommendationFormView ctx={ctx} model={model} values={values} errors={errors} />, status);
  };

  app.get('/processes/:processSlug/recommendations', { config: { policy: 'public.read' }, schema: hide }, async (req, reply) => {
    const { process } = await getProcess(db(), params(req).processSlug);
    const [items, report] = await Promise.all([listRecommendations(db(), process.id), finalReportOf(db(), process.id)]);
    const ctx = pageCtx(req, reply);
    return sendPage(reply, <RecommendationListView ctx={ctx} model={recommendationListPage({ process, items, report }, ctx)} />);
  });

  app.get('/processes/:processSlug/recommendations/new', { config: create, schema: hide }, async (req, reply) =>
    showForm(req, reply, undefined, { priority: 'medium' }),
  );

  app.post('/processes/:processSlug/recommendations', { config: create, schema: hide }, async (req, reply) => {
    const values = (req.body ?? {}) as RecommendationFormValues;
    const { process } = processRecords.of(req);
    return formAction(req, reply, {
      schema: CreateRecommendationBody,
      input: values,
      again: (errors, status) => showForm(req, reply, undefined, values, errors, status),
      run: (data) => createRecommendation(db(), req.actor!, process.id, data),
      to: (d) => localPath(req.lang, recommendationPath(process.slug, d.row.number)),
      notice: 'recommendations.created',
    });
  });

  app.get('/processes/:processSlug/recommendations/:number', { config: { policy: 'public.read' }, schema: hide }, async (req, reply) => {
    const { process } = await getProcess(db(), params(req).processSlug);
    const d = await getRecommendation(db(), process.id, params(req).number);
    const consensus = d.row.consensus_call_id ? (await consensusResults(db(), [d])).get(d.row.consensus_call_id) : undefined;
    const ctx = pageCtx(req, reply);
    return sendPage(reply, <RecommendationView ctx={ctx} model={recommendationPage({ process, d, consensus, baseUrl: app.deps.config.baseUrl }, ctx)} />);
  });

  app.get('/processes/:processSlug/recommendations/:number/edit', { config: update, schema: hide }, async (req, reply) => {
    const { process } = processRecords.of(req);
    const d = await getRecommendation(db(), process.id, params(req).number);
    return showForm(req, reply, d.row.number, valuesOf(d));
  });

  app.post('/processes/:processSlug/recommendations/:number', { config: update, schema: hide }, async (req, reply) => {
    const { process } = processRecords.of(req);
    const d = await getRecommendation(db(), process.id, params(req).number);
    const values = (req.body ?? {}) as RecommendationFormValues;
    return formAction(req, reply, {
      schema: RecommendationFields,
      input: values,
      again: (errors, status) => showForm(req, reply, d.row.number, values, errors, status),
      run: (data) => updateRecommendation(db(), req.actor!, process.id, d.row.number, data),
      to: localPath(req.lang, recommendationPath(process.slug, d.row.number)),
      notice: 'recommendations.saved',
    });
  });
};
