import type { Kysely } from 'kysely';
import { tFor } from '../../platform/i18n/i18n.js';
import type { DB } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/auth/roles.js';
import { inTransaction } from '../../platform/db/tx.js';
import { isUuid, newId } from '../../platform/lib/ids.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { recordActivity } from '../follows/index.js';
import { processById } from '../processes/index.js';
import {
  blocksOf,
  canRead,
  documentPath,
  documentsWithVersions,
  getDocument,
  setDocumentStatus,
  translationsOf,
  versionByNumber,
  type DocumentRow,
  type VersionRow,
} from '../documents/index.js';
import { toSecond } from '../../platform/time/zoned.js';
import { commentsRepository as repo, type Period, type PeriodDocument } from './comments.repository.js';
import type { OpenPeriodBody, PeriodState, UpdatePeriodBody } from './comments.schema.js';

/** One document a period covers, with the version comments anchor to. */
export interface CoveredDocument {
  document: DocumentRow;
  version: VersionRow;
}

/** A period with the documents it covers (those this viewer may read). */
export interface PeriodDetail {
  period: Period;
  documents: CoveredDocument[];
}

/**
 * Where a period stands at an instant. The window is half-open, to the second: open from
 * opens_at inclusive until closes_at exclusive, so a comment at closes_at is refused.
 */
export function periodState(p: Pick<Period, 'opens_at' | 'closes_at'>, now: Date = new Date()): PeriodState {
  if (now.getTime() < p.opens_at.getTime()) return 'upcoming';
  return now.getTime() < p.closes_at.getTime() ? 'open' : 'closed';
}

/** The address of a period's page, without the language prefix. */
export const periodPath = (processSlug: string, periodId: string) => `/processes/${processSlug}/comment-periods/${periodId}`;

/** The documents of a period this viewer may read, in the period's order (the first is the original). */
async function covered(db: Kysely<DB>, periodId: string, actor: Actor | null, rows?: PeriodDocument[]): Promise<CoveredDocument[]> {
  const pairs = (rows ?? (await repo.periodDocuments(db, [periodId]))).map((r) => ({ documentId: r.document_id, versionId: r.version_id }));
  // One query for every document and version, whatever the number of translations.
  const out = (await documentsWithVersions(db, pairs)).filter((c) => canRead(c.document, actor));
  return out.sort((a, b) => a.document.created_at.getTime() - b.document.created_at.getTime() || a.document.id.localeCompare(b.document.id));
}

/**
 * A period of this process with its documents, as this viewer may see it; 404 when absent,
 * in another process, or on documents the viewer may not read (members-only).
 */
export async function getPeriod(db: Kysely<DB>, processId: string, periodId: string, actor: Actor | null, opts: { counts?: boolean } = {}): Promise<PeriodDetail> {
  const found = isUuid(periodId) ? await repo.periodWithDocuments(db, periodId, opts.counts ?? true) : undefined;
  if (!found || found.period.process_id !== processId) throw new HttpProblem(404, 'errors.notFound');
  const { period } = found;
  const documents = await covered(db, period.id, actor, found.documents);
  if (documents.length === 0) throw new HttpProblem(404, 'errors.notFound');
  return { period, documents };
}

/** The periods of a process this viewer may see, latest opening first. */
export async function listPeriods(db: Kysely<DB>, processId: string, actor: Actor | null): Promise<PeriodDetail[]> {
  const periods = await repo.periodsByProcess(db, processId);
  const out: PeriodDetail[] = [];
  for (const period of periods) {
    const documents = await covered(db, period.id, actor);
    if (documents.length) out.push({ period, documents });
  }
  return out;
}

/**
 * The oversight committee opens a period on a version of a document (the current one unless
 * named) and, when asked, on the same version number of each translation. The documents
 * move to "public comment" if they were drafts; the window is kept to the second.
 */
