import { describe, expect, it } from 'vitest';
import { groupSize, supportBreadth, tallyResults, type CountedPosition } from './consensus.results.js';

const groups = [
  { id: 'g-gov', key: 'government', name_en: 'Government', name_fr: 'Gouvernement' },
  { id: 'g-ind', key: 'industry', name_en: 'Industry', name_fr: 'Industrie' },
  { id: 'g-cs', key: 'civil_society', name_en: 'Civil society', name_fr: 'Société civile' },
];

describe('tallyResults', () => {
  it('counts each stance by the group a position was stated from, per option, with the silent members', () => {
    const positions: CountedPosition[] = [
      { option_id: 'o1', stakeholder_group_id: 'g-gov', stance: 'support' },
      { option_id: 'o1', stakeholder_group_id: 'g-gov', stance: 'object' },
      { option_id: 'o1', stakeholder_group_id: 'g-ind', stance: 'live_with' },
      { option_id: 'o2', stakeholder_group_id: 'g-ind', stance: 'stand_aside' },
    ];
    const noResponse = new Map([
      ['o1', new Map([['g-cs', 4], ['g-ind', 1]])],
      ['o2', new Map([['g-gov', 2], ['g-cs', 4]])],
    ]);
    const [o1, o2] = tallyResults(['o1', 'o2'], groups, positions, noResponse);
    expect(o1!.groups.map((g) => g.key)).toEqual(['government', 'industry', 'civil_society']);
    expect(o1!.groups[0]).toMatchObject({ nameFr: 'Gouvernement', support: 1, object: 1, live_with: 0, stand_aside: 0, noResponse: 0 });
    expect(o1!.groups[1]).toMatchObject({ live_with: 1, noResponse: 1 });
    expect(o1!.groups[2]).toMatchObject({ support: 0, noResponse: 4 });
    expect(o1!.totals).toEqual({ support: 1, live_with: 1, stand_aside: 0, object: 1, noResponse: 5 });
    expect(o2!.totals).toEqual({ support: 0, live_with: 0, stand_aside: 1, object: 0, noResponse: 6 });
    expect(groupSize(o1!.groups[0]!)).toBe(2);
  });

  it('keeps a row for a group no longer listed rather than dropping its positions, and ignores negative gaps', () => {
    const [r] = tallyResults(['o1'], groups.slice(0, 1), [{ option_id: 'o1', stakeholder_group_id: 'g-old', stance: 'support' }], new Map([['o1', new Map([['g-gov', -1]])]]));
    expect(r!.groups.map((g) => g.stakeholderGroupId)).toEqual(['g-gov', 'g-old']);
    expect(r!.totals.support).toBe(1);
    expect(r!.groups[0]!.noResponse).toBe(0);
  });

  it('gives every group a zero row when nobody has spoken yet', () => {
    const [r] = tallyResults(['o1'], groups, [], new Map());
    expect(r!.groups).toHaveLength(3);
    expect(r!.totals).toEqual({ support: 0, live_with: 0, stand_aside: 0, object: 0, noResponse: 0 });
  });
});

describe('supportBreadth', () => {
  it('names the groups with members where nobody supports or can live with an option, and leaves out empty groups', () => {
    const positions: CountedPosition[] = [
      { option_id: 'o1', stakeholder_group_id: 'g-ind', stance: 'support' },
      { option_id: 'o1', stakeholder_group_id: 'g-gov', stance: 'object' },
    ];
    // Industry alone supports; government objects; civil society has no members at all.
    const [o1] = tallyResults(['o1'], groups, positions, new Map([['o1', new Map([['g-gov', 2]])]]));
    const b = supportBreadth(o1!);
    expect(b.counted).toBe(2);
    expect(b.accepting).toBe(1);
    expect(b.without.map((g) => g.key)).toEqual(['government']);
    const [o2] = tallyResults(['o2'], groups, [{ option_id: 'o2', stakeholder_group_id: 'g-gov', stance: 'live_with' }], new Map());
    expect(supportBreadth(o2!)).toMatchObject({ counted: 1, accepting: 1, without: [] });
  });
});
