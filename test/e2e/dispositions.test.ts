import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_ADMIN as ADMIN, submit } from '../helpers/pages.js';
import { checkA11y, hasChromium, launchBrowser, startE2eServer, type E2eServer } from '../helpers/browser.js';
import type { Actor } from '../../src/platform/auth/roles.js';
import { createProcess } from '../../src/modules/processes/processes.service.js';
import { blocksOf, createDocument, saveVersion, versionByNumber } from '../../src/modules/documents/documents.service.js';
import { openPeriod } from '../../src/modules/comments/periods.service.js';
import { submitComment } from '../../src/modules/comments/comments.service.js';

/**
 * An editor answers a comment from the queue page in a browser with JavaScript off, naming
 * the paragraph that changed in version 2, and the public report shows the answer under its
 * paragraph with a link to the change. axe-core checks the queue and the report (WCAG 2.1 A/AA).
 */

const SLUG = 'e2e-dispositions';

describe.skipIf(!hasChromium)('responses to comments in a browser', () => {
  let server: E2eServer;
  let browser: Browser;
  let periodPath = '';
  let changedAnchor = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
    // The document, its period and a comment are set up through the services; the journey is pages.
    const user = await server.db.selectFrom('users').select(['id', 'name', 'email']).where('email', '=', ADMIN.email).executeTakeFirstOrThrow();
    const admin: Actor = { userId: user.id, name: user.name, email: user.email, lang: 'en', emailConfirmed: true, isAdmin: true, processRoles: new Map(), groupRoles: new Map(), organisationRoles: new Map(), installationRoles: new Set() };
    const process = await createProcess(server.db, admin, {
      slug: SLUG,
      titleEn: 'Responses',
      titleFr: 'Réponses',
      summaryEn: '',
      summaryFr: '',
      descriptionEn: '',
      descriptionFr: '',
      registration: 'open',
      timezone: 'America/Toronto',
      phases: [],
    });
    const markdown = '# Draft\n\n## 1. Labels\n\nLabels should be clear.\n';
    const doc = await createDocument(server.db, admin, process.id, { groupId: null, slug: 'draft', kind: 'report', lang: 'en', title: 'Draft outcomes', membersOnly: false, markdown, message: 'First' });
    await saveVersion(server.db, admin, doc.id, { title: 'Draft outcomes', markdown: markdown.replace('clear.', 'clear and bilingual.'), message: 'Bilingual' });
    const period = await openPeriod(
      server.db,
      admin,
      process.id,
      {
        document: 'draft',
        version: 1,
        includeTranslations: true,
        opensAt: new Date(Date.now() - 60_000).toISOString(),
        closesAt: new Date(Date.now() + 86_400_000).toISOString(),
        timeZone: 'America/Toronto',
        instructionsEn: '',
        instructionsFr: '',
        audience: 'confirmed',
      },
      server.url,
    );
    periodPath = `/processes/${SLUG}/comment-periods/${period.id}`;
    const v1 = (await versionByNumber(server.db, doc.id, 1))!;
    const anchor = (await blocksOf(server.db, v1.id)).find((b) => b.plain.startsWith('Labels'))!.anchor;
    const v2 = (await versionByNumber(server.db, doc.id, 2))!;
    changedAnchor = (await blocksOf(server.db, v2.id)).find((b) => b.plain.startsWith('Labels'))!.anchor;
    await submitComment(server.db, null, period.id, { text: 'Labels must be bilingual.', anchor, lang: 'en', displayName: 'Rosa Commenter' }, {}, { skipMail: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const at = (path: string) => `${server.url}${path}`;

  it('answers a comment from the queue and shows the answer in the public report', { timeout: 90_000 }, async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    context.setDefaultTimeout(10_000);
    try {
      const page = await context.newPage();
      await page.goto(at('/en/sign-in'));
      await page.getByLabel('Email address').fill(ADMIN.email);
      await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
      await submit(page, page.getByRole('main').getByRole('button', { name: 'Sign in' }));

      await page.goto(at(`/en${periodPath}/responses`));
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Responses to comments');
      await expect(page.getByText('Labels must be bilingual.').count()).resolves.toBe(1);
      await checkA11y(page, 'responses queue (en)', { javaScriptDisabled: true });

      // A missing rationale comes back with the error summary, and the form keeps the choice.
      await page.getByLabel('Accepted', { exact: true }).check();
      await submit(page, page.getByRole('button', { name: 'Save the response' }), 422);
      await expect(page.getByRole('alert').innerText()).resolves.toContain('Write the rationale for this response');
      await checkA11y(page, 'responses queue with an error (en)', { javaScriptDisabled: true });

      await page.getByLabel('Rationale').fill('Labels are now bilingual.');
      await page.getByLabel('Changed in version (optional)').selectOption('2');
      await page.getByLabel('Paragraph that changed (optional)').fill(changedAnchor);
      await submit(page, page.getByRole('button', { name: 'Save the response' }));
      await expect(page.getByRole('status').textContent()).resolves.toBe('The response was saved.');
      await expect(page.getByText('No comments here.').count()).resolves.toBe(1);
      await expect(page.getByText('1 of 1 comments have a response (100%).').count()).resolves.toBe(1);

      // Anyone reads the report: the answer sits under its paragraph and links to the change.
      const reader = await browser.newContext({ javaScriptEnabled: false });
      try {
        const pub = await reader.newPage();
        await pub.goto(at(`/en${periodPath}/report`));
        await expect(pub.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Disposition of comments');
        const paragraph = pub.getByRole('region', { name: /^Paragraph / });
        await expect(paragraph.getByText('Labels must be bilingual.').count()).resolves.toBe(1);
        await expect(paragraph.getByText('Labels are now bilingual.').count()).resolves.toBe(1);
        const link = paragraph.getByRole('link', { name: /^Changed in version 2/ });
        await expect(link.getAttribute('href')).resolves.toBe(`/en/processes/${SLUG}/documents/draft/versions/2#${changedAnchor}`);
        await checkA11y(pub, 'disposition report (en)', { javaScriptDisabled: true });
        await pub.goto(at(`/fr${periodPath}/report`));
        await expect(pub.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Traitement des commentaires');
        await checkA11y(pub, 'disposition report (fr)', { javaScriptDisabled: true });
      } finally {
        await reader.close();
      }
    } finally {
      await context.close();
    }
  });
});
