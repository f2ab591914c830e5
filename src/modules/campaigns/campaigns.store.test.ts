import { describe, expect, it } from 'vitest';
import { toCampaigns, seedsHex } from './campaigns.store.js';
import type { Detection } from './campaigns.detect.js';

const g = (groupId: string, size: number, text: string) => ({ groupId, size, text });

describe('toCampaigns (a detection over groups → rows to store)', () => {
  it('counts members as the sum of the groups’ sizes, distinct texts after normalisation, and picks the largest letter as representative', () => {
    const texts = [g('a', 3, 'Ban default passwords.'), g('b', 5, 'ban default passwords'), g('c', 2, 'Ban default passwords, please.'), g('d', 1, 'Unrelated.')];
    const detection: Detection = { distinct: 3, campaigns: [{ members: [0, 1, 2], kind: 'near', representative: 0, personalised: [] }] };
    const [c, ...rest] = toCampaigns(texts, detection);
    expect(rest).toEqual([]);
    expect(c).toMatchObject({ kind: 'near', representativeGroupId: 'b', memberCount: 10, textCount: 2, groupCount: 3, personalisedCount: 0 });
  });

  it('keeps where the personal note is, and never takes a personalised letter as representative when a plain one exists', () => {
    const letter = 'Ban default passwords. Label every device.';
    const texts = [g('p', 9, `My router was hacked. ${letter}`), g('q', 2, letter), g('r', 1, `${letter} Split note.`)];
    const detection: Detection = {
      distinct: 3,
      campaigns: [{ members: [0, 1, 2], kind: 'exact', representative: 1, personalised: [{ index: 0, personal: 'My router was hacked.' }, { index: 2, personal: 'Not in the text' }] }],
    };
    const [c] = toCampaigns(texts, detection);
    expect(c!.representativeGroupId).toBe('q');
    expect(c!.personalisedCount).toBe(2);
    expect(c!.groups).toEqual([
      { groupId: 'p', size: 9, personal: 'My router was hacked.', personalOffset: 0 },
      { groupId: 'q', size: 2, personal: null, personalOffset: null },
      { groupId: 'r', size: 1, personal: 'Not in the text', personalOffset: null },
    ]);
  });

  it('makes a lone group of copies a campaign of its own, not a lone comment, and sorts largest first', () => {
    const texts = [g('x', 1, 'Only once.'), g('y', 4, 'Four copies.'), g('z', 1, 'A'), g('w', 1, 'a!')];
    const detection: Detection = { distinct: 3, campaigns: [{ members: [2, 3], kind: 'exact', representative: 2, personalised: [] }] };
    const out = toCampaigns(texts, detection);
    expect(out.map((c) => [c.representativeGroupId, c.kind, c.memberCount, c.groupCount])).toEqual([
      ['y', 'exact', 4, 1],
      ['z', 'exact', 2, 2],
    ]);
  });

  it('stores the seeds as 8 hex digits each', () => {
    expect(seedsHex(Uint32Array.of(1, 0xdeadbeef))).toBe('00000001deadbeef');
  });
});
