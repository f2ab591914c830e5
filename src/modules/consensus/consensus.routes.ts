import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getProcess } from '../processes/index.js';
import {
  AfterQuery,
  AppealAnswerBody,
  AppealBody,
  AppealOut,
  AppealParams,
  CallDetailOut,
  CallPage,
  CallParams,
  OpenCallBody,
  OutcomeBody,
  OutcomeOut,
  PositionBody,
  PositionOut,
  PositionPage,
  ProcessParams,
} from './consensus.schema.js';
import { actorStaff } from '../../platform/auth/staff.presenter.js';
import { callRecord, callScope, getCall, listCalls, openCall, openScope, positionHistory, statePositionOn } from './consensus.service.js';
import { callRecordsScope } from './consensus.scopes.js';
import { answerAppeal, appealsOf, fileAppeal, outcomesOf, recordOutcome } from './outcomes.service.js';
import { presentAppeal, presentCall, presentCallDetail, presentOutcome, presentPosition } from './consensus.presenter.js';

/** Consensus calls through the JSON API: list, read with results, open, positions, outcome, appeals. */
export const consensusApi: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.db;
  const base = () => app.deps.config.baseUrl;
  const tags = ['consensus'];
  const scoped = {
    scope: (req: FastifyRequest) => {
      const p = req.params as { processSlug: string; callId: string };
      return callScope(db(), p.processSlug, p.callId);
    },
  };
  const openScoped = {
    scope: (req: FastifyRequest) => {
      const body = req.body as { document?: unknown; recommendationId?: unknown } | undefined;
      return openScope(db(), (req.params as { processSlug: string }).processSlug, body?.document, body?.recommendationId);
    },
  };
  /** The process and call named in the URL (404 when either is absent). */
  const load = async (p: { processSlug: string; callId: string }) => {
    const { process } = await getProcess(db(), p.processSlug);
    return { process, detail: await getCall(db(), process.id, p.callId) };
  };

  app.get(
    '/processes/:processSlug/consensus-calls',
    {
      config: { policy: 'public.read' },
      schema: { tags, summary: 'The consensus calls of a process, newest first, 50 a page (keyset: pass `next` as `after`)', params: ProcessParams, querystring: AfterQuery, response: { 200: CallPage } },
    },
    async (req) => {
      const { process } = await getProcess(db(), req.params.processSlug);
      const page = await listCalls(db(), process.id, req.query.after);
      return { items: page.items.map((d) => presentCall(d, process.slug, base(), req.lang)), next: page.next };
    },
  );

  app.post(
    '/processes/:processSlug/consensus-calls',
    {
      config: { policy: 'consensus.open', ...openScoped },
      schema: {
        tags,
        summary:
          'Open a consensus call on a document version, one of its sections (anchor or label) or a recommendation. A chair may open calls on their group’s documents; the oversight committee and conveners on any',
        params: ProcessParams,
        body: OpenCallBody,
        response: { 201: CallDetailOut },
      },
    },
    async (req, reply) => {
      const { process } = await getProcess(db(), req.params.processSlug);
      const d = await openCall(db(), req.actor!, process.id, req.body, { baseUrl: base() });
      return reply.code(201).send(presentCallDetail(await callRecord(db(), process.id, d.call.id), process.slug, base(), req.lang));
    },
  );

  app.get(
    '/processes/:processSlug/consensus-calls/:callId',
    {
      config: { policy: 'public.read' },
      schema: { tags, summary: 'A consensus call with its results by stakeholder group (including members who have not responded), its outcomes and appeals', params: CallParams, response: { 200: CallDetailOut } },
    },
    async (req) => {
      const { process } = await getProcess(db(), req.params.processSlug);
      return presentCallDetail(await callRecord(db(), process.id, req.params.callId), process.slug, base(), req.lang);
    },
  );

  app.get(
    '/processes/:processSlug/consensus-calls/:callId/positions',
    {
      config: { policy: 'public.read' },
      schema: { tags, summary: 'Every position stated on a call, superseded ones included, newest first, 100 a page', params: CallParams, querystring: AfterQuery, response: { 200: PositionPage } },
    },
    async (req) => {
      const { detail } = await load(req.params);
      const page = await positionHistory(db(), detail.call.id, req.query.after);
      return { items: page.items.map(presentPosition), next: page.next };
    },
  );

  app.post(
    '/processes/:processSlug/consensus-calls/:callId/positions',
    {
      config: { policy: 'consensus.position', scope: callRecordsScope },
      schema: {
        tags,
        summary: 'State or change your position on one option (members of the process, or of the group for a group’s call). An objection needs a reason (422); after the deadline, 409',
        params: CallParams,
        body: PositionBody,
        response: { 200: PositionOut },
      },
    },
    async (req) => {
      const detail = callRecordsScope.of(req);
      const p = await statePositionOn(db(), req.actor!, detail, req.body);
      return presentPosition({ ...p, name: req.actor!.name, staff: actorStaff(req.actor!, detail.call.process_id) });
    },
  );

  app.post(
    '/processes/:processSlug/consensus-calls/:callId/outcome',
    {
      config: { policy: 'consensus.decide', ...scoped },
      schema: {
        tags,
        summary: 'Record the outcome and close the call. Every current objection needs an answer (422 otherwise); 409 when already decided',
        params: CallParams,
        body: OutcomeBody,
        response: { 200: OutcomeOut },
      },
    },
    async (req) => {
      const { detail } = await load(req.params);
      return presentOutcome(await recordOutcome(db(), req.actor!, detail.call.id, { ...req.body, lang: req.body.lang ?? req.lang }));
    },
  );

  app.post(
    '/processes/:processSlug/consensus-calls/:callId/appeals',
    {
      config: { policy: 'consensus.appeal', ...scoped },
      schema: {
        tags,
        summary: 'Appeal the outcome to the oversight committee: members whose objection stood at the close, within the call’s appeal window (409 after)',
        params: CallParams,
        body: AppealBody,
        response: { 201: AppealOut },
      },
    },
    async (req, reply) => {
      const { detail } = await load(req.params);
      const appeal = await fileAppeal(db(), req.actor!, detail.call.id, { ...req.body, lang: req.body.lang ?? req.lang });
      return reply.code(201).send(await appealOut(detail.call, appeal.id));
    },
  );

  app.post(
    '/processes/:processSlug/consensus-calls/:callId/appeals/:appealId/answer',
    {
      config: { policy: 'consensus.answerAppeal', ...scoped },
      schema: {
        tags,
        summary: 'Answer an appeal (the oversight committee): upheld or rejected; an upheld appeal may replace the outcome (changedOutcome)',
        params: AppealParams,
        body: AppealAnswerBody,
        response: { 200: z.object({ appeal: AppealOut, changedOutcome: OutcomeOut.nullable() }) },
      },
    },
    async (req) => {
      const { detail } = await load(req.params);
      const { appeal, changed } = await answerAppeal(db(), req.actor!, detail.call.id, req.params.appealId, { ...req.body, lang: req.body.lang ?? req.lang });
      const outcomes = await outcomesOf(db(), detail.call.id);
      const changedOut = changed ? outcomes.find((o) => o.outcome.id === changed.id) : undefined;
      return { appeal: await appealOut(detail.call, appeal.id), changedOutcome: changedOut ? presentOutcome(changedOut) : null };
    },
  );

  /** An appeal as the API shows it, read back with its appellant's name. */
  async function appealOut(call: Awaited<ReturnType<typeof getCall>>['call'], appealId: string) {
    const [appeals, outcomes] = await Promise.all([appealsOf(db(), call.id), outcomesOf(db(), call.id)]);
    return presentAppeal(appeals.find((a) => a.id === appealId)!, call, outcomes);
  }
};
