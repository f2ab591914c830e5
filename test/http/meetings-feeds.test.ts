import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient, testApp, type TestApp } from '../helpers/app.js';
import type { Client } from '../helpers/client.js';
import { verifyAudit } from '../../src/platform/audit/audit-verify.service.js';

/**
 * What meetings publish: calendar feeds and .ics (parsed with ical.js), how they follow
 * cancellations and reschedulings, members-only meetings kept out of sight, and attendance
 * counted by stakeholder group.
 */
let t: TestApp;
let admin: Client;
let sg: { id: string; key: string }[];
let chair: { client: Client; userId: string; email: string };

const HOUR = 3_600_000;
const iso = (msFromNow: number) => new Date(Math.floor((Date.now() + msFromNow) / 60_000) * 60_000).toISOString();

function meetingBody(over: Record<string, unknown> = {}) {
  return {
    titleEn: 'Network resilience',
    titleFr: 'Résilience des réseaux',
    format: 'virtual',
    joinUrl: 'https://meet.example/resilience',
    startsAt: iso(72 * HOUR),
    endsAt: iso(74 * HOUR),
    timeZone: 'America/Vancouver',
    ...over,
  };
}

async function member(stakeholder: string) {
  const m = await signedInClient(t);
  const res = await m.client.json('POST', '/api/v1/processes/iot/members', {
    stakeholderGroupId: sg.find((g) => g.key === stakeholder)!.id,
    preferredLang: 'en',
    newOrganisation: { name: `Org ${m.email}`, sector: stakeholder, country: 'CA' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return m;
}

async function schedule(over: Record<string, unknown> = {}) {
  const res = await chair.client.json('POST', '/api/v1/processes/iot/groups/resilience/meetings', meetingBody(over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** A feed parsed with ical.js: its events by UID. */
async function feed(url: string) {
  const res = await t.app.inject(url);
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
  const cal = new ICAL.Component(ICAL.parse(res.body));
  const byUid = new Map(cal.getAllSubcomponents('vevent').map((v) => [String(v.getFirstPropertyValue('uid')), v]));
  return { cal, byUid, text: res.body };
}

async function lastMail(email: string) {
  return t.db.selectFrom('outbox_messages').selectAll().where('to_address', '=', email).orderBy('id', 'desc').executeTakeFirstOrThrow();
}

beforeAll(async () => {
  t = await testApp();
  admin = (await signedInClient(t, { admin: true })).client;
  const created = await admin.json('POST', '/api/v1/processes', { slug: 'iot', titleEn: 'IoT security', titleFr: 'Sécurité de l’IdO', phases: [] });
  sg = created.json().stakeholderGroups;
  await admin.json('POST', '/api/v1/processes/iot/groups', { slug: 'resilience', nameEn: 'Network resilience', nameFr: 'Résilience des réseaux' });
  chair = await member('technical');
  await admin.json('POST', '/api/v1/processes/iot/groups/resilience/members', { email: chair.email, chair: true });
});
afterAll(async () => t?.close());

describe('calendar feeds', () => {
  it('publish public meetings with stable UIDs, VTIMEZONE, SEQUENCE and a URL back to the page', async () => {
    const m = await schedule();
    const uid = `meeting-${m.id}@concord`;
    for (const url of ['/api/v1/processes/iot/calendar.ics', '/api/v1/processes/iot/groups/resilience/calendar.ics?lang=fr']) {
      const { cal, byUid } = await feed(url);
      const ev = byUid.get(uid)!;
      expect(ev).toBeDefined();
      expect(cal.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'))).toContain('America/Vancouver');
      expect(cal.getFirstPropertyValue('method')).toBeNull();
      expect(ev.getFirstPropertyValue('sequence')).toBe(0);
      expect(ev.getFirstPropertyValue('status')).toBe('CONFIRMED');
      const start = ev.getFirstPropertyValue('dtstart') as ICAL.Time;
      expect(start.zone?.tzid).toBe('America/Vancouver');
      expect(start.toUnixTime() * 1000).toBe(Date.parse(m.startsAt));
      const lang = url.endsWith('fr') ? 'fr' : 'en';
      expect(ev.getFirstPropertyValue('url')).toBe(`http://localhost:3000/${lang}/processes/iot/meetings/${m.id}`);
      expect(ev.getFirstPropertyValue('summary')).toBe(lang === 'fr' ? 'Résilience des réseaux' : 'Network resilience');
    }
    const one = await feed(`/api/v1/meetings/${m.id}.ics`);
    expect(one.cal.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect([...one.byUid.keys()]).toEqual([uid]);
  });

  it('follow a reschedule and a cancellation: same UID, higher SEQUENCE, STATUS:CANCELLED, registrants emailed', async () => {
    const m = await schedule({ titleEn: 'Moving target' });
    const uid = `meeting-${m.id}@concord`;
    const holder = await member('academia');
    const waiting = await member('government');
    await chair.client.json('PUT', `/api/v1/processes/iot/meetings/${m.id}`, meetingBody({ titleEn: 'Moving target', capacity: 1 }));
    await holder.client.json('POST', `/api/v1/processes/iot/meetings/${m.id}/registration`, {});
    expect((await waiting.client.json('POST', `/api/v1/processes/iot/meetings/${m.id}/registration`, {})).json().status).toBe('waitlisted');

    const moved = await chair.client.json('PUT', `/api/v1/processes/iot/meetings/${m.id}`, meetingBody({ titleEn: 'Moving target', capacity: 1, startsAt: iso(96 * HOUR), endsAt: iso(97 * HOUR) }));
    expect(moved.statusCode).toBe(200);
    const rescheduled = await lastMail(holder.email);
    expect(rescheduled).toMatchObject({ kind: 'meetingRescheduled', subject: 'New time: Moving target' });
    const sent = new ICAL.Component(ICAL.parse(rescheduled.ics!)).getFirstSubcomponent('vevent')!;
    expect(sent.getFirstPropertyValue('sequence')).toBe(2);
    expect((sent.getFirstPropertyValue('dtstart') as ICAL.Time).toUnixTime() * 1000).toBe(Date.parse(moved.json().startsAt));
    // The person waiting is told in words, without a calendar file that would book them in.
    expect(await lastMail(waiting.email)).toMatchObject({ kind: 'meetingRescheduled', ics: null });
    expect((await feed('/api/v1/processes/iot/calendar.ics')).byUid.get(uid)!.getFirstPropertyValue('sequence')).toBe(2);

    // A change of link alone is a change too.
    await chair.client.json('PUT', `/api/v1/processes/iot/meetings/${m.id}`, meetingBody({ titleEn: 'Moving target', capacity: 1, startsAt: moved.json().startsAt, endsAt: moved.json().endsAt, joinUrl: 'https://meet.example/new' }));
    expect(await lastMail(holder.email)).toMatchObject({ kind: 'meetingChanged' });

    const cancelled = await chair.client.json('POST', `/api/v1/processes/iot/meetings/${m.id}/cancel`);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', sequence: 4 });
    const mail = await lastMail(holder.email);
    expect(mail).toMatchObject({ kind: 'meetingCancelled', subject: 'Cancelled: Moving target' });
    const inMail = new ICAL.Component(ICAL.parse(mail.ics!)).getFirstSubcomponent('vevent')!;
    expect(inMail.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(inMail.getFirstPropertyValue('uid')).toBe(uid);
    const ev = (await feed('/api/v1/processes/iot/groups/resilience/calendar.ics')).byUid.get(uid)!;
    expect(ev.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(ev.getFirstPropertyValue('sequence')).toBe(4);
    // Nothing more can be done to a cancelled meeting but its record; registering is refused.
    expect((await chair.client.json('POST', `/api/v1/processes/iot/meetings/${m.id}/cancel`)).statusCode).toBe(409);
    const late = await member('other');
    expect((await late.client.json('POST', `/api/v1/processes/iot/meetings/${m.id}/registration`, {})).statusCode).toBe(409);
    expect((await t.app.inject(`/en/processes/iot/meetings/${m.id}`)).body).toContain('This meeting has been cancelled.');
  });
});

describe('the API description', () => {
  it('documents the meeting routes from their Zod schemas', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    for (const p of ['/api/v1/processes/{processSlug}/meetings', '/api/v1/processes/{processSlug}/meetings/{meetingId}/registration', '/api/v1/meetings/{meetingId}.ics', '/api/v1/processes/{processSlug}/calendar.ics']) {
      expect(doc.paths[p], p).toBeDefined();
    }
    const body = doc.paths['/api/v1/processes/{processSlug}/meetings'].post.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(expect.arrayContaining(['titleEn', 'titleFr', 'format', 'startsAt', 'endsAt']));
    const reference = await t.app.inject('/fr/api');
    expect(reference.statusCode).toBe(200);
    expect(reference.headers['content-type']).toContain('text/html');
    expect(reference.body).toContain('<html lang="fr"');
    expect(reference.body).toContain('/api/v1/processes/{processSlug}/meetings');
  });
});

describe('followers', () => {
  it('hear of a public meeting scheduled, its minutes and recordings, but never of a members-only one', async () => {
    const follower = await signedInClient(t);
    const followed = await follower.client.json('PUT', '/api/v1/processes/iot/groups/resilience/follow', { mode: 'immediate' });
    expect(followed.statusCode, followed.body).toBe(200);
    const kinds = async () => (await t.db.selectFrom('outbox_messages').select(['kind', 'subject']).where('to_address', '=', follower.email).orderBy('id').execute()).map((m) => m.subject);
    const m = await schedule({ titleEn: 'Followed one' });
    await schedule({ titleEn: 'Secret one', visibility: 'members' });
    await chair.client.json('PUT', `/api/v1/processes/iot/meetings/${m.id}/minutes`, { minutesEn: 'Notes', minutesFr: '' });
    await chair.client.json('PUT', `/api/v1/processes/iot/meetings/${m.id}/minutes`, { minutesEn: 'Notes, corrected', minutesFr: 'Notes' });
    await chair.client.json('PUT', `/api/v1/processes/iot/meetings/${m.id}/recordings`, { urls: ['https://video.example/f'] });
    expect(await kinds()).toEqual(['New: Meeting scheduled: Followed one', 'New: Minutes posted: Followed one', 'New: Recording posted: Followed one']);
  });
});

describe('members-only meetings', () => {
  it('are 404 to the public and to non-members, absent from feeds and lists, and visible to members', async () => {
    const m = await schedule({ titleEn: 'Closed session', visibility: 'members' });
    const uid = `meeting-${m.id}@concord`;
    const outsider = await signedInClient(t);
    for (const url of [`/en/processes/iot/meetings/${m.id}`, `/api/v1/processes/iot/meetings/${m.id}`, `/api/v1/meetings/${m.id}.ics`]) {
      expect((await t.app.inject(url)).statusCode, url).toBe(404);
      expect((await outsider.client.get(url)).statusCode, url).toBe(404);
    }
    expect((await outsider.client.json('POST', `/api/v1/processes/iot/meetings/${m.id}/registration`, {})).statusCode).toBe(404);
    expect((await feed('/api/v1/processes/iot/calendar.ics')).byUid.has(uid)).toBe(false);
    expect((await feed('/api/v1/processes/iot/groups/resilience/calendar.ics')).byUid.has(uid)).toBe(false);
    expect((await t.app.inject('/api/v1/processes/iot/meetings')).json().items.map((x: { id: string }) => x.id)).not.toContain(m.id);
    expect((await t.app.inject('/en/processes/iot/meetings')).body).not.toContain('Closed session');

    const insider = await member('civil_society');
    const closed = await insider.client.get(`/en/processes/iot/meetings/${m.id}`);
    expect(closed.statusCode).toBe(200);
    expect(closed.body).toContain('Closed session');
    expect((await insider.client.json('GET', '/api/v1/processes/iot/meetings')).json().items.map((x: { id: string }) => x.id)).toContain(m.id);
    const ics = await insider.client.get(`/api/v1/meetings/${m.id}.ics`);
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['cache-control']).toBe('private, no-store');
    expect((await insider.client.json('POST', `/api/v1/processes/iot/meetings/${m.id}/registration`, {})).json().status).toBe('registered');
  });
});

describe('attendance', () => {
  it('counts attendees by stakeholder group in public, and names only those who agreed', async () => {
    const m = await schedule({ titleEn: 'Held yesterday', startsAt: iso(-26 * HOUR), endsAt: iso(-24 * HOUR) });
    const future = await schedule({ titleEn: 'Not yet' });
    // Registering for a meeting that is over is refused, so these registrations are made directly.
    const [a, b, c] = [await member('academia'), await member('academia'), await member('government')];
    const open = await schedule({ titleEn: 'Open one', startsAt: iso(-HOUR), endsAt: iso(HOUR) });
    expect((await a.client.json('POST', `/api/v1/processes/iot/meetings/${open.id}/registration`, { showName: true })).statusCode).toBe(200);
    expect((await b.client.json('POST', `/api/v1/processes/iot/meetings/${open.id}/registration`, { showName: false })).statusCode).toBe(200);
    expect((await c.client.json('POST', `/api/v1/processes/iot/meetings/${m.id}/registration`, {})).statusCode).toBe(409);

    const path = `/api/v1/processes/iot/meetings/${open.id}/attendance`;
    const stranger = await member('other');
    expect((await chair.client.json('PUT', path, { userIds: [stranger.userId] })).statusCode).toBe(422);
    expect((await a.client.json('PUT', path, { userIds: [a.userId] })).statusCode).toBe(403);
    expect((await chair.client.json('PUT', `/api/v1/processes/iot/meetings/${future.id}/attendance`, { userIds: [] })).statusCode).toBe(409);
    // Registrants and the group's members (the chair) can be marked.
    const marked = await chair.client.json('PUT', path, { userIds: [a.userId, b.userId, chair.userId] });
    expect(marked.statusCode, marked.body).toBe(200);
    const summary = (await t.app.inject(path)).json();
    expect(summary.total).toBe(3);
    const count = (key: string) => summary.groups.find((g: { key: string }) => g.key === key).count;
    expect([count('academia'), count('technical'), count('government')]).toEqual([2, 1, 0]);
    expect(summary.names).toEqual(['Test Person']);
    const page = (await t.app.inject(`/en/processes/iot/meetings/${open.id}`)).body;
    expect(page).toContain('3 people attended.');
    expect(page).toContain('Attendees who agreed to be named');

    const registrants = (await chair.client.json('GET', `/api/v1/processes/iot/meetings/${open.id}/registrations`)).json().items;
    expect(registrants.map((r: { userId: string; attended: boolean }) => [r.userId, r.attended])).toEqual([
      [a.userId, true],
      [b.userId, true],
    ]);
    expect((await t.app.inject(`/api/v1/processes/iot/meetings/${open.id}/registrations`)).statusCode).toBe(401);

    // At a meeting of the whole process, any member of the process can be marked.
    const plenary = await admin.json('POST', '/api/v1/processes/iot/meetings', meetingBody({ titleEn: 'Plenary', startsAt: iso(-5 * HOUR), endsAt: iso(-4 * HOUR) }));
    expect((await admin.json('PUT', `/api/v1/processes/iot/meetings/${plenary.json().id}/attendance`, { userIds: [stranger.userId] })).json().total).toBe(1);

    // Through the page, unticking someone removes them.
    await chair.client.get(`/en/processes/iot/meetings/${open.id}/attendance`);
    expect((await chair.client.post(`/en/processes/iot/meetings/${open.id}/attendance`, { userIds: a.userId })).statusCode).toBe(303);
    expect((await t.app.inject(path)).json().total).toBe(1);
  });

  it('posts minutes and recordings, shown on the page once the meeting is over, and every change is in the audit chain', async () => {
    const m = await schedule({ titleEn: 'Minuted', startsAt: iso(-3 * HOUR), endsAt: iso(-2 * HOUR) });
    const base = `/api/v1/processes/iot/meetings/${m.id}`;
    expect((await chair.client.json('PUT', `${base}/minutes`, { minutesEn: '## Decisions\n\n- Adopt *the* baseline', minutesFr: '## Décisions\n\n- Adopter la base' })).statusCode).toBe(200);
    const rec = await chair.client.json('PUT', `${base}/recordings`, { urls: ['https://video.example/1', 'https://video.example/2'] });
    expect(rec.json()).toMatchObject({ recordings: ['https://video.example/1', 'https://video.example/2'], sequence: 2 });
    const page = (await t.app.inject(`/fr/processes/iot/meetings/${m.id}`)).body;
    expect(page).toContain('<h2 id="decisions">Décisions</h2>');
    expect(page).toContain('href="https://video.example/2"');
    expect(page).not.toContain('Live now');
    expect((await verifyAudit(t.db)).ok).toBe(true);
    const actions = await t.db.selectFrom('audit_events').select('action').where('entity_id', '=', m.id).orderBy('seq').execute();
    expect(actions.map((a) => a.action)).toEqual(['meeting.schedule', 'meeting.minutes', 'meeting.recordings']);
  });

  it('pages the list of meetings with a keyset cursor', async () => {
    const seen: string[] = [];
    let url = '/api/v1/processes/iot/meetings?when=past&limit=1';
    for (let i = 0; i < 10; i++) {
      const page = (await t.app.inject(url)).json();
      seen.push(...page.items.map((x: { id: string }) => x.id));
      if (!page.next) break;
      url = `/api/v1/processes/iot/meetings?when=past&limit=1&after=${page.next}`;
    }
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(new Set(seen).size).toBe(seen.length);
    expect((await t.app.inject('/api/v1/processes/iot/meetings?after=nonsense')).statusCode).toBe(400);
  });
});
