import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { checkA11y, hasChromium, launchBrowser, startE2eServer, type E2eServer } from '../helpers/browser.js';
import { DEMO_ADMIN as ADMIN, newContext, signIn as signInAs, submit } from '../helpers/pages.js';
import { openPeriod } from '../../src/modules/comments/periods.service.js';
import { accountsRepository } from '../../src/modules/accounts/accounts.repository.js';
import type { Actor } from '../../src/platform/auth/roles.js';

/**
 * Documents in a real browser with JavaScript off: the list, a document, its history, a
 * comparison, the side-by-side reading of its translation, the printable page and the page
 * of a removed paragraph, and the editor's forms. axe-core checks each (WCAG 2.1 A and AA).
 */

const SLUG = 'e2e-docs';
const PARAS = [
  'Devices ship with a unique password per unit.',
  'Manufacturers publish a disclosure policy.',
  'Updates are signed.',
  'Labels show the support period.',
];

describe.skipIf(!hasChromium)('documents in a browser', () => {
  let server: E2eServer;
  let browser: Browser;
  let cookie = '';
  let removedAnchor = '';

  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', cookie },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
    const signIn = await fetch(`${server.url}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    cookie = (signIn.headers.getSetCookie().find((c) => c.startsWith('concord_session=')) ?? '').split(';')[0]!;
    expect(
      (await api('POST', '/processes', { slug: SLUG, titleEn: 'Enhancing IoT Security', titleFr: 'Améliorer la sécurité de l’IdO', phases: [] })).status,
    ).toBe(201);
    const md = (paras: string[]) =>
      `# 1 Baseline\n\n## 1.1 Passwords\n\n${paras.join('\n\n')}\n\n| Term | Meaning |\n|---|---|\n| IoT | Internet of things |\n`;
    const created = await api('POST', `/processes/${SLUG}/documents`, {
      slug: 'baseline',
      kind: 'baseline',
      lang: 'en',
      title: 'Security baseline',
      markdown: md(PARAS),
      message: 'First draft',
    });
    expect(created.status).toBe(201);
    const v1 = (created.json.version as { blocks: { anchor: string; text: string }[] }).blocks;
    removedAnchor = v1.find((b) => b.text.startsWith('Updates are signed'))!.anchor;
    const v2 = await api('POST', `/processes/${SLUG}/documents/baseline/versions`, {
      title: 'Security baseline',
      markdown: md([PARAS[0]!.replace('unique', 'unique, random'), PARAS[1]!, 'Support periods are stated before purchase.', PARAS[3]!]),
      message: 'Random passwords; support periods',
    });
    expect(v2.status).toBe(201);
    const fr = await api('POST', `/processes/${SLUG}/documents`, {
      slug: 'referentiel',
      kind: 'baseline',
      lang: 'fr',
      title: 'Référentiel de sécurité',
      translationOf: 'baseline',
      markdown:
        '# 1 Référentiel\n\n## 1.1 Mots de passe\n\nChaque appareil a un mot de passe unique.\n\nLes fabricants publient une politique.\n\nLes mises à jour sont signées.',
    });
    expect(fr.status).toBe(201);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const at = (path: string) => `${server.url}${path}`;
  const base = `/en/processes/${SLUG}/documents`;

  it('reads a document, its history, a comparison, side by side, print and anchor pages, all passing axe', { timeout: 120_000 }, async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(at(`/en/processes/${SLUG}`));
      await page.getByRole('link', { name: 'Documents', exact: true }).click();
      await page.waitForURL(`**${base}`);
      await checkA11y(page, 'document list (en)', { javaScriptDisabled: true });

      await page.getByRole('link', { name: 'Security baseline' }).click();
      await page.waitForURL(`**${base}/baseline`);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Security baseline');
      await checkA11y(page, 'document page (en)', { javaScriptDisabled: true });

      await page.getByRole('link', { name: 'Version history' }).first().click();
      await page.waitForURL(`**${base}/baseline/versions`);
      await checkA11y(page, 'version history (en)', { javaScriptDisabled: true });

      await page.getByRole('link', { name: 'Changes from version 1' }).click();
      await page.waitForURL(`**${base}/baseline/compare?from=1&to=2`);
      await expect(page.locator('.diff-summary').textContent()).resolves.toContain('1 paragraph changed, 1 added, 1 removed');
      await expect(page.locator('ins').first().textContent()).resolves.toContain('inserted:');
      await checkA11y(page, 'compare page (en)', { javaScriptDisabled: true });
      // The GET form works without JavaScript.
      await page.getByLabel('From version').selectOption('2');
      await page.getByRole('button', { name: 'Compare' }).click();
      await page.waitForURL(`**${base}/baseline/compare?from=2&to=2`);
      await expect(page.locator('.diff-summary').textContent()).resolves.toContain('No paragraph changed.');

      await page.goto(at(`${base}/baseline/side-by-side`));
      await expect(page.locator('td[lang="fr"]').first().textContent()).resolves.toContain('1 Référentiel');
      await checkA11y(page, 'side by side (en)', { javaScriptDisabled: true });

      await page.goto(at(`${base}/baseline/versions/2/print`));
      await checkA11y(page, 'print page (en)', { javaScriptDisabled: true });

      await page.goto(at(`${base}/baseline/anchors/${removedAnchor}`));
      await expect(page.locator('.lead').textContent()).resolves.toContain('was removed in version 2');
      await checkA11y(page, 'anchor page (en)', { javaScriptDisabled: true });

      await page.goto(at(`/fr/processes/${SLUG}/documents/baseline/versions/1`));
      await expect(page.locator('.notice--warning').textContent()).resolves.toContain('Ceci est la version 1');
      await checkA11y(page, 'version 1 (fr)', { javaScriptDisabled: true });

      // With a comment period open on the current version, each paragraph has its margin.
      const adminUser = (await accountsRepository.findByEmail(server.db, ADMIN.email))!;
      const admin: Actor = {
        userId: adminUser.id,
        name: 'Admin',
        email: ADMIN.email,
        lang: 'en' as const,
        emailConfirmed: true,
        isAdmin: true,
        processRoles: new Map(),
        groupRoles: new Map(),
        organisationRoles: new Map(),
        installationRoles: new Set(),
      };
      const process = (await api('GET', `/processes/${SLUG}`)).json as { id: string };
      const opensAt = new Date(Date.now() - 60_000).toISOString();
      const closesAt = new Date(Date.now() + 86_400_000).toISOString();
      await openPeriod(
        server.db,
        admin,
        process.id,
        {
          document: 'baseline',
          includeTranslations: true,
          opensAt,
          closesAt,
          timeZone: 'America/Toronto',
          instructionsEn: '',
          instructionsFr: '',
          audience: 'confirmed',
        },
        server.url,
      );
      await page.goto(at(`${base}/baseline`));
      await expect(page.getByRole('link', { name: /Comment on this paragraph/ }).count()).resolves.toBeGreaterThan(3);
      await checkA11y(page, 'document page with its comment margin (en)', { javaScriptDisabled: true });
    } finally {
      await context.close();
    }
  });

  it('creates a document and saves a new version through the forms', { timeout: 90_000 }, async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await signInAs(page, ADMIN, { baseUrl: server.url, lang: 'en' });
      await page.goto(at(base));
      await page.getByRole('link', { name: 'New document' }).click();
      await page.waitForURL(`**${base}/new`);
      await checkA11y(page, 'new document form (en)', { javaScriptDisabled: true });
      await page.getByLabel('Title').fill('Charter');
      await page.getByLabel('Short name').fill('charter');
      await page.getByLabel('Kind').selectOption('charter');
      await page.getByLabel('Text', { exact: true }).fill('# Charter\n\nWe meet monthly.');
      await submit(page, page.getByRole('button', { name: 'Create the document' }));
      await page.waitForURL(`**${base}/charter`);
      await page.getByRole('link', { name: 'Edit (save a new version)' }).click();
      await checkA11y(page, 'edit form (en)', { javaScriptDisabled: true });
      await page.getByLabel('Text', { exact: true }).fill('# Charter\n\nWe meet every month.');
      await submit(page, page.getByRole('button', { name: 'Save the new version' }));
      await page.waitForURL(`**${base}/charter/versions/2`);
      await expect(page.locator('.meta').first().textContent()).resolves.toContain('Version 2 of 2');
    } finally {
      await context.close();
    }
  });
});
