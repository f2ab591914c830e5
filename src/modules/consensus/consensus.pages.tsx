import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { isUuid } from '../../platform/lib/ids.js';
import { tFor } from '../../platform/i18n/i18n.js';
import { isTimeZone } from '../../platform/lib/time-zone.js';
import { localPath } from '../../platform/web/context.js';
import { pageCtx } from '../../platform/web/page-ctx.js';
import { sendPage } from '../../platform/web/render.js';
import { nestForm, formFields, formRows } from '../../platform/web/forms.js';
import { formAction } from '../../platform/web/form-action.js';
import { getProcess, type Process } from '../processes/index.js';
import { getDocument, listDocuments } from '../documents/index.js';
import { recommendationsOf } from './consensus.slots.js';
import { wallGapErrors } from '../../platform/time/time-fields.js';
import { instantToLocal, localToInstant, toSecond } from '../../platform/time/zoned.js';
import { OpenCallBody, PositionBody } from './consensus.schema.js';
import { callPath, callRecord, getCall, listCalls, openCall, openScope, positionHistory, statePosition, callScope } from './consensus.service.js';
import { viewerOf } from './viewer.service.js';
import { decisionPages } from './decisions.pages.js';
import { CallsView } from './views/calls.view.js';
import { CallView } from './views/call.view.js';
import { callFormPage, callPage, callsPage, type FailedPosition } from './consensus.page-presenter.js';
import { CallFormView, FORM_OPTIONS } from './views/call-form.view.js';

type Flat = Record<string, string | undefined>;
type Params = { processSlug: string; callId: string };
const hide = { hide: true };

/**
 * The open-call form as the API's body: blank option rows dropped (with the index of each
 * kept row, so errors land on the right field), the local deadline read in the named zone,
 * and the target told by what was filled in.
 */
export function callFormToBody(flat: Flat): { body: Record<string, unknown>; rows: number[] } {
  const zone = flat.timeZone && isTimeZone(flat.timeZone) ? flat.timeZone : 'UTC';
  const optionRows = formRows(nestForm(flat), 'options');
  const rows: number[] = [];
  const options = [];
  for (let i = 0; i < FORM_OPTIONS; i++) {
    const o = optionRows[i];
    if (o && ((o.labelEn ?? '').trim() || (o.labelFr ?? '').trim())) {
      rows.push(i);
      options.push({ labelEn: o.labelEn ?? '', labelFr: o.labelFr ?? '' });
    }
  }
  const target = flat.target === 'recommendation' ? 'recommendation' : flat.anchor?.trim() ? 'section' : 'document';
  const deadline = flat.deadline ? (localToInstant(flat.deadline, zone)?.toISOString() ?? flat.deadline) : undefined;
  return { body: { ...flat, target, options, deadline, version: flat.version || undefined, document: flat.document || undefined, appealDays: flat.appealDays || undefined }, rows };
}

/** Errors on `options.<k>.…` renamed to the form row they came from. */
const renameRows = (errors: Record<string, string>, rows: number[]) =>
  Object.fromEntries(Object.entries(errors).map(([k, v]) => [k.replace(/^options\.(\d+)\./, (_m, n: string) => `options.${rows[Number(n)] ?? n}.`), v]));

