import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchBrowser, startE2eServer, type E2eServer } from '../helpers/browser.js';
import { newContext } from '../helpers/pages.js';

/**
 * Two things review saw on the home page and the process page (app.css): a blank band inside
 * each card (a heading's top margin, a paragraph's bottom one, inside the padding), and table
 * headers split one piece of a word per line at 375 px ("Gouver / nement", "Mem / bres").
 */
const PAGES = ['/fr/', '/en/', '/fr/processes', '/fr/processes/iot-security-2018', '/en/processes/iot-labels-live'];

/** Cards whose content does not start at the padding, or (the fullest of a list) end at it. */
async function cardBands(page: Page): Promise<string[]> {
  return page.$$eval('.cards', (lists) =>
    lists.flatMap((list) => {
      const cards = Array.from(list.children) as HTMLElement[];
      // Cards of a row stretch to the tallest; the one with the most content must end at its padding.
      const content = (c: HTMLElement) => c.lastElementChild!.getBoundingClientRect().bottom - c.firstElementChild!.getBoundingClientRect().top;
      const fullest = cards.reduce((a, b) => (content(b) > content(a) ? b : a));
      return cards.flatMap((card) => {
        const s = getComputedStyle(card);
        const box = card.getBoundingClientRect();
        const first = card.firstElementChild!.getBoundingClientRect();
        const last = card.lastElementChild!.getBoundingClientRect();
        const top = first.top - box.top - parseFloat(s.paddingTop) - parseFloat(s.borderTopWidth);
        const bottom = box.bottom - last.bottom - parseFloat(s.paddingBottom) - parseFloat(s.borderBottomWidth);
        const name = card.textContent.trim().slice(0, 30);
        return [
          ...(top > 1 ? [`"${name}": ${Math.round(top)}px blank at the top`] : []),
          ...(card === fullest && bottom > 1 ? [`"${name}": ${Math.round(bottom)}px blank at the bottom`] : []),
        ];
      });
    }),
  );
}

/** Table cells where a word is split across lines: the cell is narrower than its longest word. */
async function splitWords(page: Page): Promise<string[]> {
  return page.$$eval('main th, main td', (cells) => {
    const probe = document.createElement('span');
    probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap';
    document.body.append(probe);
    const out: string[] = [];
    for (const cell of cells as HTMLElement[]) {
      // Only prose: digests, URLs and code may break anywhere by design.
      if (cell.querySelector('a, code')) continue;
      const words = (cell.textContent ?? '').trim().split(/\s+/).filter(Boolean);
      if (!words.length) continue;
      const s = getComputedStyle(cell);
      probe.style.font = s.font;
      const widest = Math.max(...words.map((w) => ((probe.textContent = w), probe.getBoundingClientRect().width)));
      const room = cell.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
      if (widest > room + 1) out.push(`"${words.join(' ').slice(0, 40)}": ${Math.round(room)}px for a ${Math.round(widest)}px word`);
    }
    probe.remove();
    return out;
  });
}

describe.skipIf(!hasChromium)('cards and table labels', () => {
  let server: E2eServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('cards have no blank band and no table label splits a word, at 1280 and 375 px', { timeout: 180_000 }, async () => {
    const faults: string[] = [];
    let cards = 0;
    let cells = 0;
    for (const width of [1280, 375]) {
      const context = await newContext(browser, { javaScriptEnabled: false, viewport: { width, height: 900 } });
      try {
        const page = await context.newPage();
        for (const path of PAGES) {
          await page.goto(server.url + path);
          cards += await page.locator('.card').count();
          cells += await page.locator('main th').count();
          for (const f of [...(await cardBands(page)), ...(await splitWords(page))]) faults.push(`${path} at ${width}px: ${f}`);
        }
      } finally {
        await context.close();
      }
    }
    expect(cards).toBeGreaterThan(4);
    expect(cells).toBeGreaterThan(10);
    expect(faults).toEqual([]);
  });
});
