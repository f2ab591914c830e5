import { ACTION_DIGEST_CRON, ACTION_REMINDERS_CRON } from '../../src/modules/accountability/accountability.jobs.js';
import ICAL from 'ical.js';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient, testApp, type TestApp } from '../helpers/app.js';
import type { Client } from '../helpers/client.js';
import { QUEUES, enqueue, getJob, jobsSchemaFor } from '../../src/platform/jobs/queue.js';
import { startJobs } from '../../src/app/worker.js';
import { handleMeetingReminder } from '../../src/modules/meetings/meetings.jobs.js';

/**
 * Meetings through the API and the pages: who may schedule what, registration with a waiting
 * list, the emails (with their .ics) and the day-before reminder job.
 */
let t: TestApp;
let admin: Client;
let sg: { id: string; key: string }[];
let chair: { client: Client; userId: string; email: string };
let processId: string;

const DAY = 86_400_000;
/** A wall-clock time in Toronto, `days` from now at 09:00 (or `hour`). */
function torontoDay(days: number, hour = 9): string {
  const d = new Date(Date.now() + days * DAY);
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
  return `${date}T${String(hour).padStart(2, '0')}:00`;
}

function meetingBody(over: Record<string, unknown> = {}) {
  return {
    titleEn: 'Device labelling, session 3',
    titleFr: 'Étiquetage des appareils, séance 3',
    descriptionEn: 'Draft **label** criteria.',
    descriptionFr: 'Critères d’**étiquette**.',
    format: 'hybrid',
    venue: 'Ottawa Conference Centre',
    address: '55 Colonel By Dr, Ottawa',
    joinUrl: 'https://meet.example/labelling',
    streamUrl: 'https://stream.example/labelling',
    startsAt: torontoDay(3),
    endsAt: torontoDay(3, 12),
    timeZone: 'America/Toronto',
    languages: 'both',
    visibility: 'public',
    capacity: null,
    ...over,
  };
}

