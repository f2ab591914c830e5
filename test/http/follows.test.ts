import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient, testApp, type TestApp } from '../helpers/app.js';
import type { Client } from '../helpers/client.js';
import { recordActivity, sendDigests } from '../../src/modules/follows/follows.service.js';
import { mailRepository } from '../../src/modules/mail/mail.repository.js';

let t: TestApp;
let processId: string;
let groupId: string;

beforeAll(async () => {
  t = await testApp();
  const { client: admin } = await signedInClient(t, { admin: true });
  processId = (await admin.json('POST', '/api/v1/processes', { slug: 'followed', titleEn: 'Followed process', titleFr: 'Processus suivi', phases: [] })).json().id;
  groupId = (await admin.json('POST', '/api/v1/processes/followed/groups', { slug: 'labels', nameEn: 'Labels', nameFr: 'Étiquettes' })).json().id;
});
afterAll(async () => t?.close());

const mailsTo = (email: string) => mailRepository.list(t.db, { to: email, limit: 50 });
const happen = (title: string, group: string | null = null) =>
  t.db.transaction().execute((trx) => recordActivity(trx, { processId, groupId: group, kind: 'meeting.scheduled', titleEn: title, titleFr: `FR ${title}`, path: '/processes/followed' }, 'http://localhost:3000'));

describe('following', () => {
  it('emails followers who chose "each time", in their language, and stops when they unfollow', async () => {
    const { client, email } = await signedInClient(t, { lang: 'fr' });
    await client.get('/fr/processes/followed');
    const res = await client.post('/fr/processes/followed/follow', { mode: 'immediate' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/fr/processes/followed');
    const followed = await client.get('/fr/processes/followed');
    expect(followed.statusCode).toBe(200);
    // The page says so (after the redirect, once) and offers the way out instead of the form.
    expect(followed.body).toContain('Vous suivez maintenant ceci.');
    expect(followed.body).toContain('Vous suivez ceci (à chaque nouveauté).');
    expect(followed.body).toContain('action="/fr/processes/followed/unfollow"');
    expect(followed.body).not.toContain('action="/fr/processes/followed/follow"');
    await happen('Meeting on labels');
    const mails = await mailsTo(email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('New: Meeting on labels'); // the account's language is English
    expect(mails[0]!.body_text).toContain('http://localhost:3000/en/processes/followed');
    await client.post('/fr/processes/followed/unfollow', {});
    const unfollowed = await client.get('/fr/processes/followed');
    expect(unfollowed.body).toContain('Vous ne suivez plus ceci.');
    expect(unfollowed.body).toContain('action="/fr/processes/followed/follow"');
    expect(unfollowed.body).not.toContain('Vous suivez ceci (');
    await happen('Another meeting');
    expect(await mailsTo(email)).toHaveLength(1);
  });

  it('follows a working group only for what happens in it', async () => {
    const { client, email } = await signedInClient(t);
    const res = await client.json('PUT', '/api/v1/processes/followed/groups/labels/follow', { mode: 'immediate' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ following: true, mode: 'immediate' });
    const groupPage = await client.get('/en/processes/followed/groups/labels');
    expect(groupPage.body).toContain('action="/en/processes/followed/groups/labels/unfollow"');
    await happen('Process-wide news');
    await happen('Labels group news', groupId);
    const subjects = (await mailsTo(email)).map((m) => m.subject);
    expect(subjects).toEqual(['New: Labels group news']);
  });

  it('sends digest followers one email for the day, once', async () => {
    const { client, email } = await signedInClient(t);
    await client.json('PUT', '/api/v1/processes/followed/follow', { mode: 'digest' });
    await happen('First thing');
    await happen('Second thing', groupId);
    expect(await mailsTo(email)).toHaveLength(0);
    const now = new Date(Date.now() + 1000);
    expect(await sendDigests(t.db, 'http://localhost:3000', now)).toBeGreaterThanOrEqual(1);
    const [digest] = await mailsTo(email);
    expect(digest!.subject).toBe('Your Concord digest: 2 new items');
    expect(digest!.body_text).toContain('First thing');
    expect(digest!.body_text).toContain('Second thing');
    await sendDigests(t.db, 'http://localhost:3000', new Date(now.getTime() + 1000));
    expect(await mailsTo(email)).toHaveLength(1);
  });

  it('lets only confirmed accounts follow, so nobody is mailed at an unproven address', async () => {
    const res = await t.app.inject({ method: 'PUT', url: '/api/v1/processes/followed/follow', payload: { mode: 'immediate' } });
    expect(res.statusCode).toBe(401);
  });

  it('publishes the activity as an Atom feed in each language', async () => {
    const res = await t.app.inject('/fr/processes/followed/activity.atom');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/atom+xml');
    const feed = new XMLParser({ ignoreAttributes: false }).parse(res.body).feed;
    expect(feed['@_xml:lang']).toBe('fr');
    const entries = Array.isArray(feed.entry) ? feed.entry : [feed.entry];
    expect(entries.length).toBeGreaterThanOrEqual(5);
    expect(entries[0].title['#text'] ?? entries[0].title).toMatch(/^FR /);
  });
});

void ({} as Client);
