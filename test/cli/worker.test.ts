import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompiledQuery, type Kysely } from 'kysely';
import type { DB } from '../../src/platform/db/schema.js';
import { CliSandbox } from '../helpers/cli.js';
import { ENGINE, freshDatabase, testConfig } from '../helpers/db.js';
import { program } from '../../src/app/cli/index.js';
import { NO_JOBS_NEEDS_POSTGRES, startServer } from '../../src/app/main.js';
import { WORKER_NEEDS_POSTGRES, startWorker } from '../../src/app/worker-process.js';
import { jobsSchemaFor } from '../../src/platform/jobs/queue.js';

/**
 * `concord worker` works the jobs without HTTP (PostgreSQL only), and `concord serve
 * --no-jobs` (CONCORD_JOBS=0) leaves them to it: the server schedules and works nothing.
 */
const cli = new CliSandbox('worker');
beforeAll(() => cli.setUp());
afterAll(() => cli.tearDown());

/** pg-boss's recurring schedules in a schema: written by `startJobs`, by nothing else. */
async function schedules(db: Kysely<DB>, schema: string | undefined): Promise<string[]> {
  const r = await db.executeQuery<{ name: string }>(CompiledQuery.raw(`select name from "${jobsSchemaFor(schema)}".schedule order by name`));
  return r.rows.map((x) => x.name);
}

describe('concord worker and serve --no-jobs', { timeout: 120_000 }, () => {
  it('has a worker command and a --no-jobs option on serve, both saying what they need', async () => {
    const concord = await program(() => {}, ['node', 'concord']);
    const worker = concord.commands.find((c) => c.name() === 'worker');
    expect(worker?.helpInformation()).toMatch(/without\s+serving HTTP; PostgreSQL only/);
    const serve = concord.commands.find((c) => c.name() === 'serve');
    expect(serve?.options.map((o) => o.long)).toContain('--no-jobs');
  });

  it.skipIf(ENGINE === 'postgres')('refuses both on the embedded database, saying why and what to do', async () => {
    expect(await cli.run('worker')).toEqual({ out: `concord: ${WORKER_NEEDS_POSTGRES}`, code: 1 });
    expect(await cli.run('serve', '--no-jobs')).toEqual({ out: `concord: ${NO_JOBS_NEEDS_POSTGRES}`, code: 1 });
  });

  it.skipIf(ENGINE !== 'postgres')('serve --no-jobs schedules no job; a worker beside it schedules them all', async () => {
    const { database, config, drop } = await freshDatabase(testConfig({ runJobs: false, port: 0, loadDemo: false, logLevel: 'silent' }));
    try {
      const server = await startServer(config, () => {});
      try {
        expect(await schedules(database.db, config.databaseSchema)).toEqual([]);
        const lines: string[] = [];
        const worker = await startWorker(config, (s) => lines.push(s));
        try {
          expect(lines.join('\n')).toMatch(/working .*comments\.fold-counters.*; no HTTP/);
          expect(await schedules(database.db, config.databaseSchema)).toContain('comments.fold-counters');
        } finally {
          await worker.stop();
        }
      } finally {
        await server.stop();
      }
    } finally {
      await drop();
    }
  });
});
