import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient, testApp, type TestApp } from '../helpers/app.js';
import type { Actor } from '../../src/platform/auth/roles.js';
import { createAction, reportOnAction } from '../../src/modules/accountability/accountability.service.js';
import { handleActionDigest, handleActionReminders } from '../../src/modules/accountability/accountability.jobs.js';
import { adminActor, makeMember, makeOrganisation, makeProcess, makeRecommendation } from '../helpers/factories.js';

/**
 * Reminders and the committee's digest, run as the jobs run them with a fixed "now": owners
 * (the named contact, else the organisation's confirmed representatives, never someone who only
 * claimed it) hear once before the due date and once when overdue; the committee gets a weekly summary.
 */
let t: TestApp;
let admin: Actor;
const SLUG = 'remind-process';
const f = { processId: '', withContact: '', withoutContact: '', contactEmail: '', orgEmails: [] as string[], committeeEmail: '' };
const deps = () => ({ db: t.db, baseUrl: 'http://localhost:3000' });
const mails = (kind: string) => t.db.selectFrom('outbox_messages').selectAll().where('kind', '=', kind).orderBy('id').execute();
const input = (over: { recommendationId: string; ownerOrganisationId: string; contactUserId?: string; titleEn: string }) => ({
  titleFr: `${over.titleEn} (fr)`,
  dueOn: '2030-03-10',
  measureEn: 'Done when done.',
  measureFr: 'Fait quand c’est fait.',
  ...over,
});

beforeAll(async () => {
  t = await testApp();
  admin = await adminActor(t.db);
  const d = await makeProcess(t.db, admin, SLUG);
  f.processId = d.process.id;
  const rec = await makeRecommendation(t.db, f.processId, '3.1', { titleEn: 'Patch promptly' });
  const acme = await makeOrganisation(t.db, admin, 'Acme Reminders');
  const gov = await makeOrganisation(t.db, admin, 'Ministry of Reminders', 'government');
  const contact = await makeMember(t, SLUG, acme, 'private_sector');
  await makeMember(t, SLUG, acme, 'private_sector');
  const g1 = await makeMember(t, SLUG, gov, 'government', { lang: 'fr' });
  const g2 = await makeMember(t, SLUG, gov, 'government');
  // Claims the ministry on joining, unconfirmed: the ministry's reminders are none of their business.
  await makeMember(t, SLUG, gov, 'government', { confirmed: false });
  f.contactEmail = contact.email;
  f.orgEmails = [g1.email, g2.email];
  f.withContact = (await createAction(t.db, admin, f.processId, input({ recommendationId: rec, ownerOrganisationId: acme, contactUserId: contact.userId, titleEn: 'Ship security updates' }))).id;
  f.withoutContact = (await createAction(t.db, admin, f.processId, input({ recommendationId: rec, ownerOrganisationId: gov, titleEn: 'Publish guidance' }))).id;
  const member = await signedInClient(t, { processRoles: [{ role: 'action_committee', processId: f.processId }], lang: 'fr' });
  await t.db.updateTable('users').set({ preferred_lang: 'fr' }).where('id', '=', member.userId).execute();
  f.committeeEmail = member.email;
});
afterAll(async () => t?.close());

