import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/tx.js';
import { listProcesses, processById, processScope } from '../processes/processes.service.js';
import { reindexMeetings } from '../meetings/meetings.search.js';
import { reindexParticipants } from '../participants/participants.service.js';
import { searchRepository as repo } from './search.repository.js';
import type { SearchKind } from './search.tables.js';

/** Writes every entry of one kind for one process through the owning module; returns how many records. */
export type Reindexer = (trx: Kysely<DB>, processId: string) => Promise<number>;

/**
 * The modules that can rebuild their part of the index. EXTENSION POINT: documents and
 * comments index as they write (indexForSearch in their services); when their services export
 * a whole-process reindex (`reindexDocuments(trx, processId)`, `reindexComments(trx, processId)`),
 * add them here and `concord search reindex` covers them. Kinds absent here are left as they are.
 */
export const REINDEXERS: Partial<Record<SearchKind, Reindexer>> = {
  meeting: reindexMeetings,
  participant: reindexParticipants,
};

/** What a reindex did, per process. */
export interface ReindexReport {
  processes: { slug: string; counts: Partial<Record<SearchKind, number>> }[];
}

/**
 * Rebuild the index of one process (by slug) or of all: for each process, in one transaction,
 * its entries of every kind that has a reindexer are removed and written again, so entries of
 * records that no longer exist go too, and readers never see a half-built index.
 */
export async function reindexSearch(db: Kysely<DB>, opts: { processSlug?: string | undefined } = {}): Promise<ReindexReport> {
  const processes = opts.processSlug ? [await processById(db, (await processScope(db, opts.processSlug)).processId)] : await listProcesses(db);
  const kinds = Object.keys(REINDEXERS) as SearchKind[];
  const report: ReindexReport = { processes: [] };
  for (const p of processes) {
    const counts = await inTransaction(db, async (trx) => {
      await repo.clear(trx, p.id, kinds);
      const out: Partial<Record<SearchKind, number>> = {};
      for (const kind of kinds) out[kind] = await REINDEXERS[kind]!(trx, p.id);
      return out;
    });
    report.processes.push({ slug: p.slug, counts });
  }
  return report;
}
