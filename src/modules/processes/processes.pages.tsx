import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { localPath } from '../../platform/web/context.js';
import { pageCtx } from '../../platform/web/page-ctx.js';
import { sendPage } from '../../platform/web/render.js';
import { redirectWithNotice } from '../../platform/web/notice.js';
import { nestForm, parseForm, formFields, formRows } from '../../platform/web/forms.js';
import { formAction } from '../../platform/web/form-action.js';
import { roleHolders } from '../accounts/index.js';
import { sectionsFor } from '../../platform/modules/registry.js';
import './processes.slots.js';
import { CopyProcessBody, CreateProcessBody, UpdateProcessBody } from './processes.schema.js';
import * as processes from './processes.service.js';
import { copyProcess } from './templates.service.js';
import { processRecords } from './processes.scopes.js';
import { ProcessListView } from './views/process-list.view.js';
import { ProcessView } from './views/process.view.js';
import { ProcessFormView, type PhaseRowValues, type ProcessFormValues } from './views/process-form.view.js';
import { CopyProcessView } from './views/copy.view.js';
import { copyProcessPage, processListPage, processPage } from './processes.page-presenter.js';

type Flat = Record<string, string | undefined>;
const hide = { hide: true };

/** Form rows → the API body shape: phases whose dates are both empty are left out. */
function formToBody(flat: Flat): Record<string, unknown> {
  const nested = nestForm(flat);
  const phases = formRows(nested, 'phases').filter((p) => p && (p.startsOn || p.endsOn));
  return { ...nested, phases };
}

/** The form's values, from a submitted body (so nothing typed is lost on an error). */
function formValues(flat: Flat): ProcessFormValues {
  const nested = nestForm(flat);
  const phases = formRows(nested, 'phases')
    .filter((p) => p !== undefined)
    .map((p) => ({ kind: p.kind ?? 'other', nameEn: p.nameEn ?? '', nameFr: p.nameFr ?? '', startsOn: p.startsOn ?? '', endsOn: p.endsOn ?? '' }));
  return { ...(nested as unknown as Omit<ProcessFormValues, 'phases'>), phases };
}

function blankPhases(existing: PhaseRowValues[]): PhaseRowValues[] {
  const rows = existing.length ? [...existing] : processes.defaultPhaseNames().map((d) => ({ kind: d.kind, nameEn: d.en, nameFr: d.fr, startsOn: '', endsOn: '' }));
  rows.push({ kind: 'other', nameEn: '', nameFr: '', startsOn: '', endsOn: '' });
  return rows;
}

