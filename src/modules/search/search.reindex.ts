import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/tx.js';
import { listProcesses, processById, processScope } from '../processes/index.js';
import { installedModules } from '../../platform/modules/registry.js';
import type { Reindexer } from '../../platform/modules/define.js';
import { searchRepository as repo } from './search.repository.js';
import { SEARCH_KINDS, type SearchKind } from './search.tables.js';

/**
 * The kinds that can be rebuilt, each through the module that owns the records: every
 * module's manifest lists its reindexers (`reindex: { meeting: reindexMeetings }`). Kinds
 * nobody can rebuild (documents and comments index as they write) are left as they are.
 */
export function reindexers(): Partial<Record<SearchKind, Reindexer>> {
  const out: Partial<Record<SearchKind, Reindexer>> = {};
  for (const m of installedModules()) Object.assign(out, m.reindex ?? {});
  return out;
}

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
  const rebuild = reindexers();
  // In the index's own order of kinds, whatever the order of the modules.
  const kinds = SEARCH_KINDS.filter((k) => rebuild[k]);
  const report: ReindexReport = { processes: [] };
  for (const p of processes) {
    const counts = await inTransaction(db, async (trx) => {
      await repo.clear(trx, p.id, kinds);
      const out: Partial<Record<SearchKind, number>> = {};
      for (const kind of kinds) out[kind] = await rebuild[kind]!(trx, p.id);
      return out;
    });
    report.processes.push({ slug: p.slug, counts });
  }
  return report;
}
