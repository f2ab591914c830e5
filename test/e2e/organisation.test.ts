import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { checkA11y, hasChromium, launchBrowser, startE2eServer, type E2eServer } from '../helpers/browser.js';
import { DEMO_ADMIN, DEMO_MEMBER, newContext, signIn, submit } from '../helpers/pages.js';
import { accountsRepository } from '../../src/modules/accounts/accounts.repository.js';
import { setOrganisationRoles } from '../../src/modules/participants/organisation-roles.service.js';

/**
 * An organisation's page in a real browser with JavaScript off: the demo member, made an owner
 * of a demo organisation, adds the administrator as a manufacturer with the form and removes
 * them again, in French; each page checked with axe-core.
 */
describe.skipIf(!hasChromium)('an organisation page in a browser', () => {
  let server: E2eServer;
  let browser: Browser;
  let orgId = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
    const org = await server.db.selectFrom('organisations').select('id').orderBy('name').executeTakeFirstOrThrow();
    orgId = org.id;
    const member = (await accountsRepository.findByEmail(server.db, DEMO_MEMBER.email))!;
    await setOrganisationRoles(server.db, 'console', orgId, member.id, ['owner']);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lets its owner say who acts for it without JavaScript, and passes axe', { timeout: 90_000 }, async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/en/organisations/${orgId}`);
      await expect(page.getByRole('heading', { name: 'Who acts for this organisation' }).count()).resolves.toBe(1);
      await expect(page.getByRole('button', { name: 'Save their roles' }).count()).resolves.toBe(0);
      await checkA11y(page, 'organisation page, signed out (en)', { javaScriptDisabled: true });

      await signIn(page, DEMO_MEMBER, { baseUrl: server.url, lang: 'fr' });
      await page.goto(`${server.url}/fr/organisations/${orgId}`);
      await page.getByLabel('Son adresse courriel').fill(DEMO_ADMIN.email);
      await page.getByLabel('Fabricant').check();
      await submit(page, page.getByRole('button', { name: 'Enregistrer ses rôles' }));
      await expect(page.getByText('Ses rôles sont enregistrés.').count()).resolves.toBe(1);
      const row = page.getByRole('row', { name: /Alex Administrator/ });
      await expect(row.getByRole('cell', { name: 'Fabricant' }).count()).resolves.toBe(1);
      await checkA11y(page, 'organisation page, its owner (fr)', { javaScriptDisabled: true });

      // A form sent with no role ticked comes back with the problem beside the field.
      await page.getByLabel('Son adresse courriel').fill(DEMO_ADMIN.email);
      await submit(page, page.getByRole('button', { name: 'Enregistrer ses rôles' }), 422);
      await expect(page.getByRole('alert').innerText()).resolves.toContain('Cochez au moins un rôle.');
      await checkA11y(page, 'organisation page, form with an error (fr)', { javaScriptDisabled: true });

      await submit(page, page.getByRole('button', { name: 'Retirer Alex Administrator' }));
      await expect(page.getByText('Cette personne n’agit plus pour l’organisation.').count()).resolves.toBe(1);
      await expect(page.getByRole('row', { name: /Alex Administrator/ }).count()).resolves.toBe(0);
    } finally {
      await context.close();
    }
  });
});
