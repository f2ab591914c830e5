import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase } from '../../src/platform/db/client.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import '../../src/app/modules.js';
import { seedDemo } from '../../src/app/demo/demo.seed.js';

/**
 * Prepared database images. Creating and migrating a database for every test file cost 2.6–7 s
 * a file on PGlite (initdb is most of it) and seeding the demo for every browser file ~17 s.
 * Instead vitest's globalSetup (test/setup/) builds an image once per run and each file starts
 * from a copy of it:
 *
 * - PGlite: a data folder dump (`dumpDataDir`) in a file; a file loads it (`loadDataDir`
 *   through `Config.pgliteImage`).
 * - PostgreSQL: a template database; a file gets `CREATE DATABASE … TEMPLATE …` of its own,
 *   dropped afterwards. The tables live in the schema TEMPLATE_SCHEMA, as in production
 *   installs that set DATABASE_SCHEMA, so schema-scoped code (pg-boss's schema) is exercised.
 */
export type ImageRef = { engine: 'pglite'; file: string } | { engine: 'postgres'; template: string; schema: string };

declare module 'vitest' {
  export interface ProvidedContext {
    /** The migrated, empty image (http, db and cli tests). */
    migratedImage: ImageRef | undefined;
    /** The migrated image with the demo loaded (browser journeys). */
    demoImage: ImageRef | undefined;
  }
}

/** The schema tables are kept in inside every PostgreSQL template and copy. */
export const TEMPLATE_SCHEMA = 'concord';

/** The demo image is seeded with this base URL (it shows in the seeded mail). */
export const DEMO_IMAGE_BASE_URL = 'http://localhost:3000';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Stale PostgreSQL copies (a run killed before its teardown) are dropped after this long. */
const STALE_MS = 6 * 3600_000;

/** The image a globalSetup provided, or undefined (a file run outside the projects). */
export function providedImage(key: 'migratedImage' | 'demoImage'): ImageRef | undefined {
  try {
    return inject(key);
  } catch {
    return undefined;
  }
}

const blobs = new Map<string, Blob>();
/** An image file as PGlite's loadDataDir takes it, read once per worker. */
export function imageBlob(file: string): Blob {
  let blob = blobs.get(file);
  if (!blob) {
    blob = new Blob([fs.readFileSync(file)]);
    blobs.set(file, blob);
  }
  return blob;
}

// ---- PGlite ---------------------------------------------------------------------------------

/** Where images are kept; CONCORD_TEST_IMAGES moves it (checkouts that share one node_modules). */
const CACHE_DIR = process.env.CONCORD_TEST_IMAGES ?? path.join(ROOT, 'node_modules/.cache/concord-test-images');
/** Images of other keys are removed once this old: a run in another checkout may be reading one. */
const STALE_IMAGE_MS = 3_600_000;

function hashFiles(hash: ReturnType<typeof createHash>, dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) hashFiles(hash, file);
    else hash.update(path.relative(ROOT, file)).update(fs.readFileSync(file));
  }
}

/**
 * What an image depends on, so a cached image is never stale: the migrated image on the
 * migrations, the migrator and PGlite's version; the demo image on every source file (the
 * demo goes through every module's services), the lockfile, and today's date (rebuilt at
 * least daily: rows stamped with now() age).
 */
export function imageKey(kind: 'migrated' | 'demo'): string {
  const hash = createHash('sha256');
  if (kind === 'migrated') {
    // Modules bring their own migrations (their manifests), so any source file may hold one:
    // the whole tree is the key. Each run builds at most one image anyway.
    hashFiles(hash, path.join(ROOT, 'src'));
  } else {
    hashFiles(hash, path.join(ROOT, 'src'));
    hash.update(fs.readFileSync(path.join(ROOT, 'package-lock.json')));
    hash.update(new Date().toISOString().slice(0, 10));
  }
  hash.update(fs.readFileSync(path.join(ROOT, 'node_modules/@electric-sql/pglite/package.json')));
  return hash.digest('hex').slice(0, 16);
}

/**
 * The cached image `<kind>-<key>.tgz`, built by `build` (which fills a PGlite database) when
 * absent. Older images of that kind are deleted: their key can never match again.
 */
const building = new Map<string, Promise<ImageRef>>();
function cachedImage(kind: 'migrated' | 'demo', build: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<void>, from?: string): Promise<ImageRef> {
  // Both projects' globalSetups run in one process: the second waits for the first's build.
  const name = `${kind}-${imageKey(kind)}`;
  let image = building.get(name);
  if (!image) {
    image = buildCachedImage(kind, name, build, from);
    building.set(name, image);
  }
  return image;
}

