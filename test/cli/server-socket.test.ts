import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/platform/db/client.js';
import { serveSocket, socketDir } from '../../src/platform/db/pglite-socket.js';
import { createProcess } from '../../src/modules/processes/processes.service.js';
import { CliSandbox } from '../helpers/cli.js';
import { ENGINE, testConfig } from '../helpers/db.js';
import { imageBlob, providedImage } from '../helpers/images.js';

/**
 * The CLI beside a running server in embedded mode: the server holds the data folder (PGlite
 * allows one process) and serves its database on a socket there; the CLI finds it and runs
 * its command through it, taking turns with the server's own statements.
 */
const cli = new CliSandbox('server-socket');
let database: Database;
let stopSocket: () => Promise<void>;

beforeAll(async () => {
  await cli.setUp();
  if (ENGINE === 'postgres') return;
  const image = providedImage('migratedImage');
  const dataDir = path.join(cli.dir, 'data');
  database = await openDatabase({ ...testConfig(), databaseUrl: undefined, dataDir }, image?.engine === 'pglite' ? { startFrom: imageBlob(image.file) } : {});
  if (!image) await (await import('../../src/platform/db/migrate.js')).migrateToLatest(database.db);
  stopSocket = await serveSocket(database.lite!, database.gate!, dataDir);
});

afterAll(async () => {
  await stopSocket?.();
  await database?.close();
  await cli.tearDown();
});

describe.skipIf(ENGINE === 'postgres')('the CLI beside a running server', () => {
  it('keeps the socket to its owner', () => {
    const dir = socketDir(path.join(cli.dir, 'data'));
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(dir, '.s.PGSQL.5432')).mode & 0o777).toBe(0o600);
  });

  it('runs write and read commands on the server’s database instead of being refused', async () => {
    const created = await cli.run('user', 'create', '--email', 'beside@example.org', '--name', 'Beside', '--password', 'correct horse battery staple');
    expect(created).toMatchObject({ code: 0 });
    expect(created.out).toMatch(/^Created beside@example.org/);
    // The server sees what the CLI wrote: one database.
    const row = await database.db.selectFrom('users').select('name').where('email', '=', 'beside@example.org').executeTakeFirst();
    expect(row?.name).toBe('Beside');
    expect(await cli.run('process', 'list')).toEqual({ out: 'No processes yet.', code: 0 });
  });

  it('waits for the server’s open transaction to end rather than running inside it', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let inTransaction!: () => void;
    const begun = new Promise<void>((r) => (inTransaction = r));
    const transaction = database
      .transaction(async (trx) => {
        await createProcess(trx, null, { slug: 'uncommitted', titleEn: 'Uncommitted', titleFr: 'Non validé', summaryEn: '', summaryFr: '', descriptionEn: '', descriptionFr: '', registration: 'open', timezone: 'America/Toronto', phases: [] });
        inTransaction();
        await held;
        throw new Error('rolled back on purpose');
      })
      .catch((err: Error) => err.message);
    await begun;
    let done = false;
    const listing = cli.run('process', 'list').then((r) => {
      done = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 1500));
    expect(done).toBe(false);
    release();
    expect(await transaction).toBe('rolled back on purpose');
    expect(await listing).toEqual({ out: 'No processes yet.', code: 0 });
  });
});
