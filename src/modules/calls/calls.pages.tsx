import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { localPath } from '../../platform/web/context.js';
import { pageCtx } from '../../platform/web/page-ctx.js';
import { sendPage } from '../../platform/web/render.js';
import { redirectWithNotice } from '../../platform/web/notice.js';
import { parseForm, formFields } from '../../platform/web/forms.js';
import { formAction } from '../../platform/web/form-action.js';
import { getProcess, processRecords } from '../processes/index.js';
import { organisations } from '../participants/index.js';
import { sendFile, acceptMultipart, uploadedFiles } from '../files/index.js';
import { ModerateBody, OpenCallBody, SubmissionFields } from './calls.schema.js';
import * as calls from './calls.service.js';
import { callPath, submissionPath } from './calls.presenter.js';
import { wallGapErrors } from '../../platform/time/time-fields.js';
import { instantToLocal, localToInstant, toSecond } from '../../platform/time/zoned.js';
import { CallView } from './views/call.view.js';
import { OpenCallView } from './views/call-form.view.js';
import { SubmitView } from './views/submit.view.js';
import { ModerationView } from './views/moderation.view.js';
import { SubmissionView } from './views/submission.view.js';
import { callPage, moderationPage, openCallPage, submissionPage, submitPage } from './calls.page-presenter.js';

type Flat = Record<string, string | undefined>;
type Params = { processSlug: string; callId: string; submissionId: string };
const hide = { hide: true };

/** The open-call form's local times (in the process's zone) as the API's instants. */
function openFormToBody(flat: Flat, zone: string): Record<string, unknown> {
  const instant = (v: string | undefined) => (v ? (localToInstant(v, zone)?.toISOString() ?? v) : undefined);
  return { ...flat, opensAt: instant(flat.opensAt), closesAt: instant(flat.closesAt) };
}

/** The submission form's fields as the SubmissionFields shape: empty choices are absent. */
function submitFormToBody(f: Flat): Record<string, unknown> {
  return { title: f.title, lang: f.lang, organisationId: f.organisationId || undefined, organisationName: f.organisationName || undefined, text: f.text ?? '' };
}

