import { afterAll, beforeAll } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import path from 'node:path';
import pg from 'pg';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/platform/db/schema.js';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServer } from '../../src/app/main.js';
import { reportSetupTime, testConfig } from './db.js';
import { toolPresent } from './tools.js';
import { jobsSchemaFor } from '../../src/platform/jobs/queue.js';
import { imageBlob, postgresCopy, providedImage } from './images.js';

/**
 * Browser end-to-end helpers: a headless Chromium (never downloaded; the system one or
 * CHROMIUM_PATH), axe-core accessibility checks, and the real server on a real port.
 */

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * True when a Chromium executable is there; browser suites use `describe.skipIf(!hasChromium)`.
 * Under CI=true a missing Chromium throws here, so every browser file fails (tools.ts).
 */
export const hasChromium = toolPresent(`Chromium at ${CHROMIUM_PATH}`, existsSync(CHROMIUM_PATH), 'set CHROMIUM_PATH to a Chromium executable, or apt-get install chromium');

/** Launch headless Chromium; close it in afterAll. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

const require = createRequire(import.meta.url);
let axeSource: string | undefined;
/** axe.min.js, read once from the installed axe-core package. */
function axe(): string {
  return (axeSource ??= readFileSync(path.join(path.dirname(require.resolve('axe-core')), 'axe.min.js'), 'utf8'));
}

/** The WCAG 2.x A and AA rules; best-practice rules are left out on purpose. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface A11yViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  targets: string[];
}

/**
 * Run axe-core on the page as it is now and fail with a readable list of violations.
 *
 * The site sends `Content-Security-Policy: script-src 'self'`, so `page.addScriptTag({ content })`
 * (an inline <script>) is refused by the browser. Instead axe's source is evaluated through
 * the DevTools protocol (`page.evaluate`), which CSP does not govern; this keeps the real CSP
 * on during the test (no `bypassCSP`). For a page in a context with JavaScript disabled, pass
 * `{ javaScriptDisabled: true }` (see a11yViolationsOfCopy).
 */
export async function checkA11y(page: Page, label: string, opts: { javaScriptDisabled?: boolean } = {}): Promise<void> {
  const violations = opts.javaScriptDisabled ? await a11yViolationsOfCopy(page) : await a11yViolations(page);
  if (violations.length === 0) return;
  const lines = violations.map(
    (v) =>
      `  - [${v.impact ?? 'unknown'}] ${v.id}: ${v.help}\n      at ${v.targets.slice(0, 3).join(' | ')}${v.targets.length > 3 ? ` (+${v.targets.length - 3} more)` : ''}\n      ${v.helpUrl}`,
  );
  throw new Error(`Accessibility violations on "${label}" (${page.url()}):\n${lines.join('\n')}`);
}

/** The WCAG A/AA violations axe-core finds on the page (empty when there are none). */
export async function a11yViolations(page: Page): Promise<A11yViolation[]> {
  const loaded = await page.evaluate('typeof window.axe === "object"');
  if (!loaded) await page.evaluate(axe());
  return page.evaluate(async (tags) => {
    interface AxeResult {
      violations: { id: string; impact?: string | null; help: string; helpUrl: string; nodes: { target: unknown[] }[] }[];
    }
    const g = globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<AxeResult> }; document: unknown };
    const result = await g.axe.run(g.document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      helpUrl: v.helpUrl,
      targets: v.nodes.map((n) => n.target.map(String).join(' ')),
    }));
  }, WCAG_TAGS);
}

/**
 * In a context created with `javaScriptEnabled: false`, `page.evaluate` still runs synchronous
 * code but its promises never settle (timers are off), so `axe.run` would hang. Instead the
 * page's current DOM is written into a JavaScript-enabled page kept for this purpose (one per
 * browser), under a `<base>` naming the page's address so its stylesheets load from the
 * server as before, and axe runs there.
 *
 * Why one page kept open: a new context per check and injecting axe.min.js into it cost ~5×
 * what axe's run does (measured in the consensus journey: context 0.5–1.5 s, injection
 * 0.7–1.4 s, the run 0.3–0.8 s, at a load of 18). Writing a document into an open page keeps
 * its window, so axe is injected once; axe reads `document` afresh on every run.
 */
export async function a11yViolationsOfCopy(page: Page): Promise<A11yViolation[]> {
  const browser = page.context().browser();
  if (!browser) throw new Error('checkA11y: the page has no browser to open a copy in');
  // One copy at a time per browser: checks started together take turns on the kept page.
  const before = copyTurns.get(browser) ?? Promise.resolve();
  const turn = before.then(() => checkCopy(browser, page));
  copyTurns.set(browser, turn.catch(() => undefined));
  return turn;
}

const copyTurns = new WeakMap<Browser, Promise<unknown>>();

async function checkCopy(browser: Browser, page: Page): Promise<A11yViolation[]> {
  const html = await page.content();
  const address = page.url().split('#')[0]!;
  const copy = await axePage(browser, new URL(address).origin);
  const viewport = page.viewportSize();
  if (viewport) await copy.setViewportSize(viewport);
  // The page was read without JavaScript: its scripts stay out of the copy too (they would
  // change the DOM under check, and run again in the kept window at every copy).
  const noScripts = html.replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, '');
  await copy.setContent(withBase(noScripts, address), { waitUntil: 'load' });
  return a11yViolations(copy);
}

