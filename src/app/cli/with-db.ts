import { loadConfig, type Config } from '../../platform/config.js';
import { openDatabase, type Database } from '../../platform/db/client.js';
import { lockHolder } from '../../platform/db/lock.js';
import { socketDir, socketPresent } from '../../platform/db/pglite-socket.js';
import { useKeySecret } from '../../platform/signing/index.js';

/**
 * The database a command runs against: the configured PostgreSQL; or, in embedded mode while
 * a server holds the data folder, that server's database through its socket (it migrated it);
 * or the data folder itself, opened here.
 */
async function open(config: Config): Promise<{ database: Database; viaServer: boolean }> {
  if (!config.databaseUrl && !config.dataDir.startsWith('memory://') && lockHolder(config.dataDir) && socketPresent(config.dataDir)) {
    const url = `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(socketDir(config.dataDir))}`;
    return { database: await openDatabase({ ...config, databaseUrl: url }), viaServer: true };
  }
  return { database: await openDatabase(config), viaServer: false };
}

/**
 * Run a command against the configured database, migrated, and always close it (releasing
 * the data-folder lock) whatever happens.
 */
export async function withDatabase<R>(fn: (database: Database, config: Config) => Promise<R>, opts: { migrate?: boolean } = {}): Promise<R> {
  const config = loadConfig();
  const { database, viaServer } = await open(config);
  try {
    useKeySecret(config);
    if (opts.migrate !== false && !viaServer) {
      // The modules' migrations are read from the registry the module list fills: loaded only
      // here, so a command on a running server's database does not load every module.
      const [{ migrateToLatest }] = await Promise.all([import('../../platform/db/migrate.js'), import('../modules.js')]);
      await migrateToLatest(database.db, config.databaseSchema);
    }
    return await fn(database, config);
  } finally {
    await database.close();
  }
}
