import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, signedInClient, type TestApp } from '../helpers/app.js';
import { deliverBatch, type Transport } from '../../src/modules/mail/mail.delivery.js';
import { queueMail } from '../../src/modules/mail/mail.service.js';
import { mailRepository } from '../../src/modules/mail/mail.repository.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t?.close());

describe('outbox and delivery', () => {
  it('sends what is waiting, marks it sent, and keeps a failed message for another try', async () => {
    await queueMail(t.db, { to: 'ok@example.org', lang: 'en', kind: 'resetPassword', params: { name: 'Ok', link: 'http://x/1' } });
    await queueMail(t.db, { to: 'bounce@example.org', lang: 'fr', kind: 'resetPassword', params: { name: 'Non', link: 'http://x/2' } });
    const sent: string[] = [];
    const transport: Transport = {
      async sendMail(m) {
        if (m.to.startsWith('bounce')) throw new Error('mailbox unavailable');
        sent.push(`${m.to}|${m.subject}`);
      },
    };
    expect(await deliverBatch(t.db, transport, 'Concord <no-reply@example.org>')).toBe(2);
    expect(sent).toEqual(['ok@example.org|Reset your Concord password']);
    const [bounced] = await mailRepository.list(t.db, { to: 'bounce@example.org', limit: 1 });
    expect(bounced).toMatchObject({ sent_at: null, attempts: 1, last_error: 'mailbox unavailable' });
    const [ok] = await mailRepository.list(t.db, { to: 'ok@example.org', limit: 1 });
    expect(ok!.sent_at).toBeInstanceOf(Date);
    // Only the failed one is tried again.
    sent.length = 0;
    expect(await deliverBatch(t.db, { sendMail: async (m) => void sent.push(m.to) }, 'x')).toBe(1);
    expect(sent).toEqual(['bounce@example.org']);
  });

  it('lets an administrator read the outbox as a page and through the API, and nobody else', async () => {
    await queueMail(t.db, { to: 'reader@example.org', lang: 'en', kind: 'confirmEmail', params: { name: 'Reader', link: 'http://localhost:3000/en/account/confirm?token=abc' } });
    const { client: admin } = await signedInClient(t, { admin: true });
    const page = await admin.get('/en/admin/outbox');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('reader@example.org');
    const id = /href="\/en\/admin\/outbox\/([0-9a-f-]{36})"/.exec(page.body)![1]!;
    const one = await admin.get(`/en/admin/outbox/${id}`);
    expect(one.body).toContain('<a href="http://localhost:3000/en/account/confirm?token=abc">');
    const api = await admin.json('GET', '/api/v1/admin/outbox?to=reader@example.org');
    expect(api.json().items[0]).toMatchObject({ to: 'reader@example.org', subject: 'Confirm your email address for Concord', sentAt: null });

    const { client: member } = await signedInClient(t);
    expect((await member.get('/en/admin/outbox')).statusCode).toBe(403);
    expect((await member.json('GET', '/api/v1/admin/outbox')).statusCode).toBe(403);
  });

  it('pages the outbox with a cursor', async () => {
    for (let i = 0; i < 5; i++) await queueMail(t.db, { to: 'pager@example.org', lang: 'en', kind: 'confirmEmail', params: { name: `P${i}`, link: 'http://x' } });
    const { client: admin } = await signedInClient(t, { admin: true });
    const first = (await admin.json('GET', '/api/v1/admin/outbox?to=pager@example.org&limit=3')).json();
    expect(first.items).toHaveLength(3);
    const second = (await admin.json('GET', `/api/v1/admin/outbox?to=pager@example.org&limit=3&after=${first.next}`)).json();
    expect(second.items).toHaveLength(2);
    expect(second.next).toBeNull();
    const ids = [...first.items, ...second.items].map((m: { id: string }) => m.id);
    expect(new Set(ids).size).toBe(5);
    expect([...ids].sort().reverse()).toEqual(ids);
  });

  it('keeps the database answering while a mail server hangs, and lets nobody else send the leased message', async () => {
    await queueMail(t.db, { to: 'slow@example.org', lang: 'en', kind: 'confirmEmail', params: { name: 'Slow', link: 'http://x/slow' } });
    let release!: () => void;
    const hung = new Promise<void>((resolve) => (release = resolve));
    const tried: string[] = [];
    const delivering = deliverBatch(t.db, { sendMail: async (m) => { tried.push(m.to); if (m.to === 'slow@example.org') await hung; } }, 'x');
    // While the first sender waits on its mail server, the site still reads and writes…
    await expect.poll(() => tried.includes('slow@example.org')).toBe(true);
    const answered = await Promise.race([
      t.db.selectFrom('users').select('id').limit(1).execute().then(() => 'answered'),
      new Promise((r) => setTimeout(() => r('blocked'), 3000)),
    ]);
    expect(answered).toBe('answered');
    // …and a second sender does not take the leased message.
    const second: string[] = [];
    await deliverBatch(t.db, { sendMail: async (m) => void second.push(m.to) }, 'x');
    expect(second).not.toContain('slow@example.org');
    release();
    await delivering;
    const [slow] = await mailRepository.list(t.db, { to: 'slow@example.org', limit: 1 });
    expect(slow).toMatchObject({ leased_until: null });
    expect(slow!.sent_at).toBeInstanceOf(Date);
  });
});
