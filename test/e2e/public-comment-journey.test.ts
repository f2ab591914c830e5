import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { checkA11y, hasChromium, launchBrowser, startE2eServer, type E2eServer } from '../helpers/browser.js';
import { DEMO_ADMIN as ADMIN, newContext, signIn, submit } from '../helpers/pages.js';
import { createUser, grantRole } from '../../src/modules/accounts/accounts.service.js';

/**
 * The whole public-comment journey on one draft, in order, as the issue describes it: open
 * the draft, comment on a paragraph as a public visitor with a confirmed email, read the
 * receipt email, a moderator hides a spam comment, an editor answers the comment, a new
 * version is published, the comparison shows the change, and the disposition report lists
 * the answer with a link to the changed paragraph. JavaScript is off throughout (everything
 * must work without it); axe-core checks each page on the way.
 */

const SLUG = 'e2e-journey';
const VISITOR = { email: 'public.visitor@example.org', password: 'a long public passphrase 42' };
const SPAMMER = { email: 'spam.sender@example.org', password: 'a long spammer passphrase 42' };
const MODERATOR = { email: 'moderator.e2e@example.org', password: 'a long moderator passphrase 42' };
const PARAGRAPH = 'Default passwords must be unique to each device.';
const REWRITTEN = 'Default passwords must be unique to each device and changed at first use.';

