import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient, testApp, type TestApp } from '../helpers/app.js';
import type { Client } from '../helpers/client.js';

/**
 * What a meeting's forms must never do silently: store a time that is not on the calendar or
 * that the clocks skip, or erase a held meeting's agenda and minutes on an empty submit.
 */
let t: TestApp;
let convener: Client;

function meetingBody(over: Record<string, string> = {}): Record<string, string> {
  return {
    titleEn: 'Clock check',
    titleFr: 'Vérification de l’heure',
    format: 'virtual',
    startsAt: '2027-04-18T09:00',
    endsAt: '2027-04-18T11:00',
    timeZone: 'America/Toronto',
    capacity: '',
    ...over,
  };
}

const stored = (title: string) => t.db.selectFrom('meetings').select(['id', 'starts_at']).where('title_en', '=', title).execute();

beforeAll(async () => {
  t = await testApp();
  const admin = (await signedInClient(t, { admin: true })).client;
  const created = await admin.json('POST', '/api/v1/processes', { slug: 'iot', titleEn: 'IoT security', titleFr: 'Sécurité de l’IdO', phases: [] });
  convener = (await signedInClient(t, { processRoles: [{ role: 'convener', processId: created.json().id }] })).client;
});
afterAll(async () => t?.close());

describe('meeting times that do not exist', () => {
  it('the API refuses 30 February, 29 February of a common year, 24:00 and month 13, with or without an offset, and stores nothing', async () => {
    for (const startsAt of ['2027-02-30T10:00', '2027-02-30T10:00:00Z', '2027-02-29T10:00', '2027-04-18T24:00', '2027-13-01T10:00']) {
      const res = await convener.json('POST', '/api/v1/processes/iot/meetings', meetingBody({ titleEn: `Bad ${startsAt}`, startsAt, endsAt: '2027-05-01T10:00' }));
      expect(res.statusCode, startsAt).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, startsAt).toBeLessThan(500);
      expect(Object.keys(res.json().errors), startsAt).toEqual(['startsAt']);
      expect(await stored(`Bad ${startsAt}`), startsAt).toEqual([]);
    }
  });

  it('refuses a time the clocks skip, in the API and the form, naming the time that exists (EN and FR)', async () => {
    const gap = meetingBody({ titleEn: 'In the gap', startsAt: '2027-03-14T02:30', endsAt: '2027-03-14T04:00' });
    const api = await convener.json('POST', '/api/v1/processes/iot/meetings', gap);
    expect(api.statusCode).toBe(422);
    expect(api.json().detail).toBe('02:30 does not exist on 2027-03-14 in America/Toronto: the clocks move forward an hour that night. Did you mean 2027-03-14 03:30?');
    await convener.get('/fr/processes/iot/meetings/new');
    const form = await convener.post('/fr/processes/iot/meetings/new', gap);
    expect(form.statusCode).toBe(422);
    expect(form.body).toContain('02:30 n’existe pas le 2027-03-14 dans le fuseau America/Toronto');
    expect(form.body).toContain('Vouliez-vous dire 2027-03-14 03:30\u00a0?');
    // What was typed is kept.
    expect(form.body).toContain('value="2027-03-14T02:30"');
    expect(await stored('In the gap')).toEqual([]);
  });

  it('the call-for-input form refuses a time the clocks skip too, and stores nothing', async () => {
    await convener.get('/en/processes/iot/calls/new');
    const res = await convener.post('/en/processes/iot/calls/new', {
      titleEn: 'Gap call',
      titleFr: 'Appel dans le trou',
      descriptionEn: '',
      descriptionFr: '',
      opensAt: '2027-03-14T02:30:00',
      closesAt: '2027-04-14T17:00:00',
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('02:30 does not exist on 2027-03-14 in America/Toronto');
    expect(await t.db.selectFrom('calls').select('id').where('title_en', '=', 'Gap call').execute()).toEqual([]);
  });

  it('reads a time the clocks repeat as the first one, and says so in the form', async () => {
    const res = await convener.json('POST', '/api/v1/processes/iot/meetings', meetingBody({ titleEn: 'Fall back', startsAt: '2027-11-07T01:30', endsAt: '2027-11-07T03:00' }));
    expect(res.statusCode).toBe(201);
    expect(res.json().startsAt).toBe('2027-11-07T05:30:00.000Z');
    const page = await convener.get('/en/processes/iot/meetings/new');
    expect(page.body).toContain('a time in it means the first one');
  });
});

describe('a held meeting’s record', () => {
  it('is not erased by an empty agenda or minutes form: a confirmation is asked first, and the record stays until it is given', async () => {
    const m = (await convener.json('POST', '/api/v1/processes/iot/meetings', meetingBody({ titleEn: 'Held' }))).json();
    const path = `/en/processes/iot/meetings/${m.id}`;
    await convener.json('PUT', `/api/v1/processes/iot/meetings/${m.id}/agenda`, { items: [{ title: 'Welcome', presenter: '', durationMinutes: null, documentUrl: null }] });
    await convener.json('PUT', `/api/v1/processes/iot/meetings/${m.id}/minutes`, { minutesEn: 'We agreed on labels.', minutesFr: 'Nous avons convenu des étiquettes.' });

    await convener.get(`${path}/minutes`);
    const emptied = await convener.post(`${path}/minutes`, { minutesEn: '', minutesFr: 'Nous avons convenu des étiquettes.' });
    expect(emptied.statusCode).toBe(409);
    expect(emptied.body).toContain('The English minutes are empty: saving would remove the minutes posted in English.');
    expect(emptied.body).toContain(`href="${path}/minutes"`);
    let api = (await t.app.inject(`/api/v1/processes/iot/meetings/${m.id}`)).json();
    expect(api.minutes).toEqual({ en: 'We agreed on labels.', fr: 'Nous avons convenu des étiquettes.' });

    await convener.get(`${path}/agenda`);
    const noRows = await convener.post(`${path}/agenda`, { 'items[0][title]': '' });
    expect(noRows.statusCode).toBe(409);
    expect(noRows.body).toContain('saving would remove the agenda’s only item');
    api = (await t.app.inject(`/api/v1/processes/iot/meetings/${m.id}`)).json();
    expect(api.agenda.map((i: { title: string }) => i.title)).toEqual(['Welcome']);

    // Confirmed (the confirmation page's own button, which resends the fields): now it is cleared.
    const confirmed = await convener.post(`${path}/minutes`, { minutesEn: '', minutesFr: 'Nous avons convenu des étiquettes.', confirmClear: 'yes' });
    expect(confirmed.statusCode).toBe(303);
    api = (await t.app.inject(`/api/v1/processes/iot/meetings/${m.id}`)).json();
    expect(api.minutes.en).toBe('');
  });

  it('is not erased through the API either: an empty agenda or emptied minutes are a 409 until confirmClear says so', async () => {
    const m = (await convener.json('POST', '/api/v1/processes/iot/meetings', meetingBody({ titleEn: 'Held, by API' }))).json();
    const base = `/api/v1/processes/iot/meetings/${m.id}`;
    await convener.json('PUT', `${base}/agenda`, { items: [{ title: 'Welcome', presenter: '', durationMinutes: null, documentUrl: null }] });
    await convener.json('PUT', `${base}/minutes`, { minutesEn: 'We agreed on labels.', minutesFr: 'Nous avons convenu des étiquettes.' });

    const agenda = await convener.json('PUT', `${base}/agenda`, { items: [] });
    expect(agenda.statusCode).toBe(409);
    expect(agenda.json().detail).toBe('An empty agenda would erase the agenda already saved. Send it again with "confirmClear": true to erase it.');
    const minutes = await convener.json('PUT', `${base}/minutes`, { minutesEn: 'We agreed on labels.', minutesFr: '' }, { 'accept-language': 'fr' });
    expect(minutes.statusCode).toBe(409);
    expect(minutes.json().detail).toMatch(/^Un compte rendu vide effacerait/);
    let api = (await t.app.inject(base)).json();
    expect(api.agenda.map((i: { title: string }) => i.title)).toEqual(['Welcome']);
    expect(api.minutes).toEqual({ en: 'We agreed on labels.', fr: 'Nous avons convenu des étiquettes.' });

    // Changing text is no erasure; saying so erases.
    expect((await convener.json('PUT', `${base}/minutes`, { minutesEn: 'We agreed on labels, and on QR codes.', minutesFr: 'Nous avons convenu des étiquettes.' })).statusCode).toBe(200);
    expect((await convener.json('PUT', `${base}/agenda`, { items: [], confirmClear: true })).statusCode).toBe(200);
    expect((await convener.json('PUT', `${base}/minutes`, { minutesEn: '', minutesFr: '', confirmClear: true })).statusCode).toBe(200);
    api = (await t.app.inject(base)).json();
    expect(api.agenda).toEqual([]);
    expect(api.minutes).toEqual({ en: '', fr: '' });
  });
});

describe('long texts', () => {
  it('refuses a field over its stated limit beside the field, keeping what was typed, and states the limit in the form', async () => {
    const m = (await convener.json('POST', '/api/v1/processes/iot/meetings', meetingBody({ titleEn: 'Long minutes' }))).json();
    const path = `/en/processes/iot/meetings/${m.id}`;
    const form = await convener.get(`${path}/minutes`);
    expect(form.body).toContain('Up to 100,000 characters.');
    expect(form.body).toContain('maxlength="100000"');
    // 100,001 characters of French: over 64 kB URL-encoded, under the body limit.
    const long = `${'é'.repeat(100_000)}z`;
    const res = await convener.post(`${path}/minutes`, { minutesEn: 'Short.', minutesFr: long });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('This text is too long: it may have up to 100,000 characters.');
    expect(res.body).toContain(long);
    expect((await t.app.inject(`/api/v1/processes/iot/meetings/${m.id}`)).json().minutes).toEqual({ en: '', fr: '' });

    await convener.get('/fr/processes/iot/meetings/new');
    const description = 'd'.repeat(20_001);
    const fr = await convener.post('/fr/processes/iot/meetings/new', meetingBody({ titleEn: 'Long description', descriptionEn: description }));
    expect(fr.statusCode).toBe(422);
    expect(fr.body).toContain('Ce texte est trop long\u00a0: il peut compter au plus 20');
    expect(fr.body).toContain(description);
    expect(await stored('Long description')).toEqual([]);
  });

  it('explains a body over the limit on a page in the reader’s language, saying the text could not be kept', async () => {
    const m = (await convener.json('POST', '/api/v1/processes/iot/meetings', meetingBody({ titleEn: 'Huge minutes' }))).json();
    await convener.get(`/fr/processes/iot/meetings/${m.id}/minutes`);
    const res = await convener.post(`/fr/processes/iot/meetings/${m.id}/minutes`, { minutesEn: 'x'.repeat(3 * 1024 * 1024), minutesFr: '' });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('dépasse les 2 Mio que ce site accepte en une fois');
    expect(res.body).toContain('enregistrez-le en plusieurs parties');
  });
});
