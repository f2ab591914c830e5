import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

/** Rows per statement when arrays are unnested (keeps each statement's parameters small). */
const CHUNK = 10_000;

/** The SQL of campaign folding: which groups a detection put in campaigns, and which it folded. */
export const campaignFoldsRepository = {
  /** Undo a period's last folding: its groups leave their campaigns, its folded comments unfold. */
  async clear(trx: Kysely<DB>, periodId: string): Promise<void> {
    await sql`update comments set folded = false where period_id = ${periodId} and folded`.execute(trx);
    await sql`update comment_groups set campaign_id = null, folded = false where period_id = ${periodId} and campaign_id is not null`.execute(trx);
  },

  /** Put groups in their campaigns, folded or not (the representative is not), and fold their listed comments. */
  async fold(trx: Kysely<DB>, periodId: string, rows: { groupId: string; campaignId: string; folded: boolean }[]): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK) {
      const c = rows.slice(i, i + CHUNK);
      await sql`
        update comment_groups g set campaign_id = x.campaign_id, folded = x.folded
        from unnest(${c.map((r) => r.groupId)}::uuid[], ${c.map((r) => r.campaignId)}::uuid[], ${c.map((r) => r.folded)}::boolean[]) as x(group_id, campaign_id, folded)
        where g.id = x.group_id and g.period_id = ${periodId}`.execute(trx);
      const folded = c.filter((r) => r.folded).map((r) => r.groupId);
      if (folded.length)
        await sql`
          update comments c set folded = true
          from unnest(${folded}::uuid[]) as f(group_id)
          where c.group_id = f.group_id and c.period_id = ${periodId} and c.listed`.execute(trx);
    }
  },

  async setFoldedTexts(trx: Kysely<DB>, periodId: string, n: number): Promise<void> {
    await trx.updateTable('comment_periods').set({ folded_texts: n }).where('id', '=', periodId).execute();
  },
};
