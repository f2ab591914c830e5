import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { CommentChannel } from './comments.tables.js';
import type { SignalCounts } from './comments.signals.js';

/** Which comments: a period's, or only those in some duplicate groups (one campaign's distinct texts). */
export interface SignalScope {
  periodId: string;
  groupIds?: string[] | undefined;
}

/** The scope's filter: the period (leading every index used), narrowed to groups when given. */
function scoped({ periodId, groupIds }: SignalScope) {
  return groupIds ? sql`period_id = ${periodId} and group_id = any(${groupIds}::uuid[])` : sql`period_id = ${periodId}`;
}

/**
 * SQL for the flood signals. Every statement filters by period and reads what the 0028
 * indexes hold: `comments_arrival (period_id, received_at) include (channel, created_at)` for
 * seconds and channels, `comments_sender (period_id, sender_domain, sender_hash, display_name)`
 * for domains and senders, so a period of millions is counted from its index entries
 * (index-only scans) without reading the comments' texts. Only aggregates come back, at most
 * `limit` rows each: never an email, and no sender hash.
 */
export const signalsRepository = {
  async counts(db: Kysely<DB>, scope: SignalScope, opts: { burstMin: number; limit: number; disposable: readonly string[] }): Promise<SignalCounts> {
    const where = scoped(scope);
    // Seconds since the epoch, whatever the session's time zone; comments from before 0028 arrived when created.
    const seconds = await sql<{ second: Date; count: number }>`
      select to_timestamp(floor(extract(epoch from coalesce(received_at, created_at)))) as second, count(*)::int as count
      from comments where ${where}
      group by 1 having count(*) >= ${opts.burstMin}
      order by count desc, second limit ${opts.limit}`.execute(db);
    const channels = await sql<{ channel: CommentChannel; count: number }>`
      select channel, count(*)::int as count from comments where ${where} group by channel`.execute(db);
    const domains = await sql<{ domain: string; count: number; senders: number }>`
      select sender_domain as domain, count(*)::int as count, count(distinct sender_hash)::int as senders
      from comments where ${where} and sender_hash is not null
      group by sender_domain having count(*) > 1
      order by count desc, domain limit ${opts.limit}`.execute(db);
    const subdomains = opts.disposable.map((d) => `%.${d}`);
    const known = await sql<{ with_sender: number; disposable: number }>`
      select count(*)::int as with_sender,
        (count(*) filter (where sender_domain = any(${[...opts.disposable]}::text[]) or sender_domain like any(${subdomains}::text[])))::int as disposable
      from comments where ${where} and sender_hash is not null`.execute(db);
    // A sender's names compared without case or surrounding spaces ("Ana" and "ana " are one).
    const senders = await sql<{ names: number; comments: number; total: number }>`
      select names, comments, (count(*) over ())::int as total from (
        select count(distinct lower(trim(display_name)))::int as names, count(*)::int as comments
        from comments where ${where} and sender_hash is not null
        group by sender_hash having count(distinct lower(trim(display_name))) > 1
      ) s
      order by names desc, comments desc limit ${opts.limit}`.execute(db);
    return {
      seconds: seconds.rows.map((r) => ({ second: new Date(r.second), count: r.count })),
      channels: channels.rows,
      domains: domains.rows,
      withSender: known.rows[0]?.with_sender ?? 0,
      disposable: known.rows[0]?.disposable ?? 0,
      senders: senders.rows.map((r) => ({ names: r.names, comments: r.comments })),
      sendersWithManyNames: senders.rows[0]?.total ?? 0,
    };
  },
};
