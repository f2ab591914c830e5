import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t?.close());

describe('health and entry points', () => {
  it('answers /healthz and /readyz with the database and migrations checked', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ok', checks: { database: 'ok', migrations: 'ok' } });
  });

  it('sends / to the language the browser prefers', async () => {
    const fr = await t.app.inject({ url: '/', headers: { 'accept-language': 'fr-CA,fr;q=0.9,en;q=0.8' } });
    expect(fr.statusCode).toBe(302);
    expect(fr.headers.location).toBe('/fr/');
    const en = await t.app.inject({ url: '/', headers: { 'accept-language': 'de-DE,en;q=0.5' } });
    expect(en.headers.location).toBe('/en/');
    const none = await t.app.inject('/');
    expect(none.headers.location).toBe('/en/');
  });

  it('renders the home page with the right lang attribute and a link to the other language', async () => {
    const en = await t.app.inject('/en/');
    expect(en.statusCode).toBe(200);
    expect(en.body).toMatch(/^<!doctype html><html lang="en">/);
    expect(en.body).toContain('href="/fr/" hreflang="fr" lang="fr"');
    const fr = await t.app.inject('/fr/');
    expect(fr.body).toMatch(/<html lang="fr">/);
    expect(fr.body).toContain('Passer au contenu principal');
    expect(fr.body).toContain('href="/en/"');
  });

  it('formats dates for en-CA and fr-CA', async () => {
    expect((await t.app.inject('/en/')).body).toContain('April 18, 2019');
    expect((await t.app.inject('/fr/')).body).toContain('18 avril 2019');
  });

  it('sends a strict content security policy with no inline scripts', async () => {
    const res = await t.app.inject('/en/');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.body).not.toMatch(/<script(?![^>]*\bsrc=)/);
  });

  it('answers unknown pages with a 404 in the visitor language, as HTML or problem+json', async () => {
    const html = await t.app.inject('/fr/nowhere');
    expect(html.statusCode).toBe(404);
    expect(html.body).toContain('Page introuvable');
    const api = await t.app.inject({ url: '/api/v1/nowhere', headers: { 'accept-language': 'fr' } });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
    // The API speaks of itself, not of a page (issue 10).
    expect(api.json()).toMatchObject({ status: 404, title: 'Introuvable' });
  });
});

describe('database', () => {
  it('has unaccent and pg_trgm, for accent-insensitive and fuzzy search', async () => {
    const r = await sql<{ u: string; s: number }>`select unaccent('Hôtel Élysée') as u, similarity('sécurité', 'securite') as s`.execute(t.db);
    expect(r.rows[0]!.u).toBe('Hotel Elysee');
    expect(r.rows[0]!.s).toBeGreaterThan(0.2);
  });
});

describe('OpenAPI', () => {
  it('publishes an OpenAPI 3.1 document generated from the route schemas', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    const register = doc.paths['/api/v1/auth/register'].post;
    expect(register.requestBody.content['application/json'].schema.required).toEqual(expect.arrayContaining(['name', 'email', 'password']));
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/me', '/api/v1/admin/outbox', '/healthz']));
  });

  it('renders a readable reference page from that document', async () => {
    const res = await t.app.inject('/en/api');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('/api/v1/auth/sign-in');
    expect(res.body).toContain('Sign in; sets the session cookie');
  });
});
