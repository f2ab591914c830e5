/**
 * A synthetic corpus of public comments on an IoT security policy, with its answer key: which
 * campaign each comment belongs to (or none) and how the campaign's copies were made. Seeded,
 * so the same size and seed give the same corpus on any machine. Used by `npm run
 * bench:campaigns` and by the campaigns module's corpus test.
 *
 * Campaign kinds (sizes Zipf-distributed, the largest first):
 * - exact: the same letter, copies differing only in case, spacing and punctuation;
 * - light: copies with light edits (typos, a word's case, "Title II" / "Title 2");
 * - mailmerge: a letter whose every phrase is a slot filled from 3–6 synonyms per copy
 *   (some synonyms bring their own function words: "urge" / "call on");
 * - personalised: the same letter, most copies with a personal note before or after it;
 * - reordered: the letter's paragraphs in a different order per copy.
 * The rest are unique comments written from the same grammar and vocabulary.
 */
import { splitmix32, unitFloat } from '../src/modules/campaigns/campaigns.hash.js';

export type CorpusKind = 'exact' | 'light' | 'mailmerge' | 'personalised' | 'reordered';
export const CORPUS_KINDS: readonly CorpusKind[] = ['exact', 'light', 'mailmerge', 'personalised', 'reordered'];

export interface Corpus {
  texts: string[];
  /** The campaign of each text, or -1 for a unique comment. */
  campaign: Int32Array;
  /** The kind of each campaign. */
  kinds: CorpusKind[];
  /** The personal note a text adds to its campaign's letter, or null. */
  note: (string | null)[];
}

export interface CorpusOptions {
  size: number;
  seed?: number;
  /** The share of comments that belong to no campaign (default 0.3). */
  uniqueShare?: number;
  /** Comments per campaign on average (default 100: 10,000 comments make about 70 campaigns). */
  meanCampaignSize?: number;
}

type Rng = () => number;

/** Synonym groups: a unique comment picks a group and a member; a mail-merge slot offers the whole group. */
type Groups = readonly (readonly string[])[];

