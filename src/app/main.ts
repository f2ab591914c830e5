import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { Config } from '../platform/config.js';
import { dataDirIsNew, openDatabase, type Database } from '../platform/db/client.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { serveSocket } from '../platform/db/pglite-socket.js';
import { DEMO_ACCOUNTS, databaseIsEmpty, seedDemo } from './demo/demo.seed.js';
import { demoImageFile, demoImageKey, readDemoImage, writeDemoImage } from './demo/demo-image.js';
import { settingsRepository } from '../modules/settings/index.js';
import { smtpTransport, startMailDelivery } from '../modules/mail/index.js';
import { startJobs } from './worker.js';
import { describeKeySecret, useKeySecret } from '../platform/signing/index.js';

/** Why `serve --no-jobs` is refused on the embedded database. */
export const NO_JOBS_NEEDS_POSTGRES =
  '--no-jobs (CONCORD_JOBS=0) needs PostgreSQL (DATABASE_URL): the embedded database (PGlite) belongs to the one server process that opened its data folder, so no `concord worker` could reach it and the jobs would never run. Start `concord serve` without it.';

/** A running server and how to stop it cleanly. */
export interface Running {
  app: FastifyInstance;
  database: Database;
  url: string;
  /** Settles once the demo is in place (at once unless it is being seeded in the background). */
  demoReady: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Open the database, migrate, and listen, with the demo in an empty database.
 * The order matters: the app must never serve a half-migrated schema, nor a half-seeded demo.
 *
 * The demo comes the quick way when it can: a new data folder starts from the prepared image
 * (src/app/demo/demo-image.ts), a dump made by an earlier first start on this machine. Without
 * one, the server listens at once and answers "the demo is being loaded" (503) while seeding
 * runs, then writes the image for the next first start and opens.
 */
export async function startServer(config: Config, out: (line: string) => void = console.log): Promise<Running> {
  // Nobody else could work them: the embedded database belongs to this one process.
  if (!config.runJobs && !config.databaseUrl) throw new Error(NO_JOBS_NEEDS_POSTGRES);
  const imageFile = config.loadDemo && !config.databaseUrl && dataDirIsNew(config.dataDir) ? demoImageFile(config.cacheDir, demoImageKey(config.baseUrl)) : undefined;
  const image = imageFile ? readDemoImage(imageFile) : undefined;
  // The engine in its own thread, so that a slow statement does not hold every request (engine-thread.ts).
  const database = await openDatabase(config, { engineThread: true, ...(image ? { startFrom: image } : {}) });
  try {
    // The dump carries the cookie secret of the start that made it: this install makes its own.
    if (image) await settingsRepository.forgetSecrets(database.db);
    await migrateToLatest(database.db, config.databaseSchema);
    const seeding = config.loadDemo && (await databaseIsEmpty(database.db));
    let loading = seeding;
    const app = await buildApp({ config, db: database.db, engine: database.engine, schema: config.databaseSchema }, seeding ? { demoLoading: () => loading } : {});
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = config.baseUrl.includes(`:${config.port}`) ? config.baseUrl.replace(`:${config.port}`, `:${port}`) : config.baseUrl;
    out(`Concord is running at ${url}/`);
    out(`  database: ${database.engine === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)'}`);
    out(`  ${describeKeySecret(useKeySecret(config), database.engine)}`);
    out(`  jobs: ${config.runJobs ? 'worked here (and by any `concord worker`)' : 'left to `concord worker` processes (--no-jobs / CONCORD_JOBS=0)'}`);
    out(`  mail: ${config.smtpUrl ? 'sent by SMTP' : `kept in the outbox at ${url}/en/admin/outbox and \`concord outbox\``}`);
    if (config.loadDemo) {
      const how = image ? ' (demo data loaded from the prepared image)' : seeding ? ' (the demo is being loaded: its pages say so until it is ready)' : '';
      out(`  demo sign-in${how}:`);
      for (const a of DEMO_ACCOUNTS) out(`    ${a.email} / ${a.password}${a.admin ? '  (administrator)' : ''}`);
    }
    let stopMail = async () => {};
    let stopJobs = async () => {};
    let stopSocket = async () => {};
    // Mail, jobs and the CLI's socket start once the demo is in: they read and write what seeding writes.
    const startWork = async () => {
      // Embedded mode: the CLI reaches this database through the data folder's socket.
      if (database.lite && database.gate) stopSocket = await serveSocket(database.lite, database.gate, config.dataDir);
      stopMail = config.smtpUrl ? startMailDelivery(database.db, smtpTransport(config.smtpUrl), config.mailFrom, app.log) : async () => {};
      // Scheduled work (meeting reminders) runs in every app server; pg-boss hands each job to one.
      // `serve --no-jobs` (CONCORD_JOBS=0) leaves them to dedicated `concord worker` processes.
      if (config.runJobs) stopJobs = await startJobs({ db: database.db, database, appSchema: config.databaseSchema, baseUrl: config.baseUrl, log: app.log });
    };
    const demoReady = seeding
      ? (async () => {
          const started = performance.now();
          await seedDemo(database.db, { baseUrl: config.baseUrl, schema: config.databaseSchema });
          if (imageFile && database.lite) {
            try {
              await writeDemoImage(database.lite, imageFile);
            } catch (err) {
              // Only the next first start is slower without it.
              app.log.warn({ err }, 'the prepared demo image could not be written');
            }
          }
          loading = false;
          await startWork();
          out(`  the demo is loaded (${((performance.now() - started) / 1000).toFixed(1)} s)${imageFile ? '; later first starts on this machine load it from the prepared image' : ''}`);
        })()
      : startWork();
    // A failed seeding leaves the loading page up; say why rather than dying silently.
    if (seeding) demoReady.catch((err: unknown) => app.log.error({ err }, 'loading the demo failed'));
    else await demoReady;
    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        // Seeding holds the database: let it finish (or fail) before closing under it.
        await demoReady.catch(() => {});
        await stopSocket();
        await stopJobs();
        await stopMail();
        await app.close();
        await database.close();
      })());
    return { app, database, url, demoReady, stop };
  } catch (err) {
    await database.close();
    throw err;
  }
}