/** Consensus pages: the list of a process's calls, opening one, a call's page and stating a position. */
export const consensusPages: FastifyPluginAsync = async (app) => {
  const db = () => app.deps.db;
  const params = (req: FastifyRequest) => req.params as Params;
  const scoped = { scope: (req: FastifyRequest) => callScope(db(), params(req).processSlug, params(req).callId) };
  const docOf = (req: FastifyRequest) => (req.body as { document?: unknown } | undefined)?.document ?? (req.query as { document?: unknown }).document;
  const recOf = (req: FastifyRequest) => (req.body as { recommendationId?: unknown } | undefined)?.recommendationId ?? (req.query as { recommendationId?: unknown }).recommendationId;
  const openScoped = { scope: (req: FastifyRequest) => openScope(db(), params(req).processSlug, docOf(req), recOf(req)) };

  app.get('/processes/:processSlug/consensus', { config: { policy: 'public.read' }, schema: hide }, async (req, reply) => {
    const { process } = await getProcess(db(), params(req).processSlug);
    const q = formFields(req.query);
    const [page, documents] = await Promise.all([listCalls(db(), process.id, q.after && isUuid(q.after) ? q.after : undefined), listDocuments(db(), process.id, req.actor)]);
    const ctx = pageCtx(req, reply);
    return sendPage(reply, <CallsView ctx={ctx} model={callsPage({ process, calls: page.items, next: page.next, documents, now: new Date() }, ctx)} />);
  });

  /** The open-call form: on the document in `?document=`, else on a recommendation. */
  const showForm = async (req: FastifyRequest, reply: FastifyReply, values: Flat, errors?: Record<string, string>, status = 200, read?: Process) => {
    // The empty form's handler has read the process already (for its zone); it hands it over.
    const process = read ?? (await getProcess(db(), params(req).processSlug)).process;
    const slug = docOf(req);
    const document = typeof slug === 'string' && slug ? await getDocument(db(), process.id, slug, req.actor) : null;
    const recommendations = document ? [] : await recommendationsOf(db(), process.id);
    const ctx = pageCtx(req, reply);
    return sendPage(reply, <CallFormView ctx={ctx} model={callFormPage({ process, document, recommendations }, ctx)} values={values} errors={errors} />, status);
  };

  app.get('/processes/:processSlug/consensus/new', { config: { policy: 'consensus.open', ...openScoped }, schema: hide }, async (req, reply) => {
    const { process } = await getProcess(db(), params(req).processSlug);
    const zone = process.timezone;
    // A suggestion to edit: two weeks to respond, one option for the text as written.
    const deadline = instantToLocal(toSecond(new Date(Date.now() + 14 * 86_400_000)), zone);
    return showForm(req, reply, {
      deadline,
      timeZone: zone,
      appealDays: '14',
      'options[0][labelEn]': tFor('en')('consensus.form.asWritten'),
      'options[0][labelFr]': tFor('fr')('consensus.form.asWritten'),
    }, undefined, 200, process);
  });

  app.post('/processes/:processSlug/consensus/new', { config: { policy: 'consensus.open', ...openScoped }, schema: hide }, async (req, reply) => {
    const flat = formFields(req.body);
    // A deadline the clocks skip is refused with the time that exists, before it becomes an instant.
    const gaps = flat.timeZone && isTimeZone(flat.timeZone) ? wallGapErrors(flat, ['deadline'], flat.timeZone, req.t) : {};
    if (Object.keys(gaps).length) return showForm(req, reply, flat, gaps, 422);
    const { body, rows } = callFormToBody(flat);
    return formAction(req, reply, {
      schema: OpenCallBody,
      input: body,
      again: (errors, status) => showForm(req, reply, flat, renameRows(errors, rows), status),
      run: (data) => openCall(db(), req.actor!, req.policyContext.processId!, data, { baseUrl: app.deps.config.baseUrl }),
      to: ({ call }) => localPath(req.lang, callPath(params(req).processSlug, call.id)),
      notice: 'consensus.notices.opened',
    });
  });

  /** A call's page, with a failed position form's values and errors when there is one. */
  const showCall = async (req: FastifyRequest, reply: FastifyReply, failed?: FailedPosition, status = 200) => {
    const { process } = await getProcess(db(), params(req).processSlug);
    const record = await callRecord(db(), process.id, params(req).callId);
    const q = formFields(req.query);
    const now = new Date();
    const [history, viewer] = await Promise.all([positionHistory(db(), record.detail.call.id, q.after && isUuid(q.after) ? q.after : undefined), viewerOf(db(), req.actor, record, now)]);
    const ctx = pageCtx(req, reply);
    return sendPage(reply, <CallView ctx={ctx} model={callPage({ process, record, history, viewer, failed, now }, ctx)} />, status);
  };

  app.get('/processes/:processSlug/consensus/:callId', { config: { policy: 'public.read' }, schema: hide }, async (req, reply) => showCall(req, reply));

  app.post('/processes/:processSlug/consensus/:callId/position', { config: { policy: 'consensus.position', ...scoped }, schema: hide }, async (req, reply) => {
    const flat = formFields(req.body);
    const { process } = await getProcess(db(), params(req).processSlug);
    const { call } = await getCall(db(), process.id, params(req).callId);
    const optionId = flat.optionId && isUuid(flat.optionId) ? flat.optionId : '';
    // Field errors are named after the option's form, so the summary links to the right field.
    const rename = (errors: Record<string, string>) => Object.fromEntries(Object.entries(errors).map(([k, v]) => [k === '_' || k === 'optionId' || !optionId ? '_' : `${k}-${optionId}`, v]));
    return formAction(req, reply, {
      schema: PositionBody,
      input: { optionId: flat.optionId, stance: flat.stance, reason: flat.reason },
      again: (errors, status) => showCall(req, reply, { optionId, values: flat, errors: rename(errors) }, status),
      run: (data) => statePosition(db(), req.actor!, call.id, data),
      to: `${localPath(req.lang, callPath(process.slug, call.id))}#your-position`,
      notice: 'consensus.notices.positionSaved',
    });
  });

  await app.register(decisionPages);
};
