import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOD_PASSWORD, signedInClient, testApp, uniqueEmail, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';
import { accountsRepository } from '../../src/modules/accounts/accounts.repository.js';
import { createUser } from '../../src/modules/accounts/accounts.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t?.close());

describe('CSRF', () => {
  it('refuses a form posted without its token, and saves nothing', async () => {
    const email = uniqueEmail();
    const c = new Client(t.app);
    await c.get('/en/register');
    const res = await c.post('/en/register', { _csrf: null, name: 'No Token', email, password: GOOD_PASSWORD });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('This form has expired or did not come from this site');
    expect(await accountsRepository.findByEmail(t.db, email)).toBeUndefined();
  });

  it('refuses a token from another visitor', async () => {
    const a = new Client(t.app);
    const b = new Client(t.app);
    await a.get('/en/register');
    await b.get('/en/register');
    const res = await b.post('/en/register', { _csrf: a.csrf(), name: 'Borrowed', email: uniqueEmail(), password: GOOD_PASSWORD });
    expect(res.statusCode).toBe(403);
  });

  it('accepts the form with its own token', async () => {
    const c = new Client(t.app);
    await c.get('/en/register');
    expect((await c.post('/en/register', { name: 'With Token', email: uniqueEmail(), password: GOOD_PASSWORD })).statusCode).toBe(303);
  });

  it('protects sign-out too, so another site cannot sign people out', async () => {
    const { client } = await signedInClient(t);
    const res = await client.post('/en/sign-out', { _csrf: null });
    expect(res.statusCode).toBe(403);
    expect((await client.json('GET', '/api/v1/me')).statusCode).toBe(200);
  });

  it('gives a new CSRF secret at sign-in and sign-out: a token captured before either is refused after it', async () => {
    const email = uniqueEmail('csrf');
    await createUser(t.db, { email, name: 'Csrf Person', password: GOOD_PASSWORD });
    const c = new Client(t.app);
    await c.get('/en/sign-in');
    // What someone who saw (or planted) the signed-out visitor's form could hold: its token and cookie.
    const before = { token: c.csrf(), cookie: c.cookies.get('concord_csrf')! };
    const signIn = await c.post('/en/sign-in', { email, password: GOOD_PASSWORD });
    expect(signIn.statusCode).toBe(303);
    expect(signIn.cookies.find((k) => k.name === 'concord_csrf')?.value).toBe('');
    const post = (token: string, csrfCookie: string, session?: string) =>
      t.app.inject({
        method: 'POST',
        url: '/en/password/forgot',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: [`concord_csrf=${csrfCookie}`, session ? `concord_session=${session}` : ''].filter(Boolean).join('; ') },
        payload: new URLSearchParams({ _csrf: token, email: uniqueEmail('nobody') }).toString(),
      });
    const session = c.cookies.get('concord_session')!;
    expect((await post(before.token, before.cookie, session)).statusCode).toBe(403);
    // The signed-in pages carry a fresh token that works.
    await c.get('/en/account');
    const during = { token: c.csrf(), cookie: c.cookies.get('concord_csrf')! };
    expect(during.cookie).not.toBe(before.cookie);
    expect((await post(during.token, during.cookie, session)).statusCode).toBe(303);
    // After sign-out, the signed-in token is worth nothing either.
    const out = await c.post('/en/sign-out', {});
    expect(out.statusCode).toBe(303);
    expect(out.cookies.find((k) => k.name === 'concord_csrf')?.value).toBe('');
    expect((await post(during.token, during.cookie)).statusCode).toBe(403);
  });

  it('refuses cross-site requests by Sec-Fetch-Site and by Origin, even with a valid token', async () => {
    const c = new Client(t.app);
    await c.get('/en/register');
    const viaFetchMeta = await c.post('/en/register', { name: 'X Site', email: uniqueEmail(), password: GOOD_PASSWORD }, { 'sec-fetch-site': 'cross-site' });
    expect(viaFetchMeta.statusCode).toBe(403);
    const viaOrigin = await c.post('/en/register', { name: 'X Site', email: uniqueEmail(), password: GOOD_PASSWORD }, { origin: 'https://evil.example' });
    expect(viaOrigin.statusCode).toBe(403);
    const api = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      headers: { origin: 'https://evil.example' },
      payload: { name: 'X', email: uniqueEmail(), password: GOOD_PASSWORD },
    });
    expect(api.statusCode).toBe(403);
    const sameOrigin = await c.post('/en/register', { name: 'Same Site', email: uniqueEmail(), password: GOOD_PASSWORD }, { origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin' });
    expect(sameOrigin.statusCode).toBe(303);
  });

  it('refuses Sec-Fetch-Site: same-site on pages and the API: a sibling subdomain is not us', async () => {
    const c = new Client(t.app);
    await c.get('/en/register');
    const email = uniqueEmail();
    const page = await c.post('/en/register', { name: 'Sibling', email, password: GOOD_PASSWORD }, { 'sec-fetch-site': 'same-site' });
    expect(page.statusCode).toBe(403);
    expect(page.body).toContain('Requests from other sites are not accepted.');
    const api = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-site', origin: 'http://localhost:3000' },
      payload: { name: 'Sibling', email, password: GOOD_PASSWORD },
    });
    expect(api.statusCode).toBe(403);
    expect(api.json().detail).toBe('Requests from other sites are not accepted.');
    expect(await accountsRepository.findByEmail(t.db, email)).toBeUndefined();
    // The same request from our own origin goes through, so the refusal above is about the header.
    const own = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
      payload: { name: 'Sibling', email, password: GOOD_PASSWORD },
    });
    expect(own.statusCode).toBeLessThan(300);
  });

  it('accepts a same-origin browser post that carries Origin: null (Chromium under a strict referrer policy)', async () => {
    const c = new Client(t.app);
    await c.get('/en/register');
    const res = await c.post('/en/register', { name: 'Null Origin', email: uniqueEmail(), password: GOOD_PASSWORD }, { origin: 'null', 'sec-fetch-site': 'same-origin' });
    expect(res.statusCode).toBe(303);
    const noFetchMeta = await c.post('/en/register', { name: 'Null Origin', email: uniqueEmail(), password: GOOD_PASSWORD }, { origin: 'null' });
    expect(noFetchMeta.statusCode).toBe(403);
  });

  it('takes only JSON on the API, so a cross-site HTML form cannot post to it', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      headers: { 'content-type': 'text/plain' },
      payload: JSON.stringify({ name: 'Plain', email: uniqueEmail(), password: GOOD_PASSWORD }),
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().detail).toBe('Send the request body as application/json.');
  });
});