export async function openPeriod(db: Kysely<DB>, actor: Actor, processId: string, input: OpenPeriodBody, baseUrl: string): Promise<Period> {
  return inTransaction(db, async (trx) => {
    const doc = await getDocument(trx, processId, input.document, actor).catch(() => {
      throw new HttpProblem(422, 'comments.errors.document', {}, { document: 'comments.errors.document' });
    });
    const docs = [doc, ...(input.includeTranslations ? await translationsOf(trx, doc) : [])];
    const number = input.version ?? doc.version_count;
    const coveredRows: { document: DocumentRow; version: VersionRow }[] = [];
    for (const d of docs) {
      // A translation may not have reached that version number: it is covered at its current one.
      const version = (await versionByNumber(trx, d.id, d === doc ? number : Math.min(number, d.version_count))) ?? undefined;
      if (!version) {
        if (d === doc) throw new HttpProblem(422, 'comments.errors.version', {}, { version: 'comments.errors.version' });
        continue;
      }
      coveredRows.push({ document: d, version });
    }
    const period = await repo.insertPeriod(trx, {
      id: newId(),
      process_id: processId,
      opens_at: toSecond(new Date(input.opensAt)),
      closes_at: toSecond(new Date(input.closesAt)),
      time_zone: input.timeZone,
      instructions_en: input.instructionsEn,
      instructions_fr: input.instructionsFr,
      audience: input.audience,
      created_by: actor.userId,
      updated_at: new Date(),
    });
    await repo.insertPeriodDocuments(trx, coveredRows.map((c) => ({ period_id: period.id, document_id: c.document.id, version_id: c.version.id })));
    for (const c of coveredRows) if (c.document.status === 'draft') await setDocumentStatus(trx, actor, c.document.id, 'public_comment');
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'commentPeriod.open',
      entityType: 'comment_period',
      entityId: period.id,
      processId,
      after: { ...period, versions: coveredRows.map((c) => c.version.id) },
    });
    const process = await processById(trx, processId);
    if (!doc.members_only) {
      await recordActivity(
        trx,
        {
          processId,
          groupId: doc.group_id,
          kind: 'commentPeriod.opened',
          titleEn: tFor('en')('comments.activityOpened', { title: doc.title }),
          titleFr: tFor('fr')('comments.activityOpened', { title: doc.title }),
          path: periodPath(process.slug, period.id),
        },
        baseUrl,
      );
    }
    return period;
  });
}

/** Change a period's closing time, instructions or audience (audited). */
export async function updatePeriod(db: Kysely<DB>, actor: Actor, processId: string, periodId: string, input: UpdatePeriodBody): Promise<Period> {
  return inTransaction(db, async (trx) => {
    const before = isUuid(periodId) ? await repo.periodById(trx, periodId) : undefined;
    if (!before || before.process_id !== processId) throw new HttpProblem(404, 'errors.notFound');
    const closes = input.closesAt ? toSecond(new Date(input.closesAt)) : undefined;
    if (closes && closes.getTime() <= before.opens_at.getTime()) throw new HttpProblem(422, 'comments.errors.window', {}, { closesAt: 'comments.errors.window' });
    const after = await repo.updatePeriod(trx, before.id, {
      ...(closes ? { closes_at: closes } : {}),
      ...(input.instructionsEn !== undefined ? { instructions_en: input.instructionsEn } : {}),
      ...(input.instructionsFr !== undefined ? { instructions_fr: input.instructionsFr } : {}),
      ...(input.audience ? { audience: input.audience } : {}),
    });
    await recordAudit(trx, { actorId: actor.userId, action: 'commentPeriod.update', entityType: 'comment_period', entityId: before.id, processId, before: { ...before }, after: { ...after } });
    return after;
  });
}

/** Per-paragraph counts of one document in a period, kept as comments arrive ('' = general). */
export async function anchorCounts(db: Kysely<DB>, periodId: string, documentId: string): Promise<Map<string, number>> {
  return new Map((await repo.anchorCounts(db, periodId, documentId)).map((r) => [r.anchor, r.count]));
}

/** A version's page and paragraph, without the language prefix. */
export function paragraphPath(processSlug: string, doc: DocumentRow, version: Pick<VersionRow, 'number'>, anchor: string | null): string {
  return `${documentPath(processSlug, doc.slug)}/versions/${version.number}${anchor ? `#${anchor}` : ''}`;
}

/** A paragraph as comments show it: its label (§4.2…), its text, its kind. */
export interface Paragraph {
  label: string;
  plain: string;
  kind: string;
}

// Versions never change once saved, so their paragraphs can be kept (a bounded number of them):
// every submission checks its anchor and every listing page shows labels without reading blocks.
const paragraphCache = new Map<string, Map<string, Paragraph>>();

/** The paragraphs of a version by anchor, in document order. */
export async function paragraphsOf(db: Kysely<DB>, versionId: string): Promise<Map<string, Paragraph>> {
  let found = paragraphCache.get(versionId);
  if (!found) {
    found = new Map((await blocksOf(db, versionId)).map((b) => [b.anchor, { label: b.label, plain: b.plain, kind: b.kind }]));
    if (paragraphCache.size >= 64) paragraphCache.delete(paragraphCache.keys().next().value!);
    paragraphCache.set(versionId, found);
  }
  return found;
}
