import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOD_PASSWORD, testApp, uniqueEmail, type TestApp } from '../helpers/app.js';
import { Client, linksIn, pathOf } from '../helpers/client.js';
import { mailRepository } from '../../src/modules/mail/mail.repository.js';
import { SIGN_IN_LIMITS, createUser } from '../../src/modules/accounts/accounts.service.js';
import { SIGN_IN_LINK_MAIL_LIMITS, SIGN_IN_LINK_TTL_SECONDS } from '../../src/modules/accounts/sign-in-link.service.js';

/**
 * "Email me a sign-in link" (issue 10): the owner of an account that strangers hold shut (five
 * wrong passwords from a shared address, the account's budget of failures used up from many, and
 * the budget of sign-in mails used up too) still gets in from their inbox.
 */
let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t?.close());

/** The sign-in links mailed to an address, oldest first. */
async function linkMails(email: string) {
  return (await mailRepository.list(t.db, { to: email, limit: 50 })).filter((m) => m.kind === 'signInLink').reverse();
}
const linkOf = (body: string) => linksIn(body)[0]!;
const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;
const askApi = (email: string, remoteAddress: string, lang = 'en') =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in-link-requests', headers: { 'accept-language': lang }, payload: { email }, remoteAddress });
const signInApi = (email: string, password: string, remoteAddress: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password }, remoteAddress });

