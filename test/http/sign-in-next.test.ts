import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOD_PASSWORD, testApp, uniqueEmail, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';
import { createUser } from '../../src/modules/accounts/accounts.service.js';

let t: TestApp;
let email: string;
beforeAll(async () => {
  t = await testApp();
  email = uniqueEmail('next');
  await createUser(t.db, { email, name: 'Next Person', password: GOOD_PASSWORD });
});
afterAll(async () => t?.close());

/** Sign in with this `next` and answer the Location the site sends back. */
async function locationAfterSignIn(next: string): Promise<string> {
  const c = new Client(t.app);
  await c.get('/en/sign-in');
  const res = await c.post('/en/sign-in', { email, password: GOOD_PASSWORD, next }, { 'x-forwarded-for': '10.11.0.1' });
  expect(res.statusCode).toBe(303);
  return String(res.headers.location);
}

describe('where sign-in leads (next)', () => {
  // Each would send a browser to another site, or run script, if followed as given.
  const hostile = [
    '//evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/%2F%2Fevil.example',
    '/%2f/evil.example',
    '/%5C%5Cevil.example',
    '/.//evil.example',
    '/..//evil.example',
    '/./..//evil.example',
    '/%2e%2e//evil.example',
    '/a/../..//evil.example',
    '\t//evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    ' //evil.example',
    'https://evil.example',
    'HTTPS://evil.example/x',
    'https:evil.example',
    'javascript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'evil.example',
    '',
  ];
  it.each(hostile)('goes to the account page for %j', async (next) => {
    expect(await locationAfterSignIn(next)).toBe('/en/account');
  });

  it('follows a path on this site, with its query and fragment', async () => {
    expect(await locationAfterSignIn('/fr/processes/iot?tab=2#x')).toBe('/fr/processes/iot?tab=2#x');
    expect(await locationAfterSignIn('/en/a/../account/./x')).toBe('/en/account/x');
  });
});
