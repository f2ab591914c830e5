import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/auth/roles.js';
import { actorStaff } from '../../platform/auth/staff.presenter.js';
import { getProcess, SlugParams } from '../processes/index.js';
import {
  CompareOut,
  CompareQuery,
  CreateDocumentBody,
  DOCUMENT_FORM_BODY_LIMIT,
  DocumentDetailOut,
  DocumentListOut,
  DocumentOut,
  DocumentParams,
  PatchDocumentBody,
  SaveVersionBody,
  VersionDetailOut,
  VersionListOut,
  VersionParams,
} from './documents.schema.js';
import * as docs from './documents.service.js';
import { compareVersions } from './documents.reading.js';
import { presentComparison, presentDocument, presentVersion, presentVersionDetail, type DocumentContext } from './documents.presenter.js';

/** The policy scope of a route naming a document: its process and, for a group's document, its group. */
export const documentFromParams = (req: FastifyRequest) => {
  const p = req.params as { processSlug: string; docSlug: string };
  return docs.documentScope(req.server.deps.db, p.processSlug, p.docSlug);
};

/** The scope of creating a document: the process, or the group named in the body or query. */
export const createScope = (req: FastifyRequest) => {
  const p = req.params as { processSlug: string };
  const body = req.body as { group?: unknown } | undefined;
  const query = req.query as { group?: unknown } | undefined;
  return docs.documentCreateScope(req.server.deps.db, p.processSlug, body?.group ?? query?.group);
};

/** The process and the document named in a URL, as this viewer may see them (404 otherwise). */
export async function loadDocument(db: Kysely<DB>, processSlug: string, docSlug: string, actor: Actor | null) {
  const { process } = await getProcess(db, processSlug);
  return { process, doc: await docs.getDocument(db, process.id, docSlug, actor) };
}

