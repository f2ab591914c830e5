import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EmbeddedEngine } from '../../platform/db/engine-thread.js';

/**
 * The prepared demo: a PGlite data folder dump (`dumpDataDir`) of a migrated database with the
 * demo loaded, kept in the machine's cache folder. Migrating and seeding an empty data folder
 * takes tens of seconds, and grows with every module's demo; loading the dump takes a second or
 * two whatever its size. The first start on a machine seeds (serving a "being loaded" page
 * meanwhile) and writes the dump; every later first start, on any data folder, loads it.
 *
 * The dump is taken right after seeding, before the app answers anyone: it holds the demo and
 * nothing a visitor did. It does hold the installation secrets made while the app was built
 * (the cookie secret), which a loaded copy drops (settingsRepository.forgetSecrets).
 */

/**
 * The project's folder: the nearest above this file that holds a package.json. Not a fixed
 * number of levels up, because `concord` runs a compiled copy from dist/<fingerprint>/src
 * (bin/compiled.js), and the key must cover the sources and the lockfile either way.
 */
function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('no package.json above the demo image module');
    dir = up;
  }
  return dir;
}
const ROOT = projectRoot();

function hashFiles(hash: ReturnType<typeof createHash>, dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) hashFiles(hash, file);
    else hash.update(path.relative(ROOT, file)).update(fs.readFileSync(file));
  }
}

function hashIfPresent(hash: ReturnType<typeof createHash>, file: string): void {
  if (fs.existsSync(file)) hash.update(fs.readFileSync(file));
}

/**
 * What the demo depends on, so a stale image is never loaded: every source file (migrations
 * and seeders live in the modules), the lockfile, PGlite's version (the dump's format), and the
 * base URL (links in the seeded mail). ~30 ms for the 4 MB of src.
 */
export function demoImageKey(baseUrl: string): string {
  const hash = createHash('sha256');
  hashFiles(hash, path.join(ROOT, 'src'));
  hashIfPresent(hash, path.join(ROOT, 'package-lock.json'));
  hashIfPresent(hash, path.join(ROOT, 'node_modules/@electric-sql/pglite/package.json'));
  hash.update(baseUrl);
  return hash.digest('hex').slice(0, 16);
}

/** The image file for this key in the cache folder (it may not exist). */
export function demoImageFile(cacheDir: string, key: string): string {
  return path.join(cacheDir, `demo-${key}.tgz`);
}

/** The image as PGlite's loadDataDir takes it, or undefined when none was made for this key. */
export function readDemoImage(file: string): Blob | undefined {
  try {
    return new Blob([fs.readFileSync(file)]);
  } catch {
    return undefined;
  }
}

/**
 * Dump the database into the cache as the image for `file`, replacing images of older keys
 * (they can never match again). Written aside and renamed, so no start reads half a file.
 */
export async function writeDemoImage(lite: EmbeddedEngine, file: string): Promise<void> {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const blob = await lite.dumpDataDir('gzip');
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  fs.writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()), { mode: 0o600 });
  fs.renameSync(tmp, file);
  for (const old of fs.readdirSync(dir)) {
    if (/^demo-[0-9a-f]{16}\.tgz$/.test(old) && path.join(dir, old) !== file) fs.rmSync(path.join(dir, old), { force: true });
  }
}
