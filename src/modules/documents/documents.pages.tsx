import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { HttpProblem } from '../../platform/http/problem.js';
import { localPath } from '../../platform/web/context.js';
import { pageCtx } from '../../platform/web/page-ctx.js';
import { renderPage, sendPage } from '../../platform/web/render.js';
import { redirectWithNotice } from '../../platform/web/notice.js';
import { parseForm, formFields } from '../../platform/web/forms.js';
import { formAction } from '../../platform/web/form-action.js';
import { getProcess } from '../processes/index.js';
import type { Process } from '../processes/index.js';
import { CompareQuery, CreateDocumentBody, DOCUMENT_FORM_BODY_LIMIT, SaveVersionBody, StatusBody } from './documents.schema.js';
import * as docs from './documents.service.js';
import { compareVersions, documentPage, sideBySide, whereIsAnchor } from './documents.reading.js';
import { createScope, documentFromParams, loadDocument } from './documents.routes.js';
import { documentRecords } from './documents.scopes.js';
import { documentListPage, documentPageModel, editDocumentPage, newDocumentPage } from './documents.page-presenter.js';
import { anchorPage, comparePage, historyPage, printPage, sideBySidePage } from './documents.reading.page-presenter.js';
import { DocumentListView } from './views/document-list.view.js';
import { EditDocumentView, NewDocumentView } from './views/document-form.view.js';
import { DocumentView } from './views/document.view.js';
import { HistoryView } from './views/history.view.js';
import { CompareView } from './views/compare.view.js';
import { AnchorView } from './views/anchor.view.js';
import { SideBySideView } from './views/side-by-side.view.js';
import { PrintView } from './views/print.view.js';

type Flat = Record<string, string | undefined>;
type Params = { processSlug: string; docSlug: string; n: string; anchor: string };
const hide = { hide: true };

/** The creation form's fields as the API body: empty choices absent, the checkbox a boolean. */
function createFormToBody(f: Flat): Record<string, unknown> {
  return {
    group: f.group || undefined,
    slug: f.slug,
    kind: f.kind,
    lang: f.lang,
    title: f.title,
    membersOnly: f.membersOnly === 'on',
    translationOf: f.translationOf || undefined,
    markdown: f.markdown ?? '',
    message: f.message ?? '',
  };
}

/** A version number from the URL; anything but a positive integer is not found. */
function versionNumber(raw: string): number {
  if (!/^[1-9][0-9]{0,6}$/.test(raw)) throw new HttpProblem(404, 'errors.notFound');
  return Number(raw);
}