/** Call pages: the call, opening one, the submission form, the moderation queue, a submission and its file. */
export const callsPages: FastifyPluginAsync = async (app) => {
  // Multipart is accepted here only; see files/multipart.ts for how CSRF still applies.
  acceptMultipart(app);
  const db = () => app.deps.db;
  const params = (req: FastifyRequest) => req.params as Params;
  const scoped = { scope: processRecords };
  /** The process and the call named in the URL (404 when either is absent). */
  const load = async (req: FastifyRequest) => {
    const { process } = await getProcess(db(), params(req).processSlug);
    return { process, call: await calls.getCall(db(), process.id, params(req).callId) };
  };

  app.get('/processes/:processSlug/calls/new', { config: { policy: 'call.open', ...scoped }, schema: hide }, async (req, reply) => {
    const { process } = processRecords.of(req);
    // A suggestion to edit: open now, close six weeks later (the model process's comment period).
    const now = toSecond(new Date());
    const values = { opensAt: instantToLocal(now, process.timezone), closesAt: instantToLocal(new Date(now.getTime() + 42 * 86_400_000), process.timezone) };
    const ctx = pageCtx(req, reply);
    return sendPage(reply, <OpenCallView ctx={ctx} model={openCallPage(process, ctx)} values={values} />);
  });

  app.post('/processes/:processSlug/calls/new', { config: { policy: 'call.open', ...scoped }, schema: hide }, async (req, reply) => {
    const flat = formFields(req.body);
    const { process } = processRecords.of(req);
    const again = (errors: Record<string, string>, status: number) => {
      const ctx = pageCtx(req, reply);
      return sendPage(reply, <OpenCallView ctx={ctx} model={openCallPage(process, ctx)} values={flat} errors={errors} />, status);
    };
    // A time the clocks skip is refused with the one that exists, before it becomes an instant.
    const gaps = wallGapErrors(flat, ['opensAt', 'closesAt'], process.timezone, req.t);
    if (Object.keys(gaps).length) return again(gaps, 422);
    const parsed = parseForm(OpenCallBody, openFormToBody(flat, process.timezone), req.t);
    if (!parsed.ok) return again(parsed.errors, 422);
    const call = await calls.openCall(db(), req.actor!, process.id, parsed.data, app.deps.config.baseUrl);
    return redirectWithNotice(reply, localPath(req.lang, callPath(process.slug, call.id)), 'calls.opened');
  });

  app.get('/processes/:processSlug/calls/:callId', { config: { policy: 'public.read' }, schema: hide }, async (req, reply) => {
    const { process, call } = await load(req);
    const [summary, accepted, mine] = await Promise.all([
      calls.summarise(db(), call),
      calls.acceptedSubmissions(db(), call.id),
      req.actor ? calls.submissionsBy(db(), call.id, req.actor.userId) : Promise.resolve([]),
    ]);
    const ctx = pageCtx(req, reply);
    return sendPage(reply, <CallView ctx={ctx} model={callPage({ process, summary, accepted, mine }, ctx)} />);
  });

  app.get('/processes/:processSlug/calls/:callId/submit', { config: { policy: 'call.submit' }, schema: hide }, async (req, reply) => {
    const { process, call } = await load(req);
    const ctx = pageCtx(req, reply);
    const model = submitPage({ process, summary: await calls.summarise(db(), call), organisations: await organisations(db()) }, ctx);
    return sendPage(reply, <SubmitView ctx={ctx} model={model} />);
  });

  app.post('/processes/:processSlug/calls/:callId/submit', { config: { policy: 'call.submit' }, schema: hide }, async (req, reply) => {
    const flat = formFields(req.body);
    const { process, call } = await load(req);
    const again = async (errors: Record<string, string>, status: number) => {
      const ctx = pageCtx(req, reply);
      const model = submitPage({ process, summary: await calls.summarise(db(), call), organisations: await organisations(db()) }, ctx);
      return sendPage(reply, <SubmitView ctx={ctx} model={model} values={flat} errors={errors} />, status);
    };
    const upload = uploadedFiles(req.body).find((f) => f.field === 'file');
    return formAction(req, reply, {
      schema: SubmissionFields,
      input: submitFormToBody(flat),
      again,
      run: (data) => calls.submit(db(), req.actor!, process, call.id, data, upload),
      to: (created) => localPath(req.lang, submissionPath(process.slug, call.id, created.id)),
      notice: 'calls.submitted',
    });
  });

  app.get('/processes/:processSlug/calls/:callId/moderation', { config: { policy: 'call.moderate', ...scoped }, schema: hide }, async (req, reply) => {
    const { process, call } = await load(req);
    const [summary, rows] = await Promise.all([calls.summarise(db(), call), calls.allSubmissions(db(), call.id)]);
    const ctx = pageCtx(req, reply);
    return sendPage(reply, <ModerationView ctx={ctx} model={moderationPage({ process, summary, rows }, ctx)} />);
  });

  app.get('/processes/:processSlug/calls/:callId/submissions/:submissionId', { config: { policy: 'public.read' }, schema: hide }, async (req, reply) => {
    const { process, call } = await load(req);
    const row = await calls.submissionFor(db(), req.actor, call, params(req).submissionId);
    const ctx = pageCtx(req, reply);
    return sendPage(reply, <SubmissionView ctx={ctx} model={submissionPage({ process, call, row }, ctx)} />);
  });

  app.post(
    '/processes/:processSlug/calls/:callId/submissions/:submissionId/moderation',
    { config: { policy: 'call.moderate', ...scoped }, schema: hide },
    async (req, reply) => {
      const flat = formFields(req.body);
      const { process, call } = await load(req);
      const parsed = parseForm(ModerateBody, flat, req.t);
      if (!parsed.ok) {
        const row = await calls.submissionFor(db(), req.actor, call, params(req).submissionId);
        const ctx = pageCtx(req, reply);
        return sendPage(reply, <SubmissionView ctx={ctx} model={submissionPage({ process, call, row }, ctx)} values={flat} errors={parsed.errors} />, 422);
      }
      await calls.moderate(db(), req.actor!, process, call, params(req).submissionId, parsed.data, app.deps.config.baseUrl);
      return redirectWithNotice(
        reply,
        localPath(req.lang, `${callPath(process.slug, call.id)}/moderation`),
        parsed.data.decision === 'accept' ? 'calls.accepted' : 'calls.rejected',
      );
    },
  );

  app.get('/processes/:processSlug/calls/:callId/submissions/:submissionId/file', { config: { policy: 'public.read' }, schema: hide }, async (req, reply) => {
    const { call } = await load(req);
    const { file, isPublic } = await calls.submissionFile(db(), req.actor, call, params(req).submissionId);
    return sendFile(reply, file, { publicCache: isPublic });
  });
};
