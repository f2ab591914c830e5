import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/auth/roles.js';
import { authorize, canSee, type PolicyContext } from '../../platform/auth/policies.js';
import { inTransaction } from '../../platform/db/tx.js';
import { isUuid, newId } from '../../platform/lib/ids.js';
import { ImmutableCache } from '../../platform/lib/immutable-cache.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { tFor } from '../../platform/i18n/i18n.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { recordActivity } from '../follows/index.js';
import { followDocumentVisibility, indexForSearch } from '../search/index.js';
import { processById, processScope } from '../processes/index.js';
import { groupsRepository } from '../groups/index.js';
import { splitBlocks } from './documents.blocks.js';
import { matchAnchors, sameBlocks } from './documents.anchors.js';
import { documentsRepository as repo, type BlockRow, type DocumentRow, type VersionListItem, type VersionRow } from './documents.repository.js';
import type { DocumentKind, DocumentStatus } from './documents.tables.js';

export type { BlockRow, DocumentRow, VersionListItem, VersionRow } from './documents.repository.js';

/** What creating a document takes; version 1 is saved from `markdown`. */
export interface CreateDocumentInput {
  groupId: string | null;
  slug: string;
  kind: DocumentKind;
  lang: 'en' | 'fr';
  title: string;
  membersOnly: boolean;
  /** The id of the document this one translates (they then share a translation key). */
  translationOf?: string | null;
  markdown: string;
  message: string;
}

/** What saving a new version takes. */
export interface SaveVersionInput {
  title: string;
  markdown: string;
  message: string;
}

/** Options for writes: `at` back-dates (demo data), `baseUrl` is where activity emails link. */
export interface WriteOptions {
  at?: Date;
  baseUrl?: string;
}

/** The order a document's status moves in; a status can only move forward. */
export const STATUS_ORDER: readonly DocumentStatus[] = ['draft', 'public_comment', 'final', 'superseded'];

/** The address of a document's page, without the language prefix. */
export function documentPath(processSlug: string, docSlug: string): string {
  return `/processes/${processSlug}/documents/${docSlug}`;
}

/**
 * The policy scope of a document route: its process and, for a group's document, its group.
 * An unknown document answers by the process's policy alone (refused callers get 401/403 and
 * learn nothing); the handler then answers 404.
 */
export async function documentScope(db: Kysely<DB>, processSlug: string, docSlug: string): Promise<PolicyContext> {
  const { processId } = await processScope(db, processSlug);
  const doc = await repo.bySlug(db, processId, docSlug);
  return doc ? { processId, groupId: doc.group_id ?? undefined } : { processId };
}

/** A document by id, whoever asks (callers check visibility). */
export async function documentById(db: Kysely<DB>, id: string): Promise<DocumentRow | undefined> {
  return isUuid(id) ? repo.byId(db, id) : undefined;
}

/** True when this viewer may read the document (members-only ones need a role in the process). */
export function canRead(doc: DocumentRow, actor: Actor | null): boolean {
  return canSee(actor, { processId: doc.process_id, membersOnly: doc.members_only });
}

/** A document of a process as a viewer may see it; 404 when absent or members-only to an outsider. */
export async function getDocument(db: Kysely<DB>, processId: string, docSlug: string, actor: Actor | null): Promise<DocumentRow> {
  const doc = await repo.bySlug(db, processId, docSlug);
  if (!doc || !canRead(doc, actor)) throw new HttpProblem(404, 'errors.notFound');
  return doc;
}

/** The documents of a process and of its groups this viewer may read. */
export async function listDocuments(db: Kysely<DB>, processId: string, actor: Actor | null): Promise<DocumentRow[]> {
  return repo.byProcess(db, processId, canSee(actor, { processId, membersOnly: true }));
}

/** Documents with one version each, in one query; callers check visibility (canRead). */
export const documentsWithVersions = (db: Kysely<DB>, pairs: { documentId: string; versionId: string }[]) => repo.withVersions(db, pairs);

/** A version by id. */
export async function versionById(db: Kysely<DB>, versionId: string): Promise<VersionRow | undefined> {
  return isUuid(versionId) ? repo.versionById(db, versionId) : undefined;
}

/** Version n of a document. */
export async function versionByNumber(db: Kysely<DB>, documentId: string, n: number): Promise<VersionListItem | undefined> {
  return Number.isSafeInteger(n) && n >= 1 && n < 2 ** 31 ? repo.versionByNumber(db, documentId, n) : undefined;
}

/** Version n of a document, or 404. */
export async function getVersion(db: Kysely<DB>, documentId: string, n: number): Promise<VersionListItem> {
  const v = await versionByNumber(db, documentId, n);
  if (!v) throw new HttpProblem(404, 'errors.notFound');
  return v;
}

