import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient, testApp, uniqueEmail, GOOD_PASSWORD, type TestApp } from '../helpers/app.js';

/**
 * Issue 10: names and titles keep no right-to-left overrides or invisible characters, so nobody
 * registers as the administrator's exact name with a zero-width space, or reverses a title.
 */
let t: TestApp;

beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t?.close());

describe('names and titles through the API', () => {
  it('stores an account name without hidden characters, and refuses one made only of them', async () => {
    const email = uniqueEmail('spoof');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { email, name: 'Site\u200B Admin\u202Eistrator', password: GOOD_PASSWORD } });
    expect(res.statusCode).toBe(202);
    const user = await t.db.selectFrom('users').select('name').where('email', '=', email).executeTakeFirstOrThrow();
    expect(user.name).toBe('Site Administrator');

    const empty = await t.app.inject({ method: 'POST', url: '/api/v1/auth/register', headers: { 'accept-language': 'fr' }, payload: { email: uniqueEmail('spoof'), name: '\u200B\u2066\u2069', password: GOOD_PASSWORD } });
    expect(empty.statusCode).toBe(400);
    expect(Object.keys(empty.json().errors)).toContain('name');
  });

  it('stores an organisation name the same way', async () => {
    const { client } = await signedInClient(t);
    const res = await client.json('POST', '/api/v1/organisations', { name: 'Acme\u202E Devices\u200D', sector: 'private_sector', country: 'CA' });
    expect(res.statusCode).toBe(201);
    expect(res.json().name).toBe('Acme Devices');
  });
});
