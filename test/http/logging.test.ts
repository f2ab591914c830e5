import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, uniqueEmail, type TestApp } from '../helpers/app.js';
import { Client, linksIn, pathOf } from '../helpers/client.js';
import { mailRepository } from '../../src/modules/mail/mail.repository.js';
import { redactUrl } from '../../src/platform/http/logging.js';
import { loadConfig } from '../../src/platform/config.js';

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

  it('are readable lines in development (LOG_FORMAT=pretty), JSON in production, redacted either way', async () => {
    expect(loadConfig({ NODE_ENV: 'development' }).logFormat).toBe('pretty');
    expect(loadConfig({ NODE_ENV: 'production' }).logFormat).toBe('json');
    expect(loadConfig({ NODE_ENV: 'production', LOG_FORMAT: 'pretty' }).logFormat).toBe('pretty');
    const pretty: string[] = [];
    const sinkPretty = new Writable({
      write(chunk, _enc, done) {
        pretty.push(String(chunk));
        done();
      },
    });
    const p = await testApp({ logFormat: 'pretty' }, { logger: { stream: sinkPretty, level: 'info' } });
    try {
      await p.app.inject({ url: '/en/account/confirm?token=SECRET4242', headers: { cookie: 'concord_session=COOKIE4242' } });
    } finally {
      await p.close();
    }
    const all = pretty.join('');
    expect(all).toMatch(/^\d\d:\d\d:\d\d\.\d{3} INFO {2}incoming request {2}GET \/en\/account\/confirm\?token=\[redacted\] {2}reqId=[0-9a-f-]{36}$/m);
    expect(all).toMatch(/^\d\d:\d\d:\d\d\.\d{3} INFO {2}request completed {2}\d{3} \d+ ms {2}reqId=[0-9a-f-]{36}$/m);
    expect(all).not.toMatch(/^\{/m);
    expect(all).not.toContain('SECRET4242');
    expect(all).not.toContain('COOKIE4242');
  });
});
