import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DEMO_ADMIN, newContext, signIn, submit } from '../helpers/pages.js';
import { checkA11y, hasChromium, serverAndBrowser } from '../helpers/browser.js';

/**
 * A moderator's review of the demo's detected campaigns in Chromium with JavaScript off: from
 * the period page to its campaigns (largest first), one campaign's page with its count,
 * variants, breakdowns and timeline, the Detect button, and the response form's error. axe-core
 * checks both pages in English and French, and the form with its error.
 */
describe.skipIf(!hasChromium)('campaign review in a browser', () => {
  const sb = serverAndBrowser();
  const at = (path: string) => `${sb.server.url}${path}`;

  it('reviews the demo period’s campaigns and opens the largest', { timeout: 120_000 }, async () => {
    // The demo's period with the most campaigns, and its process (the demo seeds their detection).
    const r = await sql<{ period_id: string; slug: string; n: string; largest: string }>`
      select c.period_id, p.slug, count(*) as n, max(c.member_count) as largest
      from campaigns c join comment_periods cp on cp.id = c.period_id join processes p on p.id = cp.process_id
      group by c.period_id, p.slug order by count(*) desc limit 1`.execute(sb.server.db);
    const demo = r.rows[0];
    expect(demo, 'the demo seeds detected campaigns').toBeDefined();
    expect(Number(demo!.n)).toBeGreaterThanOrEqual(3);
    const periodPath = `/processes/${demo!.slug}/comment-periods/${demo!.period_id}`;

    const context = await newContext(sb.browser, { javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await signIn(page, DEMO_ADMIN, { baseUrl: sb.server.url });
      await page.goto(at(`/en${periodPath}`));
      await page.getByRole('link', { name: 'Campaigns in these comments' }).click();
      await page.waitForLoadState();
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Campaigns');
      const rows = page.getByRole('table', { name: 'Campaigns in this period, largest first' }).locator('tbody tr');
      await expect(rows.count()).resolves.toBe(Number(demo!.n));
      // Largest first: the first row's count is the period's largest campaign.
      await expect(rows.first().locator('td').nth(2).textContent()).resolves.toBe(new Intl.NumberFormat('en-CA').format(Number(demo!.largest)));
      await checkA11y(page, 'campaigns list (en)', { javaScriptDisabled: true });

      await rows.first().getByRole('link').click();
      await page.waitForLoadState();
      await expect(page.getByTestId('campaign-count').textContent()).resolves.toBe(new Intl.NumberFormat('en-CA').format(Number(demo!.largest)));
      await expect(page.getByRole('img', { name: /Bar chart of comments per day/ }).count()).resolves.toBe(1);
      await expect(page.getByRole('table', { name: 'Comments per day' }).count()).resolves.toBe(1);
      await expect(page.getByRole('table', { name: 'Comments by stakeholder group' }).count()).resolves.toBe(1);
      await checkA11y(page, 'campaign page (en)', { javaScriptDisabled: true });
      const campaignUrl = new URL(page.url()).pathname;

      await submit(page, page.getByRole('button', { name: 'Record the response for the campaign' }), 422);
      await expect(page.getByRole('alert').innerText()).resolves.toContain('Choose an outcome.');
      await checkA11y(page, 'campaign response with an error (en)', { javaScriptDisabled: true });

      await page.goto(at(campaignUrl.replace('/en/', '/fr/')));
      await expect(page.getByRole('heading', { level: 2, name: 'Variantes' }).count()).resolves.toBe(1);
      await checkA11y(page, 'campaign page (fr)', { javaScriptDisabled: true });
      await page.goto(at(`/fr${periodPath}/campaigns`));
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Campagnes');
      await checkA11y(page, 'campaigns list (fr)', { javaScriptDisabled: true });
      // Last, as the worker may replace the campaigns (and their ids) once it runs the job.
      await submit(page, page.getByRole('button', { name: 'Détecter les campagnes' }));
      await expect(page.getByRole('status').textContent()).resolves.toContain('La détection a commencé');
    } finally {
      await context.close();
    }
  });
});
