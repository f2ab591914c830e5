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
  /**
   * Count one attempt and say whether it may go ahead, in one statement: parallel attempts
   * each get their own count, so exactly `max` go through in a window (checking first and
   * counting afterwards let 25 parallel guesses through 8 checks instead of 5).
   */
  async take(db: Kysely<DB>, key: string, limit: Limit): Promise<ThrottleState> {
    const now = new Date();
    const windowStartCutoff = new Date(now.getTime() - limit.windowSeconds * 1000);
    const row = await db
      .insertInto('throttles')
      .values({ key, window_start: now, count: 1 })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          count: sql`case when throttles.window_start <= ${windowStartCutoff} then 1 else throttles.count + 1 end`,
          window_start: sql`case when throttles.window_start <= ${windowStartCutoff} then ${now} else throttles.window_start end`,
        }),
      )
      .returning(['count', 'window_start'])
      .executeTakeFirstOrThrow();
    if (row.count <= limit.max) return { limited: false };
    const ends = row.window_start.getTime() + limit.windowSeconds * 1000;
    return { limited: true, retryAfterSeconds: Math.max(1, Math.ceil((ends - now.getTime()) / 1000)) };
  },

  /** Give back one attempt (a successful sign-in does not use up its address's budget). */
  async refund(db: Kysely<DB>, key: string): Promise<void> {
    await db.updateTable('throttles').set({ count: sql`greatest(count - 1, 0)` }).where('key', '=', key).execute();
  },

  /** Forget windows that started before `before` (housekeeping); returns how many. */
  async purge(db: Kysely<DB>, before: Date): Promise<number> {
    const r = await db.deleteFrom('throttles').where('window_start', '<', before).executeTakeFirst();
    return Number(r.numDeletedRows);
  },

  /** Forget a key (after a successful sign-in, the account's failures no longer count). */
  async clear(db: Kysely<DB>, key: string): Promise<void> {
    await db.deleteFrom('throttles').where('key', '=', key).execute();
  },
};
