import { randomBytes } from 'node:crypto';
import type { BlockChange, BlockKind } from './documents.tables.js';
import { normaliseSpace, type ParsedBlock } from './documents.blocks.js';
import { lcsPairs } from './documents.lcs.js';

/**
 * Stable anchors: a new version's blocks take the anchors of the blocks they continue, so a
 * link to a paragraph of version 3 still lands on it in version 5. Pure, so it is tested on
 * strings. In order of confidence:
 * 1. identical text (whitespace aside) in the same relative order: 'same';
 * 2. identical text elsewhere: 'moved';
 * 3. similar text (word Jaccard ≥ SIMILAR) of the same kind, preferring matches that keep
 *    the order of the blocks already matched: 'edited';
 * 4. anything else is 'new' with a fresh anchor.
 * Old anchors left over are removed; each gets as successor the new block holding most of its
 * words (when two paragraphs are merged, the one not kept points at the merged one), or else
 * the new block written in its place (a paragraph rewritten past recognition).
 */

/** What anchor matching needs of a previous version's block. */
export interface OldBlock {
  anchor: string;
  kind: BlockKind;
  source: string;
  plain: string;
}

/** A new block with the anchor it keeps or gets, and how it relates to the previous version. */
export type AnchoredBlock = ParsedBlock & { anchor: string; change: BlockChange };

/** An old anchor no longer present, and the new block that absorbed it, if any. */
export interface RemovedAnchor {
  anchor: string;
  successor: string | null;
}

/** The outcome of matching a new version against the previous one. */
export interface AnchorMatch {
  blocks: AnchoredBlock[];
  removed: RemovedAnchor[];
}

/** Two blocks at least this similar (word Jaccard) are the same block, edited. */
export const SIMILAR = 0.5;
/** A removed block whose words are at least this much inside a new block was merged into it. */
export const ABSORBED = 0.5;

/**
 * The most block pairs one similarity step compares. Matching by similar text compares every
 * unmatched old block with every unmatched new one; a 400 kB document rewritten from end to
 * end (100,000 one-line paragraphs against 100,000 others) would be 10^10 comparisons and a
 * table of as many cells. Past this, the step is skipped: those blocks get fresh anchors and
 * old links say "removed", which is what a rewrite of that size is anyway.
 */
export const MAX_SIMILARITY_PAIRS = 1_000_000;

const ANCHOR_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A fresh anchor ('p' + 7 of [a-z0-9]) not in `taken`; adds it there.
 * @example freshAnchor(new Set()) // 'p3k9x0qa'
 */
export function freshAnchor(taken: Set<string>): string {
  for (;;) {
    const bytes = randomBytes(7);
    let a = 'p';
    // 252 = 7 × 36: bytes ≥ 252 would favour the first letters; redraw those few.
    for (const b of bytes) a += b < 252 ? ANCHOR_ALPHABET[b % 36] : ANCHOR_ALPHABET[randomBytes(1)[0]! % 36];
    if (!taken.has(a)) {
      taken.add(a);
      return a;
    }
  }
}

/** The distinct words of a text, lower-cased, letters and digits only. */
export function wordSet(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** |A ∩ B| / |A ∪ B|; 0 when both are empty (blocks without words match only exactly). */
export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let common = 0;
  // Walk the smaller set: a one-word block against a 10,000-word one costs one lookup.
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const w of small) if (large.has(w)) common++;
  return common / (a.size + b.size - common);
}

/** The share of A's words found in B. */
export function containment(a: Set<string>, b: Set<string>): number {
  if (a.size === 0) return 0;
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return common / a.size;
}

/** Exact-text key of a block: its kind and its whitespace-normalised source. */
const keyOf = (kind: BlockKind, source: string) => `${kind}\n${normaliseSpace(source)}`;

/**
 * True when two versions have the same blocks, block for block (whitespace inside a block
 * aside). Merging or splitting paragraphs changes no words but changes the blocks, so it is a
 * change worth a version.
 * @example sameBlocks(oldBlocks, splitBlocks(markdown))
 */
export function sameBlocks(a: readonly Pick<OldBlock, 'kind' | 'source'>[], b: readonly Pick<ParsedBlock, 'kind' | 'source'>[]): boolean {
  return a.length === b.length && a.every((x, i) => keyOf(x.kind, x.source) === keyOf(b[i]!.kind, b[i]!.source));
}

