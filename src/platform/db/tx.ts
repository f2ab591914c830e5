import type { Kysely } from 'kysely';
import type { DB } from './schema.js';

/**
 * Run fn in a transaction, joining the caller's when there already is one, so services
 * compose without each asking whether it is nested.
 * @example await inTransaction(db, (trx) => grantRole(trx, …))
 */
export async function inTransaction<R>(db: Kysely<DB>, fn: (trx: Kysely<DB>) => Promise<R>): Promise<R> {
  if (db.isTransaction) return fn(db);
  return db.transaction().execute(fn);
}
