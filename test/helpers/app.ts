import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { buildApp, type BuildOptions } from '../../src/app/app.js';
import type { Config } from '../../src/platform/config.js';
import type { Database, DatabaseOptions } from '../../src/platform/db/client.js';
import type { DB } from '../../src/platform/db/schema.js';
import { createUser, grantRole } from '../../src/modules/accounts/accounts.service.js';
import { hashPassword } from '../../src/platform/auth/passwords.js';
import { freshDatabase, testConfig } from './db.js';
import { Client } from './client.js';

/** An app on its own fresh database, and what a test needs around it. */
export interface TestApp {
  app: FastifyInstance;
  db: Kysely<DB>;
  /** The same database with its transaction-with-raw-connection (COPY needs it). */
  database: Database;
  config: Config;
  close(): Promise<void>;
}

/** Build the app for one test file; call close() in afterAll. */
export async function testApp(over: Partial<Config> = {}, opts: BuildOptions = { logger: false }, dbOpts: DatabaseOptions = {}): Promise<TestApp> {
  const { database, config, drop } = await freshDatabase(testConfig(over), dbOpts);
  const app = await buildApp({ config, db: database.db, engine: database.engine, schema: config.databaseSchema }, opts);
  return {
    app,
    db: database.db,
    database,
    config,
    close: async () => {
      await app.close();
      await drop();
    },
  };
}

let counter = 0;
/** A unique email for a test person. */
export function uniqueEmail(prefix = 'person'): string {
  counter++;
  return `${prefix}.${Date.now().toString(36)}${counter}@example.org`;
}

/** A strong password that passes the policy. */
export const GOOD_PASSWORD = 'violet harbour kettle 42';

const hashes = new Map<string, Promise<string>>();
/**
 * A real argon2id hash of the password, made once per worker process and shared by the test
 * people who use it: each hash costs 25–60 ms of a core (19 MiB, 2 passes), and helpers create
 * hundreds of people. Signing in still runs argon2's verify against it; the tests of hashing
 * itself go through the services, which hash every password afresh.
 */
export function testPasswordHash(password: string): Promise<string> {
  let hash = hashes.get(password);
  if (!hash) hashes.set(password, (hash = hashPassword(password)));
  return hash;
}

/** Create a confirmed person (optionally with roles) and return a client signed in as them. */
export async function signedInClient(
  t: TestApp,
  opts: { admin?: boolean; processRoles?: { role: string; processId: string }[]; lang?: 'en' | 'fr' } = {},
): Promise<{ client: Client; userId: string; email: string }> {
  const email = uniqueEmail(opts.admin ? 'admin' : 'member');
  const user = await createUser(t.db, { email, name: 'Test Person', password: GOOD_PASSWORD, passwordHash: await testPasswordHash(GOOD_PASSWORD), admin: opts.admin ?? false });
  for (const r of opts.processRoles ?? []) await grantRole(t.db, { userId: user.id, role: r.role, processId: r.processId, grantedBy: null });
  const client = new Client(t.app);
  const lang = opts.lang ?? 'en';
  await client.get(`/${lang}/sign-in`);
  const res = await client.post(`/${lang}/sign-in`, { email, password: GOOD_PASSWORD });
  if (res.statusCode !== 303) throw new Error(`sign-in failed: ${res.statusCode} ${res.body.slice(0, 300)}`);
  // Land where the browser would: CSRF tokens are bound to the session, so forms need a page fetched after sign-in.
  await client.get(String(res.headers.location));
  return { client, userId: user.id, email };
}
