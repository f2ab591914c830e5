import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { checkA11y, hasChromium, launchBrowser, startE2eServer, type E2eServer } from '../helpers/browser.js';
import { DEMO_ADMIN as ADMIN, DEMO_MEMBER as MEMBER, newContext, signIn as signInAs, submit } from '../helpers/pages.js';

/**
 * A call for input in a real browser with JavaScript off: the administrator opens a call,
 * a member submits a Markdown report through the multipart form, the administrator accepts
 * it from the moderation queue, and the call's page publishes it. axe-core checks the call
 * page, the form and the queue (WCAG 2.1 A and AA).
 */

const SLUG = 'e2e-calls';

describe.skipIf(!hasChromium)('calls for input in a browser', () => {
  let server: E2eServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
    // The process is set up through the API; the journey below is all pages.
    const signIn = await fetch(`${server.url}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    const cookie = (signIn.headers.getSetCookie().find((c) => c.startsWith('concord_session=')) ?? '').split(';')[0]!;
    const created = await fetch(`${server.url}/api/v1/processes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ slug: SLUG, titleEn: 'Enhancing IoT Security', titleFr: 'Améliorer la sécurité de l’IdO', phases: [] }),
    });
    expect(created.status).toBe(201);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const at = (path: string) => `${server.url}${path}`;
  const noScript = (): Promise<BrowserContext> => newContext(browser, { javaScriptEnabled: false });
  const signIn = (page: Parameters<typeof signInAs>[0], lang: 'en' | 'fr', who: typeof ADMIN) => signInAs(page, who, { baseUrl: server.url, lang });

  it('opens a call, takes a Markdown report through the form, moderates it and publishes it', { timeout: 90_000 }, async () => {
    const adminContext = await noScript();
    const memberContext = await noScript();
    try {
      // The administrator opens a call from the process page; the form suggests its dates.
      const admin = await adminContext.newPage();
      await signIn(admin, 'en', ADMIN);
      await admin.goto(at(`/en/processes/${SLUG}`));
      await admin.getByRole('link', { name: 'Open a call for input' }).click();
      await admin.waitForURL(`**/en/processes/${SLUG}/calls/new`);
      await checkA11y(admin, 'open a call (en)', { javaScriptDisabled: true });
      await admin.getByLabel('Title in English').fill('Youth report');
      await admin.getByLabel('Title in French').fill('Rapport des jeunes');
      await admin.getByLabel('Description in English (Markdown)').fill('How do **young people** use connected devices?');
      await admin.getByLabel('Description in French (Markdown)').fill('Comment les **jeunes** utilisent-ils les appareils connectés?');
      await submit(admin, admin.getByRole('button', { name: 'Open the call' }));
      await admin.waitForURL(/\/en\/processes\/e2e-calls\/calls\/[0-9a-f-]{36}$/);
      const callPath = new URL(admin.url()).pathname.slice(3);
      await expect(admin.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Youth report');
      await checkA11y(admin, 'call page, open (en)', { javaScriptDisabled: true });

      // A member submits a Markdown file through the multipart form, in French.
      const member = await memberContext.newPage();
      await signIn(member, 'fr', MEMBER);
      await member.goto(at(`/fr${callPath}`));
      await member.getByRole('link', { name: 'Soumettre un rapport' }).click();
      await member.waitForURL(`**/fr${callPath}/submit`);
      await checkA11y(member, 'submission form (fr)', { javaScriptDisabled: true });
      await member.getByLabel('Titre du rapport').fill('La voix des jeunes');
      await member.getByLabel('Ou le nom de l’organisation').fill('Coalition jeunesse numérique');
      await member
        .getByLabel('Fichier')
        .setInputFiles({
          name: 'voix-des-jeunes.md',
          mimeType: 'text/markdown',
          buffer: Buffer.from('# La voix des jeunes\n\nDes étiquettes claires, svp.\n'),
        });
      await submit(member, member.getByRole('button', { name: 'Envoyer le rapport' }));
      await member.waitForURL(new RegExp(`/fr${callPath}/submissions/[0-9a-f-]{36}$`));
      await expect(member.getByRole('status').textContent()).resolves.toBe('Votre rapport a été reçu. Il sera publié une fois accepté par un modérateur.');
      await expect(member.getByText('En attente', { exact: true }).count()).resolves.toBe(1);
      await checkA11y(member, 'own pending submission (fr)', { javaScriptDisabled: true });

      // The administrator accepts it from the moderation queue.
      await admin.reload();
      await admin.getByRole('link', { name: 'Moderation queue' }).click();
      await admin.waitForURL(`**/en${callPath}/moderation`);
      await expect(admin.getByRole('heading', { name: 'Waiting for a decision (1)' }).count()).resolves.toBe(1);
      await checkA11y(admin, 'moderation queue (en)', { javaScriptDisabled: true });
      await admin.getByRole('link', { name: 'La voix des jeunes' }).click();
      await checkA11y(admin, 'submission with moderation forms (en)', { javaScriptDisabled: true });
      await submit(admin, admin.getByRole('button', { name: 'Accept and publish' }));
      await admin.waitForURL(`**/en${callPath}/moderation`);
      await expect(admin.getByRole('status').textContent()).resolves.toBe('The submission is accepted and published.');

      // Anyone now finds the report on the call's page, with its file to download.
      const visitor = await (await noScript()).newPage();
      await visitor.goto(at(`/en/processes/${SLUG}`));
      await expect(visitor.getByRole('link', { name: 'Youth report' }).count()).resolves.toBe(1);
      await checkA11y(visitor, 'process page with its calls (en)', { javaScriptDisabled: true });
      await visitor.goto(at(`/en${callPath}`));
      await expect(visitor.getByRole('link', { name: 'La voix des jeunes' }).count()).resolves.toBe(1);
      const download = visitor.getByRole('link', { name: /^Download voix-des-jeunes\.md/ });
      await checkA11y(visitor, 'call page with a published report (en)', { javaScriptDisabled: true });
      const file = await visitor.context().request.get(at((await download.getAttribute('href'))!));
      expect(file.status()).toBe(200);
      expect(file.headers()['content-type']).toBe('text/markdown; charset=utf-8');
      expect(file.headers()['content-disposition']).toContain("filename*=UTF-8''voix-des-jeunes.md");
      await visitor.context().close();
    } finally {
      await adminContext.close();
      await memberContext.close();
    }
  });
});