describe('bad input', () => {
  it('answers malformed JSON with a 400 problem, not a 500', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', headers: { 'content-type': 'application/json' }, payload: '{"email":' });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toBe('The request body is not valid JSON.');
  });

  it('refuses bodies over the size limit with 413', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024), email: uniqueEmail(), password: GOOD_PASSWORD }),
    });
    expect(res.statusCode).toBe(413);
  });

  it('refuses an over-long form body with 413', async () => {
    const c = new Client(t.app);
    await c.get('/en/register');
    const res = await c.post('/en/register', { name: 'y'.repeat(3 * 1024 * 1024), email: uniqueEmail(), password: GOOD_PASSWORD });
    expect(res.statusCode).toBe(413);
  });

  it('escapes what people type wherever it is shown', async () => {
    const email = uniqueEmail();
    const name = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { name, email, password: GOOD_PASSWORD } });
    const signIn = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password: GOOD_PASSWORD } });
    const cookie = signIn.cookies.find((c) => c.name === 'concord_session')!;
    const page = await t.app.inject({ url: '/en/account', headers: { cookie: `concord_session=${cookie.value}` } });
    expect(page.body).not.toContain('<script>alert');
    expect(page.body).not.toContain('<img src=x');
    expect(page.body).toContain('&lt;script>alert(&quot;x&quot;)&lt;/script>');
  });
});

describe('session cookies', () => {
  it('marks the session cookie Secure when BASE_URL is https', async () => {
    const secure = await testApp({ baseUrl: 'https://concord.example', secureCookies: true });
    try {
      const email = uniqueEmail();
      await secure.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { name: 'Secure', email, password: GOOD_PASSWORD } });
      const res = await secure.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password: GOOD_PASSWORD } });
      const cookie = res.cookies.find((c) => c.name === 'concord_session')!;
      expect(cookie.secure).toBe(true);
      expect(String(res.headers['strict-transport-security'] ?? '')).toContain('max-age');
    } finally {
      await secure.close();
    }
  });

  it('ignores a forged session cookie that was not signed by the server', async () => {
    const res = await t.app.inject({ url: '/api/v1/me', headers: { cookie: 'concord_session=forged-token' } });
    expect(res.statusCode).toBe(401);
  });
});

