import { describe, expect, it } from 'vitest';
import { freshAnchor, jaccard, matchAnchors, wordSet, type AnchoredBlock } from './documents.anchors.js';
import { splitBlocks } from './documents.blocks.js';

const PARAS = [
  'Devices ship with a unique password per unit, never a shared default.',
  'Manufacturers publish a vulnerability disclosure policy with a contact address.',
  'Security updates are signed and delivered over an authenticated channel.',
  'Each device states how long it will receive security updates.',
  'Personal data stored on the device can be erased by the owner.',
  'Communications with cloud services use current encryption protocols.',
  'Unused network services are disabled by default on every device.',
  'Device logs record security events without recording personal data.',
  'A label on the box shows the support period and a link to the policy.',
  'The oversight committee reviews this baseline every two years.',
];
const md = (paras: string[]) => paras.join('\n\n');

/** Version 1's anchored blocks, and the set of anchors the document has used. */
function first(paras: string[]) {
  const used = new Set<string>();
  const v1 = matchAnchors([], splitBlocks(md(paras)), used);
  return { v1: v1.blocks, used };
}
const next = (prev: AnchoredBlock[], paras: string[], used: Set<string>) => matchAnchors(prev, splitBlocks(md(paras)), used);

describe('matchAnchors', () => {
  it('gives version 1 fresh, distinct anchors marked new', () => {
    const { v1 } = first(PARAS);
    expect(v1).toHaveLength(10);
    expect(new Set(v1.map((b) => b.anchor)).size).toBe(10);
    for (const b of v1) {
      expect(b.anchor).toMatch(/^p[a-z0-9]{7}$/);
      expect(b.change).toBe('new');
    }
  });

  it('keeps the other nine anchors when paragraph 3 of 10 is edited, and paragraph 3 keeps its own', () => {
    const { v1, used } = first(PARAS);
    const edited = [...PARAS];
    edited[2] = 'Security updates are signed, tested and delivered over an authenticated channel.';
    const v2 = next(v1, edited, used);
    expect(v2.blocks.map((b) => b.anchor)).toEqual(v1.map((b) => b.anchor));
    expect(v2.blocks.map((b) => b.change)).toEqual(['same', 'same', 'edited', 'same', 'same', 'same', 'same', 'same', 'same', 'same']);
    expect(v2.removed).toEqual([]);
  });

  it('gives a rewritten paragraph a new anchor and points the old one at the paragraph written in its place', () => {
    const { v1, used } = first(PARAS);
    const rewritten = [...PARAS];
    rewritten[2] = 'Firmware images carry a signature the bootloader verifies.';
    const v2 = next(v1, rewritten, used);
    expect(v2.blocks[2]!.change).toBe('new');
    expect(v2.blocks[2]!.anchor).not.toBe(v1[2]!.anchor);
    expect(v2.removed).toEqual([{ anchor: v1[2]!.anchor, successor: v2.blocks[2]!.anchor }]);
    expect(v2.blocks.filter((_, i) => i !== 2).map((b) => b.anchor)).toEqual(v1.filter((_, i) => i !== 2).map((b) => b.anchor));
  });

  it('records a paragraph deleted with nothing in its place as removed, with no successor', () => {
    const { v1, used } = first(PARAS);
    const v2 = next(v1, PARAS.filter((_, i) => i !== 2), used);
    expect(v2.removed).toEqual([{ anchor: v1[2]!.anchor, successor: null }]);
  });

  it('leaves an irregular rewrite (two paragraphs become one unlike either) without a successor', () => {
    const { v1, used } = first(PARAS);
    const v2 = next(v1, [...PARAS.slice(0, 2), 'Firmware images carry a signature the bootloader verifies.', ...PARAS.slice(4)], used);
    expect(v2.removed.map((r) => r.successor)).toEqual([null, null]);
  });

  it('keeps every anchor when a paragraph is inserted at the top', () => {
    const { v1, used } = first(PARAS);
    const v2 = next(v1, ['This baseline applies to consumer devices sold in Canada.', ...PARAS], used);
    expect(v2.blocks.slice(1).map((b) => b.anchor)).toEqual(v1.map((b) => b.anchor));
    expect(v2.blocks[0]!.change).toBe('new');
    expect(v1.map((b) => b.anchor)).not.toContain(v2.blocks[0]!.anchor);
    expect(v2.blocks.slice(1).every((b) => b.change === 'same')).toBe(true);
  });

  it('keeps one anchor when two paragraphs are merged and records the other’s successor', () => {
    const { v1, used } = first(PARAS);
    const merged = [...PARAS.slice(0, 3), `${PARAS[3]!} ${PARAS[4]!}`, ...PARAS.slice(5)];
    const v2 = next(v1, merged, used);
    expect(v2.blocks).toHaveLength(9);
    const kept = v2.blocks[3]!;
    expect([v1[3]!.anchor, v1[4]!.anchor]).toContain(kept.anchor);
    expect(kept.change).toBe('edited');
    const gone = kept.anchor === v1[3]!.anchor ? v1[4]!.anchor : v1[3]!.anchor;
    expect(v2.removed).toEqual([{ anchor: gone, successor: kept.anchor }]);
  });

  it('keeps the anchor of a moved paragraph and marks it moved', () => {
    const { v1, used } = first(PARAS);
    const moved = [...PARAS.slice(1, 7), PARAS[0]!, ...PARAS.slice(7)];
    const v2 = next(v1, moved, used);
    expect(v2.blocks[6]!.anchor).toBe(v1[0]!.anchor);
    expect(v2.blocks[6]!.change).toBe('moved');
    expect(v2.blocks.filter((b) => b.change === 'same')).toHaveLength(9);
    expect(new Set(v2.blocks.map((b) => b.anchor))).toEqual(new Set(v1.map((b) => b.anchor)));
  });

  it('keeps anchors across several versions with edits, insertions and deletions', () => {
    const { v1, used } = first(PARAS);
    const v2 = next(v1, [...PARAS.slice(0, 5), 'An inserted paragraph about supply chains and components.', ...PARAS.slice(5)], used);
    const v3paras = [...PARAS];
    v3paras.splice(1, 1);
    v3paras[7] = 'A label on the box shows the support period, in years, and a link to the policy.';
    const v3 = next(v2.blocks, v3paras, used);
    const anchorOf = (blocks: AnchoredBlock[], text: string) => blocks.find((b) => b.plain.startsWith(text))?.anchor;
    expect(anchorOf(v3.blocks, 'A label on the box')).toBe(anchorOf(v1, 'A label on the box'));
    expect(anchorOf(v3.blocks, 'Devices ship')).toBe(v1[0]!.anchor);
    expect(v3.removed.map((r) => r.anchor)).toEqual(expect.arrayContaining([v1[1]!.anchor]));
  });

  it('matches identical repeated paragraphs one to one', () => {
    const paras = ['To be written.', 'Scope of the work.', 'To be written.'];
    const { v1, used } = first(paras);
    const v2 = next(v1, ['To be written.', 'Scope of the work, revised.', 'To be written.'], used);
    expect(v2.blocks.map((b) => b.anchor)).toEqual(v1.map((b) => b.anchor));
  });

  it('never matches a heading with a paragraph by similarity', () => {
    const { v1, used } = first(['## Security updates for devices', 'Body text.']);
    const v2 = next(v1, ['Security updates for devices', 'Body text.'], used);
    expect(v2.blocks[0]!.anchor).not.toBe(v1[0]!.anchor);
    expect(v2.blocks[1]!.anchor).toBe(v1[1]!.anchor);
  });

  it('does not reuse an anchor the document once had', () => {
    const taken = new Set(['paaaaaaa']);
    for (let i = 0; i < 200; i++) expect(freshAnchor(taken)).toMatch(/^p[a-z0-9]{7}$/);
    expect(taken.size).toBe(201);
  });
});

describe('jaccard', () => {
  it('compares word sets regardless of case and punctuation', () => {
    expect(jaccard(wordSet('The cat, the hat.'), wordSet('the CAT the hat'))).toBe(1);
    expect(jaccard(wordSet('a b'), wordSet('c d'))).toBe(0);
    expect(jaccard(wordSet(''), wordSet(''))).toBe(0);
  });
});
