/**
 * `npm run bench:start`: how long a newcomer waits, from `node bin/concord.js serve` to the
 * first 200 on `/en/`, in three cases, each on a new data folder and a new cache folder
 * (CONCORD_CACHE_DIR) per round:
 *
 * 1. first start on this machine: no prepared demo image yet. Also timed: the first answer of
 *    any kind (the "demo is being loaded" page, 503);
 * 2. first start on a second data folder: the image made by (1) is loaded;
 * 3. restart on that folder.
 *
 * Then a read command of the CLI (`concord process list`) while the server of (3) runs.
 * BENCH_START_RUNS rounds (default 1); every figure is printed, then the medians. The figures
 * go in docs/performance.md ("First start").
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env.BENCH_START_RUNS ?? 1);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function until(url: string, child: ChildProcess, ok: (status: number) => boolean, limitMs = 300_000): Promise<void> {
  const start = Date.now();
  while (Date.now() - start < limitMs) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode})`);
    try {
      const r = await fetch(url);
      await r.arrayBuffer();
      if (ok(r.status)) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no answer from ${url} within ${limitMs} ms`);
}

/** Start the server; resolve with the milliseconds to its first answer, to the first 200, and the child. */
async function start(dataDir: string, cacheDir: string, port: number): Promise<{ answer: number; ok: number; child: ChildProcess }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'bin/concord.js'), 'serve'], {
    env: { ...process.env, CONCORD_DATA_DIR: dataDir, CONCORD_CACHE_DIR: cacheDir, PORT: String(port), LOG_LEVEL: 'warn', BASE_URL: `http://127.0.0.1:${port}` },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}/en/`;
  await until(url, child, () => true);
  const answer = performance.now() - t0;
  await until(url, child, (s) => s === 200);
  return { answer, ok: performance.now() - t0, child };
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function cliMs(dataDir: string, args: string[]): number {
  const t0 = performance.now();
  const r = spawnSyncNode(dataDir, args);
  if (r !== 0) throw new Error(`concord ${args.join(' ')} exited with ${r}`);
  return performance.now() - t0;
}

function spawnSyncNode(dataDir: string, args: string[]): number | null {
  return spawnSync(process.execPath, [path.join(root, 'bin/concord.js'), ...args], { env: { ...process.env, CONCORD_DATA_DIR: dataDir }, stdio: ['ignore', 'ignore', 'inherit'] }).status;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${Math.round(x)} ms`;
const figures: Record<string, number[]> = { 'first start, no image: first answer': [], 'first start, no image: first 200': [], 'first start from the image: first 200': [], 'restart: first 200': [], 'CLI read beside the server': [] };
const record = (name: string, x: number) => figures[name]!.push(x);
for (let i = 0; i < runs; i++) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-start-'));
  try {
    const cacheDir = path.join(tmp, 'cache');
    const port = await freePort();
    const a = await start(path.join(tmp, 'one'), cacheDir, port);
    record('first start, no image: first answer', a.answer);
    record('first start, no image: first 200', a.ok);
    // The image is written before the demo opens: it is there once /en/ answers 200.
    await stop(a.child);
    const b = await start(path.join(tmp, 'two'), cacheDir, port);
    record('first start from the image: first 200', b.ok);
    await stop(b.child);
    const c = await start(path.join(tmp, 'two'), cacheDir, port);
    record('restart: first 200', c.ok);
    try {
      record('CLI read beside the server', cliMs(path.join(tmp, 'two'), ['process', 'list']));
    } catch (err) {
      console.error(`cli: ${(err as Error).message}`);
    }
    await stop(c.child);
    console.log(`run ${i + 1}: ${Object.entries(figures).map(([k, v]) => `${k} ${v[i] === undefined ? "-" : ms(v[i]!)}`).join('; ')}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
console.log(`median of ${runs} (load average ${os.loadavg()[0]!.toFixed(2)}, ${os.cpus().length} cores, Node ${process.version}):`);
for (const [k, v] of Object.entries(figures)) console.log(`  ${k}: ${v.length ? ms(median(v)) : '-'}`);
