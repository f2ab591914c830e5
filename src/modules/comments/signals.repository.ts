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

  /**
   * The same counts for several sets of duplicate groups at once (a period's campaigns, when
   * detection stores them): each statement reads the sets' comments once through
   * `comments_by_group`, and keeps the largest `limit` rows of each set by a window.
   * `groupIds[i]` belongs to set `sets[i]`; a set with no comment has no entry.
   */
  async setCounts(
    db: Kysely<DB>,
    periodId: string,
    groupIds: string[],
    sets: number[],
    opts: { burstMin: number; limit: number; disposable: readonly string[] },
  ): Promise<Map<number, SignalCounts>> {
    const out = new Map<number, SignalCounts>();
    if (!groupIds.length) return out;
    const of = (set: number): SignalCounts => {
      let c = out.get(set);
      if (!c) out.set(set, (c = { seconds: [], channels: [], domains: [], withSender: 0, disposable: 0, senders: [], sendersWithManyNames: 0 }));
      return c;
    };
    const members = sql`(select x.set, c.* from unnest(${groupIds}::uuid[], ${sets}::int[]) as x(group_id, set)
      join comments c on c.group_id = x.group_id where c.period_id = ${periodId})`;
    const channels = await sql<{ set: number; channel: CommentChannel; count: number }>`
      select set, channel, count(*)::int as count from ${members} m group by set, channel`.execute(db);
    for (const r of channels.rows) of(r.set).channels.push({ channel: r.channel, count: r.count });
    const seconds = await sql<{ set: number; second: Date; count: number }>`
      select set, second, count from (
        select set, second, count, row_number() over (partition by set order by count desc, second) as rank from (
          select set, to_timestamp(floor(extract(epoch from coalesce(received_at, created_at)))) as second, count(*)::int as count
          from ${members} m group by 1, 2 having count(*) >= ${opts.burstMin}) s) r
      where rank <= ${opts.limit}`.execute(db);
    for (const r of seconds.rows) of(r.set).seconds.push({ second: new Date(r.second), count: r.count });
    const domains = await sql<{ set: number; domain: string; count: number; senders: number }>`
      select set, domain, count, senders from (
        select set, domain, count, senders, row_number() over (partition by set order by count desc, domain) as rank from (
          select set, sender_domain as domain, count(*)::int as count, count(distinct sender_hash)::int as senders
          from ${members} m where sender_hash is not null group by set, sender_domain having count(*) > 1) d) r
      where rank <= ${opts.limit}`.execute(db);
    for (const r of domains.rows) of(r.set).domains.push({ domain: r.domain, count: r.count, senders: r.senders });
    const subdomains = opts.disposable.map((d) => `%.${d}`);
    const known = await sql<{ set: number; with_sender: number; disposable: number }>`
      select set, count(*)::int as with_sender,
        (count(*) filter (where sender_domain = any(${[...opts.disposable]}::text[]) or sender_domain like any(${subdomains}::text[])))::int as disposable
      from ${members} m where sender_hash is not null group by set`.execute(db);
    for (const r of known.rows) Object.assign(of(r.set), { withSender: r.with_sender, disposable: r.disposable });
    const senders = await sql<{ set: number; names: number; comments: number; total: number }>`
      select set, names, comments, total from (
        select set, names, comments, (count(*) over (partition by set))::int as total,
               row_number() over (partition by set order by names desc, comments desc) as rank from (
          select set, count(distinct lower(trim(display_name)))::int as names, count(*)::int as comments
          from ${members} m where sender_hash is not null
          group by set, sender_hash having count(distinct lower(trim(display_name))) > 1) s) r
      where rank <= ${opts.limit}`.execute(db);
    for (const r of senders.rows) {
      const c = of(r.set);
      c.senders.push({ names: r.names, comments: r.comments });
      c.sendersWithManyNames = r.total;
    }
    return out;
  },
};
