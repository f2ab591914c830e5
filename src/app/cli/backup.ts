import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { Config } from '../../platform/config.js';
import { openDatabase } from '../../platform/db/client.js';
import { acquireDataDirLock } from '../../platform/db/lock.js';
import { jobsSchemaFor } from '../../platform/jobs/queue.js';

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.error) throw new Error(`${cmd} could not be run (${r.error.message}); install the PostgreSQL client tools`);
  if (r.status !== 0) throw new Error(`${cmd} exited with status ${r.status}`);
}

/**
 * Write a backup: a gzipped copy of the PGlite data folder in embedded mode, or a plain SQL
 * dump from pg_dump on PostgreSQL. Taken while holding the data-folder lock, so it is consistent.
 */
export async function backup(config: Config, file: string): Promise<string> {
  const target = path.resolve(file);
  if (config.databaseUrl) {
    // The job queue's schema is left out: pg_dump --clean cannot replay pg-boss's partitioned
    // tables over themselves. A restore loses only reminders not yet sent (docs/operations.md).
    const schema = config.databaseSchema ? ['--schema', config.databaseSchema] : ['--exclude-schema', jobsSchemaFor(undefined)];
    run('pg_dump', ['--no-owner', '--clean', '--if-exists', ...schema, '--file', target, config.databaseUrl]);
    return `PostgreSQL dump written to ${target}`;
  }
  const database = await openDatabase(config);
  try {
    const blob = await database.lite!.dumpDataDir('gzip');
    fs.writeFileSync(target, Buffer.from(await blob.arrayBuffer()));
  } finally {
    await database.close();
  }
  return `PGlite data folder written to ${target} (${fs.statSync(target).size} bytes)`;
}

/**
 * Restore a backup. In embedded mode the current database is moved aside, never deleted,
 * so a mistaken restore can itself be undone; on PostgreSQL psql replays the dump.
 */
export async function restore(config: Config, file: string): Promise<string> {
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new Error(`No backup file at ${source}`);
  if (config.databaseUrl) {
    run('psql', ['--quiet', '--output', '/dev/null', '-v', 'ON_ERROR_STOP=1', '--single-transaction', '--file', source, config.databaseUrl]);
    return `Restored ${source} into PostgreSQL`;
  }
  const release = acquireDataDirLock(config.dataDir);
  try {
    const pgDir = path.join(config.dataDir, 'pg');
    let movedTo: string | undefined;
    if (fs.existsSync(pgDir)) {
      movedTo = `${pgDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      fs.renameSync(pgDir, movedTo);
    }
    try {
      const data = new Blob([fs.readFileSync(source)]);
      const lite = await PGlite.create({ dataDir: pgDir, loadDataDir: data, extensions: { unaccent, pg_trgm } });
      await lite.query('select 1');
      await lite.close();
    } catch (err) {
      // Put the old database back so a bad file leaves things as they were.
      fs.rmSync(pgDir, { recursive: true, force: true });
      if (movedTo) fs.renameSync(movedTo, pgDir);
      throw err;
    }
    return `Restored ${source} into ${pgDir}${movedTo ? `; the previous database is kept at ${movedTo}` : ''}`;
  } finally {
    release();
  }
}