/**
 * Best order-keeping pairs between two short runs by total similarity (a weighted LCS):
 * used inside each gap between blocks already matched exactly.
 */
function alignGap(oldIdx: number[], newIdx: number[], sim: (o: number, n: number) => number): [number, number][] {
  const n = oldIdx.length;
  const m = newIdx.length;
  if (n === 0 || m === 0 || n * m > MAX_SIMILARITY_PAIRS) return [];
  const w = m + 1;
  const score = new Float64Array((n + 1) * w);
  const s = (i: number, j: number) => sim(oldIdx[i]!, newIdx[j]!);
  const cache = new Float64Array(n * m);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const v = s(i, j);
      cache[i * m + j] = v;
      const take = v >= SIMILAR ? score[(i + 1) * w + j + 1]! + v : -1;
      score[i * w + j] = Math.max(take, score[(i + 1) * w + j]!, score[i * w + j + 1]!);
    }
  }
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const v = cache[i * m + j]!;
    if (v >= SIMILAR && score[i * w + j] === score[(i + 1) * w + j + 1]! + v) {
      out.push([oldIdx[i]!, newIdx[j]!]);
      i++;
      j++;
    } else if (score[(i + 1) * w + j]! >= score[i * w + j + 1]!) i++;
    else j++;
  }
  return out;
}

/**
 * Match a new version's blocks to the previous version's.
 * `used` holds every anchor the document has ever had (fresh ones avoid them) and gains the new ones.
 * @example matchAnchors(oldBlocks, splitBlocks(markdown), usedAnchors).blocks.map((b) => b.anchor)
 */
export function matchAnchors(oldBlocks: readonly OldBlock[], newBlocks: readonly ParsedBlock[], used: Set<string>): AnchorMatch {
  const oldKeys = oldBlocks.map((b) => keyOf(b.kind, b.source));
  const newKeys = newBlocks.map((b) => keyOf(b.kind, b.source));
  const oldFor: (number | undefined)[] = new Array<number | undefined>(newBlocks.length).fill(undefined);
  const change: BlockChange[] = new Array<BlockChange>(newBlocks.length).fill('new');
  const oldTaken = new Array<boolean>(oldBlocks.length).fill(false);
  const take = (o: number, n: number, c: BlockChange) => {
    oldFor[n] = o;
    oldTaken[o] = true;
    change[n] = c;
  };

  // 1. Identical text in order.
  const chain = lcsPairs(oldKeys, newKeys);
  for (const [o, n] of chain) take(o, n, 'same');

  // 2. Identical text out of order: moved.
  const freeOld = new Map<string, number[]>();
  oldKeys.forEach((k, o) => {
    if (oldTaken[o]) return;
    const list = freeOld.get(k);
    if (list) list.push(o);
    else freeOld.set(k, [o]);
  });
  // A cursor per text instead of shift(): a document of 100,000 identical lines stays linear.
  const nextFree = new Map<string, number>();
  newKeys.forEach((k, n) => {
    if (oldFor[n] !== undefined) return;
    const list = freeOld.get(k);
    const i = nextFree.get(k) ?? 0;
    if (!list || i >= list.length) return;
    nextFree.set(k, i + 1);
    take(list[i]!, n, 'moved');
  });

  // 3. Similar text: first within each gap of the in-order chain, then anywhere.
  const oldWords = oldBlocks.map((b) => wordSet(b.plain));
  const newWords = newBlocks.map((b) => wordSet(b.plain));
  const sim = (o: number, n: number) => (oldBlocks[o]!.kind === newBlocks[n]!.kind ? jaccard(oldWords[o]!, newWords[n]!) : 0);
  const bounds: [number, number][] = [[-1, -1], ...chain, [oldBlocks.length, newBlocks.length]];
  for (let g = 0; g + 1 < bounds.length; g++) {
    const [o0, n0] = bounds[g]!;
    const [o1, n1] = bounds[g + 1]!;
    const os: number[] = [];
    const ns: number[] = [];
    for (let o = o0 + 1; o < o1; o++) if (!oldTaken[o]) os.push(o);
    for (let n = n0 + 1; n < n1; n++) if (oldFor[n] === undefined) ns.push(n);
    for (const [o, n] of alignGap(os, ns, sim)) take(o, n, 'edited');
  }
  const leftOld = oldBlocks.map((_, o) => o).filter((o) => !oldTaken[o]);
  const leftNew = newBlocks.map((_, n) => n).filter((n) => oldFor[n] === undefined);
  if (leftOld.length > 0 && leftNew.length > 0 && leftOld.length * leftNew.length <= MAX_SIMILARITY_PAIRS) {
    const candidates: { o: number; n: number; s: number }[] = [];
    for (const o of leftOld)
      for (const n of leftNew) {
        const s = sim(o, n);
        if (s >= SIMILAR) candidates.push({ o, n, s });
      }
    candidates.sort((x, y) => y.s - x.s || x.n - y.n);
    for (const c of candidates) if (!oldTaken[c.o] && oldFor[c.n] === undefined) take(c.o, c.n, 'edited');
  }

  // 4. Anchors: kept or fresh.
  const taken = new Set(used);
  const blocks: AnchoredBlock[] = newBlocks.map((b, n) => {
    const o = oldFor[n];
    return { ...b, anchor: o === undefined ? freshAnchor(taken) : oldBlocks[o]!.anchor, change: change[n]! };
  });
  for (const b of blocks) used.add(b.anchor);

  // Old anchors left over: merged into the block that holds most of their words, or
  // rewritten in place (see rewrittenInPlace), or simply removed.
  const absorbedBy = new Map<number, number>();
  const unmatched = oldTaken.filter((t) => !t).length;
  oldBlocks.forEach((_, o) => {
    if (oldTaken[o] || unmatched * newBlocks.length > MAX_SIMILARITY_PAIRS) return;
    let best: { n: number; c: number } | undefined;
    newWords.forEach((words, n) => {
      const c = containment(oldWords[o]!, words);
      if (c >= ABSORBED && (!best || c > best.c)) best = { n, c };
    });
    if (best) absorbedBy.set(o, best.n);
  });
  const inPlace = rewrittenInPlace(oldBlocks, newBlocks, oldFor, change, absorbedBy);
  const removed: RemovedAnchor[] = [];
  oldBlocks.forEach((b, o) => {
    if (oldTaken[o]) return;
    const n = absorbedBy.get(o) ?? inPlace.get(o);
    removed.push({ anchor: b.anchor, successor: n === undefined ? null : blocks[n]!.anchor });
  });
  return { blocks, removed };
}

