import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../platform/auth/policies.js';
import { localPath } from '../../platform/web/context.js';
import { pageCtx } from '../../platform/web/page-ctx.js';
import { sendPage } from '../../platform/web/render.js';
import { formAction } from '../../platform/web/form-action.js';
import { getProcess, type ProcessDetail } from '../processes/index.js';
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
  recommendationScope,
  updateRecommendation,
  type RecommendationDetail,
} from './recommendations.service.js';
import { finalReportOf } from './final-report.service.js';
import { recommendationUrl } from './recommendations.presenter.js';
import { RecommendationListView } from './views/recommendation-list.view.js';
import { RecommendationView } from './views/recommendation.view.js';
import { RecommendationFormView, type FormChoices, type RecommendationFormValues } from './views/recommendation-form.view.js';

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
  const scope = (req: FastifyRequest) => recommendationScope(db(), params(req).processSlug);
  const create = { policy: 'recommendation.create' as const, scope };
  const update = { policy: 'recommendation.update' as const, scope };

  /** What the form offers: the process's working groups, documents, stakeholder groups and organisations. */
  const choices = async (req: FastifyRequest, detail: ProcessDetail): Promise<FormChoices> => {
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
    const detail = await getProcess(db(), params(req).processSlug);
    const { process } = detail;
    const { t, lang } = req;
    const list = recommendationPath(process.slug);
    return sendPage(
      reply,
      <RecommendationFormView
        ctx={pageCtx(req, reply)}
        title={number === undefined ? t('recommendations.newTitle') : t('recommendations.editTitle', { number })}
        action={localPath(lang, number === undefined ? list : recommendationPath(process.slug, number))}
        back={
          number === undefined
            ? { href: localPath(lang, list), label: t('recommendations.listTitle') }
            : { href: localPath(lang, recommendationPath(process.slug, number)), label: t('recommendations.numbered', { number }) }
        }
        number={number}
        values={values}
        choices={await choices(req, detail)}
        errors={errors}
      />,
      status,
    );
  };

  app.get('/processes/:processSlug/recommendations', { config: { policy: 'public.read' }, schema: hide }, async (req, reply) => {
    const { process } = await getProcess(db(), params(req).processSlug);
    const [items, report] = await Promise.all([listRecommendations(db(), process.id), finalReportOf(db(), process.id)]);
    const s = { processId: process.id };
    return sendPage(
      reply,
      <RecommendationListView
        ctx={pageCtx(req, reply)}
        process={process}
        items={items}
        report={report}
        canCreate={can(req.actor, 'recommendation.create', s)}
        canPublish={can(req.actor, 'report.publish', s)}
      />,
    );
  });

  app.get('/processes/:processSlug/recommendations/new', { config: create, schema: hide }, async (req, reply) =>
    showForm(req, reply, undefined, { priority: 'medium' }),
  );

  app.post('/processes/:processSlug/recommendations', { config: create, schema: hide }, async (req, reply) => {
    const values = (req.body ?? {}) as RecommendationFormValues;
    const { process } = await getProcess(db(), params(req).processSlug);
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
    const url = recommendationUrl(app.deps.config.baseUrl, req.lang, process.slug, d.row.number);
    const canEdit = can(req.actor, 'recommendation.update', { processId: process.id });
    const consensus = d.row.consensus_call_id ? (await consensusResults(db(), [d])).get(d.row.consensus_call_id) : undefined;
    return sendPage(reply, <RecommendationView ctx={pageCtx(req, reply)} process={process} d={d} url={url} canEdit={canEdit} consensus={consensus} />);
  });

  app.get('/processes/:processSlug/recommendations/:number/edit', { config: update, schema: hide }, async (req, reply) => {
    const { process } = await getProcess(db(), params(req).processSlug);
    const d = await getRecommendation(db(), process.id, params(req).number);
    return showForm(req, reply, d.row.number, valuesOf(d));
  });

  app.post('/processes/:processSlug/recommendations/:number', { config: update, schema: hide }, async (req, reply) => {
    const { process } = await getProcess(db(), params(req).processSlug);
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