/** A confirmed person who has joined the process in a stakeholder group. */
async function member(stakeholder = 'technical', lang: 'en' | 'fr' = 'en') {
  const m = await signedInClient(t, { lang });
  const res = await m.client.json('POST', '/api/v1/processes/iot/members', {
    stakeholderGroupId: sg.find((g) => g.key === stakeholder)!.id,
    preferredLang: lang,
    newOrganisation: { name: `Org ${m.email}`, sector: stakeholder, country: 'CA' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return m;
}

async function outboxTo(email: string) {
  return t.db.selectFrom('outbox_messages').selectAll().where('to_address', '=', email).orderBy('id').execute();
}

function events(ics: string) {
  return new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
}

beforeAll(async () => {
  t = await testApp();
  admin = (await signedInClient(t, { admin: true })).client;
  const created = await admin.json('POST', '/api/v1/processes', { slug: 'iot', titleEn: 'IoT security', titleFr: 'Sécurité de l’IdO', phases: [] });
  sg = created.json().stakeholderGroups;
  processId = created.json().id;
  for (const slug of ['labelling', 'resilience']) await admin.json('POST', '/api/v1/processes/iot/groups', { slug, nameEn: `WG ${slug}`, nameFr: `GT ${slug}` });
  chair = await member('civil_society');
  expect((await admin.json('POST', '/api/v1/processes/iot/groups/labelling/members', { email: chair.email, chair: true })).statusCode).toBe(200);
});
afterAll(async () => t?.close());

describe('scheduling', () => {
  it('lets a chair schedule for their own group only, and conveners or oversight for the process', async () => {
    const mine = await chair.client.json('POST', '/api/v1/processes/iot/groups/labelling/meetings', meetingBody());
    expect(mine.statusCode, mine.body).toBe(201);
    expect(mine.json()).toMatchObject({ groupSlug: 'labelling', status: 'scheduled', sequence: 0, timeZone: 'America/Toronto', uid: `meeting-${mine.json().id}@concord` });
    expect(mine.json().local.start).toBe(torontoDay(3));

    expect((await chair.client.json('POST', '/api/v1/processes/iot/groups/resilience/meetings', meetingBody())).statusCode).toBe(403);
    expect((await chair.client.json('POST', '/api/v1/processes/iot/meetings', meetingBody())).statusCode).toBe(403);
    // Nor can the chair edit the other group's meetings.
    const theirs = await admin.json('POST', '/api/v1/processes/iot/groups/resilience/meetings', meetingBody({ titleEn: 'Resilience 1' }));
    expect(theirs.statusCode).toBe(201);
    expect((await chair.client.json('PUT', `/api/v1/processes/iot/meetings/${theirs.json().id}`, meetingBody())).statusCode).toBe(403);
    expect((await chair.client.json('POST', `/api/v1/processes/iot/meetings/${theirs.json().id}/cancel`)).statusCode).toBe(403);

    const plain = await member();
    expect((await plain.client.json('POST', '/api/v1/processes/iot/groups/labelling/meetings', meetingBody())).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/processes/iot/meetings', payload: meetingBody() })).statusCode).toBe(401);

    const oversight = await signedInClient(t, { processRoles: [{ role: 'oversight', processId }] });
    expect((await oversight.client.json('POST', '/api/v1/processes/iot/meetings', meetingBody({ titleEn: 'Plenary' }))).statusCode).toBe(201);
  });

  it('refuses an end before the start and addresses that are not web links', async () => {
    const bad = await chair.client.json('POST', '/api/v1/processes/iot/groups/labelling/meetings', meetingBody({ endsAt: torontoDay(3, 8) }));
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual({ endsAt: 'meetings.errors.endBeforeStart' });
    const link = await chair.client.json('POST', '/api/v1/processes/iot/groups/labelling/meetings', meetingBody({ joinUrl: 'javascript:alert(1)' }));
    expect(link.statusCode).toBe(400);
    expect(Object.keys(link.json().errors)).toEqual(['joinUrl']);
    for (const [url, lang, message] of [
      ['data:text/html,<script>alert(1)</script>', 'en', 'Enter a web address starting with http:// or https://.'],
      ['vbscript:msgbox(1)', 'fr', 'Entrez une adresse Web commençant par http:// ou https://.'],
    ] as const) {
      const res = await chair.client.json('POST', '/api/v1/processes/iot/groups/labelling/meetings', meetingBody({ streamUrl: url }), { 'accept-language': lang });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual({ streamUrl: message });
    }
    // Through the page form too: the field says why, and nothing is saved.
    await chair.client.get('/fr/processes/iot/groups/labelling/meetings/new');
    const form = await chair.client.post('/fr/processes/iot/groups/labelling/meetings/new', { ...meetingBody({ titleEn: 'Hostile link', joinUrl: 'javascript:alert(1)' }), capacity: '' });
    expect(form.statusCode).toBe(422);
    expect(form.body).toContain('Entrez une adresse Web commençant par http:// ou https://.');
    expect(await t.db.selectFrom('meetings').select('id').where('title_en', '=', 'Hostile link').execute()).toEqual([]);
  });

  it('enqueues the day-before reminder with the right start time, and moves it when the meeting moves', async () => {
    const m = (await chair.client.json('POST', '/api/v1/processes/iot/groups/labelling/meetings', meetingBody({ titleEn: 'Reminder test' }))).json();
    const jobs = jobsSchemaFor(t.config.databaseSchema);
    const row = await t.db.selectFrom('meetings').select('reminder_job_id').where('id', '=', m.id).executeTakeFirstOrThrow();
    const job = await getJob(t.db, jobs, QUEUES.meetingReminder, row.reminder_job_id!);
    expect(job).toMatchObject({ state: 'created', data: { meetingId: m.id, startsAt: m.startsAt } });
    expect(new Date(job!.startAfter).getTime()).toBe(Date.parse(m.startsAt) - DAY);

    const moved = await chair.client.json('PUT', `/api/v1/processes/iot/meetings/${m.id}`, meetingBody({ titleEn: 'Reminder test', startsAt: torontoDay(5), endsAt: torontoDay(5, 11) }));
    expect(moved.json().sequence).toBe(1);
    expect((await getJob(t.db, jobs, QUEUES.meetingReminder, row.reminder_job_id!))!.state).toBe('cancelled');
    const after = await t.db.selectFrom('meetings').select('reminder_job_id').where('id', '=', m.id).executeTakeFirstOrThrow();
    const next = await getJob(t.db, jobs, QUEUES.meetingReminder, after.reminder_job_id!);
    expect(new Date(next!.startAfter).getTime()).toBe(Date.parse(moved.json().startsAt) - DAY);

    // A meeting less than a day away gets no reminder job (its registrants get the confirmation).
    const soon = (await chair.client.json('POST', '/api/v1/processes/iot/groups/labelling/meetings', meetingBody({ startsAt: new Date(Date.now() + 3_600_000).toISOString(), endsAt: new Date(Date.now() + 7_200_000).toISOString() }))).json();
    expect((await t.db.selectFrom('meetings').select('reminder_job_id').where('id', '=', soon.id).executeTakeFirstOrThrow()).reminder_job_id).toBeNull();
  });
});

describe('registration', () => {
  it('fills places, then a waiting list promoted in order, with an email and .ics for each place', async () => {
    const m = (await chair.client.json('POST', '/api/v1/processes/iot/groups/labelling/meetings', meetingBody({ titleEn: 'Small room', capacity: 2 }))).json();
    const path = `/api/v1/processes/iot/meetings/${m.id}/registration`;
    const [a, b, c, d] = [await member(), await member('academia', 'fr'), await member('government'), await member()];
    expect((await a.client.json('POST', path, { showName: true })).json()).toEqual({ status: 'registered', showName: true, position: null });
    expect((await b.client.json('POST', path, {})).json()).toMatchObject({ status: 'registered' });
    expect((await c.client.json('POST', path, {})).json()).toEqual({ status: 'waitlisted', showName: false, position: 1 });
    expect((await d.client.json('POST', path, {})).json()).toMatchObject({ status: 'waitlisted', position: 2 });
    // Registering twice changes nothing.
    expect((await d.client.json('POST', path, {})).json()).toMatchObject({ status: 'waitlisted', position: 2 });
    expect((await t.app.inject(`/api/v1/processes/iot/meetings/${m.id}`)).json()).toMatchObject({ registered: 2, waitlisted: 2 });

    // The confirmation carries the .ics; the French registrant's is in French.
    const [confirmA] = await outboxTo(a.email);
    expect(confirmA).toMatchObject({ kind: 'meetingConfirmation', subject: 'You are registered: Small room' });
    expect(confirmA!.body_text).toContain(`http://localhost:3000/en/processes/iot/meetings/${m.id}`);
    expect(confirmA!.body_text).toMatch(/\(America\/Toronto\)/);
    const cal = new ICAL.Component(ICAL.parse(confirmA!.ics!));
    expect(cal.getFirstPropertyValue('method')).toBe('PUBLISH');
    const [ev] = events(confirmA!.ics!);
    expect(ev!.getFirstPropertyValue('uid')).toBe(`meeting-${m.id}@concord`);
    expect(ev!.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect((ev!.getFirstPropertyValue('dtstart') as ICAL.Time).toUnixTime() * 1000).toBe(Date.parse(m.startsAt));
    expect(cal.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'))).toEqual(['America/Toronto']);
    const [confirmB] = await outboxTo(b.email);
    expect(confirmB!.subject).toBe('Inscription confirmée\u00a0: Étiquetage des appareils, séance 3');
    expect(events(confirmB!.ics!)[0]!.getFirstPropertyValue('summary')).toBe('Étiquetage des appareils, séance 3');
    const [waitC] = await outboxTo(c.email);
    expect(waitC).toMatchObject({ kind: 'meetingWaitlisted', ics: null });

    // A place given up goes to the first person waiting, who is told with the .ics.
    expect((await a.client.json('DELETE', path)).statusCode).toBe(200);
    const promoted = (await outboxTo(c.email)).at(-1)!;
    expect(promoted.kind).toBe('meetingPromoted');
    expect(events(promoted.ics!)[0]!.getFirstPropertyValue('uid')).toBe(`meeting-${m.id}@concord`);
    expect((await outboxTo(d.email)).map((x) => x.kind)).toEqual(['meetingWaitlisted']);
    const counts = (await t.app.inject(`/api/v1/processes/iot/meetings/${m.id}`)).json();
    expect(counts).toMatchObject({ registered: 2, waitlisted: 1 });

    // More room promotes the rest.
    await chair.client.json('PUT', `/api/v1/processes/iot/meetings/${m.id}`, meetingBody({ titleEn: 'Small room', capacity: 5 }));
    expect((await outboxTo(d.email)).map((x) => x.kind)).toEqual(['meetingWaitlisted', 'meetingPromoted']);
  });

  it('asks for a signed-in person with a confirmed email', async () => {
    const m = (await chair.client.json('POST', '/api/v1/processes/iot/groups/labelling/meetings', meetingBody())).json();
    const path = `/api/v1/processes/iot/meetings/${m.id}/registration`;
    expect((await t.app.inject({ method: 'POST', url: path, payload: {} })).statusCode).toBe(401);
    const p = await signedInClient(t);
    await t.db.updateTable('users').set({ email_confirmed_at: null }).where('id', '=', p.userId).execute();
    const res = await p.client.json('POST', path, {});
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toContain('Confirm your email');
  });

  it('writes the reminder when the job runs, once, to people holding a place', async () => {
    const m = (await chair.client.json('POST', '/api/v1/processes/iot/groups/labelling/meetings', meetingBody({ titleEn: 'Tomorrow-ish', capacity: 1 }))).json();
    const path = `/api/v1/processes/iot/meetings/${m.id}/registration`;
    const [a, b] = [await member('private_sector', 'fr'), await member()];
    await a.client.json('POST', path, {});
    await b.client.json('POST', path, {});
    const deps = { db: t.db, baseUrl: t.config.baseUrl };
    expect(await handleMeetingReminder(deps, { meetingId: m.id, startsAt: m.startsAt })).toEqual({ sent: 1 });
    const reminder = (await outboxTo(a.email)).at(-1)!;
    expect(reminder.kind).toBe('meetingReminder');
    expect(reminder.subject).toBe('Demain\u00a0: Étiquetage des appareils, séance 3');
    expect(reminder.ics).toContain(`UID:meeting-${m.id}@concord`);
    expect((await outboxTo(b.email)).map((x) => x.kind)).toEqual(['meetingWaitlisted']);
    // A retried job sends nothing twice; a job for an old time sends nothing at all.
    expect(await handleMeetingReminder(deps, { meetingId: m.id, startsAt: m.startsAt })).toEqual({ sent: 0 });
    expect(await handleMeetingReminder(deps, { meetingId: m.id, startsAt: new Date(0).toISOString() })).toEqual({ sent: 0 });
    const audit = await sql<{ n: string }>`select count(*) as n from audit_events where action = 'meeting.remind' and entity_id = ${m.id}`.execute(t.db);
    expect(Number(audit.rows[0]!.n)).toBe(1);
  });
});

describe('the job queue', () => {
  it('runs a due reminder through pg-boss on this engine when the workers are started', { timeout: 30_000 }, async () => {
    const m = (await chair.client.json('POST', '/api/v1/processes/iot/groups/labelling/meetings', meetingBody({ titleEn: 'Worker test' }))).json();
    const p = await member();
    await p.client.json('POST', `/api/v1/processes/iot/meetings/${m.id}/registration`, {});
    const jobs = jobsSchemaFor(t.config.databaseSchema);
    const id = await t.db.transaction().execute((trx) => enqueue(trx, jobs, QUEUES.meetingReminder, { meetingId: m.id, startsAt: m.startsAt }));
    const log = { info: () => {}, error: () => {}, warn: () => {} } as unknown as Parameters<typeof startJobs>[0]['log'];
    const stop = await startJobs({ db: t.db, database: t.database, appSchema: t.config.databaseSchema, baseUrl: t.config.baseUrl, log, pollingIntervalSeconds: 0.5 });
    try {
      for (let i = 0; i < 40 && !(await outboxTo(p.email)).some((x) => x.kind === 'meetingReminder'); i++) await new Promise((r) => setTimeout(r, 250));
    } finally {
      await stop();
    }
    expect((await outboxTo(p.email)).map((x) => x.kind)).toEqual(['meetingConfirmation', 'meetingReminder']);
    expect((await getJob(t.db, jobs, QUEUES.meetingReminder, id))!.state).toBe('completed');
    // The workers also planned the followers' daily digest, the nightly housekeeping, and the
    // action committee's reminders (daily) and digest (Mondays), and the comment counters' fold.
    const schedules = await sql<{ name: string; cron: string; timezone: string }>`select name, cron, timezone from ${sql.table(`${jobs}.schedule`)} order by name`.execute(t.db);
    expect(schedules.rows).toEqual(
      [
        { name: QUEUES.followsDigest, cron: '0 7 * * *', timezone: 'America/Toronto' },
        { name: QUEUES.housekeeping, cron: '17 3 * * *', timezone: 'America/Toronto' },
        { name: QUEUES.actionReminders, cron: ACTION_REMINDERS_CRON.cron, timezone: 'America/Toronto' },
        { name: QUEUES.actionDigest, cron: ACTION_DIGEST_CRON.cron, timezone: 'America/Toronto' },
        // The comment counters' fold (issue 11's surge path), every minute.
        { name: 'comments.fold-counters', cron: '* * * * *', timezone: 'UTC' },
      ].sort((a, b) => (a.name < b.name ? -1 : 1)),
    );
  });
});

describe('pages without JavaScript', () => {
  it('a chair schedules through the form, a member registers through the page and sees it', async () => {
    await chair.client.get('/en/processes/iot/groups/labelling/meetings/new');
    const bad = await chair.client.post('/en/processes/iot/groups/labelling/meetings/new', { ...meetingBody({ endsAt: torontoDay(4, 8), startsAt: torontoDay(4) }), capacity: '' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('The meeting must end after it starts.');
    const badCapacity = await chair.client.post('/en/processes/iot/groups/labelling/meetings/new', { ...meetingBody({ startsAt: torontoDay(4), endsAt: torontoDay(4, 10) }), capacity: '0' });
    expect(badCapacity.statusCode).toBe(422);
    expect(badCapacity.body).toContain('Enter a whole number of places of at least 1, or leave it empty.');
    expect(badCapacity.body).toContain('value="Device labelling, session 3"');
    const form = { ...meetingBody({ titleEn: 'Form meeting', startsAt: torontoDay(4), endsAt: torontoDay(4, 11) }), capacity: '', joinUrl: '' } as Record<string, string>;
    const ok = await chair.client.post('/en/processes/iot/groups/labelling/meetings/new', form);
    expect(ok.statusCode, ok.body.slice(0, 500)).toBe(303);
    const page = ok.headers.location as string;
    expect(page).toMatch(/^\/en\/processes\/iot\/meetings\/[0-9a-f-]{36}$/);

    const p = await member('academia');
    const before = await p.client.get(page);
    expect(before.body).toContain('Form meeting');
    expect(before.body).toContain('(America/Toronto)');
    expect(before.body).toMatch(/9:00.{1,3}11:00\sa\.m\.\s\(America\/Toronto\)/);
    expect(before.body).toMatch(/href="\/api\/v1\/meetings\/[0-9a-f-]{36}\.ics\?lang=en"/);
    const reg = await p.client.post(`${page}/register`, { showName: 'true' });
    expect(reg.statusCode).toBe(303);
    const after = await p.client.get(page);
    expect(after.body).toContain('You are registered for this meeting.');
    const fr = await p.client.get(page.replace('/en/', '/fr/'));
    expect(fr.body).toContain('Votre inscription à cette réunion est confirmée.');
    expect(fr.body).toMatch(/9\sh\s00.{1,3}11\sh\s00\s\(America\/Toronto\)/);

    // The group page lists it; the process page links to all meetings.
    const groupPage = (await t.app.inject('/en/processes/iot/groups/labelling')).body;
    expect(groupPage).toContain('All meetings of this group');
    expect(groupPage).toContain('href="/api/v1/processes/iot/groups/labelling/calendar.ics?lang=en"');
    expect((await t.app.inject('/en/processes/iot')).body).toContain('href="/en/processes/iot/meetings"');
    expect((await t.app.inject('/en/processes/iot/meetings?group=labelling')).body).toContain('Form meeting');
  });

  it('shows "Live now" with the stream while a meeting is under way, and the agenda edited as rows', async () => {
    const m = (
      await chair.client.json('POST', '/api/v1/processes/iot/groups/labelling/meetings', meetingBody({ titleEn: 'Happening', startsAt: new Date(Date.now() - 600_000).toISOString(), endsAt: new Date(Date.now() + 3_600_000).toISOString() }))
    ).json();
    const path = `/en/processes/iot/meetings/${m.id}`;
    const page = await t.app.inject(path);
    expect(page.body).toContain('Live now');
    expect(page.body).toContain('href="https://stream.example/labelling"');

    await chair.client.get(`${path}/agenda`);
    const saved = await chair.client.post(`${path}/agenda`, {
      'items[0][title]': 'Welcome',
      'items[0][titleFr]': 'Accueil',
      'items[0][presenter]': 'Chair',
      'items[0][durationMinutes]': '10',
      'items[0][documentUrl]': '',
      'items[1][title]': '',
      'items[1][presenter]': '',
      'items[2][title]': 'Label criteria',
      'items[2][durationMinutes]': '45',
      'items[2][documentUrl]': 'https://docs.example/criteria',
    });
    expect(saved.statusCode).toBe(303);
    const api = (await t.app.inject(`/api/v1/processes/iot/meetings/${m.id}`)).json();
    expect(api.agenda).toEqual([
      { title: 'Welcome', titleFr: 'Accueil', presenter: 'Chair', durationMinutes: 10, documentUrl: null },
      { title: 'Label criteria', titleFr: null, presenter: '', durationMinutes: 45, documentUrl: 'https://docs.example/criteria' },
    ]);
    // Each reader gets the title in their language; a French reader gets the English one, marked, where there is no French one.
    const fr = (await t.app.inject(path.replace('/en/', '/fr/'))).body;
    expect(fr).toContain('<td>Accueil</td>');
    expect(fr).toContain('<td lang="en">Label criteria</td>');
    expect(fr).not.toContain('Welcome');
    const en = (await t.app.inject(path)).body;
    expect(en).toContain('<td>Welcome</td>');
    expect(en).not.toContain('Accueil');
    // The form gives the French title back to edit.
    expect((await chair.client.get(`${path}/agenda`)).body).toMatch(/name="items\[0\]\[titleFr\]"[^>]*value="Accueil"|value="Accueil"[^>]*name="items\[0\]\[titleFr\]"/);
    expect(api.sequence).toBe(1);
    expect(api.live).toBe(true);
  });
});
