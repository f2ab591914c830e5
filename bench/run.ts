/**
 * `npm run bench`: start each server the targets need in its own child process, measure every
 * target with autocannon over loopback, print a table and the goals, and write the results to
 * bench/results/<timestamp>.json. See bench/README.md.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon, { type Result } from 'autocannon';
import { COMPARISONS, TARGETS, type ServerName, type Target } from './targets.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');

const settings = {
  seconds: positiveNumber('BENCH_SECONDS', 10),
  warmupSeconds: positiveNumber('BENCH_WARMUP_SECONDS', 2, true),
  connections: positiveNumber('BENCH_CONNECTIONS', 50),
};
// Names separated by ';', or by ',' when there is no ';' (the signed-in targets' names hold a comma).
const onlyRaw = process.env.BENCH_ONLY;
const only = onlyRaw?.split(onlyRaw.includes(';') ? ';' : ',').map((s) => s.trim());

function positiveNumber(name: string, fallback: number, zeroOk = false): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0 || (n === 0 && !zeroOk)) throw new Error(`${name} must be a positive number, got ${raw}`);
  return n;
}

/** A server child process, its address, and the facts it reported (e.g. a fixture's paths). */
interface Server {
  url: string;
  child: ChildProcess;
  info: Record<string, unknown>;
}

/** Start bench/servers/serve.ts in a child process and wait for its READY line. */
function startServer(name: ServerName, args: string[] = []): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'servers/serve.ts'), name, ...args], {
    cwd: root,
    env: { ...process.env, TSX_TSCONFIG_PATH: path.join(root, 'tsconfig.json') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let buffered = '';
    // A fixture server loads 100,000 comments before it is ready; the others take seconds.
  const timer = setTimeout(() => reject(new Error(`${name} server did not start within 600 s`)), 600_000);
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const m = /^READY (\S+)(?: (.+))?$/m.exec(buffered);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ url: m[1], child, info: m[2] ? (JSON.parse(m[2]) as Record<string, unknown>) : {} });
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${name} server exited before it was ready (${signal ?? `code ${code}`})`));
    });
  });
}

/** Ask a server to stop, and wait for it (SIGKILL after 10 s). */
async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.child.once('exit', () => resolve()));
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** A text with `{fact}` replaced by what the target's server reported. */
function resolveFacts(text: string, target: Target, server: Server): string {
  return text.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = server.info[key];
    if (typeof value !== 'string') throw new Error(`${target.name}: its server reported no "${key}"`);
    return value;
  });
}

/** A target's path, facts filled in. */
function resolvePath(target: Target, server: Server): string {
  return resolveFacts(target.path, target, server);
}

/** A target's request headers, facts filled in. */
function resolveHeaders(target: Target, server: Server): Record<string, string> {
  return Object.fromEntries(Object.entries(target.headers ?? {}).map(([k, v]) => [k, resolveFacts(v, target, server)]));
}

/** One target's figures, as printed and as written to JSON. */
interface Measured {
  name: string;
  server: ServerName;
  url: string;
  connections: number;
  requestsPerSec: { mean: number; stddev: number; min: number; max: number };
  latencyMs: { mean: number; p50: number; p90: number; p99: number; max: number };
  /** Requests one at a time, before the load: what a single visitor waits. */
  aloneMs: { median: number; max: number };
  throughputBytesPerSec: number;
  responseBytes: number;
  totalRequests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

/** Time `n` requests made one after another (no other load), in ms. */
async function alone(url: string, headers: Record<string, string>, n = 20): Promise<{ median: number; max: number }> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    const res = await fetch(url, { headers });
    await res.arrayBuffer();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(n / 2)]!, max: times[n - 1]! };
}

async function measure(target: Target, server: Server, responseBytes: number): Promise<Measured> {
  const url = new URL(resolvePath(target, server), server.url).toString();
  const opts = { url, connections: target.connections ?? settings.connections, headers: resolveHeaders(target, server) };
  const aloneMs = await alone(url, opts.headers);
  if (settings.warmupSeconds > 0) await autocannon({ ...opts, duration: settings.warmupSeconds });
  const r: Result = await autocannon({ ...opts, duration: settings.seconds });
  return {
    name: target.name,
    server: target.server,
    url,
    connections: opts.connections,
    requestsPerSec: { mean: r.requests.mean, stddev: r.requests.stddev, min: r.requests.min, max: r.requests.max },
    latencyMs: { mean: r.latency.mean, p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max },
    aloneMs,
    throughputBytesPerSec: r.throughput.mean,
    responseBytes,
    totalRequests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  };
}

/** GET a URL once, failing unless it answers 200 with a body; returns the body. */
async function fetchOk(url: string, headers: Record<string, string> = {}): Promise<string> {
  const res = await fetch(url, { headers });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}: ${body.slice(0, 300)}`);
  return body;
}

