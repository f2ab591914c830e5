/**
 * Near-duplicates: MinHash over word 3-shingles, LSH banding, verification by estimated Jaccard.
 * All hashing is 32-bit (`Math.imul`, `>>> 0`); the permutations are fixed by MINHASH_SEEDS, so a
 * signature stored today can be compared with one computed later.
 */
import { fmix32, murmur32, combine32 } from './campaigns.hash.js';
import { bandAndLink, type UnionFind } from './campaigns.lsh.js';
import { words } from './campaigns.text.js';

/** Words per shingle. */
export const SHINGLE_WORDS = 3;
/** LSH bands × rows = the signature length. */
export const BANDS = 32;
export const ROWS = 4;
export const SIGNATURE_LENGTH = BANDS * ROWS;
/** Two texts are near-duplicates when their estimated Jaccard similarity reaches this. */
export const NEAR_THRESHOLD = 0.5;

/** The seed of token hashes (each word hashed once, shingles combine the words' hashes). */
const TOKEN_SEED = 0x70c3e5a1;

/**
 * The stored seeds: 128 for the near-duplicate signature's permutations, then 32 for the
 * template detector's. Drawn once from SplitMix32 seeded with 0x11170a55 and written down here,
 * so that changing the generator can never silently change a signature. Never edit them: every
 * stored signature would stop matching new ones.
 */
// prettier-ignore
export const SEEDS: Uint32Array = Uint32Array.of(
  0x49549da0, 0xb21b6b44, 0xbcb201a6, 0xb47f6e31, 0xe861b3eb, 0x2f3a71c0, 0x1c810446, 0xb4e42a43,
  0x799b2955, 0xc0f8e5bc, 0x3b9a36f7, 0x09933772, 0xc1d0b49f, 0x8d318fe1, 0xb4bdb6c5, 0x14e9e1e3,
  0xf26ad2f6, 0xf975ec73, 0x54ee6e08, 0x5bbc57eb, 0x28f683fb, 0x14b2d620, 0xea9c6e00, 0x07854c6f,
  0x64889ef5, 0x0a89c62b, 0x58144a44, 0x051e65f3, 0xf2ed89af, 0xa40ae22e, 0x86eb679f, 0x25e66a60,
  0x116c9378, 0x78fa9172, 0xcd88db59, 0x3643b2e4, 0x02a0541d, 0x636c8eef, 0xc3763a8b, 0xc21b1d7d,
  0x72cb8aac, 0x1492d05c, 0x000f21b5, 0xfdc26ebf, 0x2f6abdd1, 0x97d0ca45, 0xd355cd27, 0xe7198da5,
  0xf427e171, 0x4caf08bc, 0xe8ffdf95, 0x3994e841, 0x51d254e4, 0x743cbb9d, 0x32790e11, 0x79c3a3c1,
  0x373663f6, 0x569d2ff1, 0xc29dca38, 0xac7d2a4e, 0x0e6e4e03, 0x40cb5f18, 0xfe3c462d, 0x629bafa3,
  0x5d6ec9a0, 0xbac840d3, 0x0c2cacfc, 0x188df0b7, 0x8909e848, 0xc68bd2d9, 0x1e77b085, 0xc072bdfe,
  0x0bc6f09e, 0x06a0bf42, 0x8f0e96cb, 0x4d64eda5, 0x97b62444, 0x25c5d24e, 0x29b0e887, 0xe34b1c3a,
  0x731c6124, 0xfc47dd33, 0x46a77ce9, 0x82eff7d9, 0xb5ab107a, 0x6c08f00e, 0xe73ae56f, 0x238a3011,
  0x81358c77, 0xf5e5742f, 0x0b9fc159, 0x6765a603, 0x957a79fc, 0xd3e99958, 0x26a7958d, 0x3ffb505b,
  0x0d62d9f7, 0x2d3aff53, 0x6ab267b7, 0xeed15f84, 0xf2fc53cf, 0xacd36a4a, 0xf44d90aa, 0x7c44050d,
  0xf2315727, 0x5020e4a7, 0xa64322fe, 0xdba74887, 0x023f531d, 0xfe5fd13d, 0xd55128af, 0x290c6617,
  0x0787762a, 0xd6e4b4d5, 0xa104fa88, 0xb6320bcd, 0xfd82c93f, 0x530f9121, 0x84440574, 0x6c95ad08,
  0x179d63bb, 0x24c0156c, 0x45248e79, 0xfe8918d6, 0x12b40a8c, 0x52cc7953, 0x290f42ff, 0xbfe1127e,
  0x93f29138, 0xe45bfeb6, 0x0ab98c7a, 0x3a5b69cd, 0xe87a0692, 0xb88c342b, 0xdcd5f526, 0x3e6aba9e,
  0x1bf7fe09, 0x56352c43, 0x6c783482, 0xb6b40c04, 0xbc119d60, 0xa221c6a0, 0x94d96a1e, 0x212b4226,
  0xd6e40bec, 0xc8a229b1, 0xeae040c1, 0xd258ed4c, 0x53a0fda1, 0xb7c6a65f, 0x1212f90b, 0xe0cd04cc,
  0x478ccccd, 0x961362cb, 0xbd683391, 0x58a4b518, 0xae2f1f53, 0x2877124a, 0xa3d9ff97, 0x8bbf3348,
);

