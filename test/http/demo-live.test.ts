import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../helpers/app.js';
import { seedDemo, DEMO_ACCOUNTS } from '../../src/app/demo/demo.seed.js';
import { Client } from '../helpers/client.js';

/**
 * The demo's live process: dated from the day the demo is loaded, so a newcomer finds a
 * comment period open, a meeting ahead and a consensus call under way, and the demo member can
 * take part at once.
 */

const LIVE = 'iot-labels-live';
let t: TestApp;
const seededAt = new Date();

beforeAll(async () => {
  t = await testApp();
  await seedDemo(t.db, { now: seededAt, schema: t.config.databaseSchema });
}, 240_000);
afterAll(async () => t.close());

async function api<T>(path: string): Promise<T> {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/processes/${LIVE}${path}` });
  expect(res.statusCode, `${path}: ${res.body.slice(0, 300)}`).toBe(200);
  return res.json();
}

/** The demo member, signed in through the sign-in form. */
async function member(): Promise<Client> {
  const c = new Client(t.app);
  await c.get('/fr/sign-in');
  const m = DEMO_ACCOUNTS[1]!;
  expect((await c.post('/fr/sign-in', { email: m.email, password: m.password })).statusCode).toBe(303);
  return c;
}

describe('the live demo process', () => {
  it('is bilingual and has an open comment period, an upcoming meeting and an open consensus call', async () => {
    const now = Date.now();
    const fr = await t.app.inject({ url: `/fr/processes/${LIVE}` });
    expect(fr.body).toContain('Étiquettes de sécurité des appareils connectés (démo en direct)');
    expect((await t.app.inject({ url: `/en/processes/${LIVE}` })).body).toContain('Security labels for connected devices (live demo)');
    const periods = await api<{ items: { opensAt: string; closesAt: string; state?: string }[] }>('/comment-periods');
    expect(periods.items.some((p) => new Date(p.opensAt).getTime() <= now && now < new Date(p.closesAt).getTime())).toBe(true);
    const meetings = await api<{ items: { startsAt: string; status: string }[] }>('/meetings');
    expect(meetings.items.some((m) => new Date(m.startsAt).getTime() > now && m.status !== 'cancelled')).toBe(true);
    const calls = await api<{ items: { status: string; deadline: string }[] }>('/consensus-calls');
    expect(calls.items.some((c) => c.status === 'open' && new Date(c.deadline).getTime() > now)).toBe(true);
  });

  it('lets the demo member comment on the draft and register for the meeting', async () => {
    const c = await member();
    const period = (await api<{ items: { id: string }[] }>('/comment-periods')).items[0]!;
    const form = await c.get(`/fr/processes/${LIVE}/comment-periods/${period.id}/comments/new`);
    expect(form.statusCode).toBe(200);
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(form.body)![1]!;
    const sent = await c.post(`/fr/processes/${LIVE}/comment-periods/${period.id}/comments/new`, {
      idempotencyKey: key,
      document: 'labelling-guideline',
      anchor: '',
      text: 'Un essai depuis la démo.',
      displayName: 'Camille Tremblay',
      organisation: '',
      stakeholderGroupId: '',
      lang: 'fr',
    });
    expect(sent.statusCode, sent.body.slice(0, 2000)).toBe(303);

    const meeting = (await api<{ items: { id: string; startsAt: string }[] }>('/meetings')).items.find((m) => new Date(m.startsAt).getTime() > Date.now())!;
    const page = `/fr/processes/${LIVE}/meetings/${meeting.id}`;
    await c.get(page);
    expect((await c.post(`${page}/register`, { showName: 'true' })).statusCode).toBe(303);
    expect((await c.get(page)).body).toContain('Votre inscription à cette réunion est confirmée.');
  });
});
