import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { DispositionOutcome } from './comments.tables.js';
import type { Disposition } from './dispositions.repository.js';

/** Set-based SQL for answering many groups of duplicates at once (a campaign). */
export const groupDispositionsRepository = {
  /** Lock the period's groups among `ids`, in id order (no deadlock between two such answers); returns those found. */
  async lockGroups(trx: Kysely<DB>, periodId: string, ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const r = await sql<{ id: string }>`select id from comment_groups where id = any(${ids}::uuid[]) and period_id = ${periodId} order by id for update`.execute(trx);
    return r.rows.map((x) => x.id);
  },

  /**
   * The visible members these groups' response covers (those without a response of their
   * own), per paragraph and the outcome they count under now (their group's, or none).
   */
  async uncovered(trx: Kysely<DB>, ids: string[]): Promise<{ document_id: string; anchor: string; outcome: DispositionOutcome | null; n: number }[]> {
    const r = await sql<{ document_id: string; anchor: string; outcome: DispositionOutcome | null; n: string }>`
      select c.document_id, coalesce(c.anchor, '') as anchor, d.outcome, count(*) as n
      from comments c
      left join comment_dispositions d on d.group_id = c.group_id
      where c.group_id = any(${ids}::uuid[]) and c.status = 'visible'
        and not exists (select 1 from comment_dispositions od where od.comment_id = c.id)
      group by c.document_id, coalesce(c.anchor, ''), d.outcome`.execute(trx);
    return r.rows.map((x) => ({ ...x, n: Number(x.n) }));
  },

  /** Write one response for each group: new rows take the given ids, existing ones are changed in place. */
  async upsert(
    trx: Kysely<DB>,
    periodId: string,
    groups: { groupId: string; id: string }[],
    f: { outcome: DispositionOutcome; rationale: string; lang: 'en' | 'fr'; decidedBy: string | null; at: Date },
  ): Promise<Disposition[]> {
    const r = await sql<Disposition>`
      insert into comment_dispositions (id, period_id, comment_id, group_id, outcome, rationale, lang, version_id, anchor, decided_by, decided_at, updated_at)
      select x.id, ${periodId}::uuid, null, x.group_id, ${f.outcome}, ${f.rationale}, ${f.lang}, null, null, ${f.decidedBy}::uuid, ${f.at}::timestamptz, ${f.at}::timestamptz
      from unnest(${groups.map((g) => g.id)}::uuid[], ${groups.map((g) => g.groupId)}::uuid[]) as x(id, group_id)
      on conflict (group_id) do update set outcome = excluded.outcome, rationale = excluded.rationale, lang = excluded.lang,
        version_id = null, anchor = null, decided_by = excluded.decided_by, updated_at = excluded.updated_at
      returning *`.execute(trx);
    return r.rows;
  },
};