/** The near-duplicate permutations' seeds (the first SIGNATURE_LENGTH stored seeds). */
export const MINHASH_SEEDS: Uint32Array = SEEDS.subarray(0, SIGNATURE_LENGTH);

/**
 * The 32-bit hashes of a text's word 3-shingles (one per position; a text of one or two words
 * is one shingle). Empty for a text without words.
 */
export function shingleHashes(text: string): Uint32Array {
  const ws = words(text);
  if (ws.length === 0) return new Uint32Array(0);
  const th = new Uint32Array(ws.length);
  for (let i = 0; i < ws.length; i++) th[i] = murmur32(ws[i]!, TOKEN_SEED);
  if (ws.length < SHINGLE_WORDS) {
    let h = 0;
    for (const t of th) h = combine32(h, t);
    return Uint32Array.of(h);
  }
  const out = new Uint32Array(ws.length - SHINGLE_WORDS + 1);
  for (let i = 0; i < out.length; i++) out[i] = combine32(combine32(th[i]!, th[i + 1]!), th[i + 2]!);
  return out;
}

/**
 * The MinHash signature of a set of 32-bit hashes, written at `out[offset … offset + seeds.length)`:
 * for each seed s, the minimum over x of fmix32(x XOR s) (fmix32 is a bijection, so each seed is
 * a permutation of the 32-bit values). An empty set gives all 0xffffffff.
 */
export function signatureInto(hashes: Uint32Array, seeds: Uint32Array, out: Uint32Array, offset: number): void {
  const k = seeds.length;
  out.fill(0xffffffff, offset, offset + k);
  for (let i = 0; i < hashes.length; i++) {
    const x = hashes[i]!;
    for (let j = 0; j < k; j++) {
      const v = fmix32((x ^ seeds[j]!) >>> 0);
      if (v < out[offset + j]!) out[offset + j] = v;
    }
  }
}

/** The signature of one text (MINHASH_SEEDS permutations over its shingles), for tests and single comments. */
export function signature(text: string): Uint32Array {
  const out = new Uint32Array(SIGNATURE_LENGTH);
  signatureInto(shingleHashes(text), MINHASH_SEEDS, out, 0);
  return out;
}

/** The fraction of positions where two signatures (rows `a` and `b` of `k` values) agree: an estimate of Jaccard similarity. */
export function estimatedJaccard(sigs: Uint32Array, k: number, a: number, b: number): number {
  let same = 0;
  const oa = a * k;
  const ob = b * k;
  for (let j = 0; j < k; j++) if (sigs[oa + j] === sigs[ob + j]) same++;
  return same / k;
}

/**
 * Join near-duplicates among `texts` (distinct texts) in `uf`: signatures, LSH with BANDS × ROWS,
 * candidates verified by estimated Jaccard ≥ NEAR_THRESHOLD. Texts without words take no part.
 * Returns the signatures (row i is text i's) for callers that keep them.
 */
export function linkNearDuplicates(texts: readonly string[], uf: UnionFind, threshold = NEAR_THRESHOLD): Uint32Array {
  const n = texts.length;
  const sigs = new Uint32Array(n * SIGNATURE_LENGTH);
  const empty = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const sh = shingleHashes(texts[i]!);
    if (sh.length === 0) empty[i] = 1;
    signatureInto(sh, MINHASH_SEEDS, sigs, i * SIGNATURE_LENGTH);
  }
  bandAndLink(
    sigs,
    n,
    BANDS,
    ROWS,
    uf,
    (a, b) => estimatedJaccard(sigs, SIGNATURE_LENGTH, a, b) >= threshold,
    (i) => empty[i] === 1,
  );
  return sigs;
}