/** Documents through the JSON API. */
export const documentsApi: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.db;
  const tags = ['documents'];
  const editScope = { scope: documentFromParams };

  /** What presenting needs: group slugs and translations, for one document or a list. */
  const context = async (processId: string, processSlug: string, doc?: docs.DocumentRow): Promise<DocumentContext> => {
    const [groups, translations] = await Promise.all([docs.processGroups(db(), processId), doc ? docs.translationsOf(db(), doc) : Promise.resolve([])]);
    return { processSlug, groupSlugs: new Map(groups.map((g) => [g.id, g.slug])), translations, baseUrl: app.deps.config.baseUrl };
  };

  /** A document with its current version and blocks. */
  const detail = async (processId: string, processSlug: string, doc: docs.DocumentRow) => {
    const version = doc.current_version_id ? await docs.getVersion(db(), doc.id, doc.version_count) : undefined;
    const blocks = version ? await docs.blocksOf(db(), version.id) : [];
    return {
      ...presentDocument(doc, await context(processId, processSlug, doc)),
      version: version ? presentVersionDetail(version, blocks) : null,
    };
  };

  app.get(
    '/processes/:processSlug/documents',
    {
      config: { policy: 'public.read' },
      schema: {
        tags,
        summary: 'The documents of a process and of its working groups (members-only ones to its members)',
        params: SlugParams,
        response: { 200: DocumentListOut },
      },
    },
    async (req) => {
      const { process } = await getProcess(db(), req.params.processSlug);
      const rows = await docs.listDocuments(db(), process.id, req.actor);
      const ctx = await context(process.id, process.slug);
      return { items: rows.map((d) => presentDocument(d, { ...ctx, translations: rows.filter((x) => x.translation_key === d.translation_key) })) };
    },
  );

  app.post(
    '/processes/:processSlug/documents',
    {
      config: { policy: 'document.create', scope: createScope },
      bodyLimit: DOCUMENT_FORM_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Create a document with its version 1 (oversight committee and conveners for the process; a working group’s members for that group’s)',
        params: SlugParams,
        body: CreateDocumentBody,
        response: { 201: DocumentDetailOut },
      },
    },
    async (req, reply) => {
      const { process } = await getProcess(db(), req.params.processSlug);
      const doc = await docs.createFromBody(db(), req.actor!, process.id, req.body, { baseUrl: app.deps.config.baseUrl });
      return reply.status(201).send(await detail(process.id, process.slug, doc));
    },
  );

  app.get(
    '/processes/:processSlug/documents/:docSlug',
    {
      config: { policy: 'public.read' },
      schema: { tags, summary: 'A document with its current version and its blocks (anchors)', params: DocumentParams, response: { 200: DocumentDetailOut } },
    },
    async (req) => {
      const { process, doc } = await loadDocument(db(), req.params.processSlug, req.params.docSlug, req.actor);
      return detail(process.id, process.slug, doc);
    },
  );

  app.patch(
    '/processes/:processSlug/documents/:docSlug',
    {
      config: { policy: 'document.edit', ...editScope },
      schema: {
        tags,
        summary: 'Change a document’s status (forward only), members-only flag or title',
        params: DocumentParams,
        body: PatchDocumentBody,
        response: { 200: DocumentOut },
      },
    },
    async (req) => {
      const { process, doc } = await loadDocument(db(), req.params.processSlug, req.params.docSlug, req.actor);
      const updated = await docs.updateDocument(db(), req.actor!, doc.id, req.body);
      return presentDocument(updated, await context(process.id, process.slug, updated));
    },
  );

  app.get(
    '/processes/:processSlug/documents/:docSlug/versions',
    {
      config: { policy: 'public.read' },
      schema: { tags, summary: 'Every version of a document, newest first', params: DocumentParams, response: { 200: VersionListOut } },
    },
    async (req) => {
      const { doc } = await loadDocument(db(), req.params.processSlug, req.params.docSlug, req.actor);
      return { items: (await docs.listVersions(db(), doc.id)).map((v) => presentVersion(v)) };
    },
  );

  app.post(
    '/processes/:processSlug/documents/:docSlug/versions',
    {
      config: { policy: 'document.edit', ...editScope },
      bodyLimit: DOCUMENT_FORM_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Save a new version; unchanged paragraphs keep their anchors, and a text identical to the current one is refused',
        params: DocumentParams,
        body: SaveVersionBody,
        response: { 201: VersionDetailOut },
      },
    },
    async (req, reply) => {
      const { doc } = await loadDocument(db(), req.params.processSlug, req.params.docSlug, req.actor);
      const v = await docs.saveVersion(db(), req.actor!, doc.id, req.body, { baseUrl: app.deps.config.baseUrl });
      return reply.status(201).send(presentVersionDetail({ ...v, author_name: req.actor!.name, author_staff: actorStaff(req.actor!, doc.process_id) }, await docs.blocksOf(db(), v.id)));
    },
  );

  app.get(
    '/processes/:processSlug/documents/:docSlug/versions/:n',
    {
      config: { policy: 'public.read' },
      schema: { tags, summary: 'One version of a document with its Markdown and blocks', params: VersionParams, response: { 200: VersionDetailOut } },
    },
    async (req) => {
      const { doc } = await loadDocument(db(), req.params.processSlug, req.params.docSlug, req.actor);
      const v = await docs.getVersion(db(), doc.id, req.params.n);
      return presentVersionDetail(v, await docs.blocksOf(db(), v.id));
    },
  );

  app.get(
    '/processes/:processSlug/documents/:docSlug/compare',
    {
      config: { policy: 'public.read' },
      schema: {
        tags,
        summary: 'Compare two versions: paragraph counts and, per block (aligned by anchor), word-level insertions and deletions',
        params: DocumentParams,
        querystring: CompareQuery,
        response: { 200: CompareOut },
      },
    },
    async (req) => {
      const { doc } = await loadDocument(db(), req.params.processSlug, req.params.docSlug, req.actor);
      return presentComparison(await compareVersions(db(), doc, req.query.from, req.query.to));
    },
  );
};
