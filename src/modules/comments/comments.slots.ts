import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { hooksFor } from '../../platform/modules/registry.js';

/** A campaign as a listing or a report shows it beside its representative: its exact counts. */
export interface CampaignCount {
  /** Every comment the campaign holds, copies not folded yet included. */
  comments: number;
  /** Its distinct texts (normalised: the same text on two paragraphs is one). */
  texts: number;
  /** Its comment groups (a text on a paragraph): the listing folds all but the representative's. */
  groups: number;
}

// Campaigns are found by the campaigns module, which builds on comments; it lends their
// counts through its manifest, so comments imports nothing of it.
declare module '../../platform/modules/slots.js' {
  interface HookPoints {
    /** The counts of these campaigns of a period (those that are in it). */
    'comments.campaign-counts': (db: Kysely<DB>, periodId: string, campaignIds: string[]) => Promise<Map<string, CampaignCount>>;
  }
}

/** The counts of these campaigns of a period; none when no module provides campaigns. */
export async function campaignCounts(db: Kysely<DB>, periodId: string, campaignIds: Iterable<string>): Promise<Map<string, CampaignCount>> {
  const ids = [...new Set(campaignIds)];
  const [counts] = hooksFor('comments.campaign-counts');
  return counts && ids.length ? counts(db, periodId, ids) : new Map();
}