const SUBJECTS: Groups = [
  ['manufacturers', 'device makers', 'vendors', 'producers', 'brands'],
  ['retailers', 'shops', 'sellers', 'online marketplaces'],
  ['importers', 'distributors', 'resellers'],
  ['router vendors', 'makers of home routers', 'broadband providers', 'internet providers'],
  ['camera makers', 'makers of doorbell cameras', 'video doorbell brands'],
  ['app developers', 'software publishers', 'developers of companion apps'],
  ['cloud platforms', 'cloud services', 'hosting providers'],
  ['certification bodies', 'test laboratories', 'auditors', 'conformity assessors'],
];
const AUTHORITIES: Groups = [
  ['the working group', 'the committee', 'the drafting group', 'the panel'],
  ['the regulator', 'the agency', 'the authority', 'the commission', 'the ministry'],
  ['lawmakers', 'legislators', 'parliament', 'the government'],
];
const VERBS: Groups = [
  ['require', 'mandate', 'demand', 'insist on', 'impose'],
  ['publish', 'disclose', 'make public', 'announce'],
  ['guarantee', 'commit to', 'promise', 'ensure'],
  ['print', 'display', 'show', 'put'],
  ['test', 'audit', 'verify', 'check', 'assess'],
  ['ban', 'forbid', 'prohibit', 'outlaw'],
  ['support', 'maintain', 'keep up', 'sustain'],
];
const OBJECTS: Groups = [
  ['security updates', 'security patches', 'software fixes', 'firmware updates', 'vulnerability fixes'],
  ['default passwords', 'factory passwords', 'shared default logins', 'preset passwords'],
  ['unique passwords', 'individual passwords', 'per-device credentials', 'distinct passwords'],
  ['MUD profiles', 'manufacturer usage descriptions', 'network usage profiles', 'MUD files'],
  ['security labels', 'device labels', 'trust marks', 'cyber labels', 'label schemes'],
  ['support periods', 'update lifetimes', 'end-of-support dates', 'support end dates'],
  ['disclosure policies', 'vulnerability reporting channels', 'bug reporting contacts', 'coordinated disclosure programmes'],
  ['software bills of materials', 'component lists', 'SBOMs'],
  ['encryption', 'strong encryption', 'end-to-end encryption', 'encrypted storage'],
  ['privacy notices', 'data collection notices', 'privacy statements'],
  ['recall procedures', 'recall plans', 'withdrawal procedures'],
  ['pairing codes', 'setup codes', 'onboarding codes', 'QR codes for setup'],
];
const ADJECTIVES: Groups = [
  ['clear', 'plain', 'simple', 'readable', 'understandable'],
  ['signed', 'authenticated', 'verified', 'cryptographically signed'],
  ['timely', 'prompt', 'fast', 'rapid', 'quick'],
  ['free', 'free of charge', 'no-cost', 'costless'],
  ['mandatory', 'compulsory', 'obligatory', 'binding'],
  ['independent', 'third-party', 'external', 'impartial'],
  ['public', 'open', 'published', 'visible'],
  ['automatic', 'automated', 'self-installing'],
];
const ADVERBS: Groups = [
  ['strongly', 'firmly', 'earnestly', 'sincerely', 'really'],
  ['clearly', 'plainly', 'visibly', 'prominently'],
  ['promptly', 'quickly', 'swiftly', 'rapidly', 'speedily'],
];
const DEVICES: Groups = [
  ['router', 'wifi router', 'home router', 'modem'],
  ['baby monitor', 'baby camera', 'nursery camera'],
  ['doorbell camera', 'video doorbell', 'smart doorbell'],
  ['smart plug', 'connected plug', 'smart socket'],
  ['thermostat', 'smart thermostat', 'heating controller'],
  ['smart TV', 'connected television', 'streaming box', 'media player'],
  ['door lock', 'smart lock', 'connected lock', 'keyless lock'],
  ['insulin pump', 'glucose monitor', 'heart monitor', 'medical sensor'],
  ['printer', 'network printer', 'office printer'],
  ['smart speaker', 'voice assistant', 'connected speaker'],
];
const EVENTS: Groups = [
  ['stopped getting updates', 'lost its updates', 'no longer receives patches', 'was abandoned by its maker'],
  ['was hacked', 'was compromised', 'was broken into', 'got taken over'],
  ['joined a botnet', 'was enrolled in a botnet', 'became part of a botnet'],
  ['leaked my Wi-Fi password', 'exposed my network key', 'revealed my home network password'],
  ['shipped with admin/admin', 'came with a default login', 'arrived with a shared password'],
  ['was recalled', 'was pulled from sale', 'was withdrawn from the market'],
];
const WHEN: Groups = [
  ['last year', 'in 2025', 'twelve months ago'],
  ['two years ago', 'in 2024', 'a couple of years back'],
  ['last winter', 'over the holidays', 'during the winter'],
  ['after six months', 'within a year', 'after only months'],
];
const DURATIONS: Groups = [
  ['for at least five years', 'for five years or more', 'for no less than five years'],
  ['for the whole support period', 'for the entire support period', 'throughout the support period'],
  ['before the sale', 'at the point of sale', 'before purchase'],
  ['within 90 days', 'within three months', 'in under 90 days'],
  ['on the packaging', 'on the box', 'on the product page'],
  ['every quarter', 'four times a year', 'each quarter'],
];
const REASONS: Groups = [
  ['because botnets like Mirai used default passwords', 'since Mirai spread through default logins', 'as the Mirai botnet exploited factory passwords'],
  ['because people keep their devices for a decade', 'since households use devices for ten years', 'as homes keep gadgets for many years'],
  ['so that buyers can compare products', 'so shoppers can compare devices', 'so that consumers can choose wisely'],
  ['because most users never change settings', 'since few owners ever touch the settings', 'as most people keep the defaults'],
  ['because attackers scan the internet in minutes', 'since scanners find exposed devices within minutes', 'as exposed devices are found almost instantly'],
  ['because hospitals depend on connected equipment', 'since clinics rely on networked devices', 'as care homes run on connected sensors'],
];
const OPENERS: Groups = [
  ['I think', 'I believe', 'In my view,', 'In my opinion,'],
  ['As a parent,', 'As a mother,', 'As a father,', 'As a grandparent,'],
  ['As an engineer,', 'As a security researcher,', 'As a network administrator,', 'As a developer,'],
  ['Frankly,', 'Honestly,', 'To be blunt,', 'Quite simply,'],
  ['We believe', 'Our members think', 'Our association holds that', 'Our organisation believes'],
];
const REQUESTS: Groups = [
  ['urge', 'ask', 'call on', 'implore', 'press'],
  ['would like', 'want', 'expect', 'need'],
];
const SECTIONS: Groups = [['Title II', 'Title 2'], ['Section 4', 'section four'], ['Article 7', 'article seven'], ['the annex', 'Annex B', 'the technical annex']];

