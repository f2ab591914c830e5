import { describe, expect, it } from 'vitest';
import { combine32, fmix32, murmur32, splitmix32 } from './campaigns.hash.js';
import { orderByKey } from './campaigns.lsh.js';
import { MINHASH_SEEDS, SEEDS, SHINGLE_WORDS, SIGNATURE_LENGTH, signature } from './campaigns.minhash.js';
import { words } from './campaigns.text.js';

// Reference implementations in BigInt arithmetic: exact at any size, so they show that the
// Math.imul code never loses a bit to a float past 2^53.
const M = (1n << 32n) - 1n;
const mul = (a: bigint, b: bigint): bigint => (a * b) & M;
const rotl = (x: bigint, r: bigint): bigint => ((x << r) | (x >> (32n - r))) & M;
function fmixRef(h: bigint): bigint {
  h ^= h >> 16n;
  h = mul(h, 0x85ebca6bn);
  h ^= h >> 13n;
  h = mul(h, 0xc2b2ae35n);
  return h ^ (h >> 16n);
}
function murmurRef(s: string, seed: number): bigint {
  let h = BigInt(seed >>> 0);
  const c1 = 0xcc9e2d51n;
  const c2 = 0x1b873593n;
  let i = 0;
  for (; i + 1 < s.length; i += 2) {
    let k = BigInt(s.charCodeAt(i)) | (BigInt(s.charCodeAt(i + 1)) << 16n);
    k = mul(rotl(mul(k, c1), 15n), c2);
    h = rotl(h ^ k, 13n);
    h = (mul(h, 5n) + 0xe6546b64n) & M;
  }
  if (i < s.length) h ^= mul(rotl(mul(BigInt(s.charCodeAt(i)), c1), 15n), c2);
  return fmixRef(h ^ BigInt(s.length * 2));
}
function combineRef(a: bigint, b: bigint): bigint {
  return fmixRef(a ^ ((mul(b, 0x9e3779b1n) + 0x7f4a7c15n + ((a << 6n) & M) + (a >> 2n)) & M));
}
function splitmixRef(seed: number, n: number): number[] {
  let state = BigInt(seed);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    state = (state + 0x9e3779b9n) & M;
    let z = state;
    z = mul(z ^ (z >> 16n), 0x85ebca6bn);
    z = mul(z ^ (z >> 13n), 0xc2b2ae35n);
    out.push(Number(z ^ (z >> 16n)));
  }
  return out;
}
function signatureRef(text: string): number[] {
  const th = words(text).map((w) => murmurRef(w, 0x70c3e5a1));
  const shingles: bigint[] = [];
  for (let i = 0; i + SHINGLE_WORDS <= th.length; i++) shingles.push(combineRef(combineRef(th[i]!, th[i + 1]!), th[i + 2]!));
  return [...MINHASH_SEEDS].map((seed) => Number(shingles.reduce((min, x) => (fmixRef(x ^ BigInt(seed)) < min ? fmixRef(x ^ BigInt(seed)) : min), M)));
}

const LETTER = 'Manufacturers must publish how long each device will get security updates, on the box and on the product page, before the sale.';

describe('32-bit hashing', () => {
  it('matches MurmurHash3 known values (empty input)', () => {
    expect(murmur32('', 0)).toBe(0);
    expect(murmur32('', 1)).toBe(0x514e28b7);
  });

  it('agrees with exact BigInt arithmetic on every input, so no value passes 2^32 or loses bits to floats', () => {
    const next = splitmix32(42);
    for (let i = 0; i < 2000; i++) {
      const x = next();
      const y = next();
      expect(fmix32(x)).toBe(Number(fmixRef(BigInt(x))));
      expect(combine32(x, y)).toBe(Number(combineRef(BigInt(x), BigInt(y))));
    }
    for (const s of ['', 'a', 'device', 'Étiquette de sécurité', '默认密码', 'x'.repeat(1001), '\uffff\uffff\uffff']) {
      for (const seed of [0, 1, 0xffffffff, 0x9747b28c]) expect(murmur32(s, seed)).toBe(Number(murmurRef(s, seed)));
    }
  });
});

describe('stored seeds and signatures', () => {
  it('keeps the seeds it was given: SplitMix32 from 0x11170a55, written down (160 of them)', () => {
    expect(SEEDS.length).toBe(160);
    expect([...SEEDS]).toEqual(splitmixRef(0x11170a55, 160));
  });

  it('computes a signature equal to an independent BigInt reference, as Uint32 values', () => {
    const sig = signature(LETTER);
    expect(sig).toBeInstanceOf(Uint32Array);
    expect(sig.length).toBe(SIGNATURE_LENGTH);
    expect([...sig]).toEqual(signatureRef(LETTER));
  });

  it('gives the same signature on every run', () => {
    expect([...signature(LETTER)]).toEqual([...signature(LETTER)]);
    expect([...signature(LETTER)]).toEqual([...signature(LETTER.toUpperCase())]);
  });
});

describe('orderByKey', () => {
  it('orders indices by unsigned key, stably, including keys past 2^31', () => {
    const next = splitmix32(7);
    const keys = Uint32Array.from({ length: 5000 }, (_, i) => (i % 3 === 0 ? 0xfffffff0 : next() % 1000 === 0 ? 5 : next()));
    const expected = [...keys.keys()].sort((a, b) => keys[a]! - keys[b]! || a - b);
    expect([...orderByKey(keys)]).toEqual(expected);
  });
});
