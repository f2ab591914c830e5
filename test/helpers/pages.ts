import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';

/**
 * What browser tests share: the demo's accounts, a context whose waits fail quickly, pressing
 * a form's button and checking the server's answer, and signing in through the page.
 */

export const DEMO_ADMIN = { email: 'admin@concord.example', password: 'demo-passphrase-concord' };
export const DEMO_MEMBER = { email: 'membre@concord.example', password: 'demo-phrase-de-passe-concord' };

/** A fresh browser profile whose waits fail within 10 s, well inside a test's own timeout. */
export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(10_000);
  return context;
}

/**
 * Press a form's button and check the server's answer to the POST: a 303 (post/redirect/get)
 * unless another status is expected. A refusal fails with what the page says.
 */
export async function submit(page: Page, button: Locator, expected = 303): Promise<void> {
  const answer = page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest());
  await button.click();
  const res = await answer;
  await page.waitForLoadState();
  if (res.status() !== expected) {
    const said = (await page.getByRole('main').innerText()).replace(/\s+/g, ' ').trim();
    throw new Error(`POST ${new URL(res.url()).pathname} answered ${res.status()}, expected ${expected}. The page says: ${said.slice(0, 600)}`);
  }
}

const SIGN_IN_LABELS = {
  en: { email: 'Email address', password: 'Password', submit: 'Sign in' },
  fr: { email: 'Adresse courriel', password: 'Mot de passe', submit: 'Se connecter' },
} as const;

/**
 * Sign in through the form. Without `baseUrl` the page must already show the form (a
 * redirect to sign-in, say); with it, the sign-in page is opened first.
 */
export async function signIn(page: Page, who: { email: string; password: string }, opts: { baseUrl?: string; lang?: 'en' | 'fr'; expected?: number } = {}): Promise<void> {
  const lang = opts.lang ?? 'en';
  const labels = SIGN_IN_LABELS[lang];
  if (opts.baseUrl) await page.goto(`${opts.baseUrl}/${lang}/sign-in`);
  await page.getByLabel(labels.email).fill(who.email);
  await page.getByLabel(labels.password, { exact: true }).fill(who.password);
  await submit(page, page.getByRole('main').getByRole('button', { name: labels.submit }), opts.expected);
}
