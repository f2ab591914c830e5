// The compiled copy of src/ that `concord` runs from.
//
// Under tsx every TypeScript file is compiled (or read from tsx's cache) through loader hooks
// that run in a thread of their own, one message per file: a read command beside a running
// server spent most of its ~1 s there. esbuild compiles all of src/ in about a second, once, and
// then Node loads plain JavaScript. The copy is kept under dist/<fingerprint>/, where the
// fingerprint covers every file of src/ (path, size, modification time) and the compiler's
// settings: a changed source file makes a new copy on the next run, so what runs is always
// what src/ says. A copy is never changed once written (a running server may still load files
// from it), and only the newest few are kept.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** How many compiled copies to keep (older ones go when a new one is written). */
const KEEP = 3;
/** Bumped when what `build` writes changes shape, so older copies are not reused. */
const LAYOUT = 1;

/** Every file under `dir`, in a stable order, as paths relative to `base`. */
function walk(dir, base, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(file, base, out);
    else if (entry.isFile()) out.push(path.relative(base, file));
  }
  return out;
}

const isSource = (f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.endsWith('.d.ts');
const isTest = (f) => /\.test\.tsx?$/.test(f);

/** A digest of src/ as it is now: ~5 ms of stat calls for ~550 files. */
export function fingerprint(root) {
  const hash = createHash('sha256').update(`layout ${LAYOUT}\n`);
  hash.update(fs.readFileSync(path.join(root, 'tsconfig.json')));
  for (const rel of walk(path.join(root, 'src'), root)) {
    if (isTest(rel)) continue;
    const st = fs.statSync(path.join(root, rel));
    hash.update(`${rel}\0${st.size}\0${st.mtimeMs}\n`);
  }
  return hash.digest('hex').slice(0, 16);
}

/** The folder of the compiled copy for `fp`, and the marker written last when it is whole. */
const copyDir = (root, fp) => path.join(root, 'dist', fp);
const doneMarker = (dir) => path.join(dir, '.complete');

/**
 * Compile src/ into dist/<fingerprint>/src (TypeScript and JSX to ES modules, other files
 * copied as they are), writing into a temporary folder renamed into place when whole, so two
 * commands starting at once never see half a copy. Returns the copy's folder.
 */
export async function build(root, fp = fingerprint(root)) {
  const dir = copyDir(root, fp);
  if (fs.existsSync(doneMarker(dir))) return dir;
  const { build: esbuild } = await import('esbuild');
  const tmp = path.join(root, 'dist', `.tmp-${fp}-${process.pid}-${Date.now()}`);
  fs.mkdirSync(tmp, { recursive: true });
  try {
    const files = walk(path.join(root, 'src'), root).filter((f) => !isTest(f));
    await esbuild({
      entryPoints: files.filter(isSource).map((f) => path.join(root, f)),
      outdir: path.join(tmp, 'src'),
      outbase: path.join(root, 'src'),
      format: 'esm',
      platform: 'node',
      target: 'node20',
      tsconfig: path.join(root, 'tsconfig.json'),
      sourcemap: 'inline',
      sourcesContent: false,
      logLevel: 'silent',
    });
    for (const rel of files.filter((f) => !isSource(f) && !f.endsWith('.d.ts'))) {
      fs.mkdirSync(path.dirname(path.join(tmp, rel)), { recursive: true });
      fs.copyFileSync(path.join(root, rel), path.join(tmp, rel));
    }
    fs.writeFileSync(doneMarker(tmp), `${new Date().toISOString()}\n`);
    try {
      fs.renameSync(tmp, dir);
    } catch (err) {
      // Another command finished the same copy first: theirs is as good as ours.
      if (!fs.existsSync(doneMarker(dir))) throw err;
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  } catch (err) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  prune(root, fp);
  return dir;
}

/** Keep the newest KEEP copies (and this one); drop older ones and abandoned temporary folders. */
function prune(root, keep) {
  const distDir = path.join(root, 'dist');
  const entries = fs
    .readdirSync(distDir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => ({ name: e.name, mtime: fs.statSync(path.join(distDir, e.name)).mtimeMs }));
  const hourAgo = Date.now() - 3_600_000;
  const copies = entries.filter((e) => /^[0-9a-f]{16}$/.test(e.name) && e.name !== keep).sort((a, b) => b.mtime - a.mtime);
  const stale = [...copies.slice(KEEP - 1), ...entries.filter((e) => e.name.startsWith('.tmp-') && e.mtime < hourAgo)];
  for (const e of stale) fs.rmSync(path.join(distDir, e.name), { recursive: true, force: true });
}

/**
 * The compiled copy of the current src/, built if needed; undefined when it cannot be (no
 * esbuild, a read-only folder…), in which case the caller runs the sources through tsx.
 */
export async function compiledCopy(root) {
  try {
    return await build(root);
  } catch (err) {
    if (process.env.CONCORD_DEBUG_BUILD) console.error(err);
    return undefined;
  }
}

// `npm run build` (and npm's `prepare`, after `npm install`): make the copy ahead of the first
// start. A failure is reported but does not fail the install: `concord` then runs the sources.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
  const t0 = Date.now();
  try {
    const dir = await build(root);
    console.log(`src/ compiled: ${path.relative(root, dir)} (${Date.now() - t0} ms)`);
  } catch (err) {
    console.warn(`could not compile src/ ahead (${err instanceof Error ? err.message : String(err)}); concord will run the sources through tsx`);
  }
}
