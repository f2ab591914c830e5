import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, signedInClient, type TestApp } from '../helpers/app.js';
import { handleHousekeeping } from '../../src/platform/jobs/housekeeping.js';

/** Sessions and throttles over time: cookies that follow the server's extension, and a nightly purge. */
let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t?.close());

describe('session lifetime and housekeeping', () => {
  it('renews the cookie when the server extends a session, and not on every request', async () => {
    const { client, userId, email } = await signedInClient(t);
    const quiet = await client.get('/en/account');
    expect(quiet.statusCode).toBe(200);
    expect(quiet.cookies.find((c) => c.name === 'concord_session')).toBeUndefined();
    // Two hours later the server extends the session; the browser's cookie must follow.
    await t.db.updateTable('sessions').set({ last_seen_at: new Date(Date.now() - 2 * 3_600_000) }).where('user_id', '=', userId).execute();
    const later = await client.get('/en/account');
    const renewed = later.cookies.find((c) => c.name === 'concord_session');
    expect(renewed?.maxAge).toBe(t.config.sessionDays * 86_400);
    expect(renewed?.httpOnly).toBe(true);
    const account = await client.get('/en/account');
    expect(account.statusCode).toBe(200);
    expect(account.body).toContain(email);
  });

  it('purges expired sessions and finished throttle windows, and keeps the rest', async () => {
    const { userId } = await signedInClient(t);
    const { userId: other } = await signedInClient(t);
    await t.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000) }).where('user_id', '=', userId).execute();
    await t.db.insertInto('throttles').values([
      { key: 'test:old', window_start: new Date(Date.now() - 3 * 86_400_000), count: 3 },
      { key: 'test:fresh', window_start: new Date(), count: 1 },
    ]).execute();
    const purged = await handleHousekeeping({ db: t.db });
    expect(purged.sessions).toBeGreaterThanOrEqual(1);
    expect(purged.throttles).toBeGreaterThanOrEqual(1);
    // The accounts made above moved the installation chain's head: it is signed, once.
    expect(purged.signedHeads).toBeGreaterThanOrEqual(1);
    expect((await handleHousekeeping({ db: t.db })).signedHeads).toBe(0);
    expect(await t.db.selectFrom('sessions').select('id').where('user_id', '=', userId).execute()).toEqual([]);
    expect(await t.db.selectFrom('sessions').select('id').where('user_id', '=', other).execute()).toHaveLength(1);
    const keys = (await t.db.selectFrom('throttles').select('key').where('key', 'like', 'test:%').execute()).map((r) => r.key);
    expect(keys).toEqual(['test:fresh']);
  });
});
