import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { PDFTOTEXT_INSTALL, toolPresent } from '../helpers/tools.js';
import { checkA11y, hasChromium, launchBrowser, startE2eServer, type E2eServer } from '../helpers/browser.js';
import { newContext, signIn, submit } from '../helpers/pages.js';
import type { Actor, ProcessRole } from '../../src/platform/auth/roles.js';
import type { User } from '../../src/platform/db/schema.js';
import { createUser, grantRole } from '../../src/modules/accounts/accounts.service.js';
import { createProcess, getProcess } from '../../src/modules/processes/processes.service.js';
import { joinProcess, membership } from '../../src/modules/participants/participants.service.js';
import { grantOrganisationRole } from '../../src/modules/participants/organisation-roles.service.js';
import { createGroup, joinGroup } from '../../src/modules/groups/groups.service.js';
import { createDocument } from '../../src/modules/documents/documents.service.js';
import { openCall } from '../../src/modules/consensus/consensus.service.js';
import { createRecommendation } from '../../src/modules/recommendations/recommendations.service.js';
import { publishFinalReport } from '../../src/modules/recommendations/final-report.service.js';

/**
 * From consensus to action in a real browser, JavaScript off, axe on every page: a member
 * states a position and changes it, another objects, the chair records the outcome with the
 * objection answered (which closes the call), the action committee assigns an action, its
 * owner posts progress, the tracker and the owner organisation's page show it, and the final
 * report's PDF opens and reads back with pdftotext.
 */

const SLUG = 'e2e-action';
const PASSWORD = 'a long journey passphrase 42';
const PDFTOTEXT = '/usr/bin/pdftotext';
const run = promisify(execFile);

const people = {
  chair: { email: 'chair.e2e@example.org', name: 'Chidi Chair', org: 'Gamma Institute' },
  alice: { email: 'alice.e2e@example.org', name: 'Alice Adams', org: 'Alpha Devices' },
  bob: { email: 'bob.e2e@example.org', name: 'Bob Brown', org: 'Beta Networks' },
  committee: { email: 'committee.e2e@example.org', name: 'Cora Committee', org: 'Delta Council' },
} as const;

function actorOf(u: User, roles: [string, ProcessRole[]][] = [], admin = false): Actor {
  return { userId: u.id, name: u.name, email: u.email, lang: 'en', emailConfirmed: true, isAdmin: admin, processRoles: new Map(roles.map(([p, r]) => [p, new Set(r)])), groupRoles: new Map(), organisationRoles: new Map(), installationRoles: new Set() };
}