/** A phrase: a literal, or a slot drawn from groups (one group chosen per letter, one member per copy). */
type Part = string | Groups;
/** A sentence frame: parts joined by spaces, optional parts given as [part, probability]. */
type Frame = readonly (Part | readonly [Part, number])[];

const FRAMES: readonly Frame[] = [
  [[OPENERS, 0.5], SUBJECTS, 'should', [ADVERBS, 0.3], VERBS, [ADJECTIVES, 0.5], OBJECTS, [DURATIONS, 0.6], [REASONS, 0.4], '.'],
  ['I', REQUESTS, AUTHORITIES, 'to', VERBS, [ADJECTIVES, 0.5], OBJECTS, 'from', SUBJECTS, [DURATIONS, 0.5], '.'],
  ['My', DEVICES, EVENTS, WHEN, ', and', [ADVERBS, 0.3], '{nobody|no one|not one company} {told|warned|informed} me', [REASONS, 0.3], '.'],
  ['Without', [ADJECTIVES, 0.6], OBJECTS, ',', SUBJECTS, 'will {keep|go on|carry on} {selling|marketing|shipping|offering} {devices|products|gadgets} that', EVENTS, '.'],
  ['The {rule|provision|requirement|clause} on', OBJECTS, 'in', SECTIONS, 'should also {cover|include|extend to|apply to}', [ADJECTIVES, 0.5], OBJECTS, [DURATIONS, 0.5], '.'],
  ['Why are', SUBJECTS, 'still {allowed|permitted|free} to {sell|market|offer} a', DEVICES, 'without', [ADJECTIVES, 0.5], OBJECTS, '?'],
  ['If', SUBJECTS, 'do not', VERBS, OBJECTS, ',', AUTHORITIES, 'should {fine|penalise|sanction|punish} them', [DURATIONS, 0.4], '.'],
  [[OPENERS, 0.4], OBJECTS, '{matter|count} more than', OBJECTS, 'for {anyone|everyone|any household|any family} who {owns|uses|has} a', DEVICES, '.'],
  ['Please {make|keep|render}', OBJECTS, [ADJECTIVES, 0.7], 'and {put|list|state} them', DURATIONS, '.'],
  ['It is not {enough|sufficient|adequate} to', VERBS, OBJECTS, 'once; it {has|needs} to {happen|continue|be repeated}', DURATIONS, [REASONS, 0.5], '.'],
  ['When I {bought|purchased|got|ordered} my', DEVICES, WHEN, ', there was no {word|mention|information|notice} about', OBJECTS, '{anywhere|at all|whatsoever}', '.'],
  [SECTIONS, 'is too {weak|vague|timid|soft} on', OBJECTS, 'and {says|tells us|states} nothing about', [ADJECTIVES, 0.5], OBJECTS, '.'],
  ['We', REQUESTS, AUTHORITIES, 'to {keep|retain|preserve}', SECTIONS, 'as {drafted|written|proposed} and to', VERBS, OBJECTS, [REASONS, 0.5], '.'],
  ['A', DEVICES, 'that', EVENTS, 'is a {danger|threat|risk|hazard} to every other {device|machine|appliance} on the {network|home network|local network}', '.'],
  ['{Small|Smaller|Tiny} {firms|companies|businesses|start-ups} can', VERBS, [ADJECTIVES, 0.5], OBJECTS, 'too, if', AUTHORITIES, '{publishes|provides|offers} a {template|model|standard form}', DURATIONS, '.'],
  ['{Thank you|Thanks|Many thanks} for {reading|considering|weighing} my {comment|submission|views} on', OBJECTS, '.'],
  ['Last {month|week|spring} my {neighbour|brother|colleague} {found|discovered|noticed} that her', DEVICES, 'was {sending|uploading|streaming} {video|audio|data} to {servers|machines|hosts} {abroad|overseas|nobody could name}', '.'],
  ['How {can|could} anyone {expect|ask} {ordinary|regular|everyday} {people|buyers|users} to {understand|judge|evaluate}', OBJECTS, 'on their own', '?'],
  ['{Nobody|No buyer|Hardly anyone} {reads|studies|checks}', OBJECTS, 'before {buying|paying for|choosing} a', DEVICES, ', so', [ADJECTIVES, 0.5], OBJECTS, 'must do the work', '.'],
  [[OPENERS, 0.5], 'the {draft|proposal|text} {gets|has} the {balance|priorities|emphasis} {right|about right|wrong} on', OBJECTS, '.'],
  ['{Insurers|Banks|Landlords} {already|now|increasingly} {ask|enquire|want to know} whether a', DEVICES, 'has', OBJECTS, '.'],
  ['Our {lab|team|group} {tested|examined|took apart} {forty|sixty|a hundred} {devices|products|models} {and found|; we found|, finding}', OBJECTS, 'on {fewer than half|only a third|almost none} of them', '.'],
  ['{Schools|Hospitals|Libraries|Town halls} {buy|procure|install}', DEVICES, '{units|models} by the hundred and {deserve|need|should get}', [ADJECTIVES, 0.5], OBJECTS, '.'],
  ['Could', AUTHORITIES, '{explain|clarify|spell out} how', SECTIONS, '{works|applies|would apply} to {second-hand|refurbished|used} {devices|products|equipment}', '?'],
  ['{Please|Kindly} do not let', SUBJECTS, 'water down', SECTIONS, 'during the {consultation|review|negotiations}', '.'],
  ['{Tying|Linking|Connecting}', OBJECTS, 'to', OBJECTS, 'would {help|serve|protect} {consumers|buyers|households} {most|best|far more}', '.'],
  ['{Ten|Twenty|Fifteen} years of {botnets|breaches|incidents} {show|prove|demonstrate} that {voluntary|self-regulatory|optional} {codes|pledges|schemes} do not {work|deliver|suffice}', '.'],
  ['I {repair|fix|install}', DEVICES, '{units|models} for a {living|job|trade}, and', OBJECTS, 'would {save|spare} my {customers|clients} {money|time|trouble}', '.'],
  ['{Labels|Marks|Badges} {alone|by themselves|on their own} {will|would} not {fix|solve|cure} anything {unless|if not} someone {checks|verifies|enforces}', OBJECTS, '.'],
  ['The {deadline|timeline|schedule} in', SECTIONS, 'is {too short|unrealistic|too tight} for', SUBJECTS, '.'],
];

