import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { checkA11y, hasChromium, launchBrowser, startE2eServer, type E2eServer } from '../helpers/browser.js';
import { DEMO_ADMIN as ADMIN, newContext, signIn, submit } from '../helpers/pages.js';
import { createUser } from '../../src/modules/accounts/accounts.service.js';

/**
 * Public comment in a real browser: the administrator opens a comment period from its form, a
 * confirmed visitor comments on a paragraph from beside it on the document page (JavaScript
 * on) and through the plain form (JavaScript off), the receipt shows in the outbox, and a
 * moderator hides a spam comment, which leaves a tombstone. axe-core checks every page of the
 * feature (WCAG 2.1 A and AA).
 */

const SLUG = 'e2e-comments';
const VISITOR = { email: 'visitor.e2e@example.org', password: 'a long visitor passphrase 42' };

describe.skipIf(!hasChromium)('public comment in a browser', () => {
  let server: E2eServer;
  let browser: Browser;
  const at = (path: string) => `${server.url}${path}`;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
    const signedIn = await fetch(at('/api/v1/auth/sign-in'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
    const cookie = (signedIn.headers.getSetCookie().find((c) => c.startsWith('concord_session=')) ?? '').split(';')[0]!;
    const json = { 'content-type': 'application/json', cookie };
    const created = await fetch(at('/api/v1/processes'), { method: 'POST', headers: json, body: JSON.stringify({ slug: SLUG, titleEn: 'Enhancing IoT Security', titleFr: 'Améliorer la sécurité de l’IdO', phases: [] }) });
    expect(created.status).toBe(201);
    const doc = await fetch(at(`/api/v1/processes/${SLUG}/documents`), {
      method: 'POST',
      headers: json,
      body: JSON.stringify({
        slug: 'draft',
        kind: 'report',
        lang: 'en',
        title: 'Draft outcomes report',
        markdown: '# Definitions\n\nA connected device talks to a network.\n\nDefault passwords must be unique to each device.\n',
        message: 'First draft',
      }),
    });
    expect(doc.status, await doc.text()).toBe(201);
    await createUser(server.db, { email: VISITOR.email, name: 'Pat Visitor', password: VISITOR.password });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens a period, takes a comment beside a paragraph, mails its receipt and hides spam as a tombstone', { timeout: 120_000 }, async () => {
    const adminContext = await newContext(browser, { javaScriptEnabled: false });
    const visitorContext = await newContext(browser);
    const noScriptVisitor = await newContext(browser, { javaScriptEnabled: false });
    try {
      // The administrator opens the period from the process's list of periods.
      const admin = await adminContext.newPage();
      await signIn(admin, ADMIN, { baseUrl: server.url });
      await admin.goto(at(`/en/processes/${SLUG}`));
      await admin.getByRole('link', { name: 'Comment periods' }).click();
      await checkA11y(admin, 'comment periods (en)', { javaScriptDisabled: true });
      // The address without a document offers the documents to choose from.
      await admin.goto(at(`/en/processes/${SLUG}/comment-periods/new`));
      await checkA11y(admin, 'choose a document for a comment period (en)', { javaScriptDisabled: true });
      await admin.goBack();
      await admin.getByRole('link', { name: 'Open a comment period on “Draft outcomes report”' }).click();
      await checkA11y(admin, 'open a comment period (en)', { javaScriptDisabled: true });
      await admin.getByLabel('Instructions in English').fill('Comment on **each** recommendation.');
      await submit(admin, admin.getByRole('button', { name: 'Open the comment period' }));
      await expect.poll(() => admin.getByRole('heading', { level: 1 }).innerText()).toBe('Comment period: Draft outcomes report');
      expect(await admin.getByRole('main').innerText()).toMatch(/closes in (41 days, 23 hours|42 days)/);
      const periodUrl = admin.url();
      await checkA11y(admin, 'comment period (en)', { javaScriptDisabled: true });

      // A confirmed visitor comments from beside the paragraph (JavaScript on).
      const visitor = await visitorContext.newPage();
      await signIn(visitor, VISITOR, { baseUrl: server.url });
      await visitor.goto(at(`/en/processes/${SLUG}/documents/draft`));
      await visitor.locator('a[data-comment-anchor]').nth(2).click();
      const inline = visitor.locator('.comment-inline #comment-form');
      await inline.waitFor();
      expect(await visitor.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
      await checkA11y(visitor, 'document page with the inline comment form');
      await inline.getByLabel(/Your comment on/).fill('Unique passwords per device: yes, and say so on the label.');
      await inline.getByLabel('Organisation').fill('Consumers’ Association');
      await submit(visitor, inline.getByRole('button', { name: 'Send the comment' }));
      const heading = await visitor.getByRole('heading', { level: 1 }).innerText();
      const receipt = /C-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(heading)![0];
      expect(await visitor.getByRole('main').innerText()).toContain('Unique passwords per device');
      await checkA11y(visitor, 'comment page');

      // The same visitor, without JavaScript, uses the form page for a spam comment.
      const plain = await noScriptVisitor.newPage();
      await signIn(plain, VISITOR, { baseUrl: server.url });
      await plain.goto(`${periodUrl}`);
      await plain.getByRole('link', { name: 'Comment on the document as a whole' }).click();
      await checkA11y(plain, 'comment form', { javaScriptDisabled: true });
      await plain.getByLabel('Your comment').fill('BUY CHEAP WATCHES AT example.com');
      await submit(plain, plain.getByRole('button', { name: 'Send the comment' }));
      const spamUrl = plain.url();

      // The receipt email is in the outbox.
      await admin.goto(at('/en/admin/outbox'));
      expect(await admin.getByRole('main').innerText()).toContain(receipt);

      // A moderator hides the spam; the public sees a tombstone in its place.
      await admin.goto(spamUrl);
      await admin.getByLabel('Reason').selectOption('spam');
      await submit(admin, admin.getByRole('button', { name: 'Hide this comment' }));
      const tombstone = await admin.getByRole('main').innerText();
      expect(tombstone).toMatch(/Hidden by a moderator on .+: spam\./);
      expect(tombstone).not.toContain('CHEAP WATCHES');
      await admin.goto(`${periodUrl}/moderation`);
      await checkA11y(admin, 'moderation page', { javaScriptDisabled: true });
      expect(await admin.getByRole('main').innerText()).toContain('Recently hidden comments');
      // The flood signals (issue 11): their tables pass axe, in English and in French.
      const signals = await admin.getByRole('region', { name: 'Signals' }).innerText();
      expect(signals).toContain('They inform; they never hide a comment by themselves.');
      expect(signals).toContain('web form');
      expect(signals).not.toContain(VISITOR.email);
      await admin.goto(`${periodUrl.replace('/en/', '/fr/')}/moderation`);
      await checkA11y(admin, 'moderation page with signals (fr)', { javaScriptDisabled: true });
      expect(await admin.getByRole('region', { name: 'Signaux' }).innerText()).toContain('ils ne masquent jamais un commentaire à eux seuls');
      await listShowsTombstone(plain, `${periodUrl}/comments`);
      await checkA11y(plain, 'comment list', { javaScriptDisabled: true });
    } finally {
      await Promise.all([adminContext.close(), visitorContext.close(), noScriptVisitor.close()]);
    }
  });
});

async function listShowsTombstone(page: Page, url: string): Promise<void> {
  await page.goto(url);
  const text = await page.getByRole('main').innerText();
  expect(text).toContain('Unique passwords per device');
  expect(text).toMatch(/Hidden by a moderator on .+: spam\./);
  expect(text).not.toContain('CHEAP WATCHES');
}