/** Every version of a document, newest first, with author names. */
export const listVersions = (db: Kysely<DB>, documentId: string) => repo.versions(db, documentId);

/**
 * A version's blocks never change (a trigger refuses updates and deletes), so they are kept in
 * memory once read: a document page read them on every view, 50-odd rows of three texts each.
 * Bounded at about 32 million characters of text per database.
 */
const versionBlocks = new ImmutableCache<readonly Readonly<BlockRow>[]>(32_000_000, (blocks) =>
  blocks.reduce((n, b) => n + b.source.length + b.html.length + b.plain.length + b.label.length + 100, 0),
);

/** The blocks of a version, in order: shared by every reader, so frozen. */
export async function blocksOf(db: Kysely<DB>, versionId: string): Promise<readonly Readonly<BlockRow>[]> {
  return versionBlocks.get(
    db,
    versionId,
    async () => Object.freeze((await repo.blocks(db, versionId)).map((b) => Object.freeze(b))),
    // No blocks may also mean a version not visible yet to this connection: read again next time.
    (blocks) => blocks.length > 0,
  );
}

/** The other documents sharing this one's translation key (its translations). */
export async function translationsOf(db: Kysely<DB>, doc: DocumentRow): Promise<DocumentRow[]> {
  return (await repo.byTranslationKey(db, doc.translation_key)).filter((d) => d.id !== doc.id);
}

/** Refuse a slug that is taken in this process, a translation that is not one, or a group elsewhere. */
async function checkNewDocument(db: Kysely<DB>, actor: Actor, processId: string, input: CreateDocumentInput): Promise<string> {
  if (input.groupId !== null) {
    const group = isUuid(input.groupId) ? await groupsRepository.byId(db, input.groupId) : undefined;
    if (!group || group.process_id !== processId) throw new HttpProblem(422, 'documents.errors.noSuchGroup', {}, { group: 'documents.errors.noSuchGroup' });
  }
  // The route's scope is the process; a group document is allowed to that group's members too.
  const decision = authorize(actor, 'document.create', { processId, groupId: input.groupId ?? undefined });
  if (!decision.allowed) throw new HttpProblem(403, 'errors.forbidden');
  // 'new' is the address of the creation form.
  if (input.slug === 'new' || (await repo.bySlug(db, processId, input.slug)))
    throw new HttpProblem(409, 'documents.errors.slugTaken', {}, { slug: 'documents.errors.slugTaken' });
  if (!input.translationOf) return '';
  const original = await documentById(db, input.translationOf);
  if (!original || original.process_id !== processId)
    throw new HttpProblem(422, 'documents.errors.noSuchTranslation', {}, { translationOf: 'documents.errors.noSuchTranslation' });
  const siblings = await repo.byTranslationKey(db, original.translation_key);
  if (siblings.some((d) => d.lang === input.lang))
    throw new HttpProblem(409, 'documents.errors.translationExists', {}, { lang: 'documents.errors.translationExists' });
  return original.translation_key;
}

/** Refuse a text with no block at all: a version must have something to anchor comments to. */
function parseOrRefuse(markdown: string) {
  const blocks = splitBlocks(markdown);
  if (blocks.length === 0) throw new HttpProblem(422, 'documents.errors.empty', {}, { markdown: 'documents.errors.empty' });
  return blocks;
}

/** The plain text a search index keeps for a version. */
function searchBody(blocks: { plain: string }[]): string {
  return blocks.map((b) => b.plain).join('\n');
}

/** Tell the search index about a document's current state. */
async function reindex(trx: Kysely<DB>, doc: DocumentRow, processSlug: string, blocks: { plain: string }[]): Promise<void> {
  await indexForSearch(trx, {
    kind: 'document',
    refId: doc.id,
    processId: doc.process_id,
    lang: doc.lang,
    subkind: doc.kind,
    title: doc.title,
    body: searchBody(blocks),
    path: documentPath(processSlug, doc.slug),
    membersOnly: doc.members_only,
  });
}

/**
 * Create a document and its version 1, in one transaction with its audit event, its search
 * entry and (when public) an activity entry for followers.
 */