/**
 * Each writer's own turns of phrase, added when a sentence is first written (a letter's author
 * writes them once; its copies keep them): they make free-written comments differ in structure,
 * as people's writing does, and not only in words.
 */
const STYLE_PREFIXES: readonly string[] = (
  'In fact,|Of course,|To be honest,|As far as I can tell,|At the very least,|For what it is worth,|On top of that,|What is more,|' +
  'In any case,|All the same,|By the way,|Above all,|First of all,|In the end,|At this point,|For this reason,|On the other hand,|' +
  'In practice,|If anything,|As it stands,|To my mind,|In short,|Even so,|Just as important,|Most of all,|Again,|Still,|Sadly,|' +
  'Clearly,|Worse,|Time and again,|In the meantime,|At the same time,|For the record,|As a rule,|In other words,|By and large,|To sum up,'
).split('|');
const STYLE_SUFFIXES: readonly string[] = (
  'if you ask me|in my experience|as things stand|as far as I know|to say the least|at least in my house|for all of us|' +
  'in the long run|once and for all|without any doubt|for the time being|in the real world|to be fair|by any measure|' +
  'as soon as possible|at all costs|in my own town|for most of my neighbours|like everyone else|more than ever'
).split('|');

/** One chosen sentence: each part fixed to a group (and, for a unique text, to a member). */
type Chosen = readonly (string | readonly string[])[];

