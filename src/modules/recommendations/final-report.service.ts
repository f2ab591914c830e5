import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/auth/roles.js';
import { authorize } from '../../platform/auth/policies.js';
import { inTransaction } from '../../platform/db/tx.js';
import { HttpProblem } from '../../platform/http/problem.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import {
  blocksOf,
  documentById,
  getDocument,
  translationsOf,
  versionById,
  type BlockRow,
  type DocumentRow,
  type VersionRow,
} from '../documents/index.js';
import type { PublishReportBody } from './recommendations.schema.js';
import { recommendationsRepository as repo, type FinalReportRow } from './recommendations.repository.js';
import { consensusResults, listRecommendations, type ConsensusResult, type RecommendationDetail } from './recommendations.service.js';

/** A published final report as readers get it: the document's current version in their language, and the recommendations. */
export interface FinalReport {
  report: FinalReportRow;
  /** The published document, or its translation in the reader's language when it has one. */
  document: DocumentRow;
  version: VersionRow;
  blocks: readonly BlockRow[];
  recommendations: RecommendationDetail[];
  /** The outcomes of the consensus calls behind the recommendations, by call id. */
  consensus: Map<string, ConsensusResult>;
}

/** The address of a process's final report, without the language prefix. */
export function finalReportPath(processSlug: string, suffix: '' | '/print' | '.pdf' | '/publish' = ''): string {
  return `/processes/${processSlug}/final-report${suffix}`;
}

/** A document a reader may be given as the report: public and with a version. */
const publishable = (d: DocumentRow) => !d.members_only && d.current_version_id !== null;

/**
 * Publish a document of the process as its final report (or replace the one published), in
 * one transaction with its audit event. The document must be public and have a version; the
 * report always shows its current version, normally the final one.
 * @example await publishFinalReport(db, actor, processId, { document: 'outcomes-report' })
 */
export async function publishFinalReport(
  db: Kysely<DB>,
  actor: Actor,
  processId: string,
  input: PublishReportBody,
  opts: { at?: Date } = {},
): Promise<FinalReportRow> {
  if (!authorize(actor, 'report.publish', { processId }).allowed) throw new HttpProblem(403, 'errors.forbidden');
  return inTransaction(db, async (trx) => {
    const doc = await getDocument(trx, processId, input.document, actor).catch(() => undefined);
    if (!doc) throw new HttpProblem(422, 'recommendations.errors.noSuchDocument', {}, { document: 'recommendations.errors.noSuchDocument' });
    if (!publishable(doc)) throw new HttpProblem(422, 'recommendations.errors.reportNotPublic', {}, { document: 'recommendations.errors.reportNotPublic' });
    const before = await repo.finalReport(trx, processId);
    const after = await repo.upsertFinalReport(trx, {
      process_id: processId,
      document_id: doc.id,
      published_at: opts.at ?? new Date(),
      published_by: actor.userId,
    });
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'report.publish',
      entityType: 'final_report',
      entityId: processId,
      processId,
      before: before ? { ...before } : null,
      after: { ...after, version_id: doc.current_version_id },
    });
    return after;
  });
}

/** The published final report row of a process, if any (cheap: for links). */
export const finalReportOf = (db: Kysely<DB>, processId: string) => repo.finalReport(db, processId);

/**
 * The final report of a process assembled for a reader: the published document (or its
 * translation in `lang`), its current version's blocks, and the recommendations. 404 when
 * no report is published.
 */
export async function getFinalReport(db: Kysely<DB>, processId: string, lang: Lang): Promise<FinalReport> {
  const report = await repo.finalReport(db, processId);
  const published = report ? await documentById(db, report.document_id) : undefined;
  if (!report || !published) throw new HttpProblem(404, 'recommendations.errors.noReport');
  let document = published;
  if (published.lang !== lang) {
    const translated = (await translationsOf(db, published)).find((d) => d.lang === lang && publishable(d));
    if (translated) document = translated;
  }
  const version = document.current_version_id ? await versionById(db, document.current_version_id) : undefined;
  if (!version) throw new HttpProblem(404, 'recommendations.errors.noReport');
  const [blocks, recommendations] = await Promise.all([blocksOf(db, version.id), listRecommendations(db, processId)]);
  return { report, document, version, blocks, recommendations, consensus: await consensusResults(db, recommendations) };
}
