import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, type LogConfig } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.js';
import { acquireDataDirLock } from './lock.js';
import { EngineGate } from './engine-gate.js';
import { EngineThread, type EmbeddedEngine } from './engine-thread.js';
import { pglitePoolConfig } from './pglite-connection.js';
import type { DB } from './schema.js';

// Calendar dates stay 'YYYY-MM-DD' strings: pg's default turns them into Dates at local
// midnight, which shifts them a day in any zone west of UTC.
pg.types.setTypeParser(pg.types.builtins.DATE, (v: string) => v);

/**
 * The connection a `Database.transaction` runs on, for the work Kysely cannot express (COPY,
 * see copy.ts): the pooled node-postgres client, or in embedded mode the PGlite instance,
 * whose single session the transaction holds.
 */
export type RawConnection = { engine: 'postgres'; client: pg.PoolClient } | { engine: 'pglite'; lite: EmbeddedEngine };

/** A connected database, whichever engine is behind it. */
export interface Database {
  db: Kysely<DB>;
  engine: 'pglite' | 'postgres';
  /** The embedded engine (PGlite here or in its worker thread; for dumps), otherwise undefined. */
  lite: EmbeddedEngine | undefined;
  /** In a data folder: the turns at the engine's one session, shared with the CLI's socket (pglite-socket.ts). */
  gate?: EngineGate | undefined;
  /**
   * Run fn in one transaction, handing it the Kysely transaction and the raw connection under
   * it, so that a COPY and ordinary queries (an audit event) commit or roll back together.
   * Use `db.transaction()` when you do not need the raw connection. Inside fn, use `trx` only:
   * on PGlite the pool has one connection and fn holds it, so a query on `db` would wait forever.
   * @example await database.transaction(async (trx, raw) => { await copyInto(raw, …); await recordAuditBatch(trx, …); })
   */
  transaction<R>(fn: (trx: Kysely<DB>, raw: RawConnection) => Promise<R>): Promise<R>;
  close(): Promise<void>;
}

/** How to open it: `log` sees every statement (begin and commit included), for tests that count them. */
export interface DatabaseOptions {
  log?: LogConfig;
  /**
   * A data folder dump to start from when the data folder holds no database yet (the prepared
   * demo, src/app/demo/demo-image.ts). A folder that has one is opened as it is.
   */
  startFrom?: Blob;
  /**
   * Embedded mode: run PGlite in a worker thread (engine-thread.ts) rather than this one. The
   * server does, so that a slow statement does not hold every request; tests and short CLI
   * commands keep it here, which starts faster and answers a lone caller as quickly.
   */
  engineThread?: boolean;
}

/** Whether a PGlite data folder holds no database yet (the first start on it). */
export function dataDirIsNew(dataDir: string): boolean {
  return !dataDir.startsWith('memory://') && !fs.existsSync(path.join(dataDir, 'pg'));
}

/**
 * Open the database named by the config: PostgreSQL when DATABASE_URL is set, otherwise
 * PGlite in the data folder (locked against a second process) or in memory (empty, or
 * from `config.pgliteImage`, a data folder dump).
 * Both go through Kysely's PostgresDialect over a node-postgres Pool, so queries, type
 * parsing and transactions behave the same on either engine.
 */
export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir' | 'databaseSchema' | 'pgliteImage'>, opts: DatabaseOptions = {}): Promise<Database> {
  if (config.databaseUrl) {
    const options = config.databaseSchema ? `-c search_path=${config.databaseSchema},public` : undefined;
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 10, ...(options ? { options } : {}) });
    // An idle client that the server drops (a restart, a failover, a test database dropped
    // WITH (FORCE) as the pool closes) makes the pool emit 'error'; unhandled, that would end
    // the process. The pool has already discarded the client and the next query connects anew.
    pool.on('error', () => {});
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), ...(opts.log ? { log: opts.log } : {}) });
    return { db, engine: 'postgres', lite: undefined, transaction: reservedTransaction(pool, opts, (client) => ({ engine: 'postgres', client })), close: () => db.destroy() };
  }
  const inMemory = config.dataDir.startsWith('memory://');
  const release = inMemory ? () => {} : acquireDataDirLock(config.dataDir);
  try {
    // Decided under the lock, so two starts cannot both fill one folder. A folder half-filled by
    // a start that died is left to PGlite, as before: a dump is never loaded over files.
    const startFrom = opts.startFrom && dataDirIsNew(config.dataDir) ? opts.startFrom : undefined;
    const dataDir = inMemory ? undefined : `${config.dataDir}/pg`;
    // A prepared image is for in-memory test databases only: never overwrite a data folder.
    const loadDataDir = startFrom ?? (inMemory ? config.pgliteImage : undefined);
    const lite = opts.engineThread ? await EngineThread.open({ ...(dataDir ? { dataDir } : {}), ...(loadDataDir ? { loadDataDir } : {}) }) : await openInThread(dataDir, loadDataDir);
    return wrapPglite(lite, release, opts, inMemory ? undefined : new EngineGate());
  } catch (err) {
    release();
    throw err;
  }
}

/** PGlite in this thread, with the extensions the migrations create. */
async function openInThread(dataDir: string | undefined, loadDataDir: Blob | undefined): Promise<EmbeddedEngine> {
  // Imported here: a CLI command that reaches a running server's socket never loads PGlite.
  const [{ PGlite }, { pg_trgm }, { unaccent }] = await Promise.all([import('@electric-sql/pglite'), import('@electric-sql/pglite/contrib/pg_trgm'), import('@electric-sql/pglite/contrib/unaccent')]);
  return PGlite.create({ ...(dataDir ? { dataDir } : {}), ...(loadDataDir ? { loadDataDir } : {}), extensions: { unaccent, pg_trgm } });
}

/** Put Kysely over an existing PGlite instance (used by tests that load a prepared image). */
export function wrapPglite(lite: EmbeddedEngine, release: () => void = () => {}, opts: DatabaseOptions = {}, gate?: EngineGate): Database {
  const pool = new pg.Pool(pglitePoolConfig(lite, gate));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), ...(opts.log ? { log: opts.log } : {}) });
  return {
    db,
    engine: 'pglite',
    lite,
    gate,
    transaction: reservedTransaction(pool, opts, () => ({ engine: 'pglite', lite })),
    close: async () => {
      await db.destroy();
      await lite.close();
      release();
    },
  };
}

/**
 * Database.transaction: reserve one client from the pool, put a Kysely over that client alone
 * (with the database's log settings, so statement counts still see it), and run the
 * transaction there. Kysely never hands out its connections, so this is how a caller gets the
 * transaction's own client. A client whose transaction failed is closed rather than returned
 * to the pool: it may have failed in the middle of a COPY.
 */
function reservedTransaction(pool: pg.Pool, opts: DatabaseOptions, raw: (client: pg.PoolClient) => RawConnection): Database['transaction'] {
  return async (fn) => {
    const client = await pool.connect();
    const reserved = new Kysely<DB>({
      dialect: new PostgresDialect({ pool: { connect: async () => ({ query: client.query.bind(client), release: () => {} }), end: async () => {} } }),
      ...(opts.log ? { log: opts.log } : {}),
    });
    let failure: Error | undefined;
    try {
      return await reserved.transaction().execute((trx) => fn(trx, raw(client)));
    } catch (err) {
      failure = err instanceof Error ? err : new Error(String(err));
      throw err;
    } finally {
      await reserved.destroy();
      client.release(failure);
    }
  };
}
