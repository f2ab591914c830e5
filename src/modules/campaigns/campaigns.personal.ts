/**
 * Form letter plus personal note. A campaign's core is the set of sentences most of its copies
 * carry; a comment that carries (nearly) all of a core and more is that campaign's letter with a
 * personal note, and the sentences outside the core are the note, shown first.
 */
import { orderByKey } from './campaigns.lsh.js';
import { words, type Sentence } from './campaigns.text.js';

/** A member carries a core when it has at least this fraction of the core's sentences. */
export const CORE_CONTAINED = 0.8;
/** A core has at least this many sentences (one shared sentence is a quotation, not a letter). */
export const MIN_CORE = 2;
/** A sentence whose word set overlaps a core sentence's this much is an edited copy of it, not a note. */
export const VARIANT_OVERLAP = 0.5;

/**
 * The core of a group of texts: the sentence hashes carried by texts that together make up at
 * least half of the copies. `weights[i]` is how many comments text i stands for.
 */
export function coreOf(texts: readonly Sentence[][], weights: readonly number[]): Set<number> {
  const total = weights.reduce((a, b) => a + b, 0);
  const carried = new Map<number, number>();
  texts.forEach((ss, i) => {
    for (const h of new Set(ss.map((s) => s.hash))) carried.set(h, (carried.get(h) ?? 0) + (weights[i] ?? 1));
  });
  const core = new Set<number>();
  for (const [h, w] of carried) if (2 * w >= total) core.add(h);
  return core;
}

function wordSet(s: string): Set<string> {
  return new Set(words(s));
}

function overlap(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const w of a) if (b.has(w)) inter++;
  const union = a.size + b.size - inter;
  return union === 0 ? 0 : inter / union;
}

/**
 * The personal part of a text measured against a core, or null when the text does not carry
 * the core or adds nothing to it. Sentences that are edited copies of core sentences (a typo,
 * a changed word) are not personal.
 * @example personalPart(sentences('I have three cameras. A b c. D e f.'), core of 'A b c. D e f.', …) // 'I have three cameras.'
 */
export function personalPart(text: readonly Sentence[], core: ReadonlySet<number>, coreSentences: readonly string[]): string | null {
  if (core.size < MIN_CORE) return null;
  let carried = 0;
  const seen = new Set<number>();
  const extra: Sentence[] = [];
  for (const s of text) {
    if (core.has(s.hash)) {
      if (!seen.has(s.hash)) carried++;
      seen.add(s.hash);
    } else extra.push(s);
  }
  if (carried < CORE_CONTAINED * core.size) return null;
  const coreWords = coreSentences.map(wordSet);
  const personal = extra.filter((s) => {
    const ws = wordSet(s.text);
    return !coreWords.some((c) => overlap(ws, c) >= VARIANT_OVERLAP);
  });
  return personal.length === 0 ? null : personal.map((s) => s.text).join(' ');
}

/**
 * An index from sentence hash to the groups whose core holds it, for finding a known letter
 * inside a comment that no detector grouped.
 */
export class CoreIndex {
  private readonly hashes: Uint32Array;
  private readonly groups: Int32Array;
  readonly coreSize: Map<number, number>;
  constructor(cores: ReadonlyMap<number, ReadonlySet<number>>) {
    const hs: number[] = [];
    const gs: number[] = [];
    this.coreSize = new Map();
    for (const [g, core] of cores) {
      if (core.size < MIN_CORE) continue;
      this.coreSize.set(g, core.size);
      for (const h of core) {
        hs.push(h);
        gs.push(g);
      }
    }
    const keys = Uint32Array.from(hs);
    const order = orderByKey(keys);
    this.hashes = new Uint32Array(order.length);
    this.groups = new Int32Array(order.length);
    for (let i = 0; i < order.length; i++) {
      this.hashes[i] = keys[order[i]!]!;
      this.groups[i] = gs[order[i]!]!;
    }
  }

  /** The group whose core the text carries best (at least CORE_CONTAINED of it), or -1. */
  bestGroup(text: readonly Sentence[]): number {
    const counts = new Map<number, number>();
    for (const h of new Set(text.map((s) => s.hash))) {
      let lo = 0;
      let hi = this.hashes.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (this.hashes[mid]! < h) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < this.hashes.length && this.hashes[i] === h; i++) counts.set(this.groups[i]!, (counts.get(this.groups[i]!) ?? 0) + 1);
    }
    let best = -1;
    let bestShare = 0;
    for (const [g, c] of counts) {
      const share = c / (this.coreSize.get(g) ?? Infinity);
      if (share >= CORE_CONTAINED && share > bestShare) {
        best = g;
        bestShare = share;
      }
    }
    return best;
  }
}
