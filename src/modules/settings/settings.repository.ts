import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { randomToken } from '../../platform/lib/crypto.js';

/** SQL for installation-wide settings. */
export const settingsRepository = {
  /**
   * Read a secret, creating it on first use. Kept in the database so that every app server
   * behind a load balancer signs cookies with the same key, and a restore brings it back.
   */
  async secret(db: Kysely<DB>, key: string): Promise<string> {
    await db.insertInto('settings').values({ key, value: randomToken() }).onConflict((oc) => oc.column('key').doNothing()).execute();
    const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirstOrThrow();
    return row.value;
  },

  /**
   * Drop every secret, so the next `secret()` makes new ones: a database loaded from the
   * prepared demo image must not sign cookies with the key of the installation it was dumped from.
   */
  async forgetSecrets(db: Kysely<DB>): Promise<void> {
    await db.deleteFrom('settings').execute();
  },
};