function pick<T>(rng: Rng, xs: readonly T[]): T {
  return xs[Math.floor(unitFloat(rng) * xs.length)]!;
}

/** Choose a frame's optional parts and groups; slots stay open (a list of synonyms). */
function chooseSentence(rng: Rng, frame: Frame): Chosen {
  const out: (string | readonly string[])[] = [];
  if (unitFloat(rng) < 0.45) out.push(pick(rng, STYLE_PREFIXES));
  for (const p of frame) {
    let part: Part;
    if (Array.isArray(p) && p.length === 2 && typeof p[1] === 'number') {
      if (unitFloat(rng) >= p[1]) continue;
      part = p[0] as Part;
    } else part = p as Part;
    if (typeof part !== 'string') out.push(pick(rng, part));
    // Literal text: each {a|b|c} is a slot of its own.
    else for (const piece of part.split(/(\{[^}]+\})/)) {
      const t = piece.trim();
      if (t === '') continue;
      out.push(t.startsWith('{') ? t.slice(1, -1).split('|') : t);
    }
  }
  if (unitFloat(rng) < 0.35) out.splice(out.length - 1, 0, pick(rng, STYLE_SUFFIXES));
  return out;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Render a chosen sentence, each open slot filled by `fill`. */
function render(sentence: Chosen, fill: (alternatives: readonly string[], slot: number) => string): string {
  let s = '';
  sentence.forEach((p, i) => {
    const w = typeof p === 'string' ? p : fill(p, i);
    if (w === '.' || w === '?' || w.startsWith(',') || w === ',') s += w;
    else s += (s === '' ? '' : ' ') + w;
  });
  return capitalise(s);
}

/** A letter: paragraphs of chosen sentences. */
type Letter = Chosen[][];

function chooseLetter(rng: Rng, paragraphs: number, perParagraph: [number, number]): Letter {
  const letter: Letter = [];
  for (let p = 0; p < paragraphs; p++) {
    const n = perParagraph[0] + Math.floor(unitFloat(rng) * (perParagraph[1] - perParagraph[0] + 1));
    const para: Chosen[] = [];
    for (let i = 0; i < n; i++) para.push(chooseSentence(rng, pick(rng, FRAMES)));
    letter.push(para);
  }
  return letter;
}

/** Fixed text: every slot filled once (from a per-letter choice). */
function fixLetter(rng: Rng, letter: Letter): string[][] {
  return letter.map((para) => para.map((s) => render(s, (alts) => pick(rng, alts))));
}

function join(paras: readonly (readonly string[])[]): string {
  return paras.map((p) => p.join(' ')).join('\n\n');
}

/** Variations that the exact key ignores: case, spacing, punctuation. */
function surfaceVariant(rng: Rng, text: string): string {
  const r = unitFloat(rng);
  if (r < 0.2) return text.toUpperCase();
  if (r < 0.4) return text.toLowerCase();
  if (r < 0.6) return text.replace(/ /g, '  ');
  if (r < 0.8) return text.replace(/[.,]/g, '') + '!!';
  return text;
}

/** Light edits: 1–3 of a typo, a word's case changed, "Title II" written "Title 2". */
function lightEdit(rng: Rng, text: string): string {
  const ws = text.split(' ');
  const edits = 1 + Math.floor(unitFloat(rng) * 3);
  for (let e = 0; e < edits; e++) {
    const i = Math.floor(unitFloat(rng) * ws.length);
    const w = ws[i]!;
    const r = unitFloat(rng);
    if (r < 0.6 && w.length >= 4) {
      const j = 1 + Math.floor(unitFloat(rng) * (w.length - 2));
      const kind = unitFloat(rng);
      ws[i] = kind < 0.33 ? w.slice(0, j) + w[j + 1] + w[j] + w.slice(j + 2) : kind < 0.66 ? w.slice(0, j) + w.slice(j + 1) : w.slice(0, j) + w[j] + w.slice(j);
    } else if (r < 0.8) ws[i] = w.toUpperCase();
    else ws[i] = w.toLowerCase();
  }
  return ws.join(' ').replace(/Title II\b/g, 'Title 2').replace(/Section 4\b/g, 'section four');
}