const axePages = new WeakMap<Browser, Promise<{ page: Page; origin: string }>>();

/** The browser's page for copies, on `origin` (a blank document served there, so fonts and styles are same-origin) with axe loaded. */
async function axePage(browser: Browser, origin: string): Promise<Page> {
  let kept = axePages.get(browser);
  const current = kept && (await kept);
  if (current && current.origin === origin && !current.page.isClosed()) return current.page;
  kept = (async () => {
    const context = current?.page.context() ?? (await browser.newContext());
    const page = current?.page.isClosed() === false ? current.page : await context.newPage();
    const blank = `${origin}/__axe-copy__`;
    await page.route(blank, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: '<!doctype html><title>axe</title>' }), { times: 1 });
    await page.goto(blank);
    await page.evaluate(axe());
    return { page, origin };
  })();
  axePages.set(browser, kept);
  return (await kept).page;
}

/** `html` with a `<base href>` first in its head, so relative addresses resolve as on the page it came from. */
function withBase(html: string, address: string): string {
  const base = `<base href="${address.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + base + html.slice(head.index + head[0].length);
  return base + html;
}

/** A TCP port free right now (listen on 0, read it, close), so the base URL can name it. */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, host, () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** The real server, as `npm start` runs it (migrations, demo data), on its own database. */
export interface E2eServer {
  url: string;
  /** The server's database, for setting up what a test needs (accounts, roles). */
  db: Kysely<DB>;
  /** Its PostgreSQL schema, when it has one of its own (jobs live in a schema named after it). */
  schema: string | undefined;
  stop(): Promise<void>;
}

/**
 * Start Concord with the demo loaded on 127.0.0.1 and a free port, with `baseUrl` naming
 * that port so emailed links work (mail seeded with the demo names DEMO_IMAGE_BASE_URL).
 * The database is a copy of the run's demo image (test/helpers/images.ts): in-memory PGlite
 * loaded from the dump, or on PostgreSQL a database copied from the template, dropped by
 * stop(). Without an image (a file run outside the vitest projects) the server seeds the
 * demo itself, in memory or in a schema of its own.
 */
export async function startE2eServer(): Promise<E2eServer> {
  const started = performance.now();
  const port = await freePort();
  const base = testConfig({ loadDemo: true, port, host: '127.0.0.1', baseUrl: `http://127.0.0.1:${port}`, logLevel: 'warn' });
  const image = providedImage('demoImage');
  let schema: string | undefined;
  let config = base;
  let dropCopy = async () => {};
  if (image?.engine === 'pglite' && !base.databaseUrl) {
    config = { ...base, pgliteImage: imageBlob(image.file) };
  } else if (image?.engine === 'postgres' && base.databaseUrl) {
    const copy = await postgresCopy(base.databaseUrl, image);
    schema = image.schema;
    config = { ...base, databaseUrl: copy.databaseUrl, databaseSchema: schema };
    dropCopy = copy.drop;
  } else if (base.databaseUrl) {
    schema = `e2e_${Math.random().toString(16).slice(2, 14)}`;
    await adminQuery(base.databaseUrl, `create schema ${schema}`);
    config = { ...base, databaseSchema: schema };
    dropCopy = () => adminQuery(base.databaseUrl!, `drop schema ${schema} cascade; drop schema if exists ${jobsSchemaFor(schema)} cascade`);
  }
  try {
    const running = await startServer(config, () => {});
    // Without an image the demo is seeded in the background: the journeys need all of it.
    await running.demoReady;
    reportSetupTime('demo server', started);
    return {
      url: running.url,
      db: running.database.db,
      schema,
      stop: async () => {
        await running.stop();
        await dropCopy();
      },
    };
  } catch (err) {
    await dropCopy();
    throw err;
  }
}

async function adminQuery(connectionString: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** The demo server and the browser of one browser file, readable once its beforeAll has run. */
export interface ServerAndBrowser {
  readonly server: E2eServer;
  readonly browser: Browser;
}

/**
 * What every browser file set up the same way: in a beforeAll, the demo server and Chromium
 * started together (neither waits on the other); in an afterAll, the browser closed and the
 * server stopped. When one of the two fails to start, the other is closed before the hook fails,
 * so no Chromium or server outlives the file. Call it in the describe block, before the file's
 * own hooks: vitest runs beforeAll hooks in order and afterAll hooks in reverse, so the file's
 * set-up sees both started and its clean-up runs before they close.
 */
export function serverAndBrowser(): ServerAndBrowser {
  let started: { server: E2eServer; browser: Browser } | undefined;
  beforeAll(async () => {
    const [server, browser] = await Promise.allSettled([startE2eServer(), launchBrowser()]);
    if (server.status === 'fulfilled' && browser.status === 'fulfilled') {
      started = { server: server.value, browser: browser.value };
      return;
    }
    if (browser.status === 'fulfilled') await browser.value.close();
    if (server.status === 'fulfilled') await server.value.stop();
    throw server.status === 'rejected' ? server.reason : (browser as PromiseRejectedResult).reason;
  });
  afterAll(async () => {
    await started?.browser.close();
    await started?.server.stop();
    started = undefined;
  });
  const get = (): { server: E2eServer; browser: Browser } => {
    if (!started) throw new Error('serverAndBrowser: read before its beforeAll ran, or after its afterAll');
    return started;
  };
  return {
    get server() {
      return get().server;
    },
    get browser() {
      return get().browser;
    },
  };
}