describe.skipIf(!hasChromium)('from consensus to action in a browser', () => {
  let server: E2eServer;
  let browser: Browser;
  let callPath = '';
  const at = (p: string) => `${server.url}${p}`;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
    // The process, its labelling group with a chair and two members, the group's draft, a
    // call on it, and a recommendation behind that call, set up through the services.
    const db = server.db;
    const adminRow = await db.selectFrom('users').selectAll().where('email', '=', 'admin@concord.example').executeTakeFirstOrThrow();
    const admin = actorOf(adminRow, [], true);
    const process = await createProcess(db, admin, { slug: SLUG, titleEn: 'Action', titleFr: 'Action', summaryEn: '', summaryFr: '', descriptionEn: '', descriptionFr: '', registration: 'open', timezone: 'America/Toronto', phases: [] });
    const { stakeholderGroups } = await getProcess(db, SLUG);
    const group = await createGroup(db, admin, process.id, { slug: 'labelling', nameEn: 'Device labelling', nameFr: 'Étiquetage', charterEn: '', charterFr: '', status: 'active' });
    const users = {} as Record<keyof typeof people, User>;
    for (const [key, p] of Object.entries(people) as [keyof typeof people, (typeof people)[keyof typeof people]][]) {
      const u = await createUser(db, { email: p.email, name: p.name, password: PASSWORD });
      users[key] = u;
      await joinProcess(db, actorOf(u), process, stakeholderGroups, {
        newOrganisation: { name: p.org, sector: key === 'alice' ? 'private_sector' : 'civil_society', website: '', country: 'CA', province: 'ON' },
        stakeholderGroupId: stakeholderGroups[key === 'alice' ? 4 : key === 'bob' ? 1 : 2]!.id,
        preferredLang: 'en',
      } as never);
      if (key !== 'committee') await joinGroup(db, actorOf(u, [[process.id, ['member']]]), group);
    }
    // Alice acts for her organisation (its contact, reporting and pledging): naming it on joining
    // only asks; the organisation's confirmation makes her its representative (issue 10).
    const aliceOrg = (await membership(db, process.id, users.alice.id))!.organisation_id!;
    await grantOrganisationRole(db, 'console', aliceOrg, users.alice.id, 'representative');
    await grantRole(db, { userId: users.chair.id, role: 'chair', processId: process.id, groupId: group.id, grantedBy: adminRow.id });
    await grantRole(db, { userId: users.committee.id, role: 'action_committee', processId: process.id, grantedBy: adminRow.id });
    const doc = await createDocument(db, admin, process.id, {
      groupId: null,
      slug: 'outcomes',
      kind: 'report',
      lang: 'en',
      title: 'Outcomes report',
      membersOnly: false,
      markdown: '# Outcomes report\n\n## 1 Labels\n\nA bilingual label should state the support period.\n',
      message: 'Final draft',
    });
    const call = await openCall(db, admin, process.id, {
      target: 'document',
      document: doc.slug,
      anchor: null,
      questionEn: 'Can you support the outcomes report?',
      questionFr: 'Pouvez-vous appuyer le rapport sur les résultats ?',
      options: [{ labelEn: 'The report as written', labelFr: 'Le rapport tel que rédigé' }],
      deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      timeZone: 'America/Toronto',
      appealDays: 14,
    });
    // The chair runs the call: a process call, so the oversight role stands in for the chair here.
    await grantRole(db, { userId: users.chair.id, role: 'oversight', processId: process.id, grantedBy: adminRow.id });
    callPath = `/en/processes/${SLUG}/consensus/${call.call.id}`;
    await createRecommendation(db, admin, process.id, {
      number: '1',
      titleEn: 'A bilingual security label',
      titleFr: 'Une étiquette de sécurité bilingue',
      textEn: 'A bilingual label should state the support period.',
      textFr: 'Une étiquette bilingue devrait indiquer la période de soutien.',
      priority: 'high',
      document: doc.slug,
      consensusCallId: call.call.id,
      stakeholderGroupIds: [],
      organisationIds: [],
    });
    await publishFinalReport(db, admin, process.id, { document: doc.slug });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('states and changes a position, records the outcome, assigns an action, reports progress and reads the PDF', { timeout: 180_000 }, async () => {
    const contexts = await Promise.all([0, 1, 2, 3].map(() => newContext(browser, { javaScriptEnabled: false })));
    const [aliceCx, bobCx, chairCx, committeeCx] = contexts as [(typeof contexts)[0], (typeof contexts)[0], (typeof contexts)[0], (typeof contexts)[0]];
    try {
      // 1. Alice supports, then changes her mind; the history keeps both.
      const alice = await aliceCx.newPage();
      await signIn(alice, { email: people.alice.email, password: PASSWORD }, { baseUrl: server.url });
      await alice.goto(at(callPath));
      await checkA11y(alice, 'consensus call (member)', { javaScriptDisabled: true });
      await alice.getByLabel('Support', { exact: true }).check();
      await submit(alice, alice.getByRole('button', { name: 'State my position' }));
      await expect(alice.getByRole('status').textContent()).resolves.toContain('Your position is recorded.');
      await alice.getByLabel('Can live with it', { exact: true }).check();
      await alice.getByLabel('Reason').fill('The support period should be a date, not a number of years.');
      await submit(alice, alice.getByRole('button', { name: 'Change my position' }));
      const history = alice.getByRole('table').filter({ hasText: 'Alice Adams' }).last();
      expect(await history.getByRole('row').filter({ hasText: 'Alice Adams' }).count()).toBe(2);

      // 2. Bob objects, with his reason.
      const bob = await bobCx.newPage();
      await signIn(bob, { email: people.bob.email, password: PASSWORD }, { baseUrl: server.url });
      await bob.goto(at(callPath));
      await bob.getByLabel('Object', { exact: true }).check();
      await bob.getByLabel('Reason').fill('The label must also say where to report a flaw.');
      await submit(bob, bob.getByRole('button', { name: 'State my position' }));

      // 3. The chair records the outcome; the objection must be answered first.
      const chair = await chairCx.newPage();
      await signIn(chair, { email: people.chair.email, password: PASSWORD }, { baseUrl: server.url });
      await chair.goto(at(callPath));
      await checkA11y(chair, 'consensus call with results', { javaScriptDisabled: true });
      await chair.getByRole('link', { name: 'Record the outcome' }).click();
      await checkA11y(chair, 'outcome form', { javaScriptDisabled: true });
      await chair.getByLabel('Rough consensus', { exact: true }).check();
      await chair.getByLabel('Rationale', { exact: true }).fill('Every group supports or can live with the report; the one objection is answered.');
      await submit(chair, chair.getByRole('button', { name: 'Record the outcome and close the call' }), 422);
      await expect(chair.getByRole('alert').innerText()).resolves.toContain('objection has no answer');
      await chair.getByLabel('Your answer to Bob Brown', { exact: true }).fill('Section 3 already requires a published way to report flaws, and the label links to it.');
      await submit(chair, chair.getByRole('button', { name: 'Record the outcome and close the call' }));
      const record = await chair.getByRole('main').innerText();
      expect(record).toContain('The outcome is recorded and the call is closed.');
      expect(record).toContain('Section 3 already requires a published way to report flaws');
      await checkA11y(chair, 'closed consensus call', { javaScriptDisabled: true });

      // 3b. Bob appeals to the oversight committee, which answers; both stay on the call's page.
      await bob.goto(at(callPath));
      await bob.getByRole('link', { name: 'Appeal this outcome to the oversight committee' }).click();
      await checkA11y(bob, 'appeal form', { javaScriptDisabled: true });
      await bob.getByLabel('Grounds for your appeal').fill('The answer does not say how a buyer finds the reporting channel on the label.');
      await submit(bob, bob.getByRole('button', { name: 'File the appeal' }));
      await chair.goto(at(callPath));
      await chair.getByRole('link', { name: 'Answer this appeal' }).click();
      await checkA11y(chair, 'appeal answer form', { javaScriptDisabled: true });
      await chair.getByLabel('Rejected', { exact: true }).check();
      await chair.getByLabel('Answer', { exact: true }).fill('The label carries a QR code to the registry, which names the reporting channel.');
      await submit(chair, chair.getByRole('button', { name: 'Record the answer' }));
      const appealed = await chair.getByRole('main').innerText();
      expect(appealed).toContain('The answer does not say how a buyer finds the reporting channel');
      expect(appealed).toContain('The label carries a QR code to the registry');
      await chair.goto(at(callPath.replace('/en/', '/fr/')));
      await checkA11y(chair, 'closed consensus call (fr)', { javaScriptDisabled: true });
      await chair.goto(at(`/en/processes/${SLUG}/consensus`));
      await checkA11y(chair, 'consensus calls', { javaScriptDisabled: true });

      // The oversight committee's recommendation and publishing forms.
      await chair.goto(at(`/en/processes/${SLUG}/recommendations/new`));
      await checkA11y(chair, 'new recommendation form', { javaScriptDisabled: true });
      await chair.goto(at(`/en/processes/${SLUG}/final-report/publish`));
      await checkA11y(chair, 'publish the final report form', { javaScriptDisabled: true });

      // 4. The action committee assigns an action to Alpha Devices, with Alice as contact.
      const committee = await committeeCx.newPage();
      await signIn(committee, { email: people.committee.email, password: PASSWORD }, { baseUrl: server.url });
      await committee.goto(at(`/en/processes/${SLUG}/tracker`));
      await checkA11y(committee, 'tracker (committee)', { javaScriptDisabled: true });
      await committee.getByRole('link', { name: 'Add an action' }).first().click();
      await checkA11y(committee, 'new action form', { javaScriptDisabled: true });
      await committee.getByLabel('Title (English)').fill('Put the label on three product lines');
      await committee.getByLabel('Title (French)').fill('Apposer l’étiquette sur trois gammes');
      await committee.getByLabel('Owner organisation').selectOption({ label: people.alice.org });
      const contact = await committee.getByLabel('Contact person').locator('option', { hasText: people.alice.name }).getAttribute('value');
      await committee.getByLabel('Contact person').selectOption(contact);
      await committee.getByLabel('Due').fill('2031-06-30');
      await committee.getByLabel('Measure of done (English)').fill('The label is on the packaging of three lines.');
      await committee.getByLabel('Measure of done (French)').fill('L’étiquette figure sur l’emballage de trois gammes.');
      await submit(committee, committee.getByRole('button', { name: 'Save the action' }));

      // 5. Alice, the owner's contact, reports progress.
      await alice.goto(at(`/en/processes/${SLUG}/tracker`));
      await alice.getByRole('link', { name: 'Report progress' }).first().click();
      await checkA11y(alice, 'progress form', { javaScriptDisabled: true });
      await alice.getByLabel('Status').selectOption('on_track');
      await alice.getByLabel('What happened').fill('Packaging for the first line is at the printer.');
      await submit(alice, alice.getByRole('button', { name: 'Post the report' }));

      // Alice also pledges for her organisation.
      await alice.goto(at(`/en/processes/${SLUG}/tracker`));
      await alice.getByRole('link', { name: 'Pledge for your organisation' }).first().click();
      await checkA11y(alice, 'pledge form', { javaScriptDisabled: true });
      await alice.getByLabel('The pledge').fill('We will ship no device with a default password after June 2031.');
      await submit(alice, alice.getByRole('button', { name: 'Sign the pledge' }));

      // 6. The tracker and the organisation's page show the action and its report to anyone.
      const reader = await (await newContext(browser, { javaScriptEnabled: false })).newPage();
      await reader.goto(at(`/en/processes/${SLUG}/tracker`));
      const tracker = await reader.getByRole('main').innerText();
      expect(tracker).toContain('Put the label on three product lines');
      expect(tracker).toContain('Packaging for the first line is at the printer.');
      await checkA11y(reader, 'tracker (public)', { javaScriptDisabled: true });
      await reader.getByRole('link', { name: people.alice.org }).first().click();
      const orgPage = await reader.getByRole('main').innerText();
      expect(orgPage).toContain(`Tracker: ${people.alice.org}`);
      expect(orgPage).toContain('Put the label on three product lines');
      expect(orgPage).toContain('We will ship no device with a default password after June 2031.');
      await checkA11y(reader, 'organisation tracker', { javaScriptDisabled: true });

      await reader.goto(at(`/fr/processes/${SLUG}/tracker`));
      await checkA11y(reader, 'tracker (fr)', { javaScriptDisabled: true });

      // The recommendation's permanent page, in both languages.
      await reader.goto(at(`/en/processes/${SLUG}/recommendations`));
      await checkA11y(reader, 'recommendations', { javaScriptDisabled: true });
      await reader.getByRole('link', { name: /A bilingual security label/ }).first().click();
      expect(new URL(reader.url()).pathname).toBe(`/en/processes/${SLUG}/recommendations/1`);
      await checkA11y(reader, 'recommendation page', { javaScriptDisabled: true });
      await reader.goto(at(`/fr/processes/${SLUG}/recommendations/1`));
      expect(await reader.getByRole('main').innerText()).toContain('Une étiquette de sécurité bilingue');
      await checkA11y(reader, 'recommendation page (fr)', { javaScriptDisabled: true });

      // 7. The final report's PDF opens from its page and reads back.
      await reader.goto(at(`/en/processes/${SLUG}/final-report/print`));
      await checkA11y(reader, 'final report, printable', { javaScriptDisabled: true });
      await reader.goto(at(`/fr/processes/${SLUG}/final-report`));
      await checkA11y(reader, 'final report (fr)', { javaScriptDisabled: true });
      await reader.goto(at(`/en/processes/${SLUG}/final-report`));
      await checkA11y(reader, 'final report', { javaScriptDisabled: true });
      const href = await reader.getByRole('link', { name: /PDF/ }).first().getAttribute('href');
      const pdf = await reader.request.get(at(href!));
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toContain('application/pdf');
      const bytes = await pdf.body();
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      // Skipped on a developer machine without pdftotext; under CI=true a missing one fails.
      if (!toolPresent(PDFTOTEXT, existsSync(PDFTOTEXT), PDFTOTEXT_INSTALL)) return;
      const dir = await mkdtemp(path.join(tmpdir(), 'concord-pdf-'));
      try {
        await writeFile(path.join(dir, 'report.pdf'), bytes);
        const { stdout } = await run(PDFTOTEXT, ['-layout', path.join(dir, 'report.pdf'), '-']);
        expect(stdout).toContain('A bilingual security label');
        expect(stdout).toContain(`/processes/${SLUG}/recommendations/1`);
        // The French report prints its accents with the embedded font.
        const fr = await reader.request.get(at(`/fr/processes/${SLUG}/final-report.pdf`));
        await writeFile(path.join(dir, 'rapport.pdf'), await fr.body());
        const { stdout: french } = await run(PDFTOTEXT, ['-layout', path.join(dir, 'rapport.pdf'), '-']);
        expect(french).toContain('Une étiquette de sécurité bilingue');
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    } finally {
      await Promise.all(contexts.map((c) => c.close()));
    }
  });

  it('reads the process report in both languages, and verifies the audit trail with and without JavaScript', { timeout: 120_000 }, async () => {
    const plain = await newContext(browser, { javaScriptEnabled: false });
    const scripted = await newContext(browser);
    try {
      const page = await plain.newPage();
      await page.goto(at(`/en/processes/${SLUG}`));
      await page.getByRole('link', { name: 'Process report' }).click();
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Process report: Action');
      const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
      for (const h of ['Who took part', 'Comments and how they were answered', 'Consensus results by stakeholder group', 'Recommendations']) expect(headings).toContain(h);
      expect(await page.getByRole('main').innerText()).toContain('A bilingual security label');
      await checkA11y(page, 'process report (en)', { javaScriptDisabled: true });
      await page.goto(at(`/fr/processes/${SLUG}/report`));
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Rapport sur le processus\u00a0: Action');
      await checkA11y(page, 'process report (fr)', { javaScriptDisabled: true });

      // Without JavaScript, Verify asks the server, which recomputes the chain.
      await page.goto(at(`/en/processes/${SLUG}`));
      await page.getByRole('link', { name: 'Audit trail' }).click();
      await checkA11y(page, 'audit trail', { javaScriptDisabled: true });
      expect(await page.getByRole('main').innerText()).toContain('Chidi Chair');
      await page.getByRole('button', { name: 'Verify' }).click();
      await page.waitForURL(/\/audit\/verify/);
      expect(await page.getByRole('main').innerText()).toMatch(/This process’s chain holds: [\d,]+ events verified/);
      await checkA11y(page, 'audit verification', { javaScriptDisabled: true });

      // With JavaScript, the browser fetches the chain and recomputes every hash itself.
      const live = await scripted.newPage();
      await live.goto(at(`/en/processes/${SLUG}/audit`));
      await live.getByRole('button', { name: 'Verify' }).click();
      await expect.poll(() => live.locator('#audit-verify-status').textContent(), { timeout: 30_000 }).toMatch(/^[\d,]+ events of this process’s chain verified in your browser \(\d+ of them hold unpublished data[^)]*\)\. Head hash: [0-9a-f]{64}/);
      expect(new URL(live.url()).pathname).toBe(`/en/processes/${SLUG}/audit`);
      await checkA11y(live, 'audit trail verified in the browser');
    } finally {
      await Promise.all([plain.close(), scripted.close()]);
    }
  });
});
