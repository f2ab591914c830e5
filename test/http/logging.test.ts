import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, uniqueEmail, type TestApp } from '../helpers/app.js';
import { Client, linksIn, pathOf } from '../helpers/client.js';
import { mailRepository } from '../../src/modules/mail/mail.repository.js';
import { redactUrl } from '../../src/platform/http/logging.js';

const lines: string[] = [];
const sink = new Writable({
  write(chunk, _enc, done) {
    lines.push(String(chunk));
    done();
  },
});

let t: TestApp;
beforeAll(async () => {
  t = await testApp({}, { logger: { stream: sink, level: 'info' } });
});
afterAll(async () => t?.close());

describe('logs', () => {
  it('redact a token even when it is encoded inside another parameter', () => {
    const url = redactUrl('/fr/sign-in?next=%2Ffr%2Finvitations%2Faccept%3Ftoken%3DSECRET4242%26x%3D1');
    expect(url).not.toContain('SECRET4242');
    expect(url).toContain('token%3D[redacted]');
  });

  it('carry a request id on every request line and never a password, token or cookie', async () => {
    const email = uniqueEmail();
    const password = 'secret sauce never logged';
    const c = new Client(t.app);
    await c.get('/en/register');
    await c.post('/en/register', { name: 'Logged', email, password });
    const [mail] = await mailRepository.list(t.db, { to: email, limit: 1 });
    const link = linksIn(mail!.body_text)[0]!;
    const token = new URL(link).searchParams.get('token')!;
    await c.get(pathOf(link));
    await c.post('/en/account/confirm', { token });
    await c.get('/en/sign-in');
    await c.post('/en/sign-in', { email, password });
    await c.get('/en/sign-in');
    await c.post('/en/sign-in', { email, password: 'wrong one entirely' });
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password } });

    const all = lines.join('');
    expect(lines.length).toBeGreaterThan(5);
    expect(all).not.toContain(password);
    expect(all).not.toContain(token);
    expect(all).not.toContain(c.cookies.get('concord_session')!);
    expect(all).toContain('token=[redacted]');
    const requestLines = lines.map((l) => JSON.parse(l) as { reqId?: string; req?: unknown }).filter((l) => l.req);
    expect(requestLines.length).toBeGreaterThan(0);
    for (const l of requestLines) expect(l.reqId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
