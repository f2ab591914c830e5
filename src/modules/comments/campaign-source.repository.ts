import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

/** A distinct text of a period: a comment group with its listed comment's text and its size. */
export interface PeriodText {
  groupId: string;
  /** The group's key (keyset cursor: unique in the period, indexed with it). */
  key: string;
  size: number;
  text: string;
}

/** Members of a set of groups counted one way: by stakeholder group (id or ''), channel ('web' | 'api' | 'bulk', as each comment arrived) or day (YYYY-MM-DD in the period's zone). */
export interface SetBreakdownRow {
  set: number;
  facet: 'group' | 'channel' | 'day';
  key: string;
  n: number;
}

/** The text of one group, for showing a campaign's variants. */
export interface GroupText {
  groupId: string;
  primaryCommentId: string;
  text: string;
  lang: 'en' | 'fr';
  size: number;
}

/** SQL the campaigns module needs from the comments' tables, reached only through the face. */
export const campaignSourceRepository = {
  /** A page of a period's groups that hold a listed comment, in key order after `after`. */
  async textsPage(db: Kysely<DB>, periodId: string, after: string | null, limit: number): Promise<PeriodText[]> {
    let q = db
      .selectFrom('comment_groups as g')
      .innerJoin('comments as c', 'c.id', 'g.primary_comment_id')
      .select(['g.id as groupId', 'g.body_hash as key', 'g.size', 'c.body as text'])
      .where('g.period_id', '=', periodId)
      .where('g.size', '>', 0);
    if (after !== null) q = q.where('g.body_hash', '>', after);
    return q.orderBy('g.body_hash').limit(limit).execute();
  },

  /**
   * Visible members of each set of groups, counted by stakeholder group, channel and day in
   * one pass (grouping sets). `groupIds[i]` belongs to set `sets[i]`.
   */
  async breakdown(db: Kysely<DB>, periodId: string, groupIds: string[], sets: number[]): Promise<SetBreakdownRow[]> {
    if (!groupIds.length) return [];
    const r = await sql<{ set: number; sg: string | null; channel: string | null; day: string | null; n: string; g_sg: number; g_channel: number }>`
      with x as (select * from unnest(${groupIds}::uuid[], ${sets}::int[]) as x(group_id, set)),
      m as (
        select x.set, coalesce(c.stakeholder_group_id::text, '') as sg, c.channel,
               to_char((c.created_at at time zone p.time_zone)::date, 'YYYY-MM-DD') as day
        from x join comments c on c.group_id = x.group_id
        join comment_periods p on p.id = c.period_id
        where c.period_id = ${periodId} and c.status = 'visible'
      )
      select set, sg, channel, day, count(*) as n, grouping(sg) as g_sg, grouping(channel) as g_channel
      from m group by grouping sets ((set, sg), (set, channel), (set, day))`.execute(db);
    return r.rows.map((row) =>
      row.g_sg === 0
        ? { set: row.set, facet: 'group' as const, key: row.sg ?? '', n: Number(row.n) }
        : row.g_channel === 0
          ? { set: row.set, facet: 'channel' as const, key: row.channel ?? 'web', n: Number(row.n) }
          : { set: row.set, facet: 'day' as const, key: row.day ?? '', n: Number(row.n) },
    );
  },

  /** The listed comment's text of each group (those that have one). */
  async groupTexts(db: Kysely<DB>, groupIds: string[]): Promise<GroupText[]> {
    if (!groupIds.length) return [];
    return db
      .selectFrom('comment_groups as g')
      .innerJoin('comments as c', 'c.id', 'g.primary_comment_id')
      .select(['g.id as groupId', 'c.id as primaryCommentId', 'c.body as text', 'c.lang', 'g.size'])
      .where('g.id', 'in', groupIds)
      .execute();
  },
};
