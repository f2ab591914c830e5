import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { CampaignFacetsTable, CampaignGroupsTable, CampaignRunsTable, CampaignsTable } from './campaigns.tables.js';

export type CampaignRun = Selectable<CampaignRunsTable>;
/** A stored campaign, its bigint count read as a number. */
export type CampaignRow = Omit<Selectable<CampaignsTable>, 'member_count'> & { member_count: number };
export type CampaignGroupRow = Selectable<CampaignGroupsTable>;
export type CampaignFacetRow = Omit<Selectable<CampaignFacetsTable>, 'count'> & { count: number };

/** Rows for one period's replacement, ids given. */
export interface PeriodCampaigns {
  run: Omit<CampaignRun, never>;
  campaigns: Omit<CampaignRow, 'period_id' | 'run_id'>[];
  groups: CampaignGroupRow[];
  facets: CampaignFacetRow[];
  /** Each campaign's flood signals, as JSON. */
  signals: { campaign_id: string; json: string }[];
}

/** Rows sent per statement when arrays are unnested (keeps each statement's parameters small). */
const CHUNK = 10_000;
function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

const asCampaign = <R extends { member_count: string | number }>(r: R) => ({ ...r, member_count: Number(r.member_count) });

/** The only SQL of the campaigns module. */
export const campaignsRepository = {
  /**
   * Replace a period's campaigns by a run's, set-based: one delete (groups and facets go with
   * their campaigns), then each table's rows unnested from arrays. Call inside a transaction.
   */
  async replacePeriod(trx: Kysely<DB>, periodId: string, p: PeriodCampaigns): Promise<void> {
    await trx.deleteFrom('campaigns').where('period_id', '=', periodId).execute();
    await trx.insertInto('campaign_runs').values(p.run).execute();
    for (const c of chunks(p.campaigns)) {
      await sql`
        insert into campaigns (id, period_id, run_id, kind, representative_group_id, member_count, text_count, group_count, personalised_count)
        select id, ${periodId}::uuid, ${p.run.id}::uuid, kind, rep, members, texts, groups, personalised
        from unnest(${c.map((x) => x.id)}::uuid[], ${c.map((x) => x.kind)}::text[], ${c.map((x) => x.representative_group_id)}::uuid[],
                    ${c.map((x) => x.member_count)}::bigint[], ${c.map((x) => x.text_count)}::int[], ${c.map((x) => x.group_count)}::int[],
                    ${c.map((x) => x.personalised_count)}::int[]) as x(id, kind, rep, members, texts, groups, personalised)`.execute(trx);
    }
    for (const g of chunks(p.groups)) {
      await sql`
        insert into campaign_groups (group_id, campaign_id, size, personal, personal_offset)
        select * from unnest(${g.map((x) => x.group_id)}::uuid[], ${g.map((x) => x.campaign_id)}::uuid[], ${g.map((x) => x.size)}::int[],
                             ${g.map((x) => x.personal)}::text[], ${g.map((x) => x.personal_offset)}::int[])`.execute(trx);
    }
    for (const f of chunks(p.facets)) {
      await sql`
        insert into campaign_facets (campaign_id, facet, key, count)
        select * from unnest(${f.map((x) => x.campaign_id)}::uuid[], ${f.map((x) => x.facet)}::text[], ${f.map((x) => x.key)}::text[], ${f.map((x) => x.count)}::bigint[])`.execute(trx);
    }
    for (const g of chunks(p.signals)) {
      await sql`
        insert into campaign_signals (campaign_id, signals)
        select id, json::jsonb from unnest(${g.map((x) => x.campaign_id)}::uuid[], ${g.map((x) => x.json)}::text[]) as x(id, json)`.execute(trx);
    }
  },

  /** A campaign's stored flood signals (JSON), or undefined when it was stored without them. */
  async signals(db: Kysely<DB>, campaignId: string): Promise<unknown> {
    const r = await db.selectFrom('campaign_signals').select('signals').where('campaign_id', '=', campaignId).executeTakeFirst();
    return r?.signals;
  },

  /** A period's latest detection run. */
  latestRun(db: Kysely<DB>, periodId: string): Promise<CampaignRun | undefined> {
    return db.selectFrom('campaign_runs').selectAll().where('period_id', '=', periodId).orderBy('id', 'desc').limit(1).executeTakeFirst();
  },

  /** A period's largest campaigns (index campaigns_period_size). */
  async ofPeriod(db: Kysely<DB>, periodId: string, limit: number): Promise<CampaignRow[]> {
    const rows = await db.selectFrom('campaigns').selectAll().where('period_id', '=', periodId).orderBy('member_count', 'desc').orderBy('id').limit(limit).execute();
    return rows.map(asCampaign);
  },

  /** How many campaigns a period has. */
  async countOfPeriod(db: Kysely<DB>, periodId: string): Promise<number> {
    const r = await db.selectFrom('campaigns').select((eb) => eb.fn.countAll<string>().as('n')).where('period_id', '=', periodId).executeTakeFirstOrThrow();
    return Number(r.n);
  },

  async byId(db: Kysely<DB>, id: string): Promise<CampaignRow | undefined> {
    const r = await db.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();
    return r && asCampaign(r);
  },

  /** These campaigns of a period (those that are in it). */
  async byIds(db: Kysely<DB>, periodId: string, ids: string[]): Promise<CampaignRow[]> {
    if (!ids.length) return [];
    const rows = await db.selectFrom('campaigns').selectAll().where('period_id', '=', periodId).where('id', 'in', ids).execute();
    return rows.map(asCampaign);
  },

  /** A campaign's largest groups (index campaign_groups_campaign). */
  variants(db: Kysely<DB>, campaignId: string, limit: number): Promise<CampaignGroupRow[]> {
    return db.selectFrom('campaign_groups').selectAll().where('campaign_id', '=', campaignId).orderBy('size', 'desc').orderBy('group_id').limit(limit).execute();
  },

  /** Every group id of a campaign (for answering it whole). */
  /** The campaign holding each of these groups (those in one). */
  async campaignsOfGroups(db: Kysely<DB>, groupIds: string[]): Promise<{ group_id: string; campaign_id: string }[]> {
    if (!groupIds.length) return [];
    return db.selectFrom('campaign_groups').select(['group_id', 'campaign_id']).where('group_id', 'in', groupIds).execute();
  },

  async groupIds(db: Kysely<DB>, campaignId: string): Promise<string[]> {
    return (await db.selectFrom('campaign_groups').select('group_id').where('campaign_id', '=', campaignId).execute()).map((r) => r.group_id);
  },

  async facets(db: Kysely<DB>, campaignId: string): Promise<CampaignFacetRow[]> {
    const rows = await db.selectFrom('campaign_facets').selectAll().where('campaign_id', '=', campaignId).orderBy('facet').orderBy('key').execute();
    return rows.map((r) => ({ ...r, count: Number(r.count) }));
  },
};
