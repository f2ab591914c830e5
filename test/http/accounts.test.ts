import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOD_PASSWORD, testApp, uniqueEmail, type TestApp } from '../helpers/app.js';
import { Client, linksIn, pathOf } from '../helpers/client.js';
import { mailRepository } from '../../src/modules/mail/mail.repository.js';
import { SIGN_IN_LIMITS } from '../../src/modules/accounts/accounts.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t?.close());

async function lastMailTo(email: string) {
  const [m] = await mailRepository.list(t.db, { to: email, limit: 1 });
  if (!m) throw new Error(`no mail to ${email}`);
  return m;
}

describe('register, confirm, sign in, sign out (pages)', () => {
  it('walks the whole journey without JavaScript', async () => {
    const email = uniqueEmail();
    const c = new Client(t.app);
    await c.get('/en/register');
    const reg = await c.post('/en/register', { name: 'Jeanne Tremblay', email: email.toUpperCase(), password: GOOD_PASSWORD });
    expect(reg.statusCode).toBe(303);
    expect(reg.headers.location).toBe('/en/register/sent');

    const mail = await lastMailTo(email);
    expect(mail.subject).toBe('Confirm your email address for Concord');
    const link = linksIn(mail.body_text)[0]!;
    expect(link).toMatch(/^http:\/\/localhost:3000\/en\/account\/confirm\?token=/);

    // The link shows a button; nothing changes until it is pressed.
    const page = await c.get(pathOf(link));
    expect(page.statusCode).toBe(200);
    const token = new URL(link).searchParams.get('token')!;
    const confirmed = await c.post('/en/account/confirm', { token });
    expect(confirmed.statusCode).toBe(303);
    expect(confirmed.headers.location).toBe('/en/sign-in');
    const signInPage = await c.get('/en/sign-in');
    expect(signInPage.body).toContain('Your email address is confirmed.');

    // The same token cannot be used twice.
    await c.get(pathOf(link));
    expect((await c.post('/en/account/confirm', { token })).statusCode).toBe(400);

    await c.get('/en/sign-in');
    const signIn = await c.post('/en/sign-in', { email, password: GOOD_PASSWORD });
    expect(signIn.statusCode).toBe(303);
    expect(signIn.headers.location).toBe('/en/account');
    const account = await c.get('/en/account');
    expect(account.body).toContain('Jeanne Tremblay');
    expect(account.body).toContain('Confirmed on');

    const me = await c.json('GET', '/api/v1/me');
    expect(me.json()).toMatchObject({ email, name: 'Jeanne Tremblay', emailConfirmed: true, preferredLang: 'en' });

    const out = await c.post('/en/sign-out', {});
    expect(out.statusCode).toBe(303);
    expect(c.cookies.has('concord_session')).toBe(false);
    expect((await c.json('GET', '/api/v1/me')).statusCode).toBe(401);
  });

  it('ends the session on the server at sign-out, so a copied cookie stops working', async () => {
    const email = uniqueEmail();
    const c = new Client(t.app);
    await c.get('/en/register');
    await c.post('/en/register', { name: 'Copy Cat', email, password: GOOD_PASSWORD });
    await c.get('/en/sign-in');
    await c.post('/en/sign-in', { email, password: GOOD_PASSWORD });
    const stolen = c.cookieHeader();
    expect((await t.app.inject({ url: '/api/v1/me', headers: { cookie: stolen } })).statusCode).toBe(200);
    await c.get('/en/account');
    await c.post('/en/sign-out', {});
    expect((await t.app.inject({ url: '/api/v1/me', headers: { cookie: stolen } })).statusCode).toBe(401);
  });

  it('rotates the session on sign-in', async () => {
    const email = uniqueEmail();
    const c = new Client(t.app);
    await c.get('/en/register');
    await c.post('/en/register', { name: 'Rotating Person', email, password: GOOD_PASSWORD });
    await c.get('/en/sign-in');
    await c.post('/en/sign-in', { email, password: GOOD_PASSWORD });
    const first = c.cookies.get('concord_session');
    await c.get('/en/sign-in');
    await c.post('/en/sign-in', { email, password: GOOD_PASSWORD });
    const second = c.cookies.get('concord_session');
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    expect((await t.app.inject({ url: '/api/v1/me', headers: { cookie: `concord_session=${first}` } })).statusCode).toBe(401);
  });

  it('shows form errors at the top and beside each field, in French', async () => {
    const c = new Client(t.app);
    await c.get('/fr/register');
    const res = await c.post('/fr/register', { name: '', email: 'pas-un-courriel', password: 'court' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Il y a un problème');
    expect(res.body).toContain('href="#field-email"');
    expect(res.body).toContain('Entrez une adresse courriel comme nom@exemple.org.');
    expect(res.body).toContain('Entrez votre nom.');
    expect(res.body).toMatch(/id="field-email"[^>]*aria-invalid="true"/);
    // What was typed is kept, except the password.
    expect(res.body).toContain('value="pas-un-courriel"');
    expect(res.body).not.toContain('value="court"');
  });

  it('refuses a common password with a message that says why', async () => {
    const c = new Client(t.app);
    await c.get('/en/register');
    const res = await c.post('/en/register', { name: 'Weak', email: uniqueEmail(), password: 'password1234' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('This password is too common');
  });

  it('does not reveal that an email is registered, and tells its owner instead', async () => {
    const email = uniqueEmail();
    const c = new Client(t.app);
    await c.get('/en/register');
    await c.post('/en/register', { name: 'First', email, password: GOOD_PASSWORD });
    await c.get('/en/register');
    const again = await c.post('/en/register', { name: 'Second', email, password: 'another long passphrase' });
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe('/en/register/sent');
    expect((await lastMailTo(email)).kind).toBe('accountExists');
  });
});

describe('password reset', () => {
  it('emails a link, sets the new password and signs the account out everywhere', async () => {
    const email = uniqueEmail();
    const c = new Client(t.app);
    await c.get('/fr/register');
    await c.post('/fr/register', { name: 'Oublieuse', email, password: GOOD_PASSWORD });
    await c.get('/fr/sign-in');
    await c.post('/fr/sign-in', { email, password: GOOD_PASSWORD });
    expect((await c.json('GET', '/api/v1/me')).statusCode).toBe(200);

    const other = new Client(t.app);
    await other.get('/fr/password/forgot');
    const asked = await other.post('/fr/password/forgot', { email });
    expect(asked.headers.location).toBe('/fr/password/forgot/sent');
    const mail = await lastMailTo(email);
    expect(mail.subject).toBe('Réinitialisez votre mot de passe Concord');
    const link = linksIn(mail.body_text)[0]!;
    const form = await other.get(pathOf(link));
    expect(form.statusCode).toBe(200);
    const token = new URL(link).searchParams.get('token')!;

    const weak = await other.post('/fr/password/reset', { token, password: 'motdepasse123' });
    expect(weak.statusCode).toBe(422);
    expect(weak.body).toContain('trop courant');

    const done = await other.post('/fr/password/reset', { token, password: 'nouvelle phrase de passe solide' });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/fr/sign-in');
    // The old session is gone; the old password no longer works; the new one does.
    expect((await c.json('GET', '/api/v1/me')).statusCode).toBe(401);
    const old = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password: GOOD_PASSWORD } });
    expect(old.statusCode).toBe(400);
    const fresh = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password: 'nouvelle phrase de passe solide' } });
    expect(fresh.statusCode).toBe(200);
    // The link is single-use.
    expect((await other.get(pathOf(link))).statusCode).toBe(400);
  });

  it('ends every outstanding reset link once one is used', async () => {
    const email = uniqueEmail('twolinks');
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { name: 'Two Links', email, password: GOOD_PASSWORD } });
    const ask = async () => {
      await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset-requests', payload: { email }, remoteAddress: '10.21.0.1' });
      return new URL(linksIn((await lastMailTo(email)).body_text)[0]!).searchParams.get('token')!;
    };
    const older = await ask();
    const newer = await ask();
    expect(older).not.toBe(newer);
    const used = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-resets', payload: { token: newer, password: 'the owner chose this one' } });
    expect(used.statusCode).toBe(200);
    // The older link no longer opens its form nor sets a password.
    expect((await t.app.inject({ url: `/en/password/reset?token=${older}` })).statusCode).toBe(400);
    const late = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-resets', payload: { token: older, password: 'an attacker chose this' } });
    expect(late.statusCode).toBe(400);
    const signIn = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password: 'the owner chose this one' }, remoteAddress: '10.21.0.2' });
    expect(signIn.statusCode).toBe(200);
  });

  it('answers a repeated token with the invalid-link page, not a 500', async () => {
    const get = await t.app.inject({ url: '/fr/password/reset?token=aaaaaaaaaaaa&token=bbbbbbbbbbbb' });
    expect(get.statusCode).toBe(400);
    expect(get.body).toContain('Demander un nouveau lien');
    const c = new Client(t.app);
    await c.get('/fr/password/forgot');
    const post = await c.post('/fr/password/reset', { token: ['aaaaaaaaaaaa', 'bbbbbbbbbbbb'], password: 'nouvelle phrase de passe solide' });
    expect(post.statusCode).toBeGreaterThanOrEqual(400);
    expect(post.statusCode).toBeLessThan(500);
  });

  it('answers the same for an unknown address and sends nothing', async () => {
    const email = uniqueEmail('nobody');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset-requests', payload: { email } });
    expect(res.statusCode).toBe(202);
    expect(await mailRepository.list(t.db, { to: email, limit: 1 })).toHaveLength(0);
  });
});