function gitCommit(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')).join('\n');
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function main(): Promise<number> {
  const targets = TARGETS.filter((t) => !only || only.includes(t.name));
  if (targets.length === 0) throw new Error(`BENCH_ONLY matched no target; targets are: ${TARGETS.map((t) => t.name).join(', ')}`);
  const engine = process.env.DATABASE_URL ? 'postgres' : 'pglite';
  const cpus = os.cpus();
  console.log(
    `Concord bench: ${settings.seconds} s per target after ${settings.warmupSeconds} s warm-up, ${settings.connections} connections, ` +
      `Node ${process.version}, ${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, database ${engine}`,
  );
  console.log('The load generator runs on the same machine and competes with the server for cores.\n');

  const servers = new Map<ServerName, Server>();
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'concord-bench-html-'));
  const stopAll = async () => {
    await Promise.all([...servers.values()].map(stopServer));
    rmSync(scratch, { recursive: true, force: true });
  };
  const onSignal = () => {
    void stopAll().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    // The app servers first (the targets', and those whose pages a bare target copies)…
    const sourceOf = (t: Target): Target => {
      const src = TARGETS.find((x) => x.name === (t.sameBytesAs ?? 'concord /en/'));
      if (!src || src.server === 'bare') throw new Error(`${t.name}: no page to copy`);
      return src;
    };
    const bare = targets.filter((t) => t.server === 'bare');
    const wanted = new Set<ServerName>([...targets.filter((t) => t.server !== 'bare').map((t) => t.server), ...bare.map((t) => sourceOf(t).server)]);
    for (const name of wanted) servers.set(name, await startServer(name));
    // …then one bare server with a route per bare target, serving a copy of its page, byte for byte.
    if (bare.length > 0) {
      const args: string[] = [];
      for (const [i, t] of bare.entries()) {
        const src = sourceOf(t);
        const server = servers.get(src.server)!;
        const file = path.join(scratch, `page-${i}.html`);
        writeFileSync(file, await fetchOk(new URL(resolvePath(src, server), server.url).toString(), resolveHeaders(src, server)));
        args.push(`${t.path}=${file}`);
      }
      servers.set('bare', await startServer('bare', args));
    }

    const results: Measured[] = [];
    for (const target of targets) {
      const server = servers.get(target.server);
      if (!server) throw new Error(`no ${target.server} server for ${target.name}`);
      const body = await fetchOk(new URL(resolvePath(target, server), server.url).toString(), resolveHeaders(target, server));
      process.stdout.write(`measuring ${target.name} (${resolvePath(target, server)}, ${Buffer.byteLength(body)} bytes)… `);
      const m = await measure(target, server, Buffer.byteLength(body));
      results.push(m);
      console.log(`${fmt(m.requestsPerSec.mean)} req/s`);
    }

    console.log();
    console.log(
      table([
        ['target', 'conns', 'req/s (mean)', '± stddev', 'p50 ms', 'p99 ms', 'max ms', 'alone ms', 'bytes', 'requests', 'non-2xx', 'errors'],
        ...results.map((m) => [
          m.name,
          fmt(m.connections),
          fmt(m.requestsPerSec.mean),
          fmt(m.requestsPerSec.stddev),
          fmt(m.latencyMs.p50, 1),
          fmt(m.latencyMs.p99, 1),
          fmt(m.latencyMs.max, 1),
          fmt(m.aloneMs.median, 1),
          fmt(m.responseBytes),
          fmt(m.totalRequests),
          fmt(m.non2xx),
          fmt(m.errors),
        ]),
      ]),
    );

    const comparisons = COMPARISONS.flatMap((c) => {
      const num = results.find((m) => m.name === c.numerator);
      const den = results.find((m) => m.name === c.denominator);
      if (!num || !den) return [];
      const ratio = num.requestsPerSec.mean / den.requestsPerSec.mean;
      return [{ ...c, ratio, pass: ratio >= c.goal }];
    });
    if (comparisons.length > 0) {
      console.log();
      console.log(
        table([['goal', 'ratio', 'goal ≥', 'verdict'], ...comparisons.map((c) => [c.name, fmt(c.ratio, 3), fmt(c.goal, 2), c.pass ? 'PASS' : 'BELOW GOAL'])]),
      );
    }

    // The slowest single request of Concord's pages: under load (autocannon's max) and alone.
    const pages = results.filter((m) => m.server !== 'bare');
    const slowest =
      pages.length === 0
        ? null
        : {
            underLoad: pages.reduce((a, b) => (b.latencyMs.max > a.latencyMs.max ? b : a)),
            alone: pages.reduce((a, b) => (b.aloneMs.max > a.aloneMs.max ? b : a)),
          };
    if (slowest) {
      console.log(
        `\nslowest single request: ${fmt(slowest.underLoad.latencyMs.max)} ms under load (${slowest.underLoad.name}, ${slowest.underLoad.connections} connections); ` +
          `${fmt(slowest.alone.aloneMs.max, 1)} ms alone (${slowest.alone.name})`,
      );
    }
    const facts = Object.fromEntries([...servers].filter(([, s]) => Object.keys(s.info).length > 0).map(([n, s]) => [n, s.info]));
    for (const [name, info] of Object.entries(facts)) if (info.fixture) console.log(`${name} fixture: ${JSON.stringify(info.fixture)}`);

    const broken = results.filter((m) => m.non2xx > 0 || m.errors > 0);
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const resultsDir = path.join(here, 'results');
    mkdirSync(resultsDir, { recursive: true });
    const file = path.join(resultsDir, `${stamp}.json`);
    const report = {
      date: new Date().toISOString(),
      commit: gitCommit(),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      cpus: { count: cpus.length, model: cpus[0]?.model },
      database: engine,
      settings,
      servers: facts,
      results,
      comparisons,
      slowest: slowest && {
        underLoadMs: slowest.underLoad.latencyMs.max,
        underLoadTarget: slowest.underLoad.name,
        aloneMs: slowest.alone.aloneMs.max,
        aloneTarget: slowest.alone.name,
      },
    };
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nresults written to ${path.relative(process.cwd(), file)}`);
    if (broken.length > 0) {
      console.error(`\nnon-2xx answers or errors on: ${broken.map((m) => m.name).join(', ')}: the figures do not measure the page`);
      return 1;
    }
    return 0;
  } finally {
    await stopAll();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
