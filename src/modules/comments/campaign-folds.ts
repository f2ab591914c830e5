import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { campaignFoldsRepository as repo } from './campaign-folds.repository.js';

/** A campaign as detection found it: its id, the group that stands for it, and all its groups. */
export interface CampaignFold {
  id: string;
  representativeGroupId: string;
  groupIds: string[];
}

/**
 * Show each campaign once (issue 11): after a detection, the public listing and the
 * disposition report show a campaign's representative text with its count and fold its other
 * texts under it (still one click away, `?campaign=`). Replaces the period's previous folding;
 * call it in the transaction that stores the detection, so both change together.
 * Returns how many distinct texts were folded.
 * @example await foldCampaigns(trx, periodId, [{ id: campaignId, representativeGroupId: a, groupIds: [a, b, c] }]) // 2
 */
export async function foldCampaigns(trx: Kysely<DB>, periodId: string, campaigns: CampaignFold[]): Promise<number> {
  await repo.clear(trx, periodId);
  const rows = campaigns.flatMap((c) => c.groupIds.map((g) => ({ groupId: g, campaignId: c.id, folded: g !== c.representativeGroupId })));
  await repo.fold(trx, periodId, rows);
  const folded = rows.filter((r) => r.folded).length;
  await repo.setFoldedTexts(trx, periodId, folded);
  return folded;
}
