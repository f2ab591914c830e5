import { readFileSync } from 'node:fs';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tFor, type Lang } from '../../src/platform/i18n/i18n.js';
import { BalanceChart, type BalanceRow } from '../../src/platform/web/components/balance-chart.js';
import { checkA11y, hasChromium, launchBrowser } from '../helpers/browser.js';

/**
 * The balance chart in a real browser, checked with axe-core (WCAG 2.1 A and AA). No server:
 * the chart is rendered here and set as the page's content, with the site's stylesheets inline.
 */

/** Where to write screenshots for a human to look at (unset: none are taken). */
const SCREENSHOTS = process.env.E2E_SCREENSHOTS;

const css = ['app.css', 'charts.css'].map((f) => readFileSync(new URL(`../../src/platform/web/public/${f}`, import.meta.url), 'utf8')).join('\n');

const ROWS: BalanceRow[] = [
  { key: 'gov', label: 'Government', count: 12, targetShare: 0.2 },
  { key: 'cs', label: 'Civil society', count: 0, targetShare: 0.2 },
  { key: 'tech', label: 'Technical community', count: 20, targetShare: 0.2 },
  { key: 'acad', label: 'Academia', count: 8, targetShare: null },
  { key: 'ind', label: 'Private sector', count: 12, targetShare: 0.25 },
];

function page(lang: Lang, rows: BalanceRow[]): string {
  const chart = renderToString(h(BalanceChart, { caption: lang === 'fr' ? 'Membres par groupe' : 'Members by group', lang, t: tFor(lang), rows }));
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Balance</title><style>${css}</style></head><body><main id="main" class="wrap"><h1>Balance</h1>${chart}</main></body></html>`;
}

describe.skipIf(!hasChromium)('balance chart in a browser', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  const cases: [string, Lang, BalanceRow[]][] = [
    ['en', 'en', ROWS],
    ['fr', 'fr', ROWS],
    ['empty process', 'en', ROWS.map((r) => ({ ...r, count: 0 }))],
    ['no groups', 'fr', []],
  ];

  for (const [label, lang, rows] of cases) {
    it(`passes axe: ${label}`, async () => {
      const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
      try {
        const p = await context.newPage();
        await p.setContent(page(lang, rows));
        await checkA11y(p, `balance chart (${label})`);
        // The chart is exposed as one image whose name is the caption; the table keeps its caption too.
        await expect(p.getByRole('img', { name: lang === 'fr' ? 'Membres par groupe' : 'Members by group' }).count()).resolves.toBe(1);
        await expect(p.getByRole('table', { name: lang === 'fr' ? 'Membres par groupe' : 'Members by group' }).count()).resolves.toBe(1);
        if (SCREENSHOTS) await p.screenshot({ path: `${SCREENSHOTS}/balance-${label.replace(/\s+/g, '-')}.png`, fullPage: true });
      } finally {
        await context.close();
      }
    });
  }
});
