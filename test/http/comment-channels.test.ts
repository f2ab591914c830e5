import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient, testApp, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';
import { blocksOf, createDocument } from '../../src/modules/documents/documents.service.js';
import { importComments } from '../../src/modules/comments/comments.import.js';
import { makeUser } from '../helpers/factories.js';
import type { Actor } from '../../src/platform/auth/roles.js';

/**
 * Issue 11: every comment keeps its channel (web form, API, bulk import) and when Concord
 * received it, shown to moderators, in the exports and the API; a sender's email is kept only
 * as its domain and a keyed hash, and never shown; the moderation page's Signals section finds
 * a same-second burst, a disposable domain and one sender behind two names in a seeded set.
 */
type Person = Awaited<ReturnType<typeof signedInClient>>;
let t: TestApp;
let admin: Person;
let oversight: Person;
let moderator: Person;
let commenter: Person;
let convener: Actor;
let anchors: string[] = [];
const SLUG = 'iot-channels';
const API = `/api/v1/processes/${SLUG}`;
const HOUR = 3_600_000;
const FLOOD_EMAIL = 'flood.sender@mailinator.com';

beforeAll(async () => {
  t = await testApp();
  admin = await signedInClient(t, { admin: true });
  const p = await admin.client.json('POST', '/api/v1/processes', { slug: SLUG, titleEn: 'Enhancing IoT Security', titleFr: 'Améliorer la sécurité de l’IdO', phases: [] });
  const processId = p.json().id as string;
  oversight = await signedInClient(t, { processRoles: [{ role: 'oversight', processId }] });
  moderator = await signedInClient(t, { processRoles: [{ role: 'moderator', processId }] });
  commenter = await signedInClient(t);
  convener = (await makeUser(t.db, { roles: [{ role: 'convener', processId }] })).actor;
  const actor: Actor = { userId: admin.userId, name: 'Admin', email: admin.email, lang: 'en', emailConfirmed: true, isAdmin: true, processRoles: new Map(), groupRoles: new Map(), organisationRoles: new Map(), installationRoles: new Set() };
  const doc = await createDocument(t.db, actor, processId, {
    groupId: null,
    slug: 'draft',
    kind: 'report',
    lang: 'en',
    title: 'Draft outcomes report',
    membersOnly: false,
    markdown: '# Benchmarks\n\nDevices must receive security updates.\n\nUpdates must be signed.\n',
    message: 'First draft',
  });
  anchors = (await blocksOf(t.db, doc.current_version_id!)).map((b) => b.anchor);
});
afterAll(async () => t?.close());