export async function createDocument(
  db: Kysely<DB>,
  actor: Actor,
  processId: string,
  input: CreateDocumentInput,
  opts: WriteOptions = {},
): Promise<DocumentRow> {
  const parsed = parseOrRefuse(input.markdown);
  return inTransaction(db, async (trx) => {
    const translationKey = await checkNewDocument(trx, actor, processId, input);
    const process = await processById(trx, processId);
    const at = opts.at ?? new Date();
    const id = newId(at.getTime());
    const versionId = newId(at.getTime());
    await repo.insert(trx, {
      id,
      process_id: processId,
      group_id: input.groupId,
      slug: input.slug,
      kind: input.kind,
      lang: input.lang,
      title: input.title,
      members_only: input.membersOnly,
      translation_key: translationKey || id,
      created_by: actor.userId,
      created_at: at,
      updated_at: at,
    });
    await repo.insertVersion(trx, {
      id: versionId,
      document_id: id,
      number: 1,
      title: input.title,
      markdown: input.markdown,
      message: input.message,
      author_id: actor.userId,
      created_at: at,
    });
    const matched = matchAnchors([], parsed, new Set());
    await repo.insertBlocks(
      trx,
      matched.blocks.map((b, position) => ({ ...b, version_id: versionId, document_id: id, position })),
    );
    const doc = await repo.update(trx, id, { current_version_id: versionId, version_count: 1, updated_at: at });
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'document.create',
      entityType: 'document',
      entityId: id,
      processId,
      after: { ...doc, version: 1 },
    });
    await reindex(trx, doc, process.slug, parsed);
    if (!doc.members_only) {
      await recordActivity(
        trx,
        {
          processId,
          groupId: doc.group_id,
          kind: 'document.created',
          titleEn: tFor('en')('documents.activityCreated', { title: doc.title }),
          titleFr: tFor('fr')('documents.activityCreated', { title: doc.title }),
          path: documentPath(process.slug, doc.slug),
        },
        opts.baseUrl ?? '',
      );
    }
    return doc;
  });
}

/** Normalised text for "nothing changed" checks: whitespace differences are not a new version. */
function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
  return norm(a) === norm(b);
}

/**
 * Save a new version: its blocks keep the anchors of the blocks they continue; anchors that
 * disappear get a fate (removed, or merged into a successor). Refuses an unchanged text.
 */
export async function saveVersion(db: Kysely<DB>, actor: Actor, documentId: string, input: SaveVersionInput, opts: WriteOptions = {}): Promise<VersionRow> {
  const parsed = parseOrRefuse(input.markdown);
  return inTransaction(db, async (trx) => {
    const doc = await repo.lock(trx, documentId);
    if (!doc) throw new HttpProblem(404, 'errors.notFound');
    const decision = authorize(actor, 'document.edit', { processId: doc.process_id, groupId: doc.group_id ?? undefined });
    if (!decision.allowed) throw new HttpProblem(403, 'errors.forbidden');
    if (doc.status === 'superseded') throw new HttpProblem(409, 'documents.errors.superseded');
    const previous = doc.current_version_id ? await repo.versionById(trx, doc.current_version_id) : undefined;
    const oldBlocks = previous ? await repo.blocks(trx, previous.id) : [];
    // Same words in other paragraphs (two merged into one) is a change: the blocks differ.
    if (previous && sameText(previous.markdown, input.markdown) && sameBlocks(oldBlocks, parsed) && previous.title === input.title) {
      throw new HttpProblem(409, 'documents.errors.unchanged', {}, { markdown: 'documents.errors.unchanged' });
    }
    const used = await repo.anchorsEverUsed(trx, doc.id);
    const matched = matchAnchors(oldBlocks, parsed, used);
    const at = opts.at ?? new Date();
    const number = doc.version_count + 1;
    const version = await repo.insertVersion(trx, {
      id: newId(at.getTime()),
      document_id: doc.id,
      number,
      title: input.title,
      markdown: input.markdown,
      message: input.message,
      author_id: actor.userId,
      created_at: at,
    });
    await repo.insertBlocks(
      trx,
      matched.blocks.map((b, position) => ({ ...b, version_id: version.id, document_id: doc.id, position })),
    );
    await repo.clearFates(
      trx,
      doc.id,
      matched.blocks.map((b) => b.anchor).filter((a) => used.has(a)),
    );
    await repo.upsertFates(
      trx,
      matched.removed.map((r) => ({ document_id: doc.id, anchor: r.anchor, removed_in: number, successor_anchor: r.successor })),
    );
    const updated = await repo.update(trx, doc.id, { title: input.title, current_version_id: version.id, version_count: number, updated_at: at });
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'document.saveVersion',
      entityType: 'document_version',
      entityId: version.id,
      processId: doc.process_id,
      after: { documentId: doc.id, number, title: input.title, message: input.message },
    });
    const process = await processById(trx, doc.process_id);
    await reindex(trx, updated, process.slug, parsed);
    if (!updated.members_only) {
      await recordActivity(
        trx,
        {
          processId: doc.process_id,
          groupId: doc.group_id,
          kind: 'document.version',
          titleEn: tFor('en')('documents.activityVersion', { title: updated.title, number }),
          titleFr: tFor('fr')('documents.activityVersion', { title: updated.title, number }),
          path: `${documentPath(process.slug, doc.slug)}/versions/${number}`,
        },
        opts.baseUrl ?? '',
      );
    }
    return version;
  });
}

