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
const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());

function positiveNumber(name: string, fallback: number, zeroOk = false): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0 || (n === 0 && !zeroOk)) throw new Error(`${name} must be a positive number, got ${raw}`);
  return n;
}

/** A server child process and its address. */
interface Server {
  url: string;
  child: ChildProcess;
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
    const timer = setTimeout(() => reject(new Error(`${name} server did not start within 120 s`)), 120_000);
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const m = /^READY (\S+)$/m.exec(buffered);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ url: m[1], child });
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

/** One target's figures, as printed and as written to JSON. */
interface Measured {
  name: string;
  server: ServerName;
  url: string;
  requestsPerSec: { mean: number; stddev: number; min: number; max: number };
  latencyMs: { mean: number; p50: number; p90: number; p99: number; max: number };
  throughputBytesPerSec: number;
  responseBytes: number;
  totalRequests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

async function measure(target: Target, base: string, responseBytes: number): Promise<Measured> {
  const url = new URL(target.path, base).toString();
  const opts = { url, connections: settings.connections, headers: target.headers ?? {} };
  if (settings.warmupSeconds > 0) await autocannon({ ...opts, duration: settings.warmupSeconds });
  const r: Result = await autocannon({ ...opts, duration: settings.seconds });
  return {
    name: target.name,
    server: target.server,
    url,
    requestsPerSec: { mean: r.requests.mean, stddev: r.requests.stddev, min: r.requests.min, max: r.requests.max },
    latencyMs: { mean: r.latency.mean, p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max },
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
    // Concord first: the bare route serves a copy of its home page, byte for byte.
    const concord = await startServer('concord');
    servers.set('concord', concord);
    const home = await fetchOk(new URL('/en/', concord.url).toString(), { 'accept-language': 'en' });
    const htmlFile = path.join(scratch, 'home.html');
    writeFileSync(htmlFile, home);
    if (targets.some((t) => t.server === 'bare')) servers.set('bare', await startServer('bare', [htmlFile]));

    const results: Measured[] = [];
    for (const target of targets) {
      const server = servers.get(target.server);
      if (!server) throw new Error(`no ${target.server} server for ${target.name}`);
      const body = await fetchOk(new URL(target.path, server.url).toString(), target.headers);
      process.stdout.write(`measuring ${target.name} (${target.path}, ${Buffer.byteLength(body)} bytes)… `);
      const m = await measure(target, server.url, Buffer.byteLength(body));
      results.push(m);
      console.log(`${fmt(m.requestsPerSec.mean)} req/s`);
    }

    console.log();
    console.log(
      table([
        ['target', 'req/s (mean)', '± stddev', 'p50 ms', 'p99 ms', 'bytes', 'requests', 'non-2xx', 'errors'],
        ...results.map((m) => [
          m.name,
          fmt(m.requestsPerSec.mean),
          fmt(m.requestsPerSec.stddev),
          fmt(m.latencyMs.p50, 1),
          fmt(m.latencyMs.p99, 1),
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
      results,
      comparisons,
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
