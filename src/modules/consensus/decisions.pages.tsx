import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { isUuid } from '../../platform/lib/ids.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { localPath } from '../../platform/web/context.js';
import { pageCtx } from '../../platform/web/page-ctx.js';
import { sendPage } from '../../platform/web/render.js';
import { formFields } from '../../platform/web/forms.js';
import { formAction } from '../../platform/web/form-action.js';
import { getProcess } from '../processes/index.js';
import { AppealAnswerBody, AppealBody, OutcomeBody } from './consensus.schema.js';
import { callPath, callScope, currentPositions, getCall } from './consensus.service.js';
import { answerAppeal, answerField, answerTranslationField, appealsOf, fileAppeal, recordOutcome } from './outcomes.service.js';
import { AnswerFormView, AppealFormView, OutcomeFormView } from './views/decision-forms.view.js';
import { answerFormPage, appealFormPage, outcomeFormPage } from './consensus.page-presenter.js';

type Flat = Record<string, string | undefined>;
type Params = { processSlug: string; callId: string; appealId?: string };
const hide = { hide: true };
const lang = (v: string | undefined) => (v === 'fr' || v === 'en' ? v : undefined);

/** The outcome form as the API's body: one answer per `answer-<positionId>` field, with its `answerTranslation-<positionId>`. */
export function outcomeFormToBody(flat: Flat): { outcome: unknown; optionId: unknown; rationale: string; lang: 'en' | 'fr' | undefined; rationaleTranslation: string; answers: { positionId: string; answer: string; translation: string }[] } {
  const answers = Object.entries(flat)
    .filter(([k]) => k.startsWith('answer-') && isUuid(k.slice('answer-'.length)))
    .map(([k, v]) => {
      const positionId = k.slice('answer-'.length);
      return { positionId, answer: v ?? '', translation: flat[answerTranslationField(positionId)] ?? '' };
    });
  return { outcome: flat.outcome, optionId: flat.optionId, rationale: flat.rationale ?? '', lang: lang(flat.lang), rationaleTranslation: flat.rationaleTranslation ?? '', answers };
}

/**
 * The body's errors on the answers (`answers.<i>.answer`, `answers.<i>.translation`) under the
 * form's fields for them, so each is said beside its own text area and linked from the summary.
 */
export function outcomeErrorsToFields(errors: Record<string, string>, answers: { positionId: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(errors)) {
    const m = /^answers\.(\d+)\.(answer|translation)$/.exec(k);
    const positionId = m ? answers[Number(m[1])]?.positionId : undefined;
    out[positionId ? (m![2] === 'answer' ? answerField(positionId) : answerTranslationField(positionId)) : k] = v;
  }
  return out;
}

/** The answer form as the API's body: a changed outcome only when one was chosen. */
export function answerFormToBody(flat: Flat): Record<string, unknown> {
  const changed = flat['changedOutcome.outcome']
    ? {
        outcome: flat['changedOutcome.outcome'],
        optionId: flat['changedOutcome.optionId'],
        rationale: flat['changedOutcome.rationale'] ?? '',
        rationaleTranslation: flat['changedOutcome.rationaleTranslation'] ?? '',
      }
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
    const ctx = pageCtx(req, reply);
    return sendPage(reply, <OutcomeFormView ctx={ctx} model={outcomeFormPage({ process, detail, objections }, ctx)} values={values} errors={errors} />, status);
  };
  app.get('/processes/:processSlug/consensus/:callId/outcome', { config: { policy: 'consensus.decide', ...scoped }, schema: hide }, async (req, reply) => showOutcome(req, reply, {}));
  app.post('/processes/:processSlug/consensus/:callId/outcome', { config: { policy: 'consensus.decide', ...scoped }, schema: hide }, async (req, reply) => {
    const flat = formFields(req.body);
    const input = outcomeFormToBody(flat);
    return formAction(req, reply, {
      schema: OutcomeBody,
      input,
      again: (errors, status, problem) => {
        // "Every objection needs an answer" is said at the top too, so the count is not lost.
        const top: Record<string, string> = problem?.key === 'consensus.errors.objectionsUnanswered' ? { _: req.t(problem.key, problem.params) } : {};
        return showOutcome(req, reply, flat, { ...top, ...outcomeErrorsToFields(errors, input.answers) }, status);
      },
      run: async (data) => {
        const { process, detail } = await load(req);
        await recordOutcome(db(), req.actor!, detail.call.id, { ...data, lang: data.lang ?? req.lang });
        return back(req, process.slug, detail.call.id, '#outcome');
      },
      to: (path) => path,
      notice: 'consensus.notices.decided',
    });
  });

  const showAppeal = async (req: FastifyRequest, reply: FastifyReply, values: Flat, errors?: Record<string, string>, status = 200) => {
    const { process, detail } = await load(req);
    const ctx = pageCtx(req, reply);
    return sendPage(reply, <AppealFormView ctx={ctx} model={appealFormPage({ process, detail }, ctx)} values={values} errors={errors} />, status);
  };
  app.get('/processes/:processSlug/consensus/:callId/appeal', { config: { policy: 'consensus.appeal', ...scoped }, schema: hide }, async (req, reply) => showAppeal(req, reply, {}));
  app.post('/processes/:processSlug/consensus/:callId/appeal', { config: { policy: 'consensus.appeal', ...scoped }, schema: hide }, async (req, reply) => {
    const flat = formFields(req.body);
    return formAction(req, reply, {
      schema: AppealBody,
      input: { grounds: flat.grounds ?? '', lang: lang(flat.lang) },
      again: (errors, status) => showAppeal(req, reply, flat, errors, status),
      run: async (data) => {
        const { process, detail } = await load(req);
        await fileAppeal(db(), req.actor!, detail.call.id, { ...data, lang: data.lang ?? req.lang });
        return back(req, process.slug, detail.call.id, '#appeals');
      },
      to: (path) => path,
      notice: 'consensus.notices.appealed',
    });
  });

  const showAnswer = async (req: FastifyRequest, reply: FastifyReply, values: Flat, errors?: Record<string, string>, status = 200) => {
    const { process, detail } = await load(req);
    const appealId = params(req).appealId ?? '';
    const appeal = isUuid(appealId) ? (await appealsOf(db(), detail.call.id)).find((a) => a.id === appealId) : undefined;
    if (!appeal) throw new HttpProblem(404, 'errors.notFound');
    const ctx = pageCtx(req, reply);
    return sendPage(reply, <AnswerFormView ctx={ctx} model={answerFormPage({ process, detail, appeal }, ctx)} values={values} errors={errors} />, status);
  };
  const answerUrl = '/processes/:processSlug/consensus/:callId/appeals/:appealId/answer';
  app.get(answerUrl, { config: { policy: 'consensus.answerAppeal', ...scoped }, schema: hide }, async (req, reply) => showAnswer(req, reply, {}));
  app.post(answerUrl, { config: { policy: 'consensus.answerAppeal', ...scoped }, schema: hide }, async (req, reply) => {
    const flat = formFields(req.body);
    return formAction(req, reply, {
      schema: AppealAnswerBody,
      input: answerFormToBody(flat),
      again: (errors, status) => showAnswer(req, reply, flat, errors, status),
      run: async (data) => {
        const { process, detail } = await load(req);
        await answerAppeal(db(), req.actor!, detail.call.id, params(req).appealId ?? '', { ...data, lang: data.lang ?? req.lang });
        return back(req, process.slug, detail.call.id, '#appeals');
      },
      to: (path) => path,
      notice: 'consensus.notices.answered',
    });
  });
};