async function buildCachedImage(kind: string, name: string, build: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<void>, from?: string): Promise<ImageRef> {
  const file = path.join(CACHE_DIR, `${name}.tgz`);
  if (fs.existsSync(file)) return { engine: 'pglite', file };
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  for (const old of fs.readdirSync(CACHE_DIR)) {
    const oldFile = path.join(CACHE_DIR, old);
    if (old.startsWith(`${kind}-`) && !old.startsWith(name) && Date.now() - fs.statSync(oldFile).mtimeMs > STALE_IMAGE_MS) fs.rmSync(oldFile, { force: true });
  }
  const database = await openDatabase({ databaseUrl: undefined, dataDir: 'memory://', pgliteImage: from ? imageBlob(from) : undefined });
  try {
    await build(database);
    const blob = await database.lite!.dumpDataDir('gzip');
    // Written aside and renamed, so a concurrent run never reads half a file.
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    fs.writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
    fs.renameSync(tmp, file);
  } finally {
    await database.close();
  }
  return { engine: 'pglite', file };
}

/** The migrated PGlite image (~8 s to build, then cached). */
export function pgliteMigratedImage(): Promise<ImageRef> {
  return cachedImage('migrated', async (database) => {
    await migrateToLatest(database.db);
  });
}

/** The demo PGlite image, seeded from the migrated one (~20 s to build, then cached). */
export async function pgliteDemoImage(): Promise<ImageRef> {
  const migrated = await pgliteMigratedImage();
  if (migrated.engine !== 'pglite') throw new Error('expected a PGlite image');
  return cachedImage(
    'demo',
    async (database) => {
      await seedDemo(database.db, { baseUrl: DEMO_IMAGE_BASE_URL });
    },
    migrated.file,
  );
}

// ---- PostgreSQL -----------------------------------------------------------------------------

/** DATABASE_URL with another database name. */
export function urlForDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** The database DATABASE_URL names: prefixes every template and copy, so runs on other databases of a shared server are left alone. */
function baseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1)) || 'postgres';
}

/** `<base>_<kind>_<time>_<random>`: the time lets a later run drop what a killed run left. */
function databaseName(url: string, kind: 'tpl' | 't'): string {
  return `${baseName(url)}_${kind}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

async function adminQuery(url: string, text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Drop templates and copies of this base database left by runs killed hours ago. */
export async function dropStaleDatabases(url: string): Promise<void> {
  const prefix = `${baseName(url)}_`;
  const rows = (await adminQuery(url, 'select datname from pg_database')).rows as { datname: string }[];
  for (const { datname } of rows) {
    const m = /^(?:tpl|t)_([0-9a-z]+)_[0-9a-f]{8}$/.exec(datname.startsWith(prefix) ? datname.slice(prefix.length) : '');
    if (m && Date.now() - Number.parseInt(m[1]!, 36) > STALE_MS) await adminQuery(url, `drop database if exists ${ident(datname)} with (force)`);
  }
}

/** A new template database, migrated (and with the demo when asked); drop it with `dropDatabase`. */
export async function postgresTemplate(url: string, opts: { from?: ImageRef; demo?: boolean } = {}): Promise<ImageRef & { engine: 'postgres' }> {
  const template = databaseName(url, 'tpl');
  const from = opts.from?.engine === 'postgres' ? ` template ${ident(opts.from.template)}` : '';
  await createDatabase(url, `create database ${ident(template)}${from}`);
  const database = await openDatabase({ databaseUrl: urlForDatabase(url, template), dataDir: 'memory://', databaseSchema: TEMPLATE_SCHEMA });
  try {
    if (!from) {
      await database.db.schema.createSchema(TEMPLATE_SCHEMA).execute();
      await migrateToLatest(database.db, TEMPLATE_SCHEMA);
    }
    if (opts.demo) await seedDemo(database.db, { baseUrl: DEMO_IMAGE_BASE_URL, schema: TEMPLATE_SCHEMA });
  } finally {
    // A template must have no connection left, or copying it fails.
    await database.close();
  }
  return { engine: 'postgres', template, schema: TEMPLATE_SCHEMA };
}

/**
 * `create database`, retried while the source is briefly busy: PostgreSQL refuses to copy a
 * template another session is connected to (55006), and copies started at the same instant
 * can see each other's connection.
 */
async function createDatabase(url: string, text: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(url, text);
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== '55006' || attempt >= 20) throw err;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
}

/** A copy of a template for one test file: its URL, and how to drop it. */
export async function postgresCopy(url: string, image: ImageRef & { engine: 'postgres' }): Promise<{ databaseUrl: string; drop: () => Promise<void> }> {
  const name = databaseName(url, 't');
  await createDatabase(url, `create database ${ident(name)} template ${ident(image.template)}`);
  return { databaseUrl: urlForDatabase(url, name), drop: () => dropDatabase(url, name) };
}

/** Drop a database, closing whatever connections are left on it. */
export async function dropDatabase(url: string, name: string): Promise<void> {
  await adminQuery(url, `drop database if exists ${ident(name)} with (force)`);
}
