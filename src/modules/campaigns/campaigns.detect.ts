/**
 * Campaign detection over a batch of comment texts, without a database: exact groups by the
 * comments module's normalised text hash; near-duplicates (MinHash + LSH) and templates
 * (sentence skeletons) over the distinct texts only; then letters with a personal note joined
 * to their campaign. See docs/campaign-detection.md.
 */
import { bodyHash } from '../comments/index.js';
import { UnionFind } from './campaigns.lsh.js';
import { linkNearDuplicates, NEAR_THRESHOLD } from './campaigns.minhash.js';
import { CoreIndex, coreOf, personalPart } from './campaigns.personal.js';
import { linkTemplates } from './campaigns.template.js';
import { sentences, type Sentence } from './campaigns.text.js';

/** How a campaign was found: identical texts (after normalisation), near-duplicates, or a mail-merge template. */
export type CampaignKind = 'exact' | 'near' | 'template';

/** A member that is the campaign's letter plus a note of its own. */
export interface PersonalisedMember {
  /** The comment's index in the input. */
  index: number;
  /** The sentences outside the letter, as written: shown before the letter. */
  personal: string;
}

export interface Campaign {
  /** Input indices of every member, ascending (at least two). */
  members: number[];
  kind: CampaignKind;
  /** The input index of the member whose exact text is sent most often (not a personalised one when possible). */
  representative: number;
  /** Members carrying the campaign's letter plus a personal note, in input order. */
  personalised: PersonalisedMember[];
}

export interface Detection {
  /** Campaigns, largest first. Comments in none are unique. */
  campaigns: Campaign[];
  /** How many distinct texts (after normalisation) the input has. */
  distinct: number;
}

export interface DetectOptions {
  /** Near-duplicate threshold (estimated Jaccard of word 3-shingles); default NEAR_THRESHOLD. */
  nearThreshold?: number;
  /** Run the template (mail-merge) detector; default true. */
  templates?: boolean;
  /** Find letters with a personal note; default true. */
  personalised?: boolean;
}

/**
 * Find the campaigns among `texts`.
 * @example detectCampaigns(['Ban default passwords!', 'ban default passwords', 'Label devices.']).campaigns
 *   // [{ members: [0, 1], kind: 'exact', representative: 0, personalised: [] }]
 */
export function detectCampaigns(texts: readonly string[], options: DetectOptions = {}): Detection {
  // 1. Exact groups: one distinct text per normalised hash.
  const keyToDistinct = new Map<string, number>();
  const distinctOf = new Int32Array(texts.length);
  const distinctTexts: string[] = [];
  const copies: number[] = [];
  const firstIndex: number[] = [];
  texts.forEach((t, i) => {
    const key = bodyHash(t);
    let d = keyToDistinct.get(key);
    if (d === undefined) {
      d = distinctTexts.length;
      keyToDistinct.set(key, d);
      distinctTexts.push(t);
      copies.push(0);
      firstIndex.push(i);
    }
    distinctOf[i] = d;
    copies[d]!++;
  });
  keyToDistinct.clear();
  const nd = distinctTexts.length;

  // 2. Near-duplicates, then 3. templates, over distinct texts.
  const uf = new UnionFind(nd);
  linkNearDuplicates(distinctTexts, uf, options.nearThreshold ?? NEAR_THRESHOLD);
  const nearRoot = new Int32Array(nd);
  for (let d = 0; d < nd; d++) nearRoot[d] = uf.find(d);
  if (options.templates ?? true) linkTemplates(distinctTexts, uf);

  const groupOf = new Int32Array(nd);
  const groups = new Map<number, number[]>();
  for (let d = 0; d < nd; d++) {
    const r = uf.find(d);
    groupOf[d] = r;
    let g = groups.get(r);
    if (!g) groups.set(r, (g = []));
    g.push(d);
  }

  // 4. Letters with a personal note.
  const personal = new Map<number, string>();
  if (options.personalised ?? true) findPersonalised(distinctTexts, copies, groups, groupOf, personal);

  // 5. Campaigns of at least two comments.
  const membersOf = new Map<number, number[]>();
  for (let i = 0; i < texts.length; i++) {
    const g = groupOf[distinctOf[i]!]!;
    let m = membersOf.get(g);
    if (!m) membersOf.set(g, (m = []));
    m.push(i);
  }
  const campaigns: Campaign[] = [];
  for (const [g, members] of membersOf) {
    if (members.length < 2) continue;
    const ds = (groups.get(g) ?? []).filter((d) => groupOf[d] === g);
    const letters = ds.filter((d) => !personal.has(d));
    const pool = letters.length > 0 ? letters : ds;
    let rep = pool[0]!;
    for (const d of pool) if (copies[d]! > copies[rep]!) rep = d;
    const roots = new Set(letters.map((d) => nearRoot[d]));
    const kind: CampaignKind = letters.length <= 1 ? 'exact' : roots.size === 1 ? 'near' : 'template';
    const personalised: PersonalisedMember[] = [];
    for (const i of members) {
      const note = personal.get(distinctOf[i]!);
      if (note !== undefined) personalised.push({ index: i, personal: note });
    }
    campaigns.push({ members, kind, representative: firstIndex[rep]!, personalised });
  }
  campaigns.sort((a, b) => b.members.length - a.members.length || a.members[0]! - b.members[0]!);
  return { campaigns, distinct: nd };
}

