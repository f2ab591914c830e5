import { Readable } from 'node:stream';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { localPath } from '../../platform/web/context.js';
import { pageCtx } from '../../platform/web/page-ctx.js';
import { sendPage } from '../../platform/web/render.js';
import { formFields } from '../../platform/web/forms.js';
import { formAction } from '../../platform/web/form-action.js';
import { can } from '../../platform/auth/policies.js';
import { getProcess, processRecords } from '../processes/index.js';
import { getDocument, listDocuments, translationsOf } from '../documents/index.js';
import { wallGapErrors } from '../../platform/time/time-fields.js';
import { instantToLocal, localToInstant, toSecond } from '../../platform/time/zoned.js';
import { isTimeZone } from '../../platform/lib/time-zone.js';
import { OpenPeriodBody } from './comments.schema.js';
import { anchorCounts, getPeriod, listPeriods, openPeriod, paragraphsOf, periodPath, type PeriodDetail } from './periods.service.js';
import { floodSignals, openReports, recentlyHidden } from './moderation.service.js';
import { dispositionScope } from './dispositions.service.js';
import { csvLines, jsonChunks } from './comments.export.js';
import { presentPeriod } from './comments.presenter.js';
import { PeriodView } from './views/period.view.js';
import { PeriodsView } from './views/periods.view.js';
import { PeriodFormView } from './views/period-form.view.js';
import { PeriodPickerView } from './views/period-picker.view.js';
import { ModerationView } from './views/moderation.view.js';
import { moderationPage, type ParagraphMaps } from './comments.page-presenter.js';
import { periodFormPage, periodPage, periodPickerPage, periodsPage } from './periods.page-presenter.js';

type Flat = Record<string, string | undefined>;
type Params = { processSlug: string; periodId: string };
const hide = { hide: true };

/** The paragraphs of every covered version, by document id (cached per version: versions never change). */
export async function paragraphMaps(db: Kysely<DB>, d: PeriodDetail): Promise<ParagraphMaps> {
  return new Map(await Promise.all(d.documents.map(async (c) => [c.document.id, await paragraphsOf(db, c.version.id)] as const)));
}

/** The open-period form's local times (in the zone it names) as the API's instants. */
function periodFormToBody(flat: Flat): Record<string, unknown> {
  const zone = flat.timeZone && isTimeZone(flat.timeZone) ? flat.timeZone : 'UTC';
  const instant = (v: string | undefined) => (v ? (localToInstant(v, zone)?.toISOString() ?? v) : undefined);
  return {
    ...flat,
    includeTranslations: flat.includeTranslations === 'on',
    version: flat.version || undefined,
    opensAt: instant(flat.opensAt),
    closesAt: instant(flat.closesAt),
  };
}