function shuffle<T>(rng: Rng, xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(unitFloat(rng) * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

/** A personal note of 1–3 sentences. */
function personalNote(rng: Rng): string {
  const n = 1 + Math.floor(unitFloat(rng) * 3);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const frame = pick(rng, [FRAMES[2]!, FRAMES[10]!, FRAMES[13]!, FRAMES[0]!]);
    out.push(render(chooseSentence(rng, frame), (alts) => pick(rng, alts)));
  }
  return out.join(' ');
}

/** Campaign sizes: Zipf (s ∝ 1/rank) summing to about `total`, each at least 2. */
export function zipfSizes(total: number, campaigns: number): number[] {
  let h = 0;
  for (let i = 1; i <= campaigns; i++) h += 1 / i;
  const sizes: number[] = [];
  for (let i = 1; i <= campaigns; i++) sizes.push(Math.max(2, Math.round(total / (h * i))));
  return sizes;
}

/**
 * Generate a corpus of `size` comments in a seeded random order.
 * @example generateCorpus({ size: 1000, seed: 7 }).texts.length // 1000
 */
export function generateCorpus(options: CorpusOptions): Corpus {
  const rng = splitmix32(options.seed ?? 2017);
  const size = options.size;
  const uniqueShare = options.uniqueShare ?? 0.3;
  const inCampaigns = Math.round(size * (1 - uniqueShare));
  const count = Math.max(CORPUS_KINDS.length, Math.round(inCampaigns / (options.meanCampaignSize ?? 100)));
  const sizes = zipfSizes(inCampaigns, count);
  const texts: string[] = [];
  const campaign: number[] = [];
  const note: (string | null)[] = [];
  const kinds: CorpusKind[] = [];
  sizes.forEach((n, c) => {
    if (texts.length + n > size) n = Math.max(0, size - texts.length);
    if (n < 2) return;
    const kind = CORPUS_KINDS[c % CORPUS_KINDS.length]!;
    const id = kinds.length;
    kinds.push(kind);
    const paragraphs = kind === 'reordered' ? 3 + Math.floor(unitFloat(rng) * 2) : 1 + Math.floor(unitFloat(rng) * 3);
    const letter = chooseLetter(rng, paragraphs, kind === 'reordered' ? [1, 3] : [2, 3]);
    const fixed = fixLetter(rng, letter);
    for (let m = 0; m < n; m++) {
      let t: string;
      let own: string | null = null;
      switch (kind) {
        case 'exact':
          t = surfaceVariant(rng, join(fixed));
          break;
        case 'light':
          t = m === 0 ? join(fixed) : lightEdit(rng, join(fixed));
          break;
        case 'mailmerge':
          t = join(letter.map((para) => para.map((s) => render(s, (alts) => pick(rng, alts)))));
          break;
        case 'personalised': {
          const base = join(fixed);
          const r = unitFloat(rng);
          own = r < 0.3 ? null : personalNote(rng);
          t = own === null ? base : r < 0.65 ? `${own}\n\n${base}` : `${base}\n\n${own}`;
          break;
        }
        case 'reordered':
          t = join(m === 0 ? fixed : shuffle(rng, fixed.slice()));
          break;
      }
      texts.push(t);
      campaign.push(id);
      note.push(own);
    }
  });
  while (texts.length < size) {
    const n = 1 + Math.floor(unitFloat(rng) * 3);
    texts.push(join(fixLetter(rng, chooseLetter(rng, n, n === 1 ? [3, 5] : [2, 4]))));
    campaign.push(-1);
    note.push(null);
  }
  // One seeded shuffle, so campaigns are not in blocks.
  const order = shuffle(
    rng,
    texts.map((_, i) => i),
  );
  return {
    texts: order.map((i) => texts[i]!),
    campaign: Int32Array.from(order.map((i) => campaign[i]!)),
    kinds,
    note: order.map((i) => note[i]!),
  };
}

/** Pairwise precision and recall of campaign membership, for one kind or all. */
export interface Scores {
  precision: number;
  recall: number;
  /** Pairs of comments put together, pairs that belong together, and pairs both. */
  predictedPairs: number;
  truePairs: number;
  correctPairs: number;
}

export interface Evaluation {
  overall: Scores;
  byKind: Record<CorpusKind, Scores>;
  /** Unique comments that were put in a campaign. */
  uniquesGrouped: number;
  /** Comments with a personal note that were marked personalised, of all with a note. */
  notesFound: number;
  notes: number;
  /** Marked personalised whose extracted note is exactly the generated note. */
  notesExact: number;
}

function pairs(n: number): number {
  return (n * (n - 1)) / 2;
}

/**
 * Score a detection against the corpus's answer key. `predicted[i]` is the campaign the
 * detector put comment i in, or -1. Precision for a kind counts the predicted pairs that have
 * a member of that kind.
 */
export function evaluate(corpus: Corpus, predicted: Int32Array, personalised: ReadonlyMap<number, string>): Evaluation {
  const cells = new Map<string, number>();
  const predSize = new Map<number, number>();
  const predKindCount = new Map<string, number>();
  let uniquesGrouped = 0;
  for (let i = 0; i < corpus.texts.length; i++) {
    const p = predicted[i]!;
    const t = corpus.campaign[i]!;
    if (p < 0) continue;
    predSize.set(p, (predSize.get(p) ?? 0) + 1);
    const kind = t < 0 ? 'unique' : corpus.kinds[t]!;
    predKindCount.set(`${p}:${kind}`, (predKindCount.get(`${p}:${kind}`) ?? 0) + 1);
    if (t < 0) uniquesGrouped++;
    else cells.set(`${p}:${t}`, (cells.get(`${p}:${t}`) ?? 0) + 1);
  }
  const trueSize = new Map<number, number>();
  for (const t of corpus.campaign) if (t >= 0) trueSize.set(t, (trueSize.get(t) ?? 0) + 1);

  const blank = (): Scores => ({ precision: 1, recall: 1, predictedPairs: 0, truePairs: 0, correctPairs: 0 });
  const overall = blank();
  const byKind = Object.fromEntries(CORPUS_KINDS.map((k) => [k, blank()])) as Record<CorpusKind, Scores>;
  for (const [t, n] of trueSize) {
    overall.truePairs += pairs(n);
    byKind[corpus.kinds[t]!].truePairs += pairs(n);
  }
  for (const [key, n] of cells) {
    const t = Number(key.split(':')[1]);
    overall.correctPairs += pairs(n);
    byKind[corpus.kinds[t]!].correctPairs += pairs(n);
  }
  for (const [, n] of predSize) overall.predictedPairs += pairs(n);
  for (const [key, a] of predKindCount) {
    const [p, kind] = key.split(':') as [string, CorpusKind | 'unique'];
    if (kind === 'unique') continue;
    const size = predSize.get(Number(p))!;
    byKind[kind].predictedPairs += pairs(a) + a * (size - a);
  }
  for (const s of [overall, ...Object.values(byKind)]) {
    s.precision = s.predictedPairs === 0 ? 1 : s.correctPairs / s.predictedPairs;
    s.recall = s.truePairs === 0 ? 1 : s.correctPairs / s.truePairs;
  }
  let notes = 0;
  let notesFound = 0;
  let notesExact = 0;
  corpus.note.forEach((note, i) => {
    if (note === null) return;
    notes++;
    const found = personalised.get(i);
    if (found !== undefined) notesFound++;
    if (found === note) notesExact++;
  });
  return { overall, byKind, uniquesGrouped, notesFound, notes, notesExact };
}
