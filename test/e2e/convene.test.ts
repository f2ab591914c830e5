import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { checkA11y, hasChromium, launchBrowser, startE2eServer, type E2eServer } from '../helpers/browser.js';
import { DEMO_ADMIN, signIn, submit } from '../helpers/pages.js';
import { createUser } from '../../src/modules/accounts/accounts.service.js';
import { accountsRepository } from '../../src/modules/accounts/accounts.repository.js';
import { mailRepository } from '../../src/modules/mail/mail.repository.js';
import { groupScope } from '../../src/modules/groups/groups.service.js';
import { scheduleMeeting } from '../../src/modules/meetings/meetings.service.js';
import { MeetingBody } from '../../src/modules/meetings/meetings.schema.js';
import { jobsSchemaFor } from '../../src/platform/jobs/queue.js';

/**
 * Convening, in a real browser on the demo process: a new participant joins the process for
 * an organisation, sees the balance change, joins a working group, and every page passes axe.
 */
describe.skipIf(!hasChromium)('convening in a browser', () => {
  let server: E2eServer;
  let browser: Browser;
  const PASSWORD = 'violet harbour kettle 42';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** The members count of a stakeholder group in the balance table on the page. */
  async function countFor(page: Page, group: string): Promise<number> {
    const row = page.locator('table', { hasText: 'Stakeholder group' }).first().getByRole('row', { name: new RegExp(`^${group}`) });
    return Number((await row.getByRole('cell').first().innerText()).replace(/\D/g, ''));
  }

  it('joins the process for an organisation, sees the balance change, and joins a working group', { timeout: 90_000 }, async () => {
    const email = `convene.${Date.now().toString(36)}@example.org`;
    await createUser(server.db, { email, name: 'Rowan Okafor', password: PASSWORD });
    const context = await browser.newContext();
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/en/sign-in?next=${encodeURIComponent('/en/processes/iot-security-2018')}`);
      await signIn(page, { email, password: PASSWORD });
      await page.waitForURL('**/en/processes/iot-security-2018');
      await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Enhancing IoT Security');
      await checkA11y(page, 'process page (en)');
      const before = await countFor(page, 'Academia');

      await page.getByRole('link', { name: 'Join this process' }).click();
      await page.waitForURL('**/join');
      await checkA11y(page, 'join form');
      await page.getByLabel('Choose your organisation').selectOption({ label: 'Atlantic Cyber Lab (fictional)' });
      await page.getByRole('radio', { name: 'Academia' }).check();
      await submit(page, page.getByRole('button', { name: 'Join' }));
      await expect(page.getByRole('status').innerText()).resolves.toContain('You have joined the process');
      await expect(page.getByText('You are a member', { exact: true }).count()).resolves.toBe(1);
      expect(await countFor(page, 'Academia')).toBe(before + 1);

      await page.getByRole('link', { name: 'Device labelling' }).click();
      await checkA11y(page, 'working group page');
      await submit(page, page.getByRole('button', { name: 'Join this working group' }));
      await expect(page.getByText('You are a member of this group.').count()).resolves.toBe(1);
      await checkA11y(page, 'working group page, as a member');

      // The group's chair has scheduled its next call; the new member registers for it.
      const admin = (await accountsRepository.findByEmail(server.db, 'admin@concord.example'))!;
      const scope = await groupScope(server.db, 'iot-security-2018', 'device-labelling');
      const next = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
      await scheduleMeeting(
        { db: server.db, baseUrl: server.url, jobsSchema: jobsSchemaFor(server.schema) },
        { userId: admin.id, name: admin.name, email: admin.email, lang: 'en', emailConfirmed: true, isAdmin: true, processRoles: new Map(), groupRoles: new Map(), organisationRoles: new Map(), installationRoles: new Set() },
        scope,
        MeetingBody.parse({ titleEn: 'Label criteria review', titleFr: 'Revue des critères d’étiquetage', format: 'virtual', joinUrl: 'https://meet.example/labels', startsAt: `${next}T13:00`, endsAt: `${next}T14:30`, timeZone: 'America/Toronto' }),
      );
      await page.reload();
      await page.getByRole('link', { name: 'Label criteria review' }).click();
      await checkA11y(page, 'meeting page');
      await submit(page, page.getByRole('main').getByRole('button', { name: 'Register' }));
      await expect(page.getByText('You are registered for this meeting.').count()).resolves.toBe(1);
      const [confirmation] = await mailRepository.list(server.db, { to: email, limit: 1 });
      expect(confirmation!.subject).toContain('Label criteria review');
      expect(confirmation!.ics).toContain('BEGIN:VEVENT');
      expect(confirmation!.ics).toContain('TZID=America/Toronto');

      await page.goto(`${server.url}/fr/processes/iot-security-2018/participants?group=device-labelling`);
      await expect(page.getByRole('cell', { name: 'Rowan Okafor' }).count()).resolves.toBe(1);
      await checkA11y(page, 'participants directory (fr)');
      await page.goto(`${server.url}/fr/processes/iot-security-2018/organisations`);
      await checkA11y(page, 'organisations (fr)');
      await page.goto(`${server.url}/fr/processes`);
      await checkA11y(page, 'process list (fr)');
    } finally {
      await context.close();
    }
  });

  it('lets a convener create a process and copy the model process as a template, with no JavaScript', { timeout: 60_000 }, async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/fr/sign-in`);
      await signIn(page, DEMO_ADMIN, { lang: 'fr' });
      await page.goto(`${server.url}/fr/processes/iot-security-2018/copy`);
      await checkA11y(page, 'copy form (fr)', { javaScriptDisabled: true });
      await page.getByLabel('Nom court pour l’adresse').fill('iot-nz-2020');
      await page.getByLabel('Titre en anglais').fill('IoT security, New Zealand');
      await page.getByLabel('Titre en français').fill('Sécurité de l’IdO, Nouvelle-Zélande');
      await page.getByLabel('Le nouveau processus commence le').fill('2020-03-02');
      await submit(page, page.getByRole('button', { name: 'Créer le nouveau processus' }));
      await page.waitForURL('**/fr/processes/iot-nz-2020');
      await expect(page.getByRole('link', { name: 'Étiquetage des appareils' }).count()).resolves.toBe(1);
      await checkA11y(page, 'copied process (fr)', { javaScriptDisabled: true });
      await page.goto(`${server.url}/fr/processes/new`);
      await checkA11y(page, 'new process form (fr)', { javaScriptDisabled: true });
      await page.goto(`${server.url}/fr/processes/iot-nz-2020/stakeholder-groups`);
      await checkA11y(page, 'stakeholder groups form (fr)', { javaScriptDisabled: true });
      await page.goto(`${server.url}/fr/processes/iot-nz-2020/invitations/new`);
      await checkA11y(page, 'invite form (fr)', { javaScriptDisabled: true });
      await page.goto(`${server.url}/fr/processes/iot-nz-2020/groups/new`);
      await checkA11y(page, 'new group form (fr)', { javaScriptDisabled: true });
    } finally {
      await context.close();
    }
  });
});
