import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { isUuid } from '../../platform/lib/ids.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { localPath } from '../../platform/web/context.js';
import { pageCtx } from '../../platform/web/page-ctx.js';
import { sendPage } from '../../platform/web/render.js';
import { redirectWithNotice } from '../../platform/web/notice.js';
import { parseForm, problemToFormErrors, formFields } from '../../platform/web/forms.js';
import { getProcess } from '../processes/index.js';
import { AppealAnswerBody, AppealBody, OutcomeBody } from './consensus.schema.js';
import { callPath, callScope, currentPositions, getCall } from './consensus.service.js';
import { answerAppeal, appealsOf, fileAppeal, recordOutcome } from './outcomes.service.js';
import { AnswerFormView, AppealFormView, OutcomeFormView } from './views/decision-forms.view.js';

type Flat = Record<string, string | undefined>;
type Params = { processSlug: string; callId: string; appealId?: string };
const hide = { hide: true };
const lang = (v: string | undefined) => (v === 'fr' || v === 'en' ? v : undefined);

/** The outcome form as the API's body: one answer per `answer-<positionId>` field. */
export function outcomeFormToBody(flat: Flat): Record<string, unknown> {
  const answers = Object.entries(flat)
    .filter(([k]) => k.startsWith('answer-') && isUuid(k.slice('answer-'.length)))
    .map(([k, v]) => ({ positionId: k.slice('answer-'.length), answer: v ?? '' }));
  return { outcome: flat.outcome, optionId: flat.optionId, rationale: flat.rationale ?? '', lang: lang(flat.lang), answers };
}

/** The answer form as the API's body: a changed outcome only when one was chosen. */
export function answerFormToBody(flat: Flat): Record<string, unknown> {
  const changed = flat['changedOutcome.outcome']
    ? { outcome: flat['changedOutcome.outcome'], optionId: flat['changedOutcome.optionId'], rationale: flat['changedOutcome.rationale'] ?? '' }
    : undefined;
  return { status: flat.status, answer: flat.answer ?? '', lang: lang(flat.lang), changedOutcome: changed };
}

