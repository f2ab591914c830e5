import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { GOOD_PASSWORD, signedInClient, testApp, uniqueEmail, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';
import { accountsRepository } from '../../src/modules/accounts/accounts.repository.js';
import { mailRepository } from '../../src/modules/mail/mail.repository.js';
import { verifyAudit } from '../../src/platform/audit/audit-verify.service.js';

/**
 * Calls for input through the API and the pages: opening a call, the window enforced to the
 * second, submissions pending until a moderator decides, who sees what, and the trail left.
 */
type Person = Awaited<ReturnType<typeof signedInClient>>;
let t: TestApp;
let admin: Person;
let oversight: Person;
let moderator: Person;
let submitter: Person;
let other: Person;
const SLUG = 'iot-calls';
const API = `/api/v1/processes/${SLUG}/calls`;
const HOUR = 3_600_000;

beforeAll(async () => {
  t = await testApp();
  admin = await signedInClient(t, { admin: true });
  const p = await admin.client.json('POST', '/api/v1/processes', {
    slug: SLUG,
    titleEn: 'Enhancing IoT Security',
    titleFr: 'Améliorer la sécurité de l’IdO',
    phases: [],
  });
  expect(p.statusCode, p.body).toBe(201);
  const processId = p.json().id as string;
  oversight = await signedInClient(t, { processRoles: [{ role: 'oversight', processId }] });
  moderator = await signedInClient(t, { processRoles: [{ role: 'moderator', processId }] });
  submitter = await signedInClient(t);
  other = await signedInClient(t);
  // The submitter reads Concord in French: their emails must be in French.
  await accountsRepository.update(t.db, submitter.userId, { preferred_lang: 'fr' });
});
afterAll(async () => t?.close());
afterEach(() => {
  vi.useRealTimers();
});

async function openCall(over: Record<string, unknown> = {}) {
  const res = await oversight.client.json('POST', API, {
    titleEn: 'Youth report',
    titleFr: 'Rapport des jeunes',
    descriptionEn: 'Tell us **how** young people use connected devices.',
    descriptionFr: 'Dites-nous **comment** les jeunes utilisent les appareils connectés.',
    opensAt: new Date(Date.now() - HOUR).toISOString(),
    closesAt: new Date(Date.now() + 24 * HOUR).toISOString(),
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; state: string; url: string; opensAt: string; closesAt: string }>();
}

const submit = (who: Person | { client: Client }, callId: string, body: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  who.client.json(
    'POST',
    `${API}/${callId}/submissions`,
    { title: 'Connected youth', lang: 'en', text: '# Findings\n\nYoung people want labels.', ...body },
    headers,
  );

describe('opening a call', () => {
  it('lets the oversight committee open a call; the API and the process page list it with its state', async () => {
    const call = await openCall();
    expect(call.state).toBe('open');
    const list = await new Client(t.app).json('GET', API);
    expect(list.json().items.map((c: { id: string }) => c.id)).toContain(call.id);
    const page = await new Client(t.app).get(`/fr/processes/${SLUG}`);
    expect(page.body).toContain('Appels de contributions');
    expect(page.body).toContain('Rapport des jeunes');
    expect(page.body).toContain('Ouvert');
  });

  it('refuses others, and a window that closes before it opens', async () => {
    const body = { titleEn: 'X', titleFr: 'X', opensAt: '2030-01-01T00:00:00Z', closesAt: '2030-02-01T00:00:00Z' };
    expect((await moderator.client.json('POST', API, body)).statusCode).toBe(403);
    expect((await other.client.json('POST', API, body)).statusCode).toBe(403);
    expect((await new Client(t.app).json('POST', API, body)).statusCode).toBe(401);
    const bad = await oversight.client.json('POST', API, { ...body, closesAt: '2029-12-31T23:59:59Z' });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().errors)).toEqual(['closesAt']);
  });
});

/**
 * Zod messages are i18n keys; http/validation.ts translates only keys that start with
 * `errors.`, so a feature's own `calls.errors.*` keys show as the generic "Check this field."
 * until it also translates `<feature>.errors.*`. This test says so rather than hide it.
 */
describe('field messages from calls.json', () => {
  it('explain each refused field in the reader’s language, in the API and in the forms', async () => {
    const body = { titleEn: 'X', titleFr: 'X', opensAt: '2030-01-01T00:00:00Z', closesAt: '2029-12-31T23:59:59Z' };
    const bad = await oversight.client.json('POST', API, body, { 'accept-language': 'fr' });
    expect(bad.json().errors.closesAt).toBe('L’heure de clôture doit suivre l’heure d’ouverture.');
    const call = await openCall();
    const one = `${API}/${call.id}/submissions/${(await submit(submitter, call.id)).json().id}`;
    const noReason = await moderator.client.json('POST', `${one}/moderation`, { decision: 'reject' });
    expect(noReason.json().errors.reason).toBe('Give the reason for rejecting: the submitter will be told.');
    await oversight.client.get(`/en/processes/${SLUG}/calls/new`);
    const form = await oversight.client.post(`/en/processes/${SLUG}/calls/new`, { titleEn: 'X', titleFr: 'X', opensAt: '2019-01-07T09:00', closesAt: 'soon' });
    expect(form.body).toContain('Enter a date and time, such as 2019-02-25 09:00.');
  });
});

describe('the submission window', () => {
  it('takes a report until the second before closes_at, and refuses it at closes_at and one second after, saying so', async () => {
    const closesAt = Math.ceil(Date.now() / 1000) * 1000 + 60_000;
    const call = await openCall({ closesAt: new Date(closesAt).toISOString() });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(closesAt - 1000);
    expect((await submit(submitter, call.id, { title: 'Just in time' })).statusCode).toBe(201);
    vi.setSystemTime(closesAt);
    expect((await submit(submitter, call.id, { title: 'On the stroke' })).statusCode).toBe(409);
    vi.setSystemTime(closesAt + 1000);
    const late = await submit(submitter, call.id, { title: 'One second late' });
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toMatch(/^This call for input closed on .+\. Submissions are no longer accepted\.$/);
    const lateFr = await submit(submitter, call.id, { title: 'Une seconde de trop' }, { 'accept-language': 'fr' });
    expect(lateFr.json().detail).toMatch(/^Cet appel de contributions a fermé le .+\. Les contributions ne sont plus acceptées\.$/);
    expect((await new Client(t.app).json('GET', `${API}/${call.id}`)).json().state).toBe('closed');
    vi.useRealTimers();
    const mine = await t.db.selectFrom('call_submissions').select('title').where('call_id', '=', call.id).execute();
    expect(mine.map((r) => r.title)).toEqual(['Just in time']);
  });

  it('refuses a report before the call opens', async () => {
    const call = await openCall({ opensAt: new Date(Date.now() + HOUR).toISOString(), closesAt: new Date(Date.now() + 2 * HOUR).toISOString() });
    expect(call.state).toBe('upcoming');
    const early = await submit(submitter, call.id);
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toMatch(/^This call for input is not open yet\. It opens on /);
  });
});

describe('submitting', () => {
  it('needs text or a file, an existing organisation when one is named, and a confirmed email', async () => {
    const call = await openCall();
    const empty = await submit(submitter, call.id, { text: '' });
    expect(empty.statusCode).toBe(422);
    // As elsewhere in the API, a service's refusal names the field with its message key.
    expect(empty.json()).toMatchObject({ detail: 'Write the report’s text, attach a file, or both.', errors: { text: 'calls.errors.textOrFile' } });
    const unknownOrg = await submit(submitter, call.id, { organisationId: '01890000-0000-7000-8000-000000000000' });
    expect(unknownOrg.statusCode).toBe(422);
    expect((await submit({ client: new Client(t.app) }, call.id)).statusCode).toBe(401);

    const email = uniqueEmail('unconfirmed');
    const unconfirmed = new Client(t.app);
    await unconfirmed.json('POST', '/api/v1/auth/register', { name: 'Not Yet', email, password: GOOD_PASSWORD });
    expect((await unconfirmed.json('POST', '/api/v1/auth/sign-in', { email, password: GOOD_PASSWORD })).statusCode).toBe(200);
    const refused = await submit({ client: unconfirmed }, call.id);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toContain('Confirm your email address');
  });

  it('keeps the organisation as picked or as typed', async () => {
    const call = await openCall();
    const typed = await submit(submitter, call.id, { organisationName: 'Youth Coalition for Digital Rights' });
    expect(typed.json().organisation).toEqual({ id: null, name: 'Youth Coalition for Digital Rights' });
  });
});

describe('moderation and visibility', () => {
  it('keeps a submission pending and private until a moderator accepts it; then it is public', async () => {
    const call = await openCall();
    const created = await submit(submitter, call.id, { title: 'Pending first' });
    expect(created.statusCode, created.body).toBe(201);
    const s = created.json();
    expect(s.status).toBe('pending');
    const one = `${API}/${call.id}/submissions/${s.id}`;
    const page = `/en/processes/${SLUG}/calls/${call.id}/submissions/${s.id}`;

    const anonymous = new Client(t.app);
    expect((await anonymous.json('GET', `${API}/${call.id}/submissions`)).json().items).toEqual([]);
    expect((await anonymous.json('GET', one)).statusCode).toBe(404);
    expect((await anonymous.get(page)).statusCode).toBe(404);
    expect((await other.client.json('GET', one)).statusCode).toBe(404);
    expect((await submitter.client.json('GET', one)).json().status).toBe('pending');
    const pending = await moderator.client.get(page);
    expect(pending.statusCode).toBe(200);
    expect(pending.body).toContain('Pending first');
    expect(pending.body).toContain(`action="${page}/moderation"`);
    expect((await anonymous.get(`/en/processes/${SLUG}/calls/${call.id}`)).body).not.toContain('Pending first');
    expect((await submitter.client.get(`/en/processes/${SLUG}/calls/${call.id}`)).body).toContain('Pending first');

    const accepted = await moderator.client.json('POST', `${one}/moderation`, { decision: 'accept' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().status).toBe('accepted');
    expect((await anonymous.json('GET', `${API}/${call.id}/submissions`)).json().items.map((x: { id: string }) => x.id)).toEqual([s.id]);
    const published = await anonymous.get(page);
    expect(published.statusCode).toBe(200);
    expect(published.body).toContain('Pending first');
    expect(published.body).not.toContain(`action="${page}/moderation"`);
    const callPage = await anonymous.get(`/en/processes/${SLUG}/calls/${call.id}`);
    expect(callPage.body).toContain('Pending first');

    const mail = await mailRepository.list(t.db, { to: submitter.email, limit: 5 });
    expect(mail[0]?.kind).toBe('callSubmissionAccepted');
    expect(mail[0]?.subject).toBe('Votre rapport «\u00a0Pending first\u00a0» est publié');
    expect(mail[0]?.body_text).toContain(`/fr/processes/${SLUG}/calls/${call.id}/submissions/${s.id}`);
  });

  it('rejects with a reason, keeps the record, shows it to the submitter only, and never deletes it', async () => {
    const call = await openCall();
    const s = (await submit(submitter, call.id, { title: 'Off topic' })).json();
    const one = `${API}/${call.id}/submissions/${s.id}`;
    const noReason = await moderator.client.json('POST', `${one}/moderation`, { decision: 'reject' });
    expect(noReason.statusCode).toBe(400);
    expect(Object.keys(noReason.json().errors)).toEqual(['reason']);
    const rejected = await oversight.client.json('POST', `${one}/moderation`, { decision: 'reject', reason: 'This report is about another process.' });
    expect(rejected.statusCode).toBe(200);

    const seen = (await submitter.client.json('GET', one)).json();
    expect(seen).toMatchObject({ status: 'rejected', moderationReason: 'This report is about another process.' });
    const page = await submitter.client.get(`/en/processes/${SLUG}/calls/${call.id}/submissions/${s.id}`);
    expect(page.body).toContain('Rejected by a moderator: This report is about another process.');
    expect((await new Client(t.app).json('GET', one)).statusCode).toBe(404);
    expect((await other.client.json('GET', one)).statusCode).toBe(404);
    expect((await new Client(t.app).json('GET', `${API}/${call.id}/submissions`)).json().items).toEqual([]);

    const mail = await mailRepository.list(t.db, { to: submitter.email, limit: 1 });
    expect(mail[0]?.kind).toBe('callSubmissionRejected');
    expect(mail[0]?.body_text).toContain('This report is about another process.');
    await expect(sql`delete from call_submissions where id = ${s.id}`.execute(t.db)).rejects.toThrow(/never deleted/);
    expect(await t.db.selectFrom('call_submissions').select('status').where('id', '=', s.id).executeTakeFirst()).toEqual({ status: 'rejected' });
  });

  it('lets only moderators and the oversight committee decide, or see the queue', async () => {
    const call = await openCall();
    const s = (await submit(submitter, call.id)).json();
    const url = `${API}/${call.id}/submissions/${s.id}/moderation`;
    expect((await submitter.client.json('POST', url, { decision: 'accept' })).statusCode).toBe(403);
    expect((await other.client.json('POST', url, { decision: 'accept' })).statusCode).toBe(403);
    expect((await new Client(t.app).json('POST', url, { decision: 'accept' })).statusCode).toBe(401);
    const queue = `/en/processes/${SLUG}/calls/${call.id}/moderation`;
    expect((await other.client.get(queue)).statusCode).toBe(403);
    const mod = await moderator.client.get(queue);
    expect(mod.statusCode).toBe(200);
    expect(mod.body).toContain('Waiting for a decision (1)');
  });

  it('leaves every change in the audit trail, and the chain holds', async () => {
    const rows = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', 'in', ['call.open', 'call.submit', 'call.accept', 'call.reject'])
      .execute();
    expect(new Set(rows.map((r) => r.action))).toEqual(new Set(['call.open', 'call.submit', 'call.accept', 'call.reject']));
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });
});

describe('the pages, without JavaScript', () => {
  it('open a call, take a report through the form, and moderate it', async () => {
    const c = oversight.client;
    await c.get(`/en/processes/${SLUG}/calls/new`);
    const opened = await c.post(`/en/processes/${SLUG}/calls/new`, {
      titleEn: 'French-language consultation',
      titleFr: 'Consultation en français',
      descriptionEn: 'Input from French-speaking communities.',
      descriptionFr: 'Contributions des communautés francophones.',
      opensAt: '2019-01-07T09:00',
      closesAt: '2099-02-08T17:00:00',
    });
    expect(opened.statusCode, opened.body).toBe(303);
    const callUrl = String(opened.headers.location);
    const callId = callUrl.split('/').pop()!;
    const api = (await new Client(t.app).json('GET', `${API}/${callId}`)).json();
    // The form's times are wall-clock times in the process's zone (America/Toronto).
    expect(api.opensAt).toBe('2019-01-07T14:00:00.000Z');
    expect(api.closesAt).toBe('2099-02-08T22:00:00.000Z');

    const bad = await c.post(`/en/processes/${SLUG}/calls/new`, { titleEn: 'X', titleFr: 'X', opensAt: '2019-01-07T09:00', closesAt: 'soon' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('href="#field-closesAt"');

    const s = submitter.client;
    const form = await s.get(`/fr${callUrl.slice(3)}/submit`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('enctype="multipart/form-data"');
    const fd = new FormData();
    for (const [k, v] of Object.entries({
      _csrf: s.csrf(),
      title: 'Consultation de Montréal',
      lang: 'fr',
      organisationName: 'Réseau francophone',
      text: '## Constats\n\nDes étiquettes, svp.',
    }))
      fd.append(k, v);
    fd.append('file', new Blob([]), '');
    const body = new Response(fd);
    const sent = await t.app.inject({
      method: 'POST',
      url: `/fr${callUrl.slice(3)}/submit`,
      payload: Buffer.from(await body.arrayBuffer()),
      headers: { cookie: s.cookieHeader(), 'content-type': body.headers.get('content-type')! },
    });
    expect(sent.statusCode, sent.body).toBe(303);
    const submissionUrl = String(sent.headers.location);
    const mine = await s.get(submissionUrl);
    expect(mine.body).toContain('En attente');
    expect(mine.body).toContain('Des étiquettes, svp.');

    const m = moderator.client;
    const queue = await m.get(`${callUrl}/moderation`);
    expect(queue.body).toContain('Consultation de Montréal');
    await m.get(submissionUrl.replace(/^\/fr/, '/en'));
    const noReason = await m.post(`${submissionUrl.replace(/^\/fr/, '/en')}/moderation`, { decision: 'reject', reason: '' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain('href="#field-reason"');
    const accepted = await m.post(`${submissionUrl.replace(/^\/fr/, '/en')}/moderation`, { decision: 'accept' });
    expect(accepted.statusCode).toBe(303);
    expect(String(accepted.headers.location)).toBe(`${callUrl}/moderation`);
    const publicPage = await new Client(t.app).get(callUrl);
    expect(publicPage.body).toContain('Consultation de Montréal');
    expect(publicPage.body).toContain('Réseau francophone');
  });
});
