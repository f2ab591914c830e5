import { type Kysely, type Selectable, sql } from 'kysely';
import type { DB } from '../db/schema.js';
import type { SigningKeysTable } from './signing.tables.js';

/** Advisory lock key serialising key creation and rotation across app servers. */
const KEYS_LOCK = 7263015;

/** A stored key row. */
export type SigningKeyRow = Selectable<SigningKeysTable>;

/** SQL for the key store. */
export const keysRepository = {
  /** Hold the key-store lock until the transaction ends. */
  async lock(trx: Kysely<DB>): Promise<void> {
    await sql`select pg_advisory_xact_lock(${KEYS_LOCK})`.execute(trx);
  },

  async active(db: Kysely<DB>): Promise<SigningKeyRow | undefined> {
    return db.selectFrom('signing_keys').selectAll().where('status', '=', 'active').executeTakeFirst();
  },

  async byKid(db: Kysely<DB>, kid: string): Promise<SigningKeyRow | undefined> {
    return db.selectFrom('signing_keys').selectAll().where('kid', '=', kid).executeTakeFirst();
  },

  /** Every key, newest first, without the sealed private halves. */
  async listPublic(db: Kysely<DB>): Promise<Omit<SigningKeyRow, 'private_enc'>[]> {
    return db.selectFrom('signing_keys').select(['kid', 'alg', 'public_jwk', 'status', 'created_at', 'retired_at']).orderBy('created_at', 'desc').orderBy('kid').execute();
  },

  async retireActive(trx: Kysely<DB>, at: Date): Promise<string | undefined> {
    const row = await trx.updateTable('signing_keys').set({ status: 'retired', retired_at: at }).where('status', '=', 'active').returning('kid').executeTakeFirst();
    return row?.kid;
  },

  async insert(trx: Kysely<DB>, row: Omit<SigningKeyRow, 'retired_at'>): Promise<void> {
    await trx.insertInto('signing_keys').values(row).execute();
  },
};
