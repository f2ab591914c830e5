import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { inTransaction } from '../../platform/db/tx.js';
import { newId } from '../../platform/lib/ids.js';
import { QUEUES, enqueue } from '../../platform/jobs/queue.js';
import {
  foldCampaigns,
  foldCounters,
  groupSetBreakdown,
  groupTexts,
  pendingCopies,
  pendingCopiesOfCampaigns,
  periodExists,
  periodTexts,
  setsFloodSignals,
  signalsFromJson,
  type CampaignCount,
  type GroupText,
  type Signals,
} from '../comments/index.js';
import { detectCampaigns } from './campaigns.detect.js';
import { MINHASH_SEEDS, NEAR_THRESHOLD } from './campaigns.minhash.js';
import { campaignsRepository as repo, type CampaignFacetRow, type CampaignGroupRow, type CampaignRow, type CampaignRun } from './campaigns.repository.js';
import { seedsHex, toCampaigns, type CampaignDraft, type TextGroup } from './campaigns.store.js';

/** The detector's version, stored with each run. */
export const CAMPAIGN_ALGORITHM = 'concord-campaigns/1';

/** What a detection job found. */
export interface DetectionResult {
  runId: string;
  texts: number;
  campaigns: CampaignDraft[];
}

/**
 * Detect a period's campaigns over its distinct texts and replace the stored ones in one
 * transaction (the run, the campaigns, their groups and breakdowns). Safe to run twice.
 * A comment arriving while the texts are read and the run is written is counted by the next
 * run; one arriving after is followed by the trigger on the group's size.
 * @example await detectPeriodCampaigns(db, periodId)
 */
export async function detectPeriodCampaigns(db: Kysely<DB>, periodId: string, opts: { now?: () => Date } = {}): Promise<DetectionResult> {
  if (!(await periodExists(db, periodId))) throw new HttpProblem(404, 'campaigns.errors.noSuchPeriod', { id: periodId });
  const now = opts.now ?? (() => new Date());
  const startedAt = now();
  // Group sizes are read as stored: fold the copies that arrived one at a time first (a surge
  // writes them as deltas), so each campaign starts from its exact count.
  await foldCounters(db);
  const texts: TextGroup[] = [];
  for await (const page of periodTexts(db, periodId)) for (const t of page) texts.push({ groupId: t.groupId, size: t.size, text: t.text });
  const drafts = toCampaigns(
    texts,
    detectCampaigns(
      texts.map((t) => t.text),
      { nearThreshold: NEAR_THRESHOLD },
    ),
  );
  const runId = newId(startedAt.getTime());
  const ids = drafts.map(() => newId(startedAt.getTime()));
  const groupIds = drafts.flatMap((d) => d.groups.map((g) => g.groupId));
  const sets = drafts.flatMap((d, i) => d.groups.map(() => i));
  const breakdown = await groupSetBreakdown(db, periodId, groupIds, sets);
  const facets: CampaignFacetRow[] = breakdown.map((b) => ({ campaign_id: ids[b.set]!, facet: b.facet, key: b.key, count: b.n }));
  // Counted now, like the breakdowns, so a campaign's page never reads its comments.
  const signals = [...(await setsFloodSignals(db, periodId, groupIds, sets))].map(([set, s]) => ({ campaign_id: ids[set]!, json: JSON.stringify(s) }));
  const groups: CampaignGroupRow[] = drafts.flatMap((d, i) => d.groups.map((g) => ({ group_id: g.groupId, campaign_id: ids[i]!, size: g.size, personal: g.personal, personal_offset: g.personalOffset })));
  await inTransaction(db, async (trx) => {
    // The listing and the report show each campaign once from the same transaction on.
    await foldCampaigns(
      trx,
      periodId,
      drafts.map((d, i) => ({ id: ids[i]!, representativeGroupId: d.representativeGroupId, groupIds: d.groups.map((g) => g.groupId) })),
    );
    await repo.replacePeriod(trx, periodId, {
      run: { id: runId, period_id: periodId, started_at: startedAt, finished_at: now(), algorithm: CAMPAIGN_ALGORITHM, minhash_seeds: seedsHex(MINHASH_SEEDS), near_threshold: NEAR_THRESHOLD, texts: texts.length, campaigns: drafts.length },
      campaigns: drafts.map((d, i) => ({
        id: ids[i]!,
        kind: d.kind,
        representative_group_id: d.representativeGroupId,
        member_count: d.memberCount,
        text_count: d.textCount,
        group_count: d.groupCount,
        personalised_count: d.personalisedCount,
      })),
      groups,
      facets,
      signals,
    });
  });
  return { runId, texts: texts.length, campaigns: drafts };
}

/**
 * Ask for a period's detection: a `campaigns.detect` job, enqueued in the caller's
 * transaction when there is one.
 * @example await requestDetection(trx, jobsSchemaFor(schema), periodId)
 */
export function requestDetection(db: Kysely<DB>, jobsSchema: string, periodId: string): Promise<string> {
  return enqueue(db, jobsSchema, QUEUES.campaignsDetect, { periodId });
}

/** Campaigns listed on a review page at most (the largest). */
export const LIST_LIMIT = 200;
/** Variants shown on a campaign's page at most (the largest). */
export const VARIANT_LIMIT = 50;

