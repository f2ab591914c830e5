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

  it('answers the largest campaign once, and sees it once on the public listing and the report, every text answered', { timeout: 150_000 }, async () => {
    const r = await sql<{ period_id: string; slug: string; id: string; texts: number }>`
      select c.period_id, p.slug, c.id, c.text_count as texts
      from campaigns c join comment_periods cp on cp.id = c.period_id join processes p on p.id = cp.process_id
      where c.group_count > 1 order by c.member_count desc, c.id limit 1`.execute(sb.server.db);
    const demo = r.rows[0];
    expect(demo, 'the demo seeds a campaign of several texts').toBeDefined();
    const periodPath = `/processes/${demo!.slug}/comment-periods/${demo!.period_id}`;
    const rationale = `Section 4 now covers this campaign (${Date.now()}).`;

    const context = await newContext(sb.browser, { javaScriptEnabled: false });
    const visitor = await newContext(sb.browser, { javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await signIn(page, DEMO_ADMIN, { baseUrl: sb.server.url });
      await page.goto(at(`/en${periodPath}/campaigns/${demo!.id}`));
      const count = await page.getByTestId('campaign-count').textContent();
      await page.getByLabel('Noted').check();
      await page.getByLabel('Rationale').fill(rationale);
      await submit(page, page.getByRole('button', { name: 'Record the response for the campaign' }));
      await expect(page.getByRole('status').textContent()).resolves.toContain('The response was recorded for every comment of the campaign.');

      // The public listing, page after page: the campaign is shown once, by its representative with its count.
      const pub = await visitor.newPage();
      const link = `/en${periodPath}/comments?campaign=${demo!.id}`;
      const members = new Set(
        (await sql<{ id: string }>`select c.id from comments c join comment_groups g on g.id = c.group_id where g.campaign_id = ${demo!.id} and c.listed`.execute(sb.server.db)).rows.map((x) => x.id),
      );
      expect(members.size, 'the campaign has several texts').toBeGreaterThan(1);
      let seen = 0;
      let shownMembers = 0;
      let next: string | null = `/en${periodPath}/comments`;
      for (let pages = 0; next && pages < 40; pages++) {
        await pub.goto(at(next));
        seen += await pub.locator(`a[href="${link}"]`).count();
        for (const id of await pub.locator('article.comment').evaluateAll((els) => els.map((e) => e.id.replace('comment-', '')))) if (members.has(id)) shownMembers++;
        next = await pub.locator('a[rel="next"]').first().getAttribute('href').catch(() => null);
        if (pages === 0) await checkA11y(pub, 'comments listing with a campaign shown once (en)', { javaScriptDisabled: true });
      }
      expect(seen).toBe(1);
      expect(shownMembers, 'one text of the campaign on the public listing').toBe(1);

      // Every text of the campaign behind that link, each with the one answer.
      await pub.goto(at(link));
      await expect(pub.getByText(/^Every text of one campaign:/).count()).resolves.toBe(1);
      const texts = pub.locator('article.comment');
      expect(await texts.count()).toBeGreaterThanOrEqual(Math.min(Number(demo!.texts), 2));
      // Every text now has an answer: the campaign's, or (the demo answered its comments one by one) its own, which it keeps.
      const unanswered = await sql<{ n: string }>`
        select count(*) as n from comments c join comment_groups g on g.id = c.group_id
        where g.campaign_id = ${demo!.id} and c.listed and c.status = 'visible'
          and not exists (select 1 from comment_dispositions d where d.comment_id = c.id)`.execute(sb.server.db);
      await expect(texts.filter({ hasText: rationale }).count()).resolves.toBe(Number(unanswered.rows[0]!.n));
      await expect(texts.locator('.comment-response').count()).resolves.toBe(await texts.count());
      await checkA11y(pub, 'one campaign’s texts (en)', { javaScriptDisabled: true });
      await pub.goto(at(link.replace('/en/', '/fr/')));
      await expect(pub.getByText(/^Chaque texte d’une campagne/).count()).resolves.toBe(1);
      await checkA11y(pub, 'one campaign’s texts (fr)', { javaScriptDisabled: true });

      // The disposition report: the campaign's line once, with the count the campaign page showed.
      await pub.goto(at(`/en${periodPath}/report`));
      const line = pub.locator(`a[href="${link}"]`);
      await expect(line.count()).resolves.toBe(1);
      await expect(line.textContent()).resolves.toContain(`One campaign: ${count} comments`);
      await checkA11y(pub, 'disposition report with a campaign (en)', { javaScriptDisabled: true });
    } finally {
      await visitor.close();
      await context.close();
    }
  });

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
