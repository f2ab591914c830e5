import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type Running } from '../../src/app/main.js';
import { demoImageFile, demoImageKey } from '../../src/app/demo/demo-image.js';
import { EngineThread } from '../../src/platform/db/engine-thread.js';
import type { DB } from '../../src/platform/db/schema.js';
import { ENGINE, testConfig } from '../helpers/db.js';

/**
 * `concord serve` on an empty data folder, as a newcomer runs it: the first start on a machine
 * serves a "demo is being loaded" page while it seeds, then writes the prepared image; a later
 * first start loads that image and must hold the very demo seeding makes, with secrets of its own.
 * Embedded mode only (the image is a PGlite dump).
 */
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-quick-start-'));
const cacheDir = path.join(tmp, 'cache');
const config = (folder: string) => ({ ...testConfig(), databaseUrl: undefined, databaseSchema: undefined, dataDir: path.join(tmp, folder), cacheDir, loadDemo: true, port: 0, host: '127.0.0.1', logLevel: 'silent' });
const quiet = () => {};
const running: Running[] = [];

afterAll(async () => {
  for (const r of running) await r.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Row counts of every table of the app (not the job queue's), and the processes' slugs. */
async function snapshot(db: Kysely<DB>): Promise<{ counts: Record<string, number>; slugs: string[] }> {
  const tables = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`.execute(db);
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(name)}`.execute(db);
    counts[name] = r.rows[0]!.n;
  }
  const slugs = (await db.selectFrom('processes').select('slug').orderBy('slug').execute()).map((p) => p.slug);
  return { counts, slugs };
}

const cookieSecret = async (db: Kysely<DB>) => (await db.selectFrom('settings').select('value').where('key', '=', 'cookie_secret').executeTakeFirst())?.value;

describe.skipIf(ENGINE === 'postgres')('a newcomer’s first start', { timeout: 600_000 }, () => {
  let seeded: { counts: Record<string, number>; slugs: string[]; secret: string | undefined };

  it('serves the "demo is being loaded" page while it seeds, then the demo, and writes the image', async () => {
    const first = await startServer(config('one'), quiet);
    running.push(first);
    // The server's engine runs in its own thread (issue 10; test/db/engine-thread.test.ts).
    expect(first.database.lite).toBeInstanceOf(EngineThread);
    const loadingEn = await first.app.inject({ url: '/en/' });
    expect(loadingEn.statusCode).toBe(503);
    expect(loadingEn.headers['retry-after']).toBe('3');
    expect(loadingEn.body).toContain('Concord is loading its demo');
    const loadingFr = await first.app.inject({ url: '/fr/processes' });
    expect(loadingFr.statusCode).toBe(503);
    expect(loadingFr.body).toContain('Concord charge sa démonstration');
    const api = await first.app.inject({ url: '/api/v1/processes' });
    expect(api.statusCode).toBe(503);
    expect(api.headers['content-type']).toContain('application/problem+json');

    await first.demoReady;
    expect((await first.app.inject({ url: '/en/' })).statusCode).toBe(200);
    expect(fs.existsSync(demoImageFile(cacheDir, demoImageKey(config('one').baseUrl)))).toBe(true);
    seeded = { ...(await snapshot(first.database.db)), secret: await cookieSecret(first.database.db) };
    expect(seeded.slugs.length).toBeGreaterThan(0);
    await first.stop();
  });

  it('starts a new data folder from the image: the same demo, ready at once, with a cookie secret of its own', async () => {
    const second = await startServer(config('two'), quiet);
    running.push(second);
    // Ready when startServer returns: no loading page.
    expect((await second.app.inject({ url: '/en/' })).statusCode).toBe(200);
    const loaded = await snapshot(second.database.db);
    const { settings: _s1, ...seededCounts } = seeded.counts;
    const { settings: _s2, ...loadedCounts } = loaded.counts;
    expect(loadedCounts).toEqual(seededCounts);
    expect(loaded.slugs).toEqual(seeded.slugs);
    const secret = await cookieSecret(second.database.db);
    expect(secret).toBeTruthy();
    expect(secret).not.toBe(seeded.secret);
    await second.stop();
  });
});
