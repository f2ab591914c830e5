import { pick } from '../../platform/i18n/pick.js';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { HttpProblem } from '../../platform/http/problem.js';
import { pageCtx } from '../../platform/web/page-ctx.js';
import { sendPage } from '../../platform/web/render.js';
import { formFields } from '../../platform/web/forms.js';
import { formAction } from '../../platform/web/form-action.js';
import { processRecords, getProcess } from '../processes/index.js';
import { listMembers, organisations } from '../participants/index.js';
import { ActionBody, PledgeBody, ProgressBody } from './accountability.schema.js';
import * as svc from './accountability.service.js';
import type { ActionRow, RecommendationRef } from './accountability.repository.js';
import { buildTracker } from './tracker.service.js';
import { presentTracker, trackerCsv } from './accountability.presenter.js';
import { TrackerView } from './views/tracker.view.js';
import { ActionFormView, PledgeFormView, ProgressFormView, type FormValues } from './views/forms.view.js';
import { trackerPage, trackerPath } from './accountability.page-presenter.js';

type Params = { processSlug: string; recommendationId?: string; actionId?: string; pledgeId?: string; orgId?: string };
const hide = { hide: true };

/** Form field errors under the form's own names (one textarea holds every evidence link). */
function formErrors(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [k.startsWith('evidenceUrls.') ? 'evidenceUrls' : k, v]));
}

/** The evidence textarea as a list: one address per line, blank lines ignored. */
const evidenceList = (s: string | undefined) => (s ?? '').split(/\r?\n/).map((x) => x.trim()).filter(Boolean);