async function openPeriod(): Promise<string> {
  const res = await oversight.client.json('POST', `${API}/comment-periods`, {
    document: 'draft',
    opensAt: new Date(Date.now() - HOUR).toISOString(),
    closesAt: new Date(Date.now() + 24 * HOUR).toISOString(),
    timeZone: 'America/Toronto',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

/** A comment through the HTML form, as a browser sends it; its id from the redirect. */
async function sendByForm(who: Person, periodId: string, text: string, displayName = 'Ada Lovelace'): Promise<string> {
  const path = `/en/processes/${SLUG}/comment-periods/${periodId}/comments/new`;
  const form = await who.client.get(`${path}?document=draft`);
  const key = /name="idempotencyKey" value="([^"]+)"/.exec(form.body)![1]!;
  const res = await who.client.post(path, { idempotencyKey: key, document: 'draft', anchor: anchors[1]!, text, displayName, organisation: '', stakeholderGroupId: '', lang: 'en' });
  expect(res.statusCode, res.body.slice(0, 2000)).toBe(303);
  return String(res.headers.location).split('/').pop()!;
}

async function sendByApi(who: Person, periodId: string, text: string, displayName = 'Ada Lovelace'): Promise<string> {
  const res = await who.client.json('POST', `${API}/comment-periods/${periodId}/comments`, { text, lang: 'en', anchor: anchors[2], displayName });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function* bytes(text: string): AsyncGenerator<Uint8Array> {
  yield Buffer.from(text);
}

const importCsv = (periodId: string, lines: string[]) =>
  importComments(t.database, convener, periodId, () => bytes(['text,name,email,submitted_at,key', ...lines].join('\r\n')), { fileName: 'flood.csv', format: 'csv', lang: 'en' });

const row = (id: string) => t.db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const apiComment = async (id: string) => (await new Client(t.app).json('GET', `${API}/comments/${id}`)).json<{ channel: string; receivedAt: string; createdAt: string }>();

describe('channel and arrival', () => {
  let periodId = '';
  let web = '';
  let api = '';
  let bulk = '';
  const submitted = new Date(Date.now() - 30 * 60_000);
  submitted.setMilliseconds(0);
  let importStarted = 0;

  beforeAll(async () => {
    periodId = await openPeriod();
    const before = Date.now();
    web = await sendByForm(commenter, periodId, 'Signed updates, please.');
    api = await sendByApi(commenter, periodId, 'Updates for ten years.');
    importStarted = Date.now();
    const r = await importCsv(periodId, [`Imported from the partner's file.,Bo,Bo@Partner.example.org,${submitted.toISOString()},k-1`]);
    expect(r.added).toBe(1);
    bulk = (await t.db.selectFrom('comments').select('id').where('import_id', '=', r.import.id).executeTakeFirstOrThrow()).id;
    expect(before).toBeLessThanOrEqual(importStarted);
  });

  it('records the web form as web, the API as api and an import as bulk, each with when it was received', async () => {
    expect(await row(web)).toMatchObject({ channel: 'web' });
    expect(await row(api)).toMatchObject({ channel: 'api' });
    const b = await row(bulk);
    expect(b).toMatchObject({ channel: 'bulk', import_line: 2 });
    // The file's time stays the submitted time; Concord received it when the import ran.
    expect(b.created_at.toISOString()).toBe(submitted.toISOString());
    expect(b.received_at!.getTime()).toBeGreaterThanOrEqual(importStarted - 1000);
    expect(b.received_at!.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('keeps the sender as a domain and a keyed hash: the signed-in account’s for web and API, the row’s email for an import', async () => {
    const [w, a, b] = await Promise.all([row(web), row(api), row(bulk)]);
    expect(w.sender_domain).toBe('example.org');
    expect(w.sender_hash).toMatch(/^hmac1:[0-9a-f]{64}$/);
    expect(a.sender_hash).toBe(w.sender_hash);
    expect(b.sender_domain).toBe('partner.example.org');
    expect(b.sender_hash).not.toBe(w.sender_hash);
    expect(JSON.stringify([w, a, b])).not.toContain(commenter.email);
    expect(JSON.stringify([w, a, b]).toLowerCase()).not.toContain('bo@partner');
  });

  it('shows channel and receivedAt in the API', async () => {
    expect(await apiComment(web)).toMatchObject({ channel: 'web' });
    expect(await apiComment(api)).toMatchObject({ channel: 'api' });
    const b = await apiComment(bulk);
    expect(b.channel).toBe('bulk');
    expect(b.createdAt).toBe(submitted.toISOString());
    expect(new Date(b.receivedAt).getTime()).toBeGreaterThanOrEqual(importStarted - 1000);
    const listed = (await new Client(t.app).json('GET', `${API}/comment-periods/${periodId}/comments`)).json<{ items: { id: string; channel: string }[] }>();
    expect(Object.fromEntries(listed.items.map((c) => [c.id, c.channel]))).toEqual({ [web]: 'web', [api]: 'api', [bulk]: 'bulk' });
    expect(JSON.stringify(listed)).not.toContain('sender');
  });

  it('adds channel and receivedAt to the CSV and JSON exports, and never an email', async () => {
    const csv = (await new Client(t.app).get(`/en/processes/${SLUG}/comment-periods/${periodId}/comments.csv`)).body;
    const [head, ...lines] = csv.replace(/^\ufeff/, '').trim().split('\r\n');
    const cols = head!.split(',');
    expect(cols.slice(-3, -1)).toEqual(['channel', 'receivedAt']);
    const byId = Object.fromEntries(lines.map((l) => [l.split(',')[0], l.split(',').slice(-3, -1)]));
    expect(byId[web]![0]).toBe('web');
    expect(byId[api]![0]).toBe('api');
    expect(byId[bulk]![0]).toBe('bulk');
    expect(new Date(byId[bulk]![1]).getTime()).toBeGreaterThanOrEqual(importStarted - 1000);
    expect(csv).not.toContain(commenter.email);
    expect(csv).not.toMatch(/hmac1:|partner\.example\.org/i);
    const json = (await new Client(t.app).get(`/en/processes/${SLUG}/comment-periods/${periodId}/comments.json`)).json<{ comments: { id: string; channel: string; receivedAt: string }[] }>();
    expect(json.comments.find((c) => c.id === bulk)).toMatchObject({ channel: 'bulk', receivedAt: byId[bulk]![1] });
  });

  it('tells moderators how and when a comment arrived, never its email; others see neither', async () => {
    const page = (await moderator.client.get(`/en/processes/${SLUG}/comments/${bulk}`)).body;
    expect(page).toMatch(/Arrived through a bulk import \(line 2 of its file\), received .+; the file gives it as submitted .+\./);
    expect(page.toLowerCase()).not.toContain('bo@partner.example.org');
    expect(page).not.toContain('partner.example.org');
    const webPage = (await moderator.client.get(`/fr/processes/${SLUG}/comments/${web}`)).body;
    expect(webPage).toContain('Arrivé par le formulaire Web, reçu le');
    expect(webPage).not.toContain(commenter.email);
    const publicPage = (await new Client(t.app).get(`/en/processes/${SLUG}/comments/${bulk}`)).body;
    expect(publicPage).not.toContain('Arrived through');
  });
});

describe('signals on the moderation page', () => {
  let periodId = '';

  beforeAll(async () => {
    periodId = await openPeriod();
    await sendByForm(commenter, periodId, 'One by hand.');
    await sendByApi(commenter, periodId, 'One by the API.');
    // The import lands in a later second than those two, so its burst is exactly its 12 rows.
    const last = (await t.db.selectFrom('comments').select((eb) => eb.fn.max('received_at').as('at')).where('period_id', '=', periodId).executeTakeFirstOrThrow()).at!;
    await new Promise((r) => setTimeout(r, Math.max(0, 1050 - (Date.now() - Math.floor(new Date(last).getTime() / 1000) * 1000))));
    // One file of 12 rows lands in one chunk: 12 comments received in the same second. One
    // disposable address sends three of them under two names.
    const lines = Array.from({ length: 12 }, (_, i) => {
      const [name, email] = i < 2 ? ['Ann Flood', FLOOD_EMAIL] : i === 2 ? ['Anne B. Flood', FLOOD_EMAIL.toUpperCase()] : [`Person ${i}`, `person${i}@example.net`];
      return `Template text number ${i}.,${name},${email},,k-${i}`;
    });
    expect((await importCsv(periodId, lines)).added).toBe(12);
  });

  it('shows a same-second burst, the channels, a disposable domain and one sender behind two names, and never the email', async () => {
    const res = await moderator.client.get(`/en/processes/${SLUG}/comment-periods/${periodId}/moderation`);
    expect(res.statusCode).toBe(200);
    const section = /<section aria-labelledby="signals-heading">([\s\S]*?)<\/section>/.exec(res.body)![1]!;
    expect(section).toContain('They inform; they never hide a comment by themselves.');
    // The burst: one second holding the 12 imported comments (12 of 14).
    const bursts = /Seconds holding at least 10 comments[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(section)![1]!;
    expect(bursts.match(/<tr>/g)).toHaveLength(1);
    expect(bursts).toMatch(/<td>12<\/td><td>85\.7(&nbsp;| )?%<\/td>/);
    // Channels: 1 web, 1 API, 12 bulk.
    const channels = /Comments by the channel they arrived through[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(section)![1]!;
    expect(channels.replace(/\s+/g, ' ')).toMatch(/web form<\/td><td>1<\/td>.*API<\/td><td>1<\/td>.*bulk import<\/td><td>12<\/td>/);
    // Domains: mailinator.com is repeated (3 comments, 1 sender) and disposable.
    expect(section).toMatch(/<td>mailinator\.com<\/td><td>3<\/td><td>1<\/td><td>yes \(well known\)<\/td>/);
    expect(section).toContain('Senders who used more than one display name: 1.');
    expect(section).toMatch(/<td>Sender 1<\/td><td>2<\/td><td>3<\/td>/);
    expect(res.body).not.toContain(FLOOD_EMAIL);
    expect(res.body).not.toContain('flood.sender');
    expect(res.body).not.toContain(commenter.email);
    expect(res.body).not.toContain('hmac1:');
  });

  it('says it in French too', async () => {
    const res = await moderator.client.get(`/fr/processes/${SLUG}/comment-periods/${periodId}/moderation`);
    expect(res.body).toContain('Signaux');
    expect(res.body).toContain('Expéditeurs ayant utilisé plus d’un nom affiché');
    expect(res.body).not.toContain(FLOOD_EMAIL);
  });

  it('is for moderators only', async () => {
    expect((await commenter.client.get(`/en/processes/${SLUG}/comment-periods/${periodId}/moderation`)).statusCode).toBe(403);
  });
});
