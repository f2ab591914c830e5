import type { Command } from 'commander';
import { withDatabase } from './with-db.js';

/**
 * Add `concord search reindex [--process <slug>]`: rebuild the search index from the records
 * (after an upgrade, a restore, or renamed people and organisations).
 * @example registerSearchCommand(cli, out)
 */
export function registerSearchCommand(cli: Command, out: (s: string) => void): void {
  const search = cli.command('search').description('the full-text search index');
  search
    .command('reindex')
    .description('rebuild the search index of every process, or of one')
    .option('--process <slug>', 'only this process')
    .action((o: { process?: string }) =>
      withDatabase(async ({ db }) => {
        const { reindexSearch } = await import('../../modules/search/index.js');
        const report = await reindexSearch(db, { processSlug: o.process });
        if (!report.processes.length) out('No processes to index.');
        for (const p of report.processes) {
          const counts = Object.entries(p.counts).map(([kind, n]) => `${n} ${kind}${n === 1 ? '' : 's'}`);
          out(`${p.slug}: ${counts.join(', ')}`);
        }
      }),
    );
}