/** The tracker pages, their CSV and JSON, and the forms of the action committee, of pledging members and of owners. */
export const accountabilityPages: FastifyPluginAsync = async (app) => {
  const db = () => app.deps.db;
  const params = (req: FastifyRequest) => req.params as Params;
  const flat = (req: FastifyRequest) => formFields(req.body);
  const scoped = { scope: processRecords };
  const recTitle = (req: FastifyRequest, r: RecommendationRef) => `${r.number} ${pick(req.lang, r, 'title')}`;
  const backTo = (req: FastifyRequest, slug: string, anchor = '') => ({ href: trackerPath(req.lang, slug, anchor), label: req.t('accountability.title') });

  app.get('/processes/:processSlug/tracker', { config: { policy: 'public.read' }, schema: hide }, async (req, reply) => {
    const d = await getProcess(db(), params(req).processSlug);
    const [tracker, rights] = await Promise.all([buildTracker(db(), d.process, d.stakeholderGroups), svc.trackerRights(db(), req.actor, d.process.id)]);
    const ctx = pageCtx(req, reply);
    return sendPage(reply, <TrackerView ctx={ctx} model={trackerPage({ process: d.process, tracker, representing: rights.organisationId }, ctx)} />);
  });

  app.get('/processes/:processSlug/tracker.csv', { config: { policy: 'public.read' }, schema: hide }, async (req, reply) => {
    const d = await getProcess(db(), params(req).processSlug);
    const csv = trackerCsv(await buildTracker(db(), d.process, d.stakeholderGroups));
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${d.process.slug}-tracker.csv"`).send(csv);
  });

  app.get('/processes/:processSlug/tracker.json', { config: { policy: 'public.read' }, schema: hide }, async (req, reply) => {
    const d = await getProcess(db(), params(req).processSlug);
    const body = presentTracker(d.process, await buildTracker(db(), d.process, d.stakeholderGroups), app.deps.config.baseUrl);
    return reply.type('application/json; charset=utf-8').send(body);
  });

  app.get('/processes/:processSlug/tracker/organisations/:orgId', { config: { policy: 'public.read' }, schema: hide }, async (req, reply) => {
    const d = await getProcess(db(), params(req).processSlug);
    const orgId = params(req).orgId ?? '';
    const name = await svc.organisationName(db(), orgId);
    const [tracker, rights] = await Promise.all([buildTracker(db(), d.process, d.stakeholderGroups, { organisationId: orgId }), svc.trackerRights(db(), req.actor, d.process.id)]);
    const ctx = pageCtx(req, reply);
    return sendPage(reply, <TrackerView ctx={ctx} model={trackerPage({ process: d.process, tracker, representing: rights.organisationId, organisation: { id: orgId, name } }, ctx)} />);
  });

  // Actions: the action committee's forms.
  const actionForm = async (req: FastifyRequest, reply: FastifyReply, opts: { rec: RecommendationRef; action?: ActionRow; values: FormValues; errors?: Record<string, string>; status?: number }) => {
    const processId = req.policyContext.processId!;
    const [orgs, people] = await Promise.all([organisations(db()), listMembers(db(), processId, { limit: 500 })]);
    const slug = params(req).processSlug;
    const title = opts.action ? req.t('accountability.editActionTitle') : req.t('accountability.newActionTitle', { recommendation: recTitle(req, opts.rec) });
    const action = opts.action ? trackerPath(req.lang, slug, `/actions/${opts.action.id}/edit`) : trackerPath(req.lang, slug, `/recommendations/${opts.rec.id}/actions/new`);
    return sendPage(
      reply,
      <ActionFormView
        ctx={pageCtx(req, reply)}
        title={title}
        action={action}
        back={backTo(req, slug, `#rec-${opts.rec.number}`)}
        values={opts.values}
        errors={opts.errors}
        organisations={orgs.map((o) => ({ id: o.id, name: o.name }))}
        people={people.items.map((p) => ({ id: p.user_id, label: p.organisation_name ? `${p.name} — ${p.organisation_name}` : p.name }))}
      />,
      opts.status ?? 200,
    );
  };
  const saveAction = async (req: FastifyRequest, reply: FastifyReply, rec: RecommendationRef, existing?: ActionRow) => {
    const values = { ...flat(req), recommendationId: rec.id };
    const processId = req.policyContext.processId!;
    return formAction(req, reply, {
      schema: ActionBody,
      input: values,
      again: (errors, status) => actionForm(req, reply, { rec, action: existing, values, errors, status }),
      run: async (data) => {
        if (existing) await svc.updateAction(db(), req.actor!, processId, existing.id, data);
        else await svc.createAction(db(), req.actor!, processId, data);
      },
      to: `${trackerPath(req.lang, params(req).processSlug)}#rec-${rec.number}`,
      notice: 'accountability.saved',
    });
  };
  const recOf = (req: FastifyRequest) => svc.recommendationIn(db(), req.policyContext.processId!, params(req).recommendationId ?? '');
  app.get('/processes/:processSlug/tracker/recommendations/:recommendationId/actions/new', { config: { policy: 'action.create', ...scoped }, schema: hide }, async (req, reply) => {
    const rec = await recOf(req);
    return actionForm(req, reply, { rec, values: { recommendationId: rec.id } });
  });
  app.post('/processes/:processSlug/tracker/recommendations/:recommendationId/actions/new', { config: { policy: 'action.create', ...scoped }, schema: hide }, async (req, reply) => saveAction(req, reply, await recOf(req)));

  const actionOf = async (req: FastifyRequest) => {
    const a = await svc.getAction(db(), req.policyContext.processId!, params(req).actionId ?? '');
    return { a, rec: await svc.recommendationIn(db(), a.process_id, a.recommendation_id) };
  };
  app.get('/processes/:processSlug/tracker/actions/:actionId/edit', { config: { policy: 'action.update', ...scoped }, schema: hide }, async (req, reply) => {
    const { a, rec } = await actionOf(req);
    const values = { recommendationId: rec.id, titleEn: a.title_en, titleFr: a.title_fr, ownerOrganisationId: a.owner_organisation_id, contactUserId: a.contact_user_id ?? '', dueOn: a.due_on, measureEn: a.measure_en, measureFr: a.measure_fr };
    return actionForm(req, reply, { rec, action: a, values });
  });
  app.post('/processes/:processSlug/tracker/actions/:actionId/edit', { config: { policy: 'action.update', ...scoped }, schema: hide }, async (req, reply) => {
    const { a, rec } = await actionOf(req);
    return saveAction(req, reply, rec, a);
  });

  // Pledges: a member representing an organisation.
  const pledgeForm = async (req: FastifyRequest, reply: FastifyReply, rec: RecommendationRef, values: FormValues, errors?: Record<string, string>, status = 200) => {
    const rights = await svc.trackerRights(db(), req.actor, rec.process_id);
    if (!rights.organisationId) throw new HttpProblem(403, 'accountability.errors.notConfirmed');
    const slug = params(req).processSlug;
    return sendPage(
      reply,
      <PledgeFormView
        ctx={pageCtx(req, reply)}
        title={req.t('accountability.pledgeTitle', { recommendation: recTitle(req, rec) })}
        action={trackerPath(req.lang, slug, `/recommendations/${rec.id}/pledge`)}
        back={backTo(req, slug, `#rec-${rec.number}`)}
        organisation={await svc.organisationName(db(), rights.organisationId)}
        values={values}
        errors={errors}
      />,
      status,
    );
  };
  app.get('/processes/:processSlug/tracker/recommendations/:recommendationId/pledge', { config: { policy: 'pledge.sign', ...scoped }, schema: hide }, async (req, reply) => {
    const rec = await recOf(req);
    return pledgeForm(req, reply, rec, { recommendationId: rec.id });
  });
  app.post('/processes/:processSlug/tracker/recommendations/:recommendationId/pledge', { config: { policy: 'pledge.sign', ...scoped }, schema: hide }, async (req, reply) => {
    const rec = await recOf(req);
    const values = { ...flat(req), recommendationId: rec.id };
    return formAction(req, reply, {
      schema: PledgeBody,
      input: values,
      again: (errors, status) => pledgeForm(req, reply, rec, values, errors, status),
      run: (data) => svc.signPledge(db(), req.actor!, rec.process_id, data),
      // Signing for an organisation one does not belong to is a refusal of the page, not of a field.
      elsewhere: (problem) => {
        if (problem.status === 403) throw problem;
        return undefined;
      },
      to: `${trackerPath(req.lang, params(req).processSlug)}#rec-${rec.number}`,
      notice: 'accountability.pledged',
    });
  });

  // Progress reports: owners and the committee.
  const target = async (req: FastifyRequest): Promise<{ about: string; anchor: string; path: string; post: (body: ProgressBody) => Promise<unknown> }> => {
    const processId = req.policyContext.processId!;
    const p = params(req);
    if (p.actionId) {
      const a = await svc.getAction(db(), processId, p.actionId);
      if (!svc.mayReportOnAction(req.actor, a)) throw new HttpProblem(403, 'accountability.errors.notConfirmed');
      return { about: pick(req.lang, a, 'title'), anchor: `#action-${a.id}`, path: `/actions/${a.id}/progress`, post: (body) => svc.reportOnAction(db(), req.actor!, processId, a.id, body) };
    }
    const pl = await svc.getPledge(db(), processId, p.pledgeId ?? '');
    if (!svc.mayReportOnPledge(req.actor, pl)) throw new HttpProblem(403, 'accountability.errors.notConfirmed');
    return { about: req.t('accountability.pledgeOf', { name: pl.organisation_name }), anchor: `#pledge-${pl.id}`, path: `/pledges/${pl.id}/progress`, post: (body) => svc.reportOnPledge(db(), req.actor!, processId, pl.id, body) };
  };
  const progressForm = (req: FastifyRequest, reply: FastifyReply, tg: { about: string; path: string }, values: FormValues, errors?: Record<string, string>, status = 200) => {
    const slug = params(req).processSlug;
    return sendPage(
      reply,
      <ProgressFormView ctx={pageCtx(req, reply)} title={req.t('accountability.progressTitle')} action={trackerPath(req.lang, slug, tg.path)} back={backTo(req, slug)} about={tg.about} values={values} errors={errors} />,
      status,
    );
  };
  for (const path of ['/processes/:processSlug/tracker/actions/:actionId/progress', '/processes/:processSlug/tracker/pledges/:pledgeId/progress']) {
    app.get(path, { config: { policy: 'progress.report', ...scoped }, schema: hide }, async (req, reply) => progressForm(req, reply, await target(req), { status: 'on_track' }));
    app.post(path, { config: { policy: 'progress.report', ...scoped }, schema: hide }, async (req, reply) => {
      const tg = await target(req);
      const values = flat(req);
      return formAction(req, reply, {
        schema: ProgressBody,
        input: { ...values, evidenceUrls: evidenceList(values.evidenceUrls) },
        // The schema's errors name evidence links by index; formErrors gathers them on the one field.
        again: (errors, status, problem) => progressForm(req, reply, tg, values, problem ? errors : formErrors(errors), status),
        run: (data) => tg.post(data),
        to: `${trackerPath(req.lang, params(req).processSlug)}${tg.anchor}`,
        notice: 'accountability.reported',
      });
    });
  }
};
