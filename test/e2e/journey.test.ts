import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { checkA11y, hasChromium, launchBrowser, startE2eServer, type E2eServer } from '../helpers/browser.js';
import { DEMO_ADMIN as ADMIN, newContext as freshContext, signIn as signInAs, submit } from '../helpers/pages.js';

/**
 * The journey of a new person, in a real browser against the real server: register, read the
 * confirmation email in the admin outbox, confirm, sign in, switch language, sign out.
 * Every page visited is checked with axe-core (WCAG 2.1 A and AA).
 */

const PASSWORD = 'violet harbour kettle 42';

/** Where to write screenshots for a human to look at (unset: none are taken). */
const SCREENSHOTS = process.env.E2E_SCREENSHOTS;

describe.skipIf(!hasChromium)('in a browser', () => {
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
  const pathOf = (page: Page) => new URL(page.url()).pathname;

  const EN = 'en' as const;
  const FR = 'fr' as const;
  const newContext = (options: BrowserContextOptions = {}): Promise<BrowserContext> => freshContext(browser, options);
  /** Sign in on the form the page shows. */
  const signIn = (page: Page, lang: 'en' | 'fr', who: { email: string; password: string }, expected = 303) => signInAs(page, who, { lang, expected });

  it('a new person registers, confirms by the emailed link, signs in, switches to French and signs out', { timeout: 60_000 }, async () => {
    const email = `e2e.${Date.now().toString(36)}@example.org`;
    const name = 'Dominique Lapointe';
    const person = await newContext();
    const admin = await newContext();
    try {
      const page = await person.newPage();

      // Home, then the register link in the header.
      await page.goto(at('/en/'));
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
      await checkA11y(page, 'home (en)');
      await page.getByRole('navigation').getByRole('link', { name: 'Register' }).click();
      await page.waitForURL('**/en/register');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Create an account');
      await checkA11y(page, 'register (en)');

      // Register.
      await page.getByLabel('Full name').fill(name);
      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Choose a password').fill(PASSWORD);
      await submit(page, page.getByRole('button', { name: 'Create account' }));
      await page.waitForURL('**/en/register/sent');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Check your email');
      await checkA11y(page, 'register/sent (en)');

      // The administrator reads the confirmation email in the outbox.
      const adminPage = await admin.newPage();
      await adminPage.goto(at('/en/sign-in'));
      await signIn(adminPage, EN, ADMIN);
      await adminPage.waitForURL('**/en/account');
      await adminPage.getByRole('navigation').getByRole('link', { name: 'Outbox' }).click();
      await adminPage.waitForURL('**/en/admin/outbox');
      await checkA11y(adminPage, 'outbox list (en)');
      const row = adminPage.getByRole('row').filter({ hasText: email });
      await expect(row.count()).resolves.toBe(1);
      await row.getByRole('link', { name: 'Confirm your email address for Concord' }).click();
      await adminPage.waitForURL('**/en/admin/outbox/*');
      await expect(adminPage.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Confirm your email address for Concord');
      await expect(adminPage.getByRole('main').getByText(email, { exact: true }).count()).resolves.toBeGreaterThan(0);
      await checkA11y(adminPage, 'outbox message (en)');
      const confirmLink = await adminPage.getByRole('link', { name: /\/account\/confirm\?token=/ }).getAttribute('href');
      expect(confirmLink).toMatch(new RegExp(`^${server.url}/en/account/confirm\\?token=[^\\s]+$`));

      // The person follows the link and confirms.
      await page.goto(confirmLink!);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Confirm your email address');
      await checkA11y(page, 'confirm (en)');
      await submit(page, page.getByRole('button', { name: 'Confirm my email address' }));
      await page.waitForURL('**/en/sign-in');
      await expect(page.getByRole('status').textContent()).resolves.toBe('Your email address is confirmed. Thank you.');
      await checkA11y(page, 'sign-in with notice (en)');

      // Sign in: the account page shows the name and the confirmation.
      await signIn(page, EN, { email, password: PASSWORD });
      await page.waitForURL('**/en/account');
      await expect(page.getByRole('status').textContent()).resolves.toBe('You are signed in.');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Your account');
      const main = page.getByRole('main');
      await expect(main.getByText(name, { exact: true }).count()).resolves.toBe(1);
      await expect(main.getByText(/^Confirmed on /).count()).resolves.toBe(1);
      await checkA11y(page, 'account (en)');

      // The same page in French, from the header's language link.
      await page.getByRole('banner').getByRole('link', { name: 'Français' }).click();
      await page.waitForURL('**/fr/account');
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('fr');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Votre compte');
      await expect(
        page
          .getByRole('main')
          .getByText(/^Confirmée le /)
          .count(),
      ).resolves.toBe(1);
      await checkA11y(page, 'account (fr)');
      if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/account-fr.png`, fullPage: true });

      // Sign out from the header.
      await submit(page, page.getByRole('banner').getByRole('button', { name: 'Se déconnecter' }));
      await page.waitForURL('**/fr/');
      await expect(page.getByRole('status').textContent()).resolves.toBe('Vous êtes déconnecté.');
      const header = page.getByRole('banner');
      await expect(header.getByRole('link', { name: 'Se connecter' }).count()).resolves.toBe(1);
      await expect(header.getByRole('button', { name: 'Se déconnecter' }).count()).resolves.toBe(0);
      await checkA11y(page, 'home after sign-out (fr)');

      // Signed out for real: the account page now sends to sign-in.
      await page.goto(at('/fr/account'));
      expect(pathOf(page)).toBe('/fr/sign-in');
    } finally {
      await person.close();
      await admin.close();
    }
  });

  it('the demo administrator signs in in French and sees the outbox in the navigation', { timeout: 30_000 }, async () => {
    const context = await newContext();
    try {
      const page = await context.newPage();
      await page.goto(at('/fr/sign-in'));
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('fr');
      await checkA11y(page, 'sign-in (fr)');
      await signIn(page, FR, ADMIN);
      await page.waitForURL('**/fr/account');
      await expect(page.getByRole('status').textContent()).resolves.toBe('Vous êtes connecté.');
      const outbox = page.getByRole('navigation').getByRole('link', { name: 'Boîte d’envoi' });
      await expect(outbox.getAttribute('href')).resolves.toBe('/fr/admin/outbox');
      await checkA11y(page, 'account (fr, admin)');
      await outbox.click();
      await page.waitForURL('**/fr/admin/outbox');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Boîte d’envoi');
      await checkA11y(page, 'outbox list (fr)');
    } finally {
      await context.close();
    }
  });

  it('signing in works without JavaScript, and a wrong password shows the error summary linking to the field', { timeout: 30_000 }, async () => {
    const context = await newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(at('/en/sign-in'));
      await signIn(page, EN, { email: ADMIN.email, password: 'not the right password at all' }, 400);
      await page.waitForURL('**/en/sign-in');

      // The summary comes first in main, before the form, and links to the field at fault.
      const summary = page.getByRole('alert');
      await expect(summary.getByRole('heading', { name: 'There is a problem' }).count()).resolves.toBe(1);
      const link = summary.getByRole('link', { name: 'The email address or the password is not right.' });
      await expect(link.getAttribute('href')).resolves.toBe('#field-email');
      const summaryBox = await summary.boundingBox();
      const fieldBox = await page.getByLabel('Email address').boundingBox();
      expect(summaryBox && fieldBox && summaryBox.y < fieldBox.y).toBe(true);
      // The link's target is the email input, marked invalid and described by its error.
      const field = page.locator('#field-email');
      await expect(field.getAttribute('aria-invalid')).resolves.toBe('true');
      await expect(field.getAttribute('aria-describedby')).resolves.toContain('field-email-error');
      await expect(field.inputValue()).resolves.toBe(ADMIN.email);
      await checkA11y(page, 'sign-in with error (en, no JavaScript)', { javaScriptDisabled: true });

      await link.click();
      expect(new URL(page.url()).hash).toBe('#field-email');

      // The form, sent again with the right password, signs in.
      await signIn(page, EN, ADMIN);
      await page.waitForURL('**/en/account');
      await expect(page.getByRole('status').textContent()).resolves.toBe('You are signed in.');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Your account');
    } finally {
      await context.close();
    }
  });

  it('the first Tab on the home page focuses a visible "Skip to main content" link', { timeout: 30_000 }, async () => {
    const context = await newContext();
    try {
      const page = await context.newPage();
      await page.goto(at('/en/'));
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: 'Skip to main content' });
      await expect(skip.evaluate((el) => el === (el.ownerDocument as unknown as { activeElement: unknown }).activeElement)).resolves.toBe(true);
      const box = await skip.boundingBox();
      const viewport = page.viewportSize()!;
      expect(box).not.toBeNull();
      expect(box!.width).toBeGreaterThan(0);
      expect(box!.height).toBeGreaterThan(0);
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
      expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);

      // Following it moves focus to main.
      await page.keyboard.press('Enter');
      await expect(page.evaluate('document.activeElement && document.activeElement.id')).resolves.toBe('main');
    } finally {
      await context.close();
    }
  });
});