/**
 * Old blocks rewritten past recognition: between the same two kept neighbours, k old blocks
 * of a kind went and k new blocks of that kind came, so each old one (in order) was replaced
 * by the new one in its place. Its link then says where its replacement is, instead of only
 * "removed". Anything less regular (three paragraphs became two) is left as removed.
 */
function rewrittenInPlace(
  oldBlocks: readonly OldBlock[],
  newBlocks: readonly ParsedBlock[],
  oldFor: readonly (number | undefined)[],
  change: readonly BlockChange[],
  absorbedBy: ReadonlyMap<number, number>,
): Map<number, number> {
  const out = new Map<number, number>();
  // The kept pairs in new order, framed by the two ends; gaps lie between consecutive pairs.
  const kept: [number, number][] = [[-1, -1]];
  oldFor.forEach((o, n) => {
    if (o !== undefined && o > kept[kept.length - 1]![0]) kept.push([o, n]);
  });
  kept.push([oldBlocks.length, newBlocks.length]);
  const keptOld = new Set(oldFor.filter((o): o is number => o !== undefined));
  for (let g = 0; g + 1 < kept.length; g++) {
    const [o0, n0] = kept[g]!;
    const [o1, n1] = kept[g + 1]!;
    const gone: number[] = [];
    const came: number[] = [];
    for (let o = o0 + 1; o < o1; o++) if (!keptOld.has(o) && !absorbedBy.has(o)) gone.push(o);
    for (let n = n0 + 1; n < n1; n++) if (change[n] === 'new') came.push(n);
    if (gone.length === 0 || gone.length !== came.length) continue;
    if (!gone.every((o, i) => oldBlocks[o]!.kind === newBlocks[came[i]!]!.kind)) continue;
    gone.forEach((o, i) => out.set(o, came[i]!));
  }
  return out;
}