describe('a sign-in link gets the owner past the sign-in lockout', () => {
  it('signs in the owner of an account held shut by strangers, whose mail budget they used up too', async () => {
    const email = uniqueEmail('held');
    const owner = await createUser(t.db, { email, name: 'Held Shut', password: GOOD_PASSWORD });
    // The owner's café: a stranger on the same address guesses five times.
    const shared = '10.40.0.1';
    for (let i = 0; i < 5; i++) expect((await signInApi(email, `wrong guess ${i}`, shared)).statusCode).toBe(400);
    expect((await signInApi(email, GOOD_PASSWORD, shared)).statusCode).toBe(429);
    // And guesses from many addresses have used up the account's budget (a hundred argon2 runs would take seconds).
    await t.db.updateTable('throttles').set({ count: SIGN_IN_LIMITS.account.max }).where('key', '=', `signin:account:${email}`).execute();
    expect((await signInApi(email, GOOD_PASSWORD, '10.40.9.9')).statusCode).toBe(429);

    // The stranger asks for sign-in links from several addresses until the account's mail budget is spent.
    for (const from of ['10.40.1.1', '10.40.1.1', '10.40.1.1', '10.40.1.1', '10.40.1.2', '10.40.1.2', '10.40.1.3']) {
      const r = await askApi(email, from);
      expect(r.statusCode).toBe(202);
    }
    const mails = await linkMails(email);
    expect(mails).toHaveLength(SIGN_IN_LINK_MAIL_LIMITS.account.max);
    // The owner's own request now sends nothing, and says the same as ever.
    const c = new Client(t.app, {}, shared);
    await c.get('/en/sign-in');
    const asked = await c.post('/en/sign-in/link-request', { linkEmail: email });
    expect(asked.statusCode).toBe(303);
    expect(asked.headers.location).toBe('/en/sign-in/link-request/sent');
    expect((await c.get('/en/sign-in/link-request/sent')).body).toContain('If an account has this address, a link to sign in is on its way.');
    expect(await linkMails(email)).toHaveLength(SIGN_IN_LINK_MAIL_LIMITS.account.max);

    // Every mail counted went to the owner: the oldest link in the inbox still works.
    const mail = mails[0]!;
    expect(mail.subject).toBe('Your link to sign in to Concord');
    const link = linkOf(mail.body_text);
    expect(link).toMatch(/^http:\/\/localhost:3000\/en\/sign-in\/link\?token=/);
    const landing = await c.get(pathOf(link));
    expect(landing.statusCode).toBe(200);
    expect(landing.body).toContain('Sign me in');
    const used = await c.post('/en/sign-in/link', { token: tokenOf(link) });
    expect(used.statusCode).toBe(303);
    expect(used.headers.location).toBe('/en/account');
    expect((await c.get('/en/account')).body).toContain('Held Shut');
    expect((await c.json('GET', '/api/v1/me')).json()).toMatchObject({ id: owner.id, email });

    // The link is single-use, and using it ended the other links in the inbox.
    const again = await c.get(pathOf(link));
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('This sign-in link has already been used');
    for (const other of mails.slice(1)) {
      const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in-links', payload: { token: tokenOf(linkOf(other.body_text)) } });
      expect(r.statusCode).toBe(400);
      expect(r.json().detail).toMatch(/already been used/);
    }
    // Reaching the inbox lifted the holds: the password works again from the café and elsewhere.
    expect((await signInApi(email, GOOD_PASSWORD, shared)).statusCode).toBe(200);
    expect((await signInApi(email, GOOD_PASSWORD, '10.40.9.9')).statusCode).toBe(200);

    // Recorded as the account's own event, with nothing digested.
    const events = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'user.signInByLink').where('entity_id', '=', owner.id).execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor_id: owner.id, entity_type: 'user', before_digest: null, after_digest: null });
  });

  it('rotates the session and the CSRF secret as a password sign-in does', async () => {
    const email = uniqueEmail('rotate');
    await createUser(t.db, { email, name: 'Rotating Link', password: GOOD_PASSWORD });
    const c = new Client(t.app, {}, '10.41.0.1');
    await c.get('/en/sign-in');
    await c.post('/en/sign-in', { email, password: GOOD_PASSWORD });
    const first = c.cookies.get('concord_session')!;
    await askApi(email, '10.41.0.2');
    const link = linkOf((await linkMails(email))[0]!.body_text);
    await c.get(pathOf(link));
    const used = await c.post('/en/sign-in/link', { token: tokenOf(link) });
    expect(used.statusCode).toBe(303);
    expect(used.cookies.find((k) => k.name === 'concord_csrf')?.value).toBe('');
    const second = c.cookies.get('concord_session');
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    expect((await t.app.inject({ url: '/api/v1/me', headers: { cookie: `concord_session=${first}` } })).statusCode).toBe(401);
    expect((await c.json('GET', '/api/v1/me')).statusCode).toBe(200);
  });

  it('signs in through the API too, setting the session cookie', async () => {
    const email = uniqueEmail('apilink');
    await createUser(t.db, { email, name: 'Api Link', password: GOOD_PASSWORD });
    expect((await askApi(email, '10.42.0.1')).json()).toEqual({ message: 'If an account has this address, a link to sign in is on its way. It works once, for 20 minutes.' });
    const token = tokenOf(linkOf((await linkMails(email))[0]!.body_text));
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in-links', payload: { token } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ email, name: 'Api Link' });
    const cookie = res.cookies.find((k) => k.name === 'concord_session')!;
    expect((await t.app.inject({ url: '/api/v1/me', headers: { cookie: `concord_session=${cookie.value}` } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in-links', payload: { token } })).statusCode).toBe(400);
  });
});

describe('links that do not work, and addresses without an account', () => {
  it('refuses an expired link with a message that says so, on the page and in the API', async () => {
    const email = uniqueEmail('expired');
    const user = await createUser(t.db, { email, name: 'Late Reader', password: GOOD_PASSWORD });
    await askApi(email, '10.43.0.1');
    const link = linkOf((await linkMails(email))[0]!.body_text);
    await t.db.updateTable('email_tokens').set({ expires_at: new Date(Date.now() - 1000) }).where('user_id', '=', user.id).where('purpose', '=', 'sign_in').execute();
    const page = await t.app.inject({ url: pathOf(link) });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('This sign-in link has expired: links work for 20 minutes.');
    expect(page.body).toContain('Ask for a new sign-in link');
    const c = new Client(t.app, {}, '10.43.0.2');
    await c.get('/en/sign-in');
    const post = await c.post('/en/sign-in/link', { token: tokenOf(link) });
    expect(post.statusCode).toBe(400);
    expect(post.body).toContain('This sign-in link has expired');
    expect(c.cookies.has('concord_session')).toBe(false);
    const api = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in-links', payload: { token: tokenOf(link) } });
    expect(api.statusCode).toBe(400);
    expect(api.json().detail).toBe('This sign-in link has expired: links work for 20 minutes. Ask for a new link.');
  });

  it('answers an unknown address exactly as a known one, and sends nothing', async () => {
    const known = uniqueEmail('known');
    await createUser(t.db, { email: known, name: 'Known', password: GOOD_PASSWORD });
    const nobody = uniqueEmail('nobody');
    const a = await askApi(known, '10.44.0.1');
    const b = await askApi(nobody, '10.44.0.1');
    expect(b.statusCode).toBe(a.statusCode);
    expect(b.json()).toEqual(a.json());
    const c = new Client(t.app, {}, '10.44.0.2');
    await c.get('/en/sign-in');
    const page = await c.post('/en/sign-in/link-request', { linkEmail: nobody });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/en/sign-in/link-request/sent');
    expect(await mailRepository.list(t.db, { to: nobody, limit: 1 })).toHaveLength(0);
    expect(await linkMails(known)).toHaveLength(1);
  });

  it('answers a made-up or repeated token with the invalid-link page, not a 500', async () => {
    const made = await t.app.inject({ url: '/en/sign-in/link?token=aaaaaaaaaaaaaaaa' });
    expect(made.statusCode).toBe(400);
    expect(made.body).toContain('This link has expired or has already been used.');
    expect((await t.app.inject({ url: '/en/sign-in/link?token=aaaaaaaaaaaa&token=bbbbbbbbbbbb' })).statusCode).toBe(400);
    expect((await t.app.inject({ url: '/en/sign-in/link' })).statusCode).toBe(400);
    const short = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in-links', payload: { token: 'x' } });
    expect(short.statusCode).toBe(400);
  });

  it('shows a bad address beside the link field, with ids unique on the page, and keeps the CSRF check', async () => {
    const c = new Client(t.app, {}, '10.45.0.1');
    await c.get('/en/sign-in');
    const res = await c.post('/en/sign-in/link-request', { linkEmail: 'not-an-email' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('href="#field-linkEmail"');
    expect(res.body).toMatch(/id="field-linkEmail"[^>]*aria-invalid="true"/);
    expect(res.body.match(/id="field-email"/g)).toHaveLength(1);
    expect((await c.post('/en/sign-in/link-request', { _csrf: null, linkEmail: uniqueEmail() })).statusCode).toBe(403);
  });
});

describe('where a sign-in link leads, and in French', () => {
  it('carries a safe next from the sign-in page through the mail, and drops an unsafe one', async () => {
    const email = uniqueEmail('nextlink');
    await createUser(t.db, { email, name: 'Next Link', password: GOOD_PASSWORD });
    const c = new Client(t.app, {}, '10.46.0.1');
    await c.get('/en/sign-in?next=%2Fen%2Fprocesses%3Ftab%3D2');
    expect(c.lastHtml).toMatch(/action="\/en\/sign-in\/link-request"[\s\S]*name="next" value="\/en\/processes\?tab=2"/);
    await c.post('/en/sign-in/link-request', { linkEmail: email, next: '/en/processes?tab=2' });
    const link = linkOf((await linkMails(email)).at(-1)!.body_text);
    await c.get(pathOf(link));
    const went = await c.post('/en/sign-in/link', { token: tokenOf(link), next: new URL(link).searchParams.get('next')! });
    expect(went.headers.location).toBe('/en/processes?tab=2');

    await c.get('/en/sign-in');
    await c.post('/en/sign-in/link-request', { linkEmail: email, next: '//evil.example' });
    const plain = linkOf((await linkMails(email)).at(-1)!.body_text);
    expect(new URL(plain).searchParams.has('next')).toBe(false);
    // A next added to the link by hand goes through the same check.
    await c.get(`${pathOf(plain)}&next=${encodeURIComponent('/.//evil.example')}`);
    const safe = await c.post('/en/sign-in/link', { token: tokenOf(plain), next: '/.//evil.example' });
    expect(safe.headers.location).toBe('/en/account');
  });

  it('offers the link on the French page and mails it in the account’s language', async () => {
    const form = await t.app.inject({ url: '/fr/sign-in' });
    expect(form.body).toContain('Ou connectez-vous avec un lien par courriel');
    expect(form.body).toContain('M’envoyer un lien de connexion');
    expect(form.body).toContain('action="/fr/sign-in/link-request"');

    const email = uniqueEmail('francais');
    const user = await createUser(t.db, { email, name: 'Francophone', password: GOOD_PASSWORD, lang: 'fr' });
    // Asked from an English page, the mail follows the account's language.
    await askApi(email, '10.47.0.1', 'en');
    const mail = (await linkMails(email))[0]!;
    expect(mail.lang).toBe('fr');
    expect(mail.subject).toBe('Votre lien de connexion à Concord');
    expect(mail.body_text).toMatch(/pendant 20\u00a0minutes/);
    const link = linkOf(mail.body_text);
    expect(link).toMatch(/\/fr\/sign-in\/link\?token=/);
    const landing = await t.app.inject({ url: pathOf(link) });
    expect(landing.body).toContain('Me connecter');
    const sent = await t.app.inject({ url: '/fr/sign-in/link-request/sent' });
    expect(sent.body).toMatch(/Si un compte utilise cette adresse, un lien de connexion est en route\. Il ne sert qu’une fois, pendant 20\u00a0minutes\./);
    await t.db.updateTable('email_tokens').set({ expires_at: new Date(Date.now() - 1000) }).where('user_id', '=', user.id).where('purpose', '=', 'sign_in').execute();
    const expired = await t.app.inject({ url: pathOf(link) });
    expect(expired.body).toMatch(/Ce lien de connexion a expiré\u00a0: les liens sont valides pendant 20\u00a0minutes\./);
  });

  it('keeps each mail window no longer than a link lives, so a used-up budget always leaves a working link', () => {
    // The mail that used up a window was sent inside it, so it lives until the window ends.
    expect(SIGN_IN_LINK_MAIL_LIMITS.account.windowSeconds).toBeLessThanOrEqual(SIGN_IN_LINK_TTL_SECONDS);
    expect(SIGN_IN_LINK_MAIL_LIMITS.addressAndAccount.windowSeconds).toBeLessThanOrEqual(SIGN_IN_LINK_TTL_SECONDS);
  });
});