describe('owner reminders', () => {
  it('says nothing while the due date is far', async () => {
    expect(await handleActionReminders(deps(), new Date('2030-03-05T14:00:00Z'))).toEqual({ dueSoon: 0, overdue: 0 });
  });

  it('reminds the contact, else the organisation’s members, a few days before, once', async () => {
    expect(await handleActionReminders(deps(), new Date('2030-03-07T14:00:00Z'))).toEqual({ dueSoon: 3, overdue: 0 });
    expect(await handleActionReminders(deps(), new Date('2030-03-08T14:00:00Z'))).toEqual({ dueSoon: 0, overdue: 0 });
    const sent = await mails('actionDueSoon');
    expect(sent.map((m) => m.to_address).sort()).toEqual([f.contactEmail, ...f.orgEmails].map((e) => e.toLowerCase()).sort());
    const french = sent.find((m) => m.lang === 'fr')!;
    expect(french.subject).toBe('Échéance le 10 mars 2030\u00a0: Publish guidance (fr)');
    expect(french.body_text).toContain(`/fr/processes/${SLUG}/tracker/actions/${f.withoutContact}/progress`);
  });

  it('tells them once when the action becomes overdue, unless it is done', async () => {
    await reportOnAction(t.db, admin, f.processId, f.withContact, { status: 'done', body: 'Shipped.', lang: 'en', evidenceUrls: [] }, { at: new Date('2030-03-09T15:00:00Z') });
    // 10 March 23:00 in Toronto is still the due date.
    expect(await handleActionReminders(deps(), new Date('2030-03-11T03:00:00Z'))).toEqual({ dueSoon: 0, overdue: 0 });
    expect(await handleActionReminders(deps(), new Date('2030-03-11T14:00:00Z'))).toEqual({ dueSoon: 0, overdue: 2 });
    expect(await handleActionReminders(deps(), new Date('2030-03-12T14:00:00Z'))).toEqual({ dueSoon: 0, overdue: 0 });
    const sent = await mails('actionOverdue');
    expect(sent.map((m) => m.to_address).sort()).toEqual(f.orgEmails.map((e) => e.toLowerCase()).sort());
    const row = await t.db.selectFrom('actions').select(['reminded_due_at', 'reminded_overdue_at']).where('id', '=', f.withoutContact).executeTakeFirstOrThrow();
    expect(row.reminded_overdue_at?.toISOString()).toBe('2030-03-11T14:00:00.000Z');
  });
});

describe('history loaded after the fact', () => {
  it('mails nobody about a back-dated action recorded with its reminders sent', async () => {
    const rec = await makeRecommendation(t.db, f.processId, '3.2');
    const gov = (await t.db.selectFrom('organisations').select('id').where('name', '=', 'Ministry of Reminders').executeTakeFirstOrThrow()).id;
    await createAction(t.db, admin, f.processId, input({ recommendationId: rec, ownerOrganisationId: gov, titleEn: 'Old promise' }), { at: new Date('2020-01-01T12:00:00Z'), remindersSent: true });
    const before = (await mails('actionOverdue')).length;
    expect(await handleActionReminders(deps(), new Date('2030-04-01T14:00:00Z'))).toEqual({ dueSoon: 0, overdue: 0 });
    expect(await mails('actionOverdue')).toHaveLength(before);
  });
});

describe('the committee digest', () => {
  it('lists what is overdue and what was reported this week, in the reader’s language', async () => {
    await reportOnAction(t.db, admin, f.processId, f.withoutContact, { status: 'at_risk', reason: 'Le budget manque.', body: '', lang: 'fr', evidenceUrls: [] }, { at: new Date('2030-03-12T15:00:00Z') });
    expect(await handleActionDigest(deps(), new Date('2030-03-13T13:00:00Z'))).toEqual({ sent: 1 });
    const [digest] = await mails('actionDigest');
    expect(digest!.to_address).toBe(f.committeeEmail.toLowerCase());
    expect(digest!.subject).toBe('Bilan hebdomadaire du suivi\u00a0: Suivi');
    const [overdue, soon, reported] = digest!.body_text.split(/\n\n(?=En retard|À échéance|Rapports)/).slice(1);
    expect(overdue).toContain('3.1 · Publish guidance (fr) (Ministry of Reminders) — échéance le 10 mars 2030');
    expect(overdue).not.toContain('Ship security updates');
    expect(soon).toContain('- aucune');
    expect(reported).toContain('Publish guidance (fr): À risque — Le budget manque.');
    expect(reported).toContain('Ship security updates (fr): Terminée');
    // The report of 9 March (done) is more than seven days before 20 March: not repeated.
    expect(await handleActionDigest(deps(), new Date('2030-03-20T13:00:00Z'))).toEqual({ sent: 1 });
    const later = (await mails('actionDigest'))[1]!;
    expect(later.body_text).not.toContain('Ship security updates (fr): Terminée');
  });
});