/** Process pages: the list, a process's page, creating, editing and copying one. */
export const processesPages: FastifyPluginAsync = async (app) => {
  const db = () => app.deps.db;
  const slugOf = (req: FastifyRequest) => (req.params as { processSlug: string }).processSlug;

  app.get('/processes', { config: { policy: 'public.read' }, schema: hide }, async (req, reply) => {
    const ctx = pageCtx(req, reply);
    return sendPage(reply, <ProcessListView ctx={ctx} model={processListPage(await processes.listProcesses(db()), ctx)} />);
  });

  app.get('/processes/new', { config: { policy: 'process.create' }, schema: hide }, async (req, reply) =>
    sendPage(reply, <ProcessFormView ctx={pageCtx(req, reply)} action={localPath(req.lang, '/processes/new')} creating values={{ phases: blankPhases([]) }} />),
  );

  app.post('/processes/new', { config: { policy: 'process.create' }, schema: hide }, async (req, reply) => {
    const flat = formFields(req.body);
    const again = (errors: Record<string, string>, status: number) =>
      sendPage(reply, <ProcessFormView ctx={pageCtx(req, reply)} action={localPath(req.lang, '/processes/new')} creating values={formValues(flat)} errors={errors} />, status);
    return formAction(req, reply, {
      schema: CreateProcessBody,
      input: formToBody(flat),
      again,
      run: (data) => processes.createProcess(db(), req.actor, data),
      to: (p) => localPath(req.lang, `/processes/${p.slug}`),
    });
  });

  app.get('/processes/:processSlug', { config: { policy: 'public.read', scope: processRecords }, schema: hide }, async (req, reply) => {
    const detail = processRecords.of(req);
    const p = detail.process;
    const ctx = pageCtx(req, reply);
    // Working groups, meetings, calls and balance come from their modules through the
    // 'process.sections' slot; this page imports none of them. They are given the process the
    // scope loaded, so none reads it again.
    const input = { db: db(), ctx, process: p, detail };
    const [oversight, conveners, sections, follow] = await Promise.all([
      roleHolders(db(), { role: 'oversight', processId: p.id }),
      roleHolders(db(), { role: 'convener', processId: p.id }),
      Promise.all(sectionsFor('process.sections').map((render) => render(input))),
      Promise.all(sectionsFor('process.follow').map((render) => render(input))),
    ]);
    const model = processPage({ detail, currentPhaseId: processes.currentPhase(detail.phases, p.timezone)?.id, oversight, conveners }, ctx);
    return sendPage(reply, <ProcessView ctx={ctx} model={model} sections={sections} follow={follow} />);
  });

  const editValues = (d: processes.ProcessDetail): ProcessFormValues => ({
    titleEn: d.process.title_en,
    titleFr: d.process.title_fr,
    summaryEn: d.process.summary_en,
    summaryFr: d.process.summary_fr,
    descriptionEn: d.process.description_en,
    descriptionFr: d.process.description_fr,
    registration: d.process.registration,
    timezone: d.process.timezone,
    phases: blankPhases(d.phases.map((p) => ({ kind: p.kind, nameEn: p.name_en, nameFr: p.name_fr, startsOn: p.starts_on, endsOn: p.ends_on }))),
  });

  app.get('/processes/:processSlug/edit', { config: { policy: 'process.update', scope: processRecords }, schema: hide }, async (req, reply) => {
    const d = processRecords.of(req);
    return sendPage(reply, <ProcessFormView ctx={pageCtx(req, reply)} action={localPath(req.lang, `/processes/${d.process.slug}/edit`)} creating={false} values={editValues(d)} />);
  });

  app.post('/processes/:processSlug/edit', { config: { policy: 'process.update', scope: processRecords }, schema: hide }, async (req, reply) => {
    const flat = formFields(req.body);
    const action = localPath(req.lang, `/processes/${slugOf(req)}/edit`);
    const again = (errors: Record<string, string>, status: number) =>
      sendPage(reply, <ProcessFormView ctx={pageCtx(req, reply)} action={action} creating={false} values={formValues(flat)} errors={errors} />, status);
    const parsed = parseForm(UpdateProcessBody, formToBody(flat), req.t);
    if (!parsed.ok) return again(parsed.errors, 422);
    await processes.updateProcess(db(), req.actor!, req.policyContext.processId!, parsed.data);
    return redirectWithNotice(reply, localPath(req.lang, `/processes/${slugOf(req)}`), 'notices.saved');
  });

  app.get('/processes/:processSlug/copy', { config: { policy: 'process.copy', scope: processRecords }, schema: hide }, async (req, reply) => {
    const d = processRecords.of(req);
    const ctx = pageCtx(req, reply);
    return sendPage(reply, <CopyProcessView ctx={ctx} model={copyProcessPage(d.process, ctx)} />);
  });

  app.post('/processes/:processSlug/copy', { config: { policy: 'process.copy', scope: processRecords }, schema: hide }, async (req, reply) => {
    const flat = formFields(req.body);
    const d = processRecords.of(req);
    const again = (errors: Record<string, string>, status: number) => {
      const ctx = pageCtx(req, reply);
      return sendPage(reply, <CopyProcessView ctx={ctx} model={copyProcessPage(d.process, ctx)} values={flat} errors={errors} />, status);
    };
    return formAction(req, reply, {
      schema: CopyProcessBody,
      input: { ...flat, startsOn: flat.startsOn || undefined },
      again,
      run: (data) => copyProcess(db(), req.actor!, d.process.slug, data),
      to: (created) => localPath(req.lang, `/processes/${created.slug}`),
      notice: 'notices.processCopied',
    });
  });
};