/** Copies not folded yet count too (a few: the fold job runs every minute): what each campaign gains from them. */
async function pendingGains(db: Kysely<DB>, periodId: string): Promise<Map<string, number>> {
  const pending = await pendingCopies(db, periodId);
  const gained = new Map<string, number>();
  for (const { group_id, campaign_id } of await repo.campaignsOfGroups(db, [...pending.keys()])) gained.set(campaign_id, (gained.get(campaign_id) ?? 0) + pending.get(group_id)!);
  return gained;
}

/** A period's campaigns for review: the largest, how many in all, and the latest run. */
export async function periodCampaigns(db: Kysely<DB>, periodId: string): Promise<{ campaigns: CampaignRow[]; total: number; run: CampaignRun | undefined; representatives: Map<string, GroupText> }> {
  const [stored, total, run, gained] = await Promise.all([repo.ofPeriod(db, periodId, LIST_LIMIT), repo.countOfPeriod(db, periodId), repo.latestRun(db, periodId), pendingGains(db, periodId)]);
  const campaigns = stored.map((c) => ({ ...c, member_count: c.member_count + (gained.get(c.id) ?? 0) }));
  const texts = await groupTexts(
    db,
    campaigns.map((c) => c.representative_group_id),
  );
  return { campaigns, total, run, representatives: new Map(texts.map((t) => [t.groupId, t])) };
}

/** One campaign with what its page shows; undefined when it is not in this period. */
export async function campaignDetail(
  db: Kysely<DB>,
  periodId: string,
  campaignId: string,
): Promise<
  | {
      campaign: CampaignRow;
      variants: (CampaignGroupRow & { text: GroupText | undefined })[];
      representative: GroupText | undefined;
      facets: CampaignFacetRow[];
      run: CampaignRun | undefined;
      /** The flood signals counted at detection; undefined for a campaign stored before they were. */
      signals: Signals | undefined;
    }
  | undefined
> {
  const campaign = await repo.byId(db, campaignId);
  if (!campaign || campaign.period_id !== periodId) return undefined;
  const [stored, facets, run, pending, signals] = await Promise.all([
    repo.variants(db, campaignId, VARIANT_LIMIT),
    repo.facets(db, campaignId),
    repo.latestRun(db, periodId),
    pendingCopies(db, periodId),
    repo.signals(db, campaignId),
  ]);
  const texts = new Map((await groupTexts(db, [campaign.representative_group_id, ...stored.map((v) => v.group_id)])).map((t) => [t.groupId, t]));
  // Copies not folded yet count too (a few: the fold job runs every minute).
  const gained = (await repo.campaignsOfGroups(db, [...pending.keys()])).filter((r) => r.campaign_id === campaignId).reduce((n, r) => n + pending.get(r.group_id)!, 0);
  const variants = stored.map((v) => ({ ...v, size: v.size + (pending.get(v.group_id) ?? 0), text: texts.get(v.group_id) }));
  return { campaign: { ...campaign, member_count: campaign.member_count + gained }, variants, representative: texts.get(campaign.representative_group_id), facets, run, signals: signals === undefined ? undefined : signalsFromJson(signals) };
}

/**
 * The counts of these campaigns of a period, as a listing or a report shows them beside a
 * representative text: kept counts plus the copies not folded yet, so they agree with the
 * campaign's page. Lent to the comments module through the manifest.
 * @example (await campaignCounts(db, periodId, [id])).get(id) // { comments: 1204, texts: 37, groups: 41 }
 */
export async function campaignCounts(db: Kysely<DB>, periodId: string, campaignIds: string[]): Promise<Map<string, CampaignCount>> {
  // Only these campaigns' pending copies: a public page must not read the whole period's.
  const [stored, gained] = await Promise.all([repo.byIds(db, periodId, campaignIds), pendingCopiesOfCampaigns(db, periodId, campaignIds)]);
  return new Map(stored.map((c) => [c.id, { comments: c.member_count + (gained.get(c.id) ?? 0), texts: c.text_count, groups: c.group_count }]));
}

/** Every comment group a campaign holds. */
export const campaignGroupIds = (db: Kysely<DB>, campaignId: string) => repo.groupIds(db, campaignId);

/**
 * Detect now and list what was found, each campaign with the start of its text (the CLI).
 * @example (await detectAndList(db, periodId)).campaigns[0] // { kind: 'exact', memberCount: 120, textCount: 1, excerpt: 'Ban default…' }
 */
export async function detectAndList(db: Kysely<DB>, periodId: string): Promise<{ texts: number; campaigns: { kind: CampaignDraft['kind']; memberCount: number; textCount: number; excerpt: string }[] }> {
  const r = await detectPeriodCampaigns(db, periodId);
  const texts = new Map((await groupTexts(db, r.campaigns.map((c) => c.representativeGroupId))).map((t) => [t.groupId, t.text]));
  return {
    texts: r.texts,
    campaigns: r.campaigns.map((c) => {
      const text = (texts.get(c.representativeGroupId) ?? '').replace(/\s+/g, ' ').trim();
      return { kind: c.kind, memberCount: c.memberCount, textCount: c.textCount, excerpt: text.length > 70 ? `${text.slice(0, 69)}…` : text };
    }),
  };
}