describe.skipIf(!hasChromium)('public comment, from draft to disposition report', () => {
  let server: E2eServer;
  let browser: Browser;
  const at = (path: string) => `${server.url}${path}`;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
    // The draft exists before the journey starts: the administrator (a convener, so an
    // editor of the process's documents) writes it through the API.
    const signedIn = await fetch(at('/api/v1/auth/sign-in'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
    const cookie = (signedIn.headers.getSetCookie().find((c) => c.startsWith('concord_session=')) ?? '').split(';')[0]!;
    const json = { 'content-type': 'application/json', cookie };
    const created = await fetch(at('/api/v1/processes'), { method: 'POST', headers: json, body: JSON.stringify({ slug: SLUG, titleEn: 'Journey', titleFr: 'Parcours', phases: [] }) });
    expect(created.status).toBe(201);
    const process = (await created.json()) as { id: string };
    const markdown = `# Draft outcomes\n\n## 1. Passwords\n\n${PARAGRAPH}\n\n## 2. Updates\n\nDevices receive security updates for five years.\n`;
    const doc = await fetch(at(`/api/v1/processes/${SLUG}/documents`), { method: 'POST', headers: json, body: JSON.stringify({ slug: 'draft', kind: 'report', lang: 'en', title: 'Draft outcomes', markdown, message: 'First draft' }) });
    expect(doc.status, await doc.text()).toBe(201);
    const period = await fetch(at(`/api/v1/processes/${SLUG}/comment-periods`), {
      method: 'POST',
      headers: json,
      body: JSON.stringify({
        document: 'draft',
        opensAt: new Date(Date.now() - 60_000).toISOString(),
        closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        timeZone: 'America/Toronto',
        instructionsEn: 'Comment on each paragraph.',
        instructionsFr: 'Commentez chaque paragraphe.',
        audience: 'confirmed',
      }),
    });
    expect(period.status, await period.text()).toBe(201);
    // Accounts as they would be after registering and confirming (the register → confirm
    // path has its own journey); the moderator holds the role in this process only.
    await createUser(server.db, { email: VISITOR.email, name: 'Pat Public', password: VISITOR.password });
    await createUser(server.db, { email: SPAMMER.email, name: 'Spam Sender', password: SPAMMER.password });
    const moderator = await createUser(server.db, { email: MODERATOR.email, name: 'Mo Derator', password: MODERATOR.password });
    await grantRole(server.db, { userId: moderator.id, role: 'moderator', processId: process.id, grantedBy: null });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('takes a comment, mails its receipt, hides spam, answers, publishes a version and reports the answer', { timeout: 180_000 }, async () => {
    const contexts = await Promise.all([0, 1, 2, 3].map(() => newContext(browser, { javaScriptEnabled: false })));
    const [visitorCx, spamCx, moderatorCx, editorCx] = contexts as [(typeof contexts)[0], (typeof contexts)[0], (typeof contexts)[0], (typeof contexts)[0]];
    try {
      // 1. A public visitor opens the draft and comments on a paragraph from its own link.
      const visitor = await visitorCx.newPage();
      await signIn(visitor, VISITOR, { baseUrl: server.url });
      await visitor.goto(at(`/en/processes/${SLUG}/documents/draft`));
      await checkA11y(visitor, 'draft (en)', { javaScriptDisabled: true });
      const paragraph = visitor.locator('[id]', { hasText: PARAGRAPH }).last();
      const anchor = (await paragraph.getAttribute('id'))!;
      await visitor.locator(`a[data-comment-anchor="${anchor}"]`).click();
      await checkA11y(visitor, 'comment form on a paragraph', { javaScriptDisabled: true });
      await visitor.getByLabel(/Your comment on/).fill('Also require the password to be changed when the device is first set up.');
      await submit(visitor, visitor.getByRole('button', { name: 'Send the comment' }));
      const heading = await visitor.getByRole('heading', { level: 1 }).innerText();
      const receipt = /C-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(heading)?.[0];
      expect(receipt, heading).toBeDefined();
      await checkA11y(visitor, 'comment page', { javaScriptDisabled: true });

      // 2. The receipt email: the administrator reads it in the outbox.
      const editor = await editorCx.newPage();
      await signIn(editor, ADMIN, { baseUrl: server.url });
      await editor.goto(at('/en/admin/outbox'));
      await editor.getByRole('link', { name: new RegExp(`receipt ${receipt}`) }).first().click();
      const mail = await editor.getByRole('main').innerText();
      expect(mail).toContain(VISITOR.email);
      expect(mail).toContain(`Your receipt number is:`);
      expect(mail).toContain(receipt!);

      // 3. Spam arrives; the moderator hides it with a reason, and a tombstone takes its place.
      const spam = await spamCx.newPage();
      await signIn(spam, SPAMMER, { baseUrl: server.url });
      await spam.goto(at(`/en/processes/${SLUG}/documents/draft`));
      await spam.locator(`a[data-comment-anchor="${anchor}"]`).click();
      await spam.getByLabel(/Your comment on/).fill('CHEAP SMART WATCHES at example.com, best prices!!!');
      await submit(spam, spam.getByRole('button', { name: 'Send the comment' }));
      const spamUrl = spam.url();
      const moderator = await moderatorCx.newPage();
      await signIn(moderator, MODERATOR, { baseUrl: server.url });
      await moderator.goto(spamUrl);
      await moderator.getByLabel('Reason').selectOption('spam');
      await submit(moderator, moderator.getByRole('button', { name: 'Hide this comment' }));
      await spam.goto(spamUrl);
      const tombstone = await spam.getByRole('main').innerText();
      expect(tombstone).toMatch(/Hidden by a moderator on .+: spam\./);
      expect(tombstone).not.toContain('CHEAP SMART WATCHES');

      // 4. The editor answers the visitor's comment from the queue of responses.
      await editor.goto(at(`/en/processes/${SLUG}/comment-periods`));
      await editor.getByRole('link', { name: /Draft outcomes/ }).first().click();
      const periodUrl = editor.url().replace(/\/$/, '');
      await editor.goto(`${periodUrl}/responses`);
      await checkA11y(editor, 'responses queue', { javaScriptDisabled: true });
      expect(await editor.getByRole('main').innerText()).not.toContain('CHEAP SMART WATCHES');
      const item = editor.getByRole('region', { name: `Comment ${receipt}` });
      await item.getByLabel('Accepted', { exact: true }).check();
      await item.getByLabel('Rationale').fill('Accepted: passwords are now changed at first use.');
      await submit(editor, item.getByRole('button', { name: 'Save the response' }));
      await expect(editor.getByRole('status').textContent()).resolves.toBe('The response was saved.');

      // 5. The editor publishes a new version with the change.
      await editor.goto(at(`/en/processes/${SLUG}/documents/draft`));
      await editor.getByRole('link', { name: 'Edit (save a new version)' }).click();
      await checkA11y(editor, 'edit form', { javaScriptDisabled: true });
      const text = editor.getByLabel('Text', { exact: true });
      await text.fill((await text.inputValue()).replace(PARAGRAPH, REWRITTEN));
      await editor.getByLabel('What changed').fill('Passwords changed at first use (comment ' + receipt + ')');
      await submit(editor, editor.getByRole('button', { name: 'Save the new version' }));
      await expect(editor.locator('.meta').first().textContent()).resolves.toContain('Version 2 of 2');

      // 6. The comparison shows the change, announced in words and not only in colour.
      await editor.getByRole('link', { name: 'Version history' }).first().click();
      await editor.getByRole('link', { name: 'Changes from version 1' }).click();
      await expect(editor.locator('.diff-summary').textContent()).resolves.toContain('1 paragraph changed');
      const inserted = (await editor.locator('ins').allTextContents()).join(' ');
      expect(inserted).toContain('inserted:');
      expect(inserted).toContain('changed at first use');
      await checkA11y(editor, 'comparison of versions 1 and 2', { javaScriptDisabled: true });

      // 7. The disposition report lists the answer under its paragraph; the spam stays a tombstone.
      await visitor.goto(`${periodUrl}/report`);
      const report = await visitor.getByRole('main').innerText();
      expect(report).toContain('Also require the password to be changed');
      expect(report).toContain('Accepted: passwords are now changed at first use.');
      expect(report).not.toContain('CHEAP SMART WATCHES');
      await checkA11y(visitor, 'disposition report', { javaScriptDisabled: true });
      await visitor.goto(`${periodUrl.replace('/en/', '/fr/')}/report`);
      await expect(visitor.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Traitement des commentaires');
      await checkA11y(visitor, 'disposition report (fr)', { javaScriptDisabled: true });
    } finally {
      await Promise.all(contexts.map((c) => c.close()));
    }
  });
});
