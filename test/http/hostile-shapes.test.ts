import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient, testApp, type TestApp } from '../helpers/app.js';
import { adminActor, makeProcess } from '../helpers/factories.js';
import type { Client } from '../helpers/client.js';

/**
 * The inputs an outside review found answering 500, each now a 4xx in the reader's language.
 * test/http/hostile-input.test.ts sends such values to every route; these name the cases.
 */
let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await testApp();
  await makeProcess(t.db, await adminActor(t.db), 'shapes');
  admin = (await signedInClient(t, { admin: true, lang: 'fr' })).client;
});
afterAll(async () => t?.close());

const tampered = Buffer.from(JSON.stringify({ name: 'x', id: 'not-a-uuid' })).toString('base64url');

describe('hostile shapes answer 4xx in the reader’s language', () => {
  it('refuses rows of a form sent as text or named by words', async () => {
    await admin.get('/fr/processes/new');
    for (const fields of [{ phases: 'abc' }, { 'phases[abc][kind]': 'x' }, { 'phases[0]': 'abc' }] as Record<string, string>[]) {
      const res = await admin.post('/fr/processes/new', { slug: 'nouveau', titleEn: 'New', titleFr: 'Nouveau', ...fields });
      expect(res.statusCode, JSON.stringify(fields)).toBe(400);
      expect(res.body).toContain('sous une forme que nos pages n’envoient jamais');
    }
    await admin.get('/fr/processes/shapes/stakeholder-groups');
    expect((await admin.post('/fr/processes/shapes/stakeholder-groups', { groups: 'abc' })).statusCode).toBe(400);
  });

  it('refuses a tampered members cursor on the page and in the API', async () => {
    const page = await admin.get(`/fr/processes/shapes/participants?after=${tampered}`);
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('Ce lien de page n’est plus valide');
    const api = await admin.json('GET', `/api/v1/processes/shapes/members?after=${tampered}`);
    expect(api.statusCode).toBe(400);
  });

  it('refuses a join body that is not an object', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/processes/shapes/members', headers: { cookie: admin.cookieHeader(), 'content-type': 'application/json' }, payload: 'null' });
    expect(res.statusCode).toBe(400);
  });

  it('reads a repeated query parameter as one value', async () => {
    const res = await admin.get('/fr/processes/shapes/comment-periods/new?document=a&document=b');
    expect(res.statusCode).toBe(404);
  });
});
