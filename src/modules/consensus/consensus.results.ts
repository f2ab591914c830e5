import type { Stance } from './consensus.tables.js';

/** Counts per stance, plus the members who stated nothing on the option. */
export type StanceCounts = Record<Stance, number> & { noResponse: number };

/** One stakeholder group's results on one option. */
export interface GroupResult extends StanceCounts {
  stakeholderGroupId: string;
  key: string;
  nameEn: string;
  nameFr: string;
}

/** One option's results, group by group, and over all groups. */
export interface OptionResults {
  optionId: string;
  groups: GroupResult[];
  totals: StanceCounts;
}

/** What the tally needs to know about a stakeholder group. */
export interface GroupInfo {
  id: string;
  key: string;
  name_en: string;
  name_fr: string;
}

/** A current position, as counted: the group it was stated from, not the member's group today. */
export interface CountedPosition {
  option_id: string;
  stakeholder_group_id: string;
  stance: Stance;
}

const zero = (): StanceCounts => ({ support: 0, live_with: 0, stand_aside: 0, object: 0, noResponse: 0 });

/**
 * Results by stakeholder group for each option, in the process's group order. A position
 * counts under the group it was stated from (so results stay true after people move); a
 * group that is no longer listed still gets its row rather than losing its positions.
 * `noResponse` gives, per option, how many eligible members in each group have no current
 * position on it.
 * @example tallyResults(['o1'], [{ id: 'g', key: 'gov', name_en: 'Gov', name_fr: 'Gouv' }], [{ option_id: 'o1', stakeholder_group_id: 'g', stance: 'support' }], new Map())[0].totals.support // 1
 */
export function tallyResults(optionIds: readonly string[], groups: readonly GroupInfo[], positions: readonly CountedPosition[], noResponse: ReadonlyMap<string, ReadonlyMap<string, number>>): OptionResults[] {
  const known = new Map(groups.map((g) => [g.id, g]));
  const extra: GroupInfo[] = [];
  for (const p of positions) {
    if (!known.has(p.stakeholder_group_id)) {
      const g = { id: p.stakeholder_group_id, key: p.stakeholder_group_id, name_en: p.stakeholder_group_id, name_fr: p.stakeholder_group_id };
      known.set(g.id, g);
      extra.push(g);
    }
  }
  const all = [...groups, ...extra];
  return optionIds.map((optionId) => {
    const rows = new Map(all.map((g) => [g.id, { stakeholderGroupId: g.id, key: g.key, nameEn: g.name_en, nameFr: g.name_fr, ...zero() } satisfies GroupResult]));
    for (const p of positions) if (p.option_id === optionId) rows.get(p.stakeholder_group_id)![p.stance] += 1;
    for (const [groupId, n] of noResponse.get(optionId) ?? []) {
      const row = rows.get(groupId);
      if (row) row.noResponse += Math.max(0, n);
    }
    const list = [...rows.values()];
    const totals = zero();
    for (const r of list) for (const k of Object.keys(totals) as (keyof StanceCounts)[]) totals[k] += r[k];
    return { optionId, groups: list, totals };
  });
}

/** How many members a group result covers: every stance and the silent. */
export const groupSize = (c: StanceCounts): number => c.support + c.live_with + c.stand_aside + c.object + c.noResponse;

/**
 * How widely an option is accepted: of the stakeholder groups that have members, those where
 * at least one member supports it or can live with it, and those where none does. Support from
 * one group alone is not consensus, so the call's page says this beside the figures.
 * @example supportBreadth(results).without.map((g) => g.key) // ['civil_society']
 */
export function supportBreadth(results: OptionResults): { counted: number; accepting: number; without: GroupResult[] } {
  const counted = results.groups.filter((g) => groupSize(g) > 0);
  const without = counted.filter((g) => g.support + g.live_with === 0);
  return { counted: counted.length, accepting: counted.length - without.length, without };
}