/**
 * Mark the distinct texts that carry a group's core plus sentences of their own (`personal`),
 * and join to a group the other groups whose every text carries its core (`groups`, `groupOf`).
 */
function findPersonalised(
  texts: readonly string[],
  copies: readonly number[],
  groups: Map<number, number[]>,
  groupOf: Int32Array,
  personal: Map<number, string>,
): void {
  const sentencesOf = new Map<number, Sentence[]>();
  const ss = (d: number): Sentence[] => {
    let s = sentencesOf.get(d);
    if (!s) sentencesOf.set(d, (s = sentences(texts[d]!)));
    return s;
  };
  const cores = new Map<number, Set<number>>();
  const coreText = new Map<number, string[]>();
  for (const [g, ds] of groups) {
    const weight = ds.reduce((a, d) => a + copies[d]!, 0);
    if (weight < 2) continue;
    const core = coreOf(
      ds.map((d) => ss(d)),
      ds.map((d) => copies[d]!),
    );
    cores.set(g, core);
    const byHash = new Map<number, string>();
    for (const d of ds) for (const s of ss(d)) if (core.has(s.hash) && !byHash.has(s.hash)) byHash.set(s.hash, s.text);
    coreText.set(g, [...byHash.values()]);
    if (ds.length < 2) continue;
    for (const d of ds) {
      const note = personalPart(ss(d), core, coreText.get(g)!);
      if (note !== null) personal.set(d, note);
    }
  }
  // A group (often one text) whose every text carries another group's core and adds a note
  // of its own is that campaign's letter with personal notes: it joins the campaign.
  const index = new CoreIndex(cores);
  const moves: [number, number, string[]][] = [];
  for (const [g, ds] of groups) {
    const target = index.bestGroup(ss(ds[0]!));
    if (target < 0 || target === g) continue;
    const notes: string[] = [];
    for (const d of ds) {
      const note = index.bestGroup(ss(d)) === target ? personalPart(ss(d), cores.get(target)!, coreText.get(target)!) : null;
      if (note === null) break;
      notes.push(note);
    }
    if (notes.length === ds.length) moves.push([g, target, notes]);
  }
  for (const [g, target, notes] of moves) {
    const ds = groups.get(g)!;
    ds.forEach((d, i) => {
      personal.set(d, notes[i]!);
      groupOf[d] = target;
    });
    groups.get(target)!.push(...ds);
    groups.set(g, []);
  }
}