/** The chair's outcome form, the objector's appeal form and the oversight committee's answer form. */
export const decisionPages: FastifyPluginAsync = async (app) => {
  const db = () => app.deps.db;
  const params = (req: FastifyRequest) => req.params as Params;
  const scoped = { scope: (req: FastifyRequest) => callScope(db(), params(req).processSlug, params(req).callId) };
  const load = async (req: FastifyRequest) => {
    const { process } = await getProcess(db(), params(req).processSlug);
    return { process, detail: await getCall(db(), process.id, params(req).callId) };
  };
  const back = (req: FastifyRequest, processSlug: string, callId: string, hash: string) => `${localPath(req.lang, callPath(processSlug, callId))}${hash}`;

  const showOutcome = async (req: FastifyRequest, reply: FastifyReply, values: Flat, errors?: Record<string, string>, status = 200) => {
    const { process, detail } = await load(req);
    if (detail.call.status === 'closed') throw new HttpProblem(409, 'consensus.errors.alreadyDecided');
    const objections = (await currentPositions(db(), detail.call.id)).filter((p) => p.stance === 'object');
    return sendPage(reply, <OutcomeFormView ctx={pageCtx(req, reply)} process={process} detail={detail} objections={objections} values={values} errors={errors} />, status);
  };
  app.get('/processes/:processSlug/consensus/:callId/outcome', { config: { policy: 'consensus.decide', ...scoped }, schema: hide }, async (req, reply) => showOutcome(req, reply, {}));
  app.post('/processes/:processSlug/consensus/:callId/outcome', { config: { policy: 'consensus.decide', ...scoped }, schema: hide }, async (req, reply) => {
    const flat = formFields(req.body);
    const parsed = parseForm(OutcomeBody, outcomeFormToBody(flat), req.t);
    if (!parsed.ok) return showOutcome(req, reply, flat, parsed.errors, 422);
    const { process, detail } = await load(req);
    try {
      await recordOutcome(db(), req.actor!, detail.call.id, { ...parsed.data, lang: parsed.data.lang ?? req.lang });
    } catch (err) {
      const { status, errors } = problemToFormErrors(err, req.t);
      // "Every objection needs an answer" is said at the top too, so the count is not lost.
      const top: Record<string, string> = err instanceof HttpProblem && err.key === 'consensus.errors.objectionsUnanswered' ? { _: req.t(err.key, err.params) } : {};
      return showOutcome(req, reply, flat, { ...top, ...errors }, status);
    }
    return redirectWithNotice(reply, back(req, process.slug, detail.call.id, '#outcome'), 'consensus.notices.decided');
  });

  const showAppeal = async (req: FastifyRequest, reply: FastifyReply, values: Flat, errors?: Record<string, string>, status = 200) => {
    const { process, detail } = await load(req);
    return sendPage(reply, <AppealFormView ctx={pageCtx(req, reply)} process={process} detail={detail} values={values} errors={errors} />, status);
  };
  app.get('/processes/:processSlug/consensus/:callId/appeal', { config: { policy: 'consensus.appeal', ...scoped }, schema: hide }, async (req, reply) => showAppeal(req, reply, {}));
  app.post('/processes/:processSlug/consensus/:callId/appeal', { config: { policy: 'consensus.appeal', ...scoped }, schema: hide }, async (req, reply) => {
    const flat = formFields(req.body);
    const parsed = parseForm(AppealBody, { grounds: flat.grounds ?? '', lang: lang(flat.lang) }, req.t);
    if (!parsed.ok) return showAppeal(req, reply, flat, parsed.errors, 422);
    const { process, detail } = await load(req);
    try {
      await fileAppeal(db(), req.actor!, detail.call.id, { ...parsed.data, lang: parsed.data.lang ?? req.lang });
    } catch (err) {
      const { status, errors } = problemToFormErrors(err, req.t);
      return showAppeal(req, reply, flat, errors, status);
    }
    return redirectWithNotice(reply, back(req, process.slug, detail.call.id, '#appeals'), 'consensus.notices.appealed');
  });

  const showAnswer = async (req: FastifyRequest, reply: FastifyReply, values: Flat, errors?: Record<string, string>, status = 200) => {
    const { process, detail } = await load(req);
    const appealId = params(req).appealId ?? '';
    const appeal = isUuid(appealId) ? (await appealsOf(db(), detail.call.id)).find((a) => a.id === appealId) : undefined;
    if (!appeal) throw new HttpProblem(404, 'errors.notFound');
    return sendPage(reply, <AnswerFormView ctx={pageCtx(req, reply)} process={process} detail={detail} appeal={appeal} values={values} errors={errors} />, status);
  };
  const answerUrl = '/processes/:processSlug/consensus/:callId/appeals/:appealId/answer';
  app.get(answerUrl, { config: { policy: 'consensus.answerAppeal', ...scoped }, schema: hide }, async (req, reply) => showAnswer(req, reply, {}));
  app.post(answerUrl, { config: { policy: 'consensus.answerAppeal', ...scoped }, schema: hide }, async (req, reply) => {
    const flat = formFields(req.body);
    const parsed = parseForm(AppealAnswerBody, answerFormToBody(flat), req.t);
    if (!parsed.ok) return showAnswer(req, reply, flat, parsed.errors, 422);
    const { process, detail } = await load(req);
    try {
      await answerAppeal(db(), req.actor!, detail.call.id, params(req).appealId ?? '', { ...parsed.data, lang: parsed.data.lang ?? req.lang });
    } catch (err) {
      const { status, errors } = problemToFormErrors(err, req.t);
      return showAnswer(req, reply, flat, errors, status);
    }
    return redirectWithNotice(reply, back(req, process.slug, detail.call.id, '#appeals'), 'consensus.notices.answered');
  });
};
