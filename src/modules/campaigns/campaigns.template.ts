/**
 * Templates (mail-merge): members of a campaign that swaps synonyms into slots share almost no
 * word shingles, so MinHash misses them; they do share the letter's frame. Each sentence is
 * reduced to its skeleton (function words kept, each run of content words one placeholder,
 * campaigns.text.ts); a text's features are the skeleton's bigrams tagged with the sentence's
 * position. A slot whose synonyms bring their own function words ("urge" / "call on") changes
 * only the two or three bigrams around it, so members keep most features; two texts are one
 * template when the Jaccard similarity of their feature sets reaches TEMPLATE_THRESHOLD.
 * Candidates come from a small MinHash over the features (LSH 16 bands × 2 rows), verified by
 * the exact Jaccard of the two sorted feature arrays.
 */
import { combine32, murmur32 } from './campaigns.hash.js';
import { bandAndLink, type UnionFind } from './campaigns.lsh.js';
import { SEEDS, SIGNATURE_LENGTH, signatureInto } from './campaigns.minhash.js';
import { sentenceTexts, skeleton } from './campaigns.text.js';

/** Two texts follow one template when their skeleton features' Jaccard similarity reaches this. */
export const TEMPLATE_THRESHOLD = 0.6;
/** A text with fewer features (a sentence or two) takes no part: short skeletons are shared by chance. */
export const MIN_FEATURES = 16;

const TEMPLATE_BANDS = 16;
const TEMPLATE_ROWS = 2;
/** The template signature's seeds: the 32 stored seeds after the near-duplicate ones. */
export const TEMPLATE_SEEDS: Uint32Array = SEEDS.subarray(SIGNATURE_LENGTH, SIGNATURE_LENGTH + TEMPLATE_BANDS * TEMPLATE_ROWS);
const SKELETON_SEED = 0x5ce1e70e;

/** Skeleton tokens are function words and one placeholder: few enough to hash each once. */
const tokenHashes = new Map<string, number>();
function tokenHash(token: string): number {
  let h = tokenHashes.get(token);
  if (h === undefined) tokenHashes.set(token, (h = murmur32(token, SKELETON_SEED)));
  return h;
}

/**
 * The template features of a text, sorted and distinct: each bigram of each sentence's
 * skeleton (with a start and an end mark), hashed with the sentence's position.
 * @example templateFeatures('We urge vendors to ship patches.').length // 5: ^ we, we •, • to, to •, • $
 */
export function templateFeatures(text: string): Uint32Array {
  const out: number[] = [];
  let position = 0;
  for (const sentence of sentenceTexts(text)) {
    const sk = skeleton(sentence);
    if (sk.length === 0) continue;
    position++;
    let prev = tokenHash('^');
    for (let j = 0; j <= sk.length; j++) {
      const h = tokenHash(j < sk.length ? sk[j]! : '$');
      out.push(combine32(combine32(position, prev), h));
      prev = h;
    }
  }
  const sorted = Uint32Array.from(out).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i]!;
  return sorted.slice(0, n);
}

/** How many values two sorted arrays share. */
function sharedCount(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      n++;
      i++;
      j++;
    }
  }
  return n;
}

/** The Jaccard similarity of two sorted, distinct feature arrays. */
export function featureJaccard(a: Uint32Array, b: Uint32Array): number {
  const shared = sharedCount(a, b);
  const union = a.length + b.length - shared;
  return union === 0 ? 0 : shared / union;
}

/** True when two texts' features say they are one template. */
export function sameTemplate(a: Uint32Array, b: Uint32Array): boolean {
  return a.length >= MIN_FEATURES && b.length >= MIN_FEATURES && featureJaccard(a, b) >= TEMPLATE_THRESHOLD;
}

/** Join texts (distinct texts) that follow one template, in `uf`. */
export function linkTemplates(texts: readonly string[], uf: UnionFind): void {
  const n = texts.length;
  const k = TEMPLATE_SEEDS.length;
  const features: Uint32Array[] = new Array<Uint32Array>(n);
  const sigs = new Uint32Array(n * k);
  const skip = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const f = templateFeatures(texts[i]!);
    features[i] = f;
    if (f.length < MIN_FEATURES) skip[i] = 1;
    signatureInto(f, TEMPLATE_SEEDS, sigs, i * k);
  }
  bandAndLink(
    sigs,
    n,
    TEMPLATE_BANDS,
    TEMPLATE_ROWS,
    uf,
    (a, b) => sameTemplate(features[a]!, features[b]!),
    (i) => skip[i] === 1,
  );
}
