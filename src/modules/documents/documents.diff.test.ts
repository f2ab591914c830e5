import { describe, expect, it } from 'vitest';
import { diffVersions, diffWords, type DiffInput } from './documents.diff.js';
import { lcsPairs } from './documents.lcs.js';

const block = (anchor: string, text: string, label = '¶'): DiffInput => ({ anchor, label, source: text, plain: text });

describe('diffWords', () => {
  it('marks replaced words as deleted then inserted', () => {
    expect(diffWords('the red cat sat', 'the black cat sat')).toEqual([
      { op: 'eq', text: 'the ' },
      { op: 'del', text: 'red ' },
      { op: 'ins', text: 'black ' },
      { op: 'eq', text: 'cat sat' },
    ]);
  });

  it('rebuilds both texts from its runs', () => {
    const a = 'Devices ship with a unique password per unit, never a shared default.';
    const b = 'Every device ships with a unique password, never a shared or guessable default.';
    const ops = diffWords(a, b);
    const side = (keep: 'ins' | 'del') =>
      ops
        .filter((o) => o.op !== keep)
        .map((o) => o.text)
        .join('')
        .split(/\s+/)
        .filter(Boolean)
        .join(' ');
    expect(side('ins')).toBe(a);
    expect(side('del')).toBe(b);
  });

  it('handles empty sides', () => {
    expect(diffWords('', 'new words')).toEqual([{ op: 'ins', text: 'new words' }]);
    expect(diffWords('old words', '')).toEqual([{ op: 'del', text: 'old words' }]);
    expect(diffWords('', '')).toEqual([]);
  });
});

describe('diffVersions', () => {
  it('aligns by anchor and counts changed, added, removed and moved paragraphs', () => {
    const v1 = [block('a', 'one two'), block('b', 'three four'), block('c', 'five six'), block('d', 'seven')];
    const v2 = [block('x', 'brand new'), block('a', 'one two'), block('c', 'five SIX'), block('d', 'seven')];
    const d = diffVersions(v1, v2);
    expect(d.summary).toEqual({ changed: 1, added: 1, removed: 1, moved: 0, same: 2 });
    expect(d.blocks.map((b) => [b.anchor, b.status])).toEqual([
      ['x', 'added'],
      ['a', 'same'],
      ['b', 'removed'],
      ['c', 'changed'],
      ['d', 'same'],
    ]);
    expect(d.blocks[3]!.ops).toEqual([
      { op: 'eq', text: 'five ' },
      { op: 'del', text: 'six ' },
      { op: 'ins', text: 'SIX' },
    ]);
  });

  it('tells a moved paragraph from one that stayed', () => {
    const v1 = [block('a', 'A'), block('b', 'B'), block('c', 'C')];
    const v2 = [block('b', 'B'), block('c', 'C'), block('a', 'A')];
    expect(diffVersions(v1, v2).summary).toEqual({ changed: 0, added: 0, removed: 0, moved: 1, same: 2 });
  });

  it('reports nothing changed between a version and itself', () => {
    const v = [block('a', 'A'), block('b', 'B')];
    expect(diffVersions(v, v).summary).toEqual({ changed: 0, added: 0, removed: 0, moved: 0, same: 2 });
  });
});

describe('lcsPairs', () => {
  it('finds a longest common subsequence', () => {
    expect(lcsPairs(['a', 'b', 'c', 'd'], ['b', 'x', 'd'])).toEqual([
      [1, 0],
      [3, 2],
    ]);
    expect(lcsPairs([], ['a'])).toEqual([]);
  });

  it('stays correct on inputs too large for the table', () => {
    const a = Array.from({ length: 3000 }, (_, i) => `w${i % 97}`);
    const b = Array.from({ length: 3000 }, (_, i) => `w${(i * 7) % 97}`);
    const pairs = lcsPairs(a, b);
    for (let k = 0; k < pairs.length; k++) {
      const [i, j] = pairs[k]!;
      expect(a[i]).toBe(b[j]);
      if (k > 0) {
        expect(i).toBeGreaterThan(pairs[k - 1]![0]);
        expect(j).toBeGreaterThan(pairs[k - 1]![1]);
      }
    }
    expect(pairs.length).toBeGreaterThan(0);
  });
});