/** Comment period pages: the list, opening one, a period, its moderation page and its exports. */
export const periodsPages: FastifyPluginAsync = async (app) => {
  const db = () => app.deps.db;
  const params = (req: FastifyRequest) => req.params as Params;
  const scoped = { scope: processRecords };
  /** The process and the period named in the URL, as this visitor may see them. */
  const load = async (req: FastifyRequest) => {
    const detail = await getProcess(db(), params(req).processSlug);
    return { ...detail, d: await getPeriod(db(), detail.process.id, params(req).periodId, req.actor) };
  };

  app.get('/processes/:processSlug/comment-periods', { config: { policy: 'public.read' }, schema: hide }, async (req, reply) => {
    const { process } = await getProcess(db(), params(req).processSlug);
    const [periods, documents] = await Promise.all([listPeriods(db(), process.id, req.actor), listDocuments(db(), process.id, req.actor)]);
    const ctx = pageCtx(req, reply);
    return sendPage(reply, <PeriodsView ctx={ctx} model={periodsPage({ process, periods, documents, now: new Date() }, ctx)} />);
  });

  /** The open-period form for the document named in `?document=`. */
  const showForm = async (req: FastifyRequest, reply: Parameters<typeof sendPage>[0], values: Flat, errors?: Record<string, string>, status = 200) => {
    const { process } = await getProcess(db(), params(req).processSlug);
    const slug = formFields(req.query).document ?? values.document ?? '';
    const document = await getDocument(db(), process.id, slug, req.actor);
    const translations = await translationsOf(db(), document);
    const ctx = pageCtx(req, reply);
    return sendPage(reply, <PeriodFormView ctx={ctx} model={periodFormPage({ process, document, translations, values }, ctx)} values={values} errors={errors} />, status);
  };

  app.get('/processes/:processSlug/comment-periods/new', { config: { policy: 'commentPeriod.open', ...scoped }, schema: hide }, async (req, reply) => {
    const { process } = processRecords.of(req);
    // Without a document (a typed or bookmarked address), offer the documents to choose from.
    if (!formFields(req.query).document) {
      const ctx = pageCtx(req, reply);
      return sendPage(reply, <PeriodPickerView ctx={ctx} model={periodPickerPage({ process, documents: await listDocuments(db(), process.id, req.actor) }, ctx)} />);
    }
    // A suggestion to edit: open now, close six weeks later (the model process's period).
    const now = toSecond(new Date());
    const zone = process.timezone;
    return showForm(req, reply, { opensAt: instantToLocal(now, zone), closesAt: instantToLocal(new Date(now.getTime() + 42 * 86_400_000), zone), timeZone: zone, includeTranslations: 'on' });
  });

  app.post('/processes/:processSlug/comment-periods/new', { config: { policy: 'commentPeriod.open', ...scoped }, schema: hide }, async (req, reply) => {
    const flat = formFields(req.body);
    // A time the clocks skip is refused with the one that exists, before it becomes an instant.
    const gaps = flat.timeZone && isTimeZone(flat.timeZone) ? wallGapErrors(flat, ['opensAt', 'closesAt'], flat.timeZone, req.t) : {};
    if (Object.keys(gaps).length) return showForm(req, reply, flat, gaps, 422);
    return formAction(req, reply, {
      schema: OpenPeriodBody,
      input: periodFormToBody(flat),
      again: (errors, status) => showForm(req, reply, flat, errors, status),
      run: (data) => openPeriod(db(), req.actor!, req.policyContext.processId!, data, app.deps.config.baseUrl),
      to: (period) => localPath(req.lang, periodPath(params(req).processSlug, period.id)),
      notice: 'comments.periodOpened',
    });
  });

  app.get('/processes/:processSlug/comment-periods/:periodId', { config: { policy: 'public.read', anonymousCache: true }, schema: hide }, async (req, reply) => {
    const { process, d } = await load(req);
    const [counts, paragraphs] = await Promise.all([
      Promise.all(d.documents.map(async (c) => ({ documentId: c.document.id, counts: await anchorCounts(db(), d.period.id, c.document.id) }))),
      paragraphMaps(db(), d),
    ]);
    // The same rule and scope as the queue's route (the owning group's members may respond).
    const canRespond = !!req.actor && can(req.actor, 'comment.dispose', await dispositionScope(db(), process.slug, d.period.id));
    const ctx = pageCtx(req, reply);
    return sendPage(reply, <PeriodView ctx={ctx} model={periodPage({ process, d, counts, paragraphs, now: new Date(), canRespond }, ctx)} />);
  });

  app.get('/processes/:processSlug/comment-periods/:periodId/moderation', { config: { policy: 'comment.moderate', ...scoped }, schema: hide }, async (req, reply) => {
    const { process, d } = await load(req);
    const [reports, hidden, signals] = await Promise.all([openReports(db(), d.period.id), recentlyHidden(db(), d.period.id), floodSignals(db(), { periodId: d.period.id })]);
    const ctx = pageCtx(req, reply);
    return sendPage(reply, <ModerationView ctx={ctx} model={moderationPage({ process, d, reports, hidden, signals }, ctx)} />);
  });

  // Exports: every comment in arrival order, hidden ones as tombstones, streamed a batch at a time.
  app.get('/processes/:processSlug/comment-periods/:periodId/comments.csv', { config: { policy: 'public.read' }, schema: hide }, async (req, reply) => {
    const { process, stakeholderGroups, d } = await load(req);
    const paragraphs = await paragraphMaps(db(), d);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${process.slug}-comments-${d.period.id}.csv"`)
      .header('cache-control', 'no-store')
      .send(Readable.from(csvLines(db(), d, stakeholderGroups, paragraphs)));
  });

  app.get('/processes/:processSlug/comment-periods/:periodId/comments.json', { config: { policy: 'public.read' }, schema: hide }, async (req, reply) => {
    const { process, stakeholderGroups, d } = await load(req);
    const paragraphs = await paragraphMaps(db(), d);
    const head = { period: presentPeriod(d, process.slug, app.deps.config.baseUrl) };
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="${process.slug}-comments-${d.period.id}.json"`)
      .header('cache-control', 'no-store')
      .send(Readable.from(jsonChunks(db(), d, head, stakeholderGroups, paragraphs)));
  });
};
