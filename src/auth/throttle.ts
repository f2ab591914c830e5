import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';

/** A fixed-window limit: at most `max` events per `windowSeconds` for one key. */
export interface Limit {
  max: number;
  windowSeconds: number;
}

/** The answer to "may this go ahead?", with when to try again when not. */
export type ThrottleState = { limited: false } | { limited: true; retryAfterSeconds: number };

/**
 * Throttles live in the database, not in process memory, so every app server behind a load
 * balancer sees the same counts and a restart does not reset an attacker's budget.
 */
export const throttle = {
  /** Has this key used up its window? Does not count an attempt. */
  async check(db: Kysely<DB>, key: string, limit: Limit): Promise<ThrottleState> {
    const row = await db.selectFrom('throttles').select(['window_start', 'count']).where('key', '=', key).executeTakeFirst();
    if (!row) return { limited: false };
    const ends = row.window_start.getTime() + limit.windowSeconds * 1000;
    if (ends <= Date.now() || row.count < limit.max) return { limited: false };
    return { limited: true, retryAfterSeconds: Math.max(1, Math.ceil((ends - Date.now()) / 1000)) };
  },

  /** Count one event against the key, opening a new window when the old one has ended. */
  async hit(db: Kysely<DB>, key: string, limit: Limit): Promise<void> {
    const now = new Date();
    const windowStartCutoff = new Date(now.getTime() - limit.windowSeconds * 1000);
    await db
      .insertInto('throttles')
      .values({ key, window_start: now, count: 1 })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          count: sql`case when throttles.window_start <= ${windowStartCutoff} then 1 else throttles.count + 1 end`,
          window_start: sql`case when throttles.window_start <= ${windowStartCutoff} then ${now} else throttles.window_start end`,
        }),
      )
      .execute();
  },

  /** Forget a key (after a successful sign-in, the account's failures no longer count). */
  async clear(db: Kysely<DB>, key: string): Promise<void> {
    await db.deleteFrom('throttles').where('key', '=', key).execute();
  },
};
