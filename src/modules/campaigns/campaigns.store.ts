/**
 * From a detection over a period's distinct texts to the rows stored for it: pure, so the
 * mapping (counts, representative, personal parts, lone groups of copies) is tested on arrays.
 */
import { bodyHash } from '../comments/index.js';
import type { CampaignKind, Detection } from './campaigns.detect.js';

/** A distinct text as detection reads it: one comment group. */
export interface TextGroup {
  groupId: string;
  size: number;
  text: string;
}

/** A campaign to store, before it has an id. */
export interface CampaignDraft {
  kind: CampaignKind;
  representativeGroupId: string;
  /** Sum of its groups' sizes. */
  memberCount: number;
  /** Distinct texts after normalisation (groups of one text in two paragraphs count once). */
  textCount: number;
  groupCount: number;
  personalisedCount: number;
  groups: { groupId: string; size: number; personal: string | null; personalOffset: number | null }[];
}

/**
 * Map a detection over `texts` (one per comment group) to campaigns, largest first. A group of
 * copies that detection joined to nothing is a campaign of its own when it holds two comments
 * or more: detection sees one text per group, so it cannot see copies within a group.
 * @example toCampaigns([{ groupId: 'g', size: 3, text: 'Ban it.' }], { campaigns: [], distinct: 1 })
 *   // [{ kind: 'exact', representativeGroupId: 'g', memberCount: 3, textCount: 1, groupCount: 1, … }]
 */
export function toCampaigns(texts: readonly TextGroup[], detection: Detection): CampaignDraft[] {
  const taken = new Set<number>();
  const drafts: CampaignDraft[] = [];
  for (const c of detection.campaigns) {
    const personal = new Map(c.personalised.map((p) => [p.index, p.personal]));
    let rep = -1;
    for (const i of c.members) {
      taken.add(i);
      const better = rep < 0 || (personal.has(rep) && !personal.has(i)) || (personal.has(rep) === personal.has(i) && texts[i]!.size > texts[rep]!.size);
      if (better) rep = i;
    }
    drafts.push({
      kind: c.kind,
      representativeGroupId: texts[rep]!.groupId,
      memberCount: c.members.reduce((n, i) => n + texts[i]!.size, 0),
      textCount: new Set(c.members.map((i) => bodyHash(texts[i]!.text))).size,
      groupCount: c.members.length,
      personalisedCount: personal.size,
      groups: c.members.map((i) => {
        const note = personal.get(i) ?? null;
        const at = note === null ? -1 : texts[i]!.text.indexOf(note);
        return { groupId: texts[i]!.groupId, size: texts[i]!.size, personal: note, personalOffset: at >= 0 ? at : null };
      }),
    });
  }
  texts.forEach((g, i) => {
    if (taken.has(i) || g.size < 2) return;
    drafts.push({ kind: 'exact', representativeGroupId: g.groupId, memberCount: g.size, textCount: 1, groupCount: 1, personalisedCount: 0, groups: [{ groupId: g.groupId, size: g.size, personal: null, personalOffset: null }] });
  });
  // Largest first; equal sizes in the order of their representative's id, so runs agree.
  return drafts.sort((a, b) => b.memberCount - a.memberCount || (a.representativeGroupId < b.representativeGroupId ? -1 : 1));
}

/** The seeds as stored: 8 hex digits each. */
export function seedsHex(seeds: Uint32Array): string {
  return Array.from(seeds, (s) => s.toString(16).padStart(8, '0')).join('');
}
