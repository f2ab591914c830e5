import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, hasChromium, launchBrowser } from '../helpers/browser.js';
import { newContext } from '../helpers/pages.js';

/**
 * The accessibility check itself: every browser test leans on `checkA11y`, so it must report
 * what is wrong on the page it was given — with JavaScript off (where it checks a copy of the
 * page in a kept page of its own), with JavaScript on, and one page after another (a copy must
 * not carry the previous one's document or scripts). The pages come from a bare HTTP server.
 */
let ORIGIN = '';

const CLEAN = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Clean</title></head><body><main><h1>Clean</h1><p>Nothing wrong here.</p></main></body></html>';
/** An image without a text alternative; a script that would add one, had it run. */
const NO_ALT =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>No alt</title></head><body><main><h1>Picture</h1><img src="/p.png" id="pic"></main>' +
  '<script>document.getElementById("pic").alt = "A picture";</script></body></html>';
/** Grey on white: 1.5:1, under AA's 4.5:1, from a stylesheet named relative to the page's address. */
const LOW_CONTRAST = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Faint</title><link rel="stylesheet" href="faint.css"></head><body><main><h1>Faint</h1><p class="faint">Hard to read.</p></main></body></html>';

const PAGES: Record<string, [string, string]> = {
  '/clean': ['text/html', CLEAN],
  '/no-alt': ['text/html', NO_ALT],
  '/styled/faint': ['text/html', LOW_CONTRAST],
  '/styled/faint.css': ['text/css', '.faint { color: #ccc; background: #fff; }'],
};

function listen(): Promise<Server> {
  const server = createServer((req, res) => {
    const found = PAGES[new URL(req.url ?? '/', 'http://x').pathname];
    res.writeHead(found ? 200 : 404, { 'content-type': `${found?.[0] ?? 'text/plain'}; charset=utf-8` });
    res.end(found?.[1] ?? '');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe.skipIf(!hasChromium)('the accessibility check', () => {
  let browser: Browser;
  let server: Server;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), listen()]);
    ORIGIN = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it('without JavaScript: names the violation on each page, page after page, and passes a clean one', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${ORIGIN}/no-alt`);
      // The page's script would have given the image its alt: it must not run in the copy.
      await expect(checkA11y(page, 'no alt', { javaScriptDisabled: true })).rejects.toThrow(/image-alt/);
      await page.goto(`${ORIGIN}/clean`);
      await checkA11y(page, 'clean', { javaScriptDisabled: true });
      // The stylesheet is the page's own, loaded from its address into the copy.
      await page.goto(`${ORIGIN}/styled/faint`);
      await expect(checkA11y(page, 'faint', { javaScriptDisabled: true })).rejects.toThrow(/color-contrast/);
      await page.goto(`${ORIGIN}/clean`);
      await checkA11y(page, 'clean again', { javaScriptDisabled: true });
    } finally {
      await context.close();
    }
  });

  it('with JavaScript: checks the live page, scripts and all', async () => {
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      await page.goto(`${ORIGIN}/no-alt`);
      await checkA11y(page, 'no alt, fixed by its script');
      await page.goto(`${ORIGIN}/styled/faint`);
      await expect(checkA11y(page, 'faint')).rejects.toThrow(/color-contrast/);
    } finally {
      await context.close();
    }
  });
});
