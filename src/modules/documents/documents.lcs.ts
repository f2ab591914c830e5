/**
 * Longest common subsequence of two sequences, as index pairs. Shared by anchor matching
 * (blocks) and the word diff. Common prefixes and suffixes are taken first, so the usual edit
 * (a few words or paragraphs in a long text) leaves a small middle for the quadratic table;
 * a middle too large for the table falls back to a greedy match that stays correct (every
 * pair is equal and in order) but may be shorter than the longest.
 */

/** Above this many table cells the middle is matched greedily (memory stays under ~16 MB). */
const MAX_CELLS = 4_000_000;

/**
 * Pairs [i, j] with a[i] === b[j], increasing in both i and j.
 * @example lcsPairs(['a', 'b', 'c'], ['a', 'c']) // [[0, 0], [2, 1]]
 */
export function lcsPairs<T>(a: readonly T[], b: readonly T[]): [number, number][] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const pairs: [number, number][] = [];
  for (let i = 0; i < start; i++) pairs.push([i, i]);
  const n = endA - start;
  const m = endB - start;
  if (n > 0 && m > 0) {
    // Appended in place: spreading 200,000 pairs into push() overflows the call stack.
    if (n * m <= MAX_CELLS) middleTable(a, b, start, n, m, pairs);
    else middleGreedy(a, b, start, endA, endB, pairs);
  }
  for (let k = 0; k < a.length - endA; k++) pairs.push([endA + k, endB + k]);
  return pairs;
}

/** The classic dynamic-programming table over the middle, read back from the start. */
function middleTable<T>(a: readonly T[], b: readonly T[], off: number, n: number, m: number, out: [number, number][]): void {
  // len[i][j] = LCS of a[off+i..] and b[off+j..], so the walk back runs forwards.
  const w = m + 1;
  const len = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      len[i * w + j] = a[off + i] === b[off + j] ? len[(i + 1) * w + j + 1]! + 1 : Math.max(len[(i + 1) * w + j]!, len[i * w + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[off + i] === b[off + j]) {
      out.push([off + i, off + j]);
      i++;
      j++;
    } else if (len[(i + 1) * w + j]! >= len[i * w + j + 1]!) i++;
    else j++;
  }
}

/** For huge middles: walk b, taking the next occurrence in a of each element when there is one. */
function middleGreedy<T>(a: readonly T[], b: readonly T[], off: number, endA: number, endB: number, out: [number, number][]): void {
  const where = new Map<T, number[]>();
  for (let i = off; i < endA; i++) {
    const list = where.get(a[i]!);
    if (list) list.push(i);
    else where.set(a[i]!, [i]);
  }
  // Each list is read from a cursor that only moves forward (`last` only grows), so a text of
  // one word repeated costs one pass over its occurrences, not one pass per word of b.
  const cursor = new Map<T, number>();
  let last = off - 1;
  for (let j = off; j < endB; j++) {
    const list = where.get(b[j]!);
    if (!list) continue;
    let k = cursor.get(b[j]!) ?? 0;
    while (k < list.length && list[k]! <= last) k++;
    cursor.set(b[j]!, k);
    if (k < list.length) {
      out.push([list[k]!, j]);
      last = list[k]!;
    }
  }
}
