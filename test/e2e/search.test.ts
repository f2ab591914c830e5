import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { checkA11y, hasChromium, launchBrowser, startE2eServer, type E2eServer } from '../helpers/browser.js';
import { newContext } from '../helpers/pages.js';

/**
 * Search in a real browser, on the demo (seeded through the services, so indexed as it was
 * seeded): from the header's search box to the results, then a filter, in both languages,
 * each page checked with axe-core. No JavaScript is involved: the forms are plain GET forms.
 */
describe.skipIf(!hasChromium)('search in a browser', () => {
  let server: E2eServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const at = (path: string) => `${server.url}${path}`;

  /** Type into the header's search box and submit it, as a person would. */
  async function searchFromHeader(page: Page, label: string, words: string) {
    const box = page.getByRole('search').getByLabel(label);
    await box.fill(words);
    await Promise.all([page.waitForURL(/\/search\?/), box.press('Enter')]);
  }

  it('finds a meeting from the header box in English, filters by kind, and passes axe', { timeout: 90_000 }, async () => {
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      await page.goto(at('/en/'));
      await searchFromHeader(page, 'Search the site', 'labels');
      expect(new URL(page.url()).pathname).toBe('/en/search');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Search');
      // "labels" finds the "Labelling workshop" (English stemming), highlighted.
      const link = page.getByRole('link', { name: 'Labelling workshop' });
      await expect(link.count()).resolves.toBeGreaterThan(0);
      await expect(link.first().locator('mark').textContent()).resolves.toBe('Labelling');
      expect(await link.first().getAttribute('href')).toMatch(/^\/en\/processes\/[a-z0-9-]+\/meetings\/[0-9a-f-]+$/);
      await expect(page.getByLabel('Search for').inputValue()).resolves.toBe('labels');
      await checkA11y(page, 'search results (en)');

      // Narrow to meetings with the form on the page.
      await page.getByLabel('Kind', { exact: true }).selectOption('meeting');
      await Promise.all([page.waitForURL(/kind=meeting/), page.getByRole('button', { name: 'Search', exact: true }).last().click()]);
      const badges = await page.locator('.search-result .badge').allTextContents();
      expect(badges.length).toBeGreaterThan(0);
      expect(new Set(badges.filter((b) => b !== 'members only' && b !== 'cancelled'))).toEqual(new Set(['Meeting']));

      // Following a result leads to the meeting.
      await Promise.all([page.waitForURL(/\/meetings\//), page.getByRole('link', { name: 'Labelling workshop' }).first().click()]);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Labelling workshop');

      // A query too long, and one that finds nothing, explain themselves.
      await page.goto(at(`/en/search?q=${'x'.repeat(201)}`));
      await expect(page.locator('.error-summary').textContent()).resolves.toContain('at most 200 characters');
      await checkA11y(page, 'search error (en)');
      await page.goto(at('/en/search?q=zzqqxxnothing'));
      await expect(page.getByRole('status').textContent()).resolves.toContain('Nothing found');
      await checkA11y(page, 'search, no results (en)');
    } finally {
      await context.close();
    }
  });

  it('finds it in French without accents, and the empty page passes axe', { timeout: 90_000 }, async () => {
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      await page.goto(at('/fr/'));
      await searchFromHeader(page, 'Rechercher dans le site', 'etiquetage');
      expect(new URL(page.url()).pathname).toBe('/fr/search');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Recherche');
      const link = page.getByRole('link', { name: 'Atelier sur l’étiquetage' });
      await expect(link.count()).resolves.toBeGreaterThan(0);
      await expect(link.first().locator('mark').textContent()).resolves.toBe('étiquetage');
      expect(await link.first().getAttribute('href')).toMatch(/^\/fr\/processes\//);
      await expect(page.getByRole('status').textContent()).resolves.toMatch(/^Résultats 1 à \d+/);
      await checkA11y(page, 'search results (fr)');

      await page.goto(at('/fr/search'));
      await expect(page.locator('#search-results-title').count()).resolves.toBe(0);
      await checkA11y(page, 'search form (fr)');
    } finally {
      await context.close();
    }
  });
});
