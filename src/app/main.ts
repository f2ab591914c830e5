import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { Config } from '../platform/config.js';
import { openDatabase, type Database } from '../platform/db/client.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { DEMO_ACCOUNTS, databaseIsEmpty, seedDemo } from './demo/demo.seed.js';
import { smtpTransport, startMailDelivery } from '../modules/mail/index.js';
import { startJobs } from './worker.js';
import { describeKeySecret, useKeySecret } from '../platform/signing/index.js';

/** A running server and how to stop it cleanly. */
export interface Running {
  app: FastifyInstance;
  database: Database;
  url: string;
  stop(): Promise<void>;
}

/**
 * Open the database, migrate, load the demo into an empty database, and listen.
 * The order matters: the app must never serve a half-migrated schema.
 */
export async function startServer(config: Config, out: (line: string) => void = console.log): Promise<Running> {
  const database = await openDatabase(config);
  try {
    await migrateToLatest(database.db, config.databaseSchema);
    let seeded = false;
    if (config.loadDemo && (await databaseIsEmpty(database.db))) {
      await seedDemo(database.db, { baseUrl: config.baseUrl, schema: config.databaseSchema });
      seeded = true;
    }
    const app = await buildApp({ config, db: database.db, engine: database.engine, schema: config.databaseSchema });
    const stopMail = config.smtpUrl ? startMailDelivery(database.db, smtpTransport(config.smtpUrl), config.mailFrom, app.log) : async () => {};
    await app.listen({ port: config.port, host: config.host });
    // Scheduled work (meeting reminders) runs in every app server; pg-boss hands each job to one.
    const stopJobs = await startJobs({ db: database.db, appSchema: config.databaseSchema, baseUrl: config.baseUrl, log: app.log });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = config.baseUrl.includes(`:${config.port}`) ? config.baseUrl.replace(`:${config.port}`, `:${port}`) : config.baseUrl;
    out(`Concord is running at ${url}/`);
    out(`  database: ${database.engine === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)'}`);
    out(`  ${describeKeySecret(useKeySecret(config), database.engine)}`);
    out(`  mail: ${config.smtpUrl ? 'sent by SMTP' : `kept in the outbox at ${url}/en/admin/outbox and \`concord outbox\``}`);
    if (config.loadDemo) {
      out(`  demo sign-in${seeded ? ' (demo data loaded just now)' : ''}:`);
      for (const a of DEMO_ACCOUNTS) out(`    ${a.email} / ${a.password}${a.admin ? '  (administrator)' : ''}`);
    }
    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        await stopJobs();
        await stopMail();
        await app.close();
        await database.close();
      })());
    return { app, database, url, stop };
  } catch (err) {
    await database.close();
    throw err;
  }
}
