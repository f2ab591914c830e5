import { loadConfig, type Config } from '../../platform/config.js';
import { openDatabase, type Database } from '../../platform/db/client.js';
import { migrateToLatest } from '../../platform/db/migrate.js';
// The modules' migrations are read from the registry the module list fills.
import '../modules.js';
import { useKeySecret } from '../../platform/signing/index.js';

/**
 * Run a command against the configured database, migrated, and always close it (releasing
 * the data-folder lock) whatever happens.
 */
export async function withDatabase<R>(fn: (database: Database, config: Config) => Promise<R>, opts: { migrate?: boolean } = {}): Promise<R> {
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    useKeySecret(config);
    if (opts.migrate !== false) await migrateToLatest(database.db, config.databaseSchema);
    return await fn(database, config);
  } finally {
    await database.close();
  }
}
