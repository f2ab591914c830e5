/**
 * The shared machinery of both detectors: union-find over text numbers, a radix sort of 32-bit
 * keys, and LSH banding whose buckets are found by sorting band keys (typed arrays only, no map
 * per row).
 */
import { combine32 } from './campaigns.hash.js';

/** Disjoint sets over 0..n-1 (union by size, path halving). */
export class UnionFind {
  readonly parent: Int32Array;
  private readonly size: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    this.size = new Int32Array(n).fill(1);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(x: number): number {
    const p = this.parent;
    while (p[x] !== x) {
      const up = p[p[x]!]!;
      p[x] = up;
      x = up;
    }
    return x;
  }
  /** Join the sets of a and b; false when they were already one. */
  union(a: number, b: number): boolean {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return false;
    if (this.size[ra]! < this.size[rb]!) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra]! += this.size[rb]!;
    return true;
  }
}

/**
 * The indices 0..n-1 ordered by their unsigned 32-bit key (stable LSD radix sort, two passes of
 * 16 bits): O(n), integers only.
 */
export function orderByKey(keys: Uint32Array): Uint32Array {
  const n = keys.length;
  let src = new Uint32Array(n);
  let dst = new Uint32Array(n);
  for (let i = 0; i < n; i++) src[i] = i;
  const counts = new Uint32Array(65536);
  for (let shift = 0; shift <= 16; shift += 16) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(keys[src[i]!]! >>> shift) & 0xffff]!++;
    let sum = 0;
    for (let b = 0; b < 65536; b++) {
      const c = counts[b]!;
      counts[b] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const idx = src[i]!;
      dst[counts[(keys[idx]! >>> shift) & 0xffff]!++] = idx;
    }
    [src, dst] = [dst, src];
  }
  return src;
}

/**
 * LSH banding over signatures stored row after row (`k = bands × rows` values per item): for
 * each band, the band's rows are folded into one 32-bit key per item, the items are ordered by
 * key, and within each run of equal keys every item is offered to `link` with the run's first
 * item and, if that fails, with the item before it. `link` verifies and unions; it is not called
 * for items already in one set.
 */
export function bandAndLink(
  signatures: Uint32Array,
  n: number,
  bands: number,
  rows: number,
  uf: UnionFind,
  verify: (a: number, b: number) => boolean,
  skip?: (i: number) => boolean,
): void {
  const k = bands * rows;
  const keys = new Uint32Array(n);
  for (let band = 0; band < bands; band++) {
    const base = band * rows;
    for (let i = 0; i < n; i++) {
      let h = band;
      const off = i * k + base;
      for (let r = 0; r < rows; r++) h = combine32(h, signatures[off + r]!);
      keys[i] = h;
    }
    const order = orderByKey(keys);
    let start = 0;
    while (start < n) {
      const key = keys[order[start]!]!;
      let end = start + 1;
      while (end < n && keys[order[end]!] === key) end++;
      if (end - start > 1) {
        let head = -1;
        let prev = -1;
        for (let j = start; j < end; j++) {
          const item = order[j]!;
          if (skip?.(item)) continue;
          if (head < 0) {
            head = item;
          } else if (uf.find(item) !== uf.find(head)) {
            if (verify(head, item)) uf.union(head, item);
            else if (prev !== head && uf.find(item) !== uf.find(prev) && verify(prev, item)) uf.union(prev, item);
          }
          prev = item;
        }
      }
      start = end;
    }
  }
}
