import { actorStaff } from '../../platform/auth/staff.presenter.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { processRecords, getProcess, processAsOfDay } from '../processes/index.js';
import { ActionBody, ActionOut, ActionPage, ActionParams, AfterQuery, PledgeBody, PledgeOut, PledgePage, PledgeParams, ProcessParams, ProgressBody, ReportOut } from './accountability.schema.js';
import * as svc from './accountability.service.js';
import { buildTracker } from './tracker.service.js';
import { presentAction, presentPledge, presentReport, presentTracker, trackerCsv } from './accountability.presenter.js';

/** Actions, pledges, progress reports and the tracker through the JSON API. */
export const accountabilityApi: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.db;
  const tags = ['accountability'];
  const scoped = { scope: processRecords };
  // Overdue as of today, or as of a finished process's end.
  const today = (p: { id: string; timezone: string }) => processAsOfDay(db(), p);

  app.get(
    '/processes/:processSlug/actions',
    { config: { policy: 'public.read' }, schema: { tags, summary: 'The actions of a process, 100 a page (keyset: pass `next` as `after`)', params: ProcessParams, querystring: AfterQuery, response: { 200: ActionPage } } },
    async (req) => {
      const { process } = await getProcess(db(), req.params.processSlug);
      const page = await svc.listActions(db(), process.id, req.query.after);
      const asOf = await today(process);
      return { items: page.items.map((a) => presentAction(a, asOf)), next: page.next };
    },
  );

  app.post(
    '/processes/:processSlug/actions',
    { config: { policy: 'action.create', ...scoped }, schema: { tags, summary: 'Turn a recommendation into an action: owner organisation, contact, due date, measure of done', params: ProcessParams, body: ActionBody, response: { 201: ActionOut } } },
    async (req, reply) => {
      const { process } = processRecords.of(req);
      return reply.code(201).send(presentAction(await svc.createAction(db(), req.actor!, process.id, req.body), await today(process)));
    },
  );

  app.get(
    '/processes/:processSlug/actions/:actionId',
    { config: { policy: 'public.read' }, schema: { tags, summary: 'One action with its whole progress history', params: ActionParams, response: { 200: ActionOut } } },
    async (req) => {
      const { process } = await getProcess(db(), req.params.processSlug);
      const a = await svc.getAction(db(), process.id, req.params.actionId);
      return presentAction(a, await today(process), await svc.reportsOf(db(), process.id, { actionIds: [a.id] }));
    },
  );

  app.put(
    '/processes/:processSlug/actions/:actionId',
    { config: { policy: 'action.update', ...scoped }, schema: { tags, summary: 'Change an action (all its fields); its status changes only through progress reports', params: ActionParams, body: ActionBody, response: { 200: ActionOut } } },
    async (req) => {
      const { process } = processRecords.of(req);
      return presentAction(await svc.updateAction(db(), req.actor!, process.id, req.params.actionId, req.body), await today(process));
    },
  );

  app.post(
    '/processes/:processSlug/actions/:actionId/progress',
    {
      config: { policy: 'progress.report', ...scoped },
      schema: { tags, summary: 'Report progress on an action (its contact, a member representing its owner, or the action committee); at_risk, late and dropped need a reason', params: ActionParams, body: ProgressBody, response: { 201: ReportOut } },
    },
    async (req, reply) => {
      const { process } = processRecords.of(req);
      const row = await svc.reportOnAction(db(), req.actor!, process.id, req.params.actionId, req.body);
      return reply.code(201).send(presentReport({ ...row, author_name: req.actor!.name, author_staff: actorStaff(req.actor!, process.id), acting_organisation_name: row.acting_organisation_id ? await svc.organisationName(db(), row.acting_organisation_id) : null }));
    },
  );

  app.get(
    '/processes/:processSlug/pledges',
    { config: { policy: 'public.read' }, schema: { tags, summary: 'The pledges of a process, 100 a page (keyset)', params: ProcessParams, querystring: AfterQuery, response: { 200: PledgePage } } },
    async (req) => {
      const { process } = await getProcess(db(), req.params.processSlug);
      const page = await svc.listPledges(db(), process.id, req.query.after);
      const asOf = await today(process);
      return { items: page.items.map((p) => presentPledge(p, asOf)), next: page.next };
    },
  );

  app.post(
    '/processes/:processSlug/pledges',
    { config: { policy: 'pledge.sign', ...scoped }, schema: { tags, summary: 'Pledge, for the organisation you represent in this process, to carry out a recommendation', params: ProcessParams, body: PledgeBody, response: { 201: PledgeOut } } },
    async (req, reply) => {
      const { process } = processRecords.of(req);
      return reply.code(201).send(presentPledge(await svc.signPledge(db(), req.actor!, process.id, req.body), await today(process)));
    },
  );

  app.post(
    '/processes/:processSlug/pledges/:pledgeId/progress',
    { config: { policy: 'progress.report', ...scoped }, schema: { tags, summary: 'Report progress on a pledge (a member representing its organisation, or the action committee)', params: PledgeParams, body: ProgressBody, response: { 201: ReportOut } } },
    async (req, reply) => {
      const { process } = processRecords.of(req);
      const row = await svc.reportOnPledge(db(), req.actor!, process.id, req.params.pledgeId, req.body);
      return reply.code(201).send(presentReport({ ...row, author_name: req.actor!.name, author_staff: actorStaff(req.actor!, process.id), acting_organisation_name: row.acting_organisation_id ? await svc.organisationName(db(), row.acting_organisation_id) : null }));
    },
  );

  app.get(
    '/processes/:processSlug/tracker',
    { config: { policy: 'public.read' }, schema: { tags, summary: 'The public tracker: per recommendation its actions, pledges and reports, what is overdue, and the figures by stakeholder group', params: ProcessParams } },
    async (req) => {
      const d = await getProcess(db(), req.params.processSlug);
      return presentTracker(d.process, await buildTracker(db(), d.process, d.stakeholderGroups), app.deps.config.baseUrl);
    },
  );

  app.get('/processes/:processSlug/tracker.csv', { config: { policy: 'public.read' }, schema: { tags, summary: 'The tracker as CSV: one line per action and pledge', params: ProcessParams } }, async (req, reply) => {
    const d = await getProcess(db(), req.params.processSlug);
    const csv = trackerCsv(await buildTracker(db(), d.process, d.stakeholderGroups));
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${d.process.slug}-tracker.csv"`).send(csv);
  });
};
