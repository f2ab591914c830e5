import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { checkA11y, hasChromium, launchBrowser, startE2eServer, type E2eServer } from '../helpers/browser.js';
import { DEMO_ADMIN, newContext, signIn } from '../helpers/pages.js';

/**
 * Small screens: no page scrolls sideways at 375 CSS pixels (a common phone). The pages are
 * found by following links from the home page as the demo administrator (who sees the most),
 * in English and in French, JavaScript off; wide content (tables, charts, code) may scroll
 * inside its own box, the page may not. A failure lists every page and the element that
 * sticks out furthest, so one run names all of them.
 */
const WIDTH = 375;
/** Pages per language: enough to reach every kind of page in the demo, bounded for time. */
const LIMIT = Number(process.env.SMALL_SCREEN_PAGES ?? 140);

/** Pages that must be among those checked (the issue names the first four). */
const MUST = [/\/search\?/, /\/audit$/, /\/consensus-calls\/[^/]+$/, /\/tracker$/, /\/participants$/, /\/documents\/[^/]+$/];

async function overflow(page: Page): Promise<{ width: number; culprit: string } | null> {
  return page.evaluate((w) => {
    const width = document.documentElement.scrollWidth;
    if (width <= w) return null;
    let culprit = '';
    let right = w;
    for (const el of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
      const r = el.getBoundingClientRect();
      if (r.right > right + 0.5) {
        right = r.right;
        culprit = `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''} (${Math.round(r.right)}px)`;
      }
    }
    return { width, culprit };
  }, WIDTH);
}

// Widths are the stylesheet's doing, not the database's: the PostgreSQL pass skips this crawl
// (about 100 s), the PGlite passes on Node 20 and 24 run it.
describe.skipIf(!hasChromium || !!process.env.DATABASE_URL)('pages at 375 px wide', () => {
  let server: E2eServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const lang of ['en', 'fr'] as const) {
    it(`no page scrolls sideways (${lang})`, { timeout: 600_000 }, async () => {
      const context = await newContext(browser, { javaScriptEnabled: false, viewport: { width: WIDTH, height: 800 } });
      try {
        const page = await context.newPage();
        await signIn(page, DEMO_ADMIN, { baseUrl: server.url, lang });
        const origin = new URL(server.url).origin;
        // Each consensus call first (their tables are the widest), then whatever links lead to.
        const calls = await server.db
          .selectFrom('consensus_calls as c')
          .innerJoin('processes as p', 'p.id', 'c.process_id')
          .select(['p.slug', 'c.id'])
          .execute();
        const queue = [`/${lang}/`, `/${lang}/search?q=${lang === 'fr' ? 'étiquette' : 'label'}`, ...calls.map((c) => `/${lang}/processes/${c.slug}/consensus-calls/${c.id}`)];
        const seen = new Set(queue);
        const visited: string[] = [];
        const wide: string[] = [];
        while (queue.length && visited.length < LIMIT) {
          const path = queue.shift()!;
          // Links that download (Markdown sources, attachments) are not pages.
          const res = await page.goto(origin + path).catch((e: Error) => {
            if (e.message.includes('Download is starting')) return null;
            throw e;
          });
          if (!res || !(res.headers()['content-type'] ?? '').includes('text/html')) continue;
          visited.push(path);
          const o = await overflow(page);
          if (o) wide.push(`${path}: ${o.width}px, ${o.culprit}`);
          for (const href of await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href))) {
            const u = new URL(href);
            // Same site, same language, pages only (no downloads, feeds or sign-out).
            if (u.origin !== origin || !u.pathname.startsWith(`/${lang}/`)) continue;
            if (/\.(pdf|csv|json|ics|xml|atom|zip)$|\/(sign-out|feed)/.test(u.pathname)) continue;
            // One page per path and set of parameter names: twenty filters of one list are one page.
            const key = u.pathname + (u.search ? `?${[...u.searchParams.keys()].sort().join('&')}` : '');
            if (!seen.has(key)) {
              seen.add(key);
              queue.push(u.pathname + u.search);
            }
          }
        }
        if (process.env.SMALL_SCREEN_LIST) console.log(visited.join('\n'));
        for (const m of MUST) expect(visited.some((p) => m.test(p)), `the crawl reached a page like ${m}`).toBe(true);
        expect(wide, `pages wider than ${WIDTH}px, of ${visited.length} visited`).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it("the status page and the process page's grouped sections pass axe, at 375 px and wide", { timeout: 120_000 }, async () => {
    for (const width of [WIDTH, 1280]) {
      const context = await newContext(browser, { javaScriptEnabled: false, viewport: { width, height: 800 } });
      try {
        const page = await context.newPage();
        for (const path of ['/en/status', '/fr/status', '/fr/processes/iot-security-2018']) {
          await page.goto(server.url + path);
          await checkA11y(page, `${path} at ${width} px`, { javaScriptDisabled: true });
        }
      } finally {
        await context.close();
      }
    }
  });
});