/** Move a document's status forward (draft → public comment → final → superseded). */
export async function setDocumentStatus(db: Kysely<DB>, actor: Actor, documentId: string, status: DocumentStatus): Promise<DocumentRow> {
  return updateDocument(db, actor, documentId, { status });
}

/** What PATCH may change on a document. */
export interface DocumentPatch {
  status?: DocumentStatus | undefined;
  membersOnly?: boolean | undefined;
  title?: string | undefined;
}

/**
 * Change a document's status, visibility or title (a title change alone makes no version:
 * the version keeps the title it was saved with).
 */
export async function updateDocument(db: Kysely<DB>, actor: Actor, documentId: string, patch: DocumentPatch): Promise<DocumentRow> {
  return inTransaction(db, async (trx) => {
    const doc = await repo.lock(trx, documentId);
    if (!doc) throw new HttpProblem(404, 'errors.notFound');
    const decision = authorize(actor, 'document.edit', { processId: doc.process_id, groupId: doc.group_id ?? undefined });
    if (!decision.allowed) throw new HttpProblem(403, 'errors.forbidden');
    if (patch.status !== undefined && STATUS_ORDER.indexOf(patch.status) < STATUS_ORDER.indexOf(doc.status)) {
      throw new HttpProblem(409, 'documents.errors.statusBackwards', {}, { status: 'documents.errors.statusBackwards' });
    }
    const set: Parameters<typeof repo.update>[2] = {};
    if (patch.status !== undefined) set.status = patch.status;
    if (patch.membersOnly !== undefined) set.members_only = patch.membersOnly;
    if (patch.title !== undefined) set.title = patch.title;
    const updated = await repo.update(trx, doc.id, set);
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'document.update',
      entityType: 'document',
      entityId: doc.id,
      processId: doc.process_id,
      before: { ...doc },
      after: { ...updated },
    });
    const process = await processById(trx, doc.process_id);
    const blocks = updated.current_version_id ? await repo.blocks(trx, updated.current_version_id) : [];
    await reindex(trx, updated, process.slug, blocks);
    if (updated.members_only !== doc.members_only) await followDocumentVisibility(trx, updated.id, updated.members_only);
    return updated;
  });
}

/**
 * The policy scope for creating a document: the process, plus the working group named in
 * the request (form field, JSON body or `?group=`) when it is one of this process's groups,
 * so a group's members may create its documents. The body is not validated yet here; only a
 * string that names an existing group counts, and createDocument checks again.
 */
export async function documentCreateScope(db: Kysely<DB>, processSlug: string, groupSlug: unknown): Promise<PolicyContext> {
  const { processId } = await processScope(db, processSlug);
  if (typeof groupSlug !== 'string' || groupSlug === '' || groupSlug.length > 60) return { processId };
  const group = await groupsRepository.bySlug(db, processId, groupSlug);
  return group ? { processId, groupId: group.id } : { processId };
}

/** A process's working groups (for the form and for showing which group a document belongs to). */
export const processGroups = (db: Kysely<DB>, processId: string) => groupsRepository.byProcess(db, processId);

/** Create a document from the API's or the form's fields, which name the group and the original by slug. */
export async function createFromBody(
  db: Kysely<DB>,
  actor: Actor,
  processId: string,
  body: { group?: string | undefined; translationOf?: string | undefined } & Omit<CreateDocumentInput, 'groupId' | 'translationOf'>,
  opts: WriteOptions = {},
): Promise<DocumentRow> {
  let groupId: string | null = null;
  if (body.group) {
    const group = await groupsRepository.bySlug(db, processId, body.group);
    if (!group) throw new HttpProblem(422, 'documents.errors.noSuchGroup', {}, { group: 'documents.errors.noSuchGroup' });
    groupId = group.id;
  }
  let translationOf: string | null = null;
  if (body.translationOf) {
    const original = await repo.bySlug(db, processId, body.translationOf);
    if (!original || !canRead(original, actor))
      throw new HttpProblem(422, 'documents.errors.noSuchTranslation', {}, { translationOf: 'documents.errors.noSuchTranslation' });
    translationOf = original.id;
  }
  const { group: _g, translationOf: _t, ...rest } = body;
  return createDocument(db, actor, processId, { ...rest, groupId, translationOf }, opts);
}