describe('malformed addresses', () => {
  it('answers a broken %-escape with our problem page in the language of the URL, not a 500 or Fastify’s English', async () => {
    const page = await t.app.inject({ url: '/fr/processus/%E0%A4%A', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(400);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('Cette adresse est mal formée');
    expect(page.body).toContain('<html lang="fr"');
    const api = await t.app.inject({ url: '/api/v1/processes/%E0%A4%A', headers: { 'accept-language': 'en' } });
    expect(api.statusCode).toBe(400);
    expect(api.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(api.json()).toMatchObject({ status: 400, detail: expect.stringContaining('This address is malformed') });
  });

  it('answers every error the framework raises with our problem answer and the security headers of every page', async () => {
    const c = new Client(t.app);
    await c.get('/fr/register');
    const cookie = c.cookieHeader();
    const form = { 'content-type': 'application/x-www-form-urlencoded', cookie };
    const cases = [
      { name: 'bad %-escape', req: { url: '/fr/processus/%E0%A4%A' }, status: 400, text: 'Cette adresse est mal formée' },
      { name: 'body too large', req: { method: 'POST', url: '/fr/register', headers: form, payload: `_csrf=${c.csrf()}&name=${'y'.repeat(3 * 1024 * 1024)}` }, status: 413, text: 'Mio que ce site accepte' },
      { name: 'unsupported media type', req: { method: 'POST', url: '/fr/register', headers: { ...form, 'content-type': 'application/x-unknown' }, payload: 'x' }, status: 415, text: 'Ce format n’est pas accepté ici.' },
      { name: 'bad JSON', req: { method: 'POST', url: '/fr/register', headers: { ...form, 'content-type': 'application/json' }, payload: '{"name":' }, status: 400, text: 'pas du JSON valide' },
    ] as const;
    for (const k of cases) {
      const page = await t.app.inject({ method: 'GET', ...k.req, headers: { accept: 'text/html', ...('headers' in k.req ? k.req.headers : {}) } } as never);
      expect(page.statusCode, k.name).toBe(k.status);
      expect(page.headers['content-type'], k.name).toMatch(/text\/html/);
      expect(page.body, k.name).toContain('<html lang="fr"');
      expect(page.body, k.name).toContain(k.text);
      expect(page.headers['content-security-policy'], k.name).toContain("default-src 'self'");
      expect(page.headers['x-content-type-options'], k.name).toBe('nosniff');
      expect(page.headers['x-frame-options'], k.name).toBeDefined();
    }
    for (const req of [
      { url: '/api/v1/processes/%E0%A4%A' },
      { method: 'POST', url: '/api/v1/auth/sign-in', headers: { 'content-type': 'application/json' }, payload: '{"email":' },
      { method: 'POST', url: '/api/v1/auth/sign-in', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ email: 'x'.repeat(2 * 1024 * 1024) }) },
    ]) {
      const api = await t.app.inject({ method: 'GET', ...req, headers: { 'accept-language': 'fr', ...(req.headers ?? {}) } } as never);
      expect(api.statusCode, req.url).toBeGreaterThanOrEqual(400);
      expect(api.statusCode, req.url).toBeLessThan(500);
      expect(api.headers['content-type'], req.url).toMatch(/application\/problem\+json/);
      expect(api.headers['content-security-policy'], req.url).toContain("default-src 'self'");
      expect(api.json().detail, req.url).not.toMatch(/^(?:Bad Request|Request body is too large)/);
    }
  });

  it('answers a NUL character in an address with a 400 that says so, not a 500', async () => {
    const page = await t.app.inject({ url: '/fr/processes/%00', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('contient un caractère qui ne peut pas être enregistré');
    const en = await t.app.inject({ url: '/en/processes/a%00b/documents', headers: { accept: 'text/html' } });
    expect(en.statusCode).toBe(400);
    expect(en.body).toContain('holds a character that cannot be stored');
    // The API checks its parameters first, and says which one is wrong.
    const api = await t.app.inject({ url: '/api/v1/processes/a%00b', headers: { 'accept-language': 'en' } });
    expect(api.statusCode).toBe(400);
  });
});
