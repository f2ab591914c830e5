import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { checkA11y, hasChromium, serverAndBrowser } from '../helpers/browser.js';
import { DEMO_ADMIN as ADMIN, DEMO_MEMBER as MEMBER, newContext as freshContext, signIn as signInAs, submit } from '../helpers/pages.js';

/**
 * Meetings in a real browser against the real server: a convener opens the scheduling form,
 * a member registers for a meeting and the page shows it. Each page is checked with axe-core.
 */

/** Where to write screenshots for a human to look at (unset: none are taken). */
const SCREENSHOTS = process.env.E2E_SCREENSHOTS;

describe.skipIf(!hasChromium)('meetings in a browser', () => {
  const e2e = serverAndBrowser();

  const at = (path: string) => `${e2e.server.url}${path}`;
  const newContext = (): Promise<BrowserContext> => freshContext(e2e.browser);
  const signIn = (page: Page, who: typeof ADMIN) => signInAs(page, who, { baseUrl: e2e.server.url });


  it('a convener opens the schedule form; a member registers and sees their place', { timeout: 90_000 }, async () => {
    const slug = `e2e-meetings-${Date.now().toString(36)}`;
    const admin = await newContext();
    const member = await newContext();
    try {
      const adminPage = await admin.newPage();
      await signIn(adminPage, ADMIN);
      const created = await adminPage.request.post(at('/api/v1/processes'), { data: { slug, titleEn: 'Meetings journey', titleFr: 'Parcours des réunions', phases: [] } });
      expect(created.status()).toBe(201);
      const start = new Date(Date.now() + 7 * 86_400_000);
      const day = start.toISOString().slice(0, 10);
      const scheduled = await adminPage.request.post(at(`/api/v1/processes/${slug}/meetings`), {
        data: {
          titleEn: 'Final meeting in Ottawa',
          titleFr: 'Réunion finale à Ottawa',
          descriptionEn: 'The last plenary of the process.',
          descriptionFr: 'La dernière plénière du processus.',
          format: 'hybrid',
          venue: 'Ottawa Conference Centre',
          address: '55 Colonel By Dr, Ottawa',
          streamUrl: 'https://stream.example/final',
          startsAt: `${day}T09:00`,
          endsAt: `${day}T16:00`,
          timeZone: 'America/Toronto',
          capacity: 50,
        },
      });
      expect(scheduled.status()).toBe(201);
      const meetingId = ((await scheduled.json()) as { id: string }).id;

      // The scheduling form, as a convener sees it.
      await adminPage.goto(at(`/en/processes/${slug}/meetings/new`));
      await expect(adminPage.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Schedule a meeting of the process');
      await checkA11y(adminPage, 'schedule form (en)');
      await adminPage.goto(at(`/fr/processes/${slug}/meetings/new`));
      await checkA11y(adminPage, 'schedule form (fr)');

      // Every page a chair uses to run it, and the form showing its errors.
      for (const sub of ['edit', 'agenda', 'minutes', 'attendance', 'cancel']) {
        await adminPage.goto(at(`/en/processes/${slug}/meetings/${meetingId}/${sub}`));
        await checkA11y(adminPage, `meeting ${sub} (en)`);
      }
      await adminPage.goto(at(`/en/processes/${slug}/meetings/${meetingId}/edit`));
      await adminPage.getByLabel('Title in English').fill('');
      await adminPage.getByLabel('Ends').fill(`${day}T08:00`);
      await submit(adminPage, adminPage.getByRole('button', { name: 'Save the meeting' }), 422);
      await expect(adminPage.getByRole('alert').innerText()).resolves.toContain('This field cannot be empty.');
      await checkA11y(adminPage, 'meeting edit form with errors (en)');
      if (SCREENSHOTS) await adminPage.screenshot({ path: `${SCREENSHOTS}/meeting-edit-errors.png`, fullPage: true });
      await adminPage.goto(at(`/en/processes/${slug}/meetings`));
      await checkA11y(adminPage, 'meetings list (en)');

      // A member finds the meeting from the process page and registers.
      const page = await member.newPage();
      await signIn(page, MEMBER);
      await page.goto(at(`/en/processes/${slug}`));
      await page.getByRole('link', { name: 'Final meeting in Ottawa' }).click();
      await page.waitForURL(`**/en/processes/${slug}/meetings/${meetingId}`);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Final meeting in Ottawa');
      await expect(page.getByText('(America/Toronto)').count()).resolves.toBeGreaterThan(0);
      await checkA11y(page, 'meeting page (en)');
      await page.getByLabel('Show my name in the public list of attendees').check();
      await submit(page, page.getByRole('main').getByRole('button', { name: 'Register' }));
      await page.waitForURL(`**/en/processes/${slug}/meetings/${meetingId}`);
      await expect(page.getByRole('status').textContent()).resolves.toContain('You are registered.');
      await expect(page.getByText('You are registered for this meeting.').count()).resolves.toBe(1);
      await expect(page.getByText('1 of 50 places taken').count()).resolves.toBe(1);
      await checkA11y(page, 'meeting page, registered (en)');
      if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/meeting-en.png`, fullPage: true });

      await page.getByRole('banner').getByRole('link', { name: 'Français' }).click();
      await page.waitForURL(`**/fr/processes/${slug}/meetings/${meetingId}`);
      await expect(page.getByText('Votre inscription à cette réunion est confirmée.').count()).resolves.toBe(1);
      await checkA11y(page, 'meeting page, registered (fr)');

      // The calendar link answers with an iCalendar document.
      const ics = await page.request.get(at(`/api/v1/meetings/${meetingId}.ics?lang=fr`));
      expect(ics.headers()['content-type']).toBe('text/calendar; charset=utf-8');
      expect(await ics.text()).toContain(`UID:meeting-${meetingId}@concord`);
    } finally {
      await admin.close();
      await member.close();
    }
  });
});