/** Document pages: list, create, read (any version), history, compare, anchors, side by side, edit, status, downloads. */
export const documentsPages: FastifyPluginAsync = async (app) => {
  const db = () => app.deps.db;
  const params = (req: FastifyRequest) => req.params as Params;
  const load = (req: FastifyRequest) => loadDocument(db(), params(req).processSlug, params(req).docSlug, req.actor);
  const path = (process: Process, docSlug: string, rest = '') => `${docs.documentPath(process.slug, docSlug)}${rest}`;
  const edit = { policy: 'document.edit' as const, scope: documentFromParams };
  const create = { policy: 'document.create' as const, scope: createScope };

  /** The creation form, with the owners this person may choose. */
  const newForm = async (req: FastifyRequest, reply: FastifyReply, values: Flat, errors?: Record<string, string>, status = 200) => {
    const { process } = await getProcess(db(), params(req).processSlug);
    const [groups, originals] = await Promise.all([docs.processGroups(db(), process.id), docs.listDocuments(db(), process.id, req.actor)]);
    const ctx = pageCtx(req, reply);
    return sendPage(reply, <NewDocumentView ctx={ctx} model={newDocumentPage({ process, groups, originals }, ctx)} values={values} errors={errors} />, status);
  };

  app.get('/processes/:processSlug/documents', { config: { policy: 'public.read' }, schema: hide }, async (req, reply) => {
    const { process } = await getProcess(db(), params(req).processSlug);
    const [list, groups] = await Promise.all([docs.listDocuments(db(), process.id, req.actor), docs.processGroups(db(), process.id)]);
    const ctx = pageCtx(req, reply);
    return sendPage(reply, <DocumentListView ctx={ctx} model={documentListPage({ process, docs: list, groups }, ctx)} />);
  });

  app.get('/processes/:processSlug/documents/new', { config: create, schema: hide }, async (req, reply) => {
    const group = (req.query as { group?: unknown }).group;
    return newForm(req, reply, { group: typeof group === 'string' ? group : undefined, lang: req.lang });
  });

  app.post('/processes/:processSlug/documents/new', { config: create, schema: hide, bodyLimit: DOCUMENT_FORM_BODY_LIMIT }, async (req, reply) => {
    const flat = formFields(req.body);
    return formAction(req, reply, {
      schema: CreateDocumentBody,
      input: createFormToBody(flat),
      again: (errors, status) => newForm(req, reply, flat, errors, status),
      run: async (data) => {
        const { process } = await getProcess(db(), params(req).processSlug);
        const doc = await docs.createFromBody(db(), req.actor!, process.id, data, { baseUrl: app.deps.config.baseUrl });
        return path(process, doc.slug);
      },
      to: (created) => localPath(req.lang, created),
      notice: 'documents.created',
    });
  });

  app.get('/processes/:processSlug/documents/:docSlug', { config: { policy: 'public.read', scope: documentRecords, anonymousCache: true }, schema: hide }, async (req, reply) => {
    const { process, doc } = documentRecords.of(req);
    const ctx = pageCtx(req, reply);
    return sendPage(reply, <DocumentView ctx={ctx} model={documentPageModel({ process, page: await documentPage(db(), doc) }, ctx)} />);
  });

  app.get('/processes/:processSlug/documents/:docSlug/versions', { config: { policy: 'public.read' }, schema: hide }, async (req, reply) => {
    const { process, doc } = await load(req);
    const ctx = pageCtx(req, reply);
    return sendPage(reply, <HistoryView ctx={ctx} model={historyPage({ process, doc, versions: await docs.listVersions(db(), doc.id) }, ctx)} />);
  });

  app.get('/processes/:processSlug/documents/:docSlug/versions/:n', { config: { policy: 'public.read', scope: documentRecords, anonymousCache: true }, schema: hide }, async (req, reply) => {
    const { process, doc } = documentRecords.of(req);
    const page = await documentPage(db(), doc, versionNumber(params(req).n));
    const ctx = pageCtx(req, reply);
    return sendPage(reply, <DocumentView ctx={ctx} model={documentPageModel({ process, page }, ctx)} />);
  });

  app.get('/processes/:processSlug/documents/:docSlug/versions/:n/markdown', { config: { policy: 'public.read' }, schema: hide }, async (req, reply) => {
    const { doc } = await load(req);
    const v = await docs.getVersion(db(), doc.id, versionNumber(params(req).n));
    return reply
      .header('content-type', 'text/markdown; charset=utf-8')
      .header('content-disposition', `attachment; filename="${doc.slug}-v${v.number}.md"`)
      .header('cache-control', doc.members_only ? 'private, no-store' : 'public, max-age=300')
      .send(v.markdown.endsWith('\n') ? v.markdown : `${v.markdown}\n`);
  });

  app.get('/processes/:processSlug/documents/:docSlug/versions/:n/print', { config: { policy: 'public.read' }, schema: hide }, async (req, reply) => {
    const { process, doc } = await load(req);
    const v = await docs.getVersion(db(), doc.id, versionNumber(params(req).n));
    const blocks = await docs.blocksOf(db(), v.id);
    const ctx = pageCtx(req, reply);
    const html = renderPage(<PrintView ctx={ctx} model={printPage({ process, doc, version: v, blocks, baseUrl: app.deps.config.baseUrl }, ctx)} />);
    return reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
  });

  app.get('/processes/:processSlug/documents/:docSlug/compare', { config: { policy: 'public.read' }, schema: hide }, async (req, reply) => {
    const { process, doc } = await load(req);
    const q = req.query as { from?: string; to?: string };
    const wanted = q.from === undefined && q.to === undefined ? { from: Math.max(1, doc.version_count - 1), to: doc.version_count } : q;
    const parsed = CompareQuery.safeParse(wanted);
    if (!parsed.success) throw new HttpProblem(400, 'documents.errors.versionNumber');
    const comparison = await compareVersions(db(), doc, parsed.data.from, parsed.data.to);
    const ctx = pageCtx(req, reply);
    return sendPage(reply, <CompareView ctx={ctx} model={comparePage({ process, doc, comparison }, ctx)} />);
  });

  app.get('/processes/:processSlug/documents/:docSlug/anchors/:anchor', { config: { policy: 'public.read' }, schema: hide }, async (req, reply) => {
    const { process, doc } = await load(req);
    const where = await whereIsAnchor(db(), doc, params(req).anchor);
    if (where.state === 'current') return reply.redirect(localPath(req.lang, path(process, doc.slug, `#${where.block.anchor}`)), 303);
    const ctx = pageCtx(req, reply);
    return sendPage(reply, <AnchorView ctx={ctx} model={anchorPage({ process, doc, where }, ctx)} />);
  });

  app.get('/processes/:processSlug/documents/:docSlug/side-by-side', { config: { policy: 'public.read' }, schema: hide }, async (req, reply) => {
    const { process, doc } = await load(req);
    // ?with=<slug> picks a translation when there are several; ?left=N&right=M pick versions.
    const q = formFields(req.query);
    const readable = (await docs.translationsOf(db(), doc)).filter((d) => docs.canRead(d, req.actor));
    const other = readable.find((d) => d.slug === q.with) ?? readable[0];
    const number = (raw: string | undefined) => (raw ? versionNumber(raw) : undefined);
    const side = other ? await sideBySide(db(), doc, other, { left: number(q.left), right: number(q.right) }) : null;
    const ctx = pageCtx(req, reply);
    return sendPage(reply, <SideBySideView ctx={ctx} model={sideBySidePage({ process, doc, side, translations: readable }, ctx)} />);
  });

  /** The new-version form, prefilled from the current version unless values are given. */
  const editForm = async (req: FastifyRequest, reply: FastifyReply, values?: Flat, errors?: Record<string, string>, status = 200) => {
    const { process, doc } = await load(req);
    const current = await docs.getVersion(db(), doc.id, doc.version_count);
    const v = values ?? { title: current.title, markdown: current.markdown, message: '' };
    const ctx = pageCtx(req, reply);
    return sendPage(reply, <EditDocumentView ctx={ctx} model={editDocumentPage({ process, doc }, ctx)} values={v} errors={errors} />, status);
  };

  app.get('/processes/:processSlug/documents/:docSlug/edit', { config: edit, schema: hide }, async (req, reply) => editForm(req, reply));

  app.post('/processes/:processSlug/documents/:docSlug/edit', { config: edit, schema: hide, bodyLimit: DOCUMENT_FORM_BODY_LIMIT }, async (req, reply) => {
    const flat = formFields(req.body);
    const { process, doc } = await load(req);
    return formAction(req, reply, {
      schema: SaveVersionBody,
      input: { title: flat.title, markdown: flat.markdown ?? '', message: flat.message ?? '' },
      again: (errors, status) => editForm(req, reply, flat, errors, status),
      run: (data) => docs.saveVersion(db(), req.actor!, doc.id, data, { baseUrl: app.deps.config.baseUrl }),
      to: (v) => localPath(req.lang, path(process, doc.slug, `/versions/${v.number}`)),
      notice: 'documents.saved',
    });
  });

  app.post('/processes/:processSlug/documents/:docSlug/status', { config: edit, schema: hide }, async (req, reply) => {
    const { process, doc } = await load(req);
    const parsed = parseForm(StatusBody, req.body, req.t);
    if (!parsed.ok) throw new HttpProblem(422, 'documents.errors.status');
    await docs.setDocumentStatus(db(), req.actor!, doc.id, parsed.data.status);
    return redirectWithNotice(reply, localPath(req.lang, path(process, doc.slug)), 'documents.statusChanged');
  });
};