describe('accounts through the API', () => {
  it('registers, confirms and signs in with JSON, errors as problem+json in the caller language', async () => {
    const email = uniqueEmail();
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      headers: { 'accept-language': 'fr-CA' },
      payload: { name: 'X', email: 'nope', password: GOOD_PASSWORD },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json()).toMatchObject({ status: 400, detail: 'Certains champs doivent être corrigés.', errors: { email: 'Entrez une adresse courriel comme nom@exemple.org.' } });

    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { name: 'Api Person', email, password: GOOD_PASSWORD, lang: 'fr' } });
    expect(ok.statusCode).toBe(202);
    const mail = await lastMailTo(email);
    expect(mail.lang).toBe('fr');
    const token = new URL(linksIn(mail.body_text)[0]!).searchParams.get('token')!;
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/confirm-email', payload: { token } })).statusCode).toBe(200);

    const signIn = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password: GOOD_PASSWORD } });
    expect(signIn.statusCode).toBe(200);
    expect(signIn.json()).toMatchObject({ email, emailConfirmed: true, roles: [] });
    const cookie = signIn.cookies.find((c) => c.name === 'concord_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.secure).toBeFalsy();
    const me = await t.app.inject({ url: '/api/v1/me', headers: { cookie: `concord_session=${cookie.value}` } });
    expect(me.json()).not.toHaveProperty('password_hash');
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers: { cookie: `concord_session=${cookie.value}` } });
    expect(out.statusCode).toBe(204);
  });

  it('throttles failed sign-ins per address and account, so a guesser cannot lock the owner out', async () => {
    const email = uniqueEmail();
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { name: 'Target', email, password: GOOD_PASSWORD } });
    const attempt = (password: string, remoteAddress: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', headers: { 'accept-language': 'fr' }, payload: { email, password }, remoteAddress });
    for (let i = 0; i < 5; i++) expect((await attempt(`wrong password ${i}`, '10.0.0.1')).statusCode).toBe(400);
    // The guesser is held off, even with the right password, and told when to try again.
    const blocked = await attempt(GOOD_PASSWORD, '10.0.0.1');
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.json().detail).toMatch(/Réessayez dans 15 minutes\./);
    // The owner, from their own address, still gets in; the guesser stays blocked.
    expect((await attempt(GOOD_PASSWORD, '10.0.0.99')).statusCode).toBe(200);
    expect((await attempt('wrong password again', '10.0.0.1')).statusCode).toBe(429);
  });

  it('holds an account shut against guesses from many addresses until a reset proves the inbox', async () => {
    const email = uniqueEmail('spread');
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { name: 'Spread', email, password: GOOD_PASSWORD } });
    const attempt = (password: string, remoteAddress: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password }, remoteAddress });
    // The account's failures so far, as if from many addresses (a hundred argon2 runs would take seconds).
    await t.db.insertInto('throttles').values({ key: `signin:account:${email}`, window_start: new Date(), count: SIGN_IN_LIMITS.account.max - 1 }).execute();
    expect((await attempt('one more guess', '10.5.0.1')).statusCode).toBe(400);
    expect((await attempt(GOOD_PASSWORD, '10.5.200.1')).statusCode).toBe(429);
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset-requests', payload: { email }, remoteAddress: '10.5.200.1' });
    const token = new URL(linksIn((await lastMailTo(email)).body_text)[0]!).searchParams.get('token')!;
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-resets', payload: { token, password: 'a fresh owner passphrase' } })).statusCode).toBe(200);
    expect((await attempt('a fresh owner passphrase', '10.5.200.1')).statusCode).toBe(200);
  });

  it('lets exactly five guesses through when they arrive all at once', async () => {
    const email = uniqueEmail('parallel');
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { name: 'Parallel', email, password: GOOD_PASSWORD } });
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password: `parallel guess ${i}` }, remoteAddress: '10.3.0.1' }),
      ),
    );
    const codes = answers.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 400)).toHaveLength(5);
    expect(codes.filter((c) => c === 429)).toHaveLength(7);
  });

  it('lets no one address use up the owner\'s reset emails', async () => {
    const email = uniqueEmail('resets');
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { name: 'Resets', email, password: GOOD_PASSWORD } });
    const ask = (remoteAddress: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset-requests', payload: { email }, remoteAddress });
    const resets = async () => (await mailRepository.list(t.db, { to: email, limit: 50 })).filter((m) => m.kind === 'resetPassword').length;
    for (let i = 0; i < 6; i++) expect((await ask('10.6.0.1')).statusCode).toBe(202);
    expect(await resets()).toBe(3);
    await ask('10.6.0.2');
    expect(await resets()).toBe(4);
  });

  it('does not count a successful sign-in against its address', async () => {
    const email = uniqueEmail('regular');
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { name: 'Regular', email, password: GOOD_PASSWORD } });
    // More successful sign-ins from one address (an office behind one NAT) than the failure limit.
    for (let i = 0; i < 22; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password: GOOD_PASSWORD }, remoteAddress: '10.4.4.4' });
      expect(r.statusCode).toBe(200);
    }
  });

  it('throttles failed sign-ins per address across accounts', async () => {
    for (let i = 0; i < 20; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: uniqueEmail('spray'), password: 'guess guess guess' }, remoteAddress: '10.9.9.9' });
      expect(r.statusCode).toBe(400);
    }
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: uniqueEmail('spray'), password: 'guess guess guess' }, remoteAddress: '10.9.9.9' });
    expect(r.statusCode).toBe(429);
    expect(r.json().detail).toMatch(/Too many failed attempts\. Try again in 15 minutes\./);
  });

  it('rate-limits the account forms per address, whatever the outcome', async () => {
    let last = 0;
    for (let i = 0; i < 31; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset-requests', payload: { email: uniqueEmail('flood') }, remoteAddress: '10.7.7.7' });
      last = r.statusCode;
      if (i < 30) expect(r.statusCode).toBe(202);
    }
    expect(last).toBe(429);
  });
});
