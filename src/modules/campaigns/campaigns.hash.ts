/**
 * 32-bit hashing for campaign detection. Everything here stays in unsigned 32-bit integers
 * (`Math.imul` and `>>> 0`): no multiplication ever leaves the int32 range, so no float passes
 * 2^53 and a signature computed today equals the one computed next year on another machine.
 */

/** MurmurHash3's finaliser: a bijection on 32-bit integers that mixes every input bit into every output bit. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * MurmurHash3 (x86, 32-bit) of a string's UTF-16 code units, one unit per 16-bit half-block.
 * @example murmur32('device', 0) === murmur32('device', 0) // true; murmur32('device', 1) differs
 */
export function murmur32(s: string, seed: number): number {
  let h = seed >>> 0;
  const n = s.length;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    let k = (s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16)) >>> 0;
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  if (i < n) {
    let k = s.charCodeAt(i);
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
  }
  h ^= n * 2;
  return fmix32(h);
}

/** Combine two 32-bit hashes into one, order-sensitive (a boost-style combine, then mixed). */
export function combine32(a: number, b: number): number {
  return fmix32((a ^ (Math.imul(b, 0x9e3779b1) + 0x7f4a7c15 + ((a << 6) >>> 0) + (a >>> 2))) >>> 0);
}

/**
 * A seeded pseudo-random generator (SplitMix32): the same seed gives the same sequence on any
 * machine. Returns the next unsigned 32-bit value on each call.
 */
export function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** A uniform float in [0, 1) from a 32-bit generator (for the corpus generator and tests, never for hashing). */
export function unitFloat(next: () => number): number {
  return next() / 4294967296;
}
