import { normaliseForDuplicates } from '../comments/index.js';
import { murmur32 } from './campaigns.hash.js';

/** Words of a text for shingling: NFKC, lower case, runs of letters, marks and digits (the same classes the exact key keeps). */
export function words(text: string): string[] {
  return text.normalize('NFKC').toLocaleLowerCase('und').match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}

/** One sentence of a comment: its text as written (trimmed) and its hash after the exact-duplicate normalisation. */
export interface Sentence {
  text: string;
  /** murmur32 of `normaliseForDuplicates(text)`: two sentences equal modulo case, spacing and punctuation share it. */
  hash: number;
}

/**
 * A comment cut into sentences: after `.`, `!` or `?` followed by white space, and at every line
 * break. A semicolon joins two clauses of one sentence, so it does not cut (a mail-merge slot
 * "and found" / "; we found" must not shift every later sentence). Sentences with no letter or
 * digit are dropped.
 * @example sentences('Ban them. Now!\nThanks').map((s) => s.text) // ['Ban them.', 'Now!', 'Thanks']
 */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  for (const t of sentenceTexts(text)) {
    const normal = normaliseForDuplicates(t);
    if (normal !== '') out.push({ text: t, hash: murmur32(normal, 0x5e7e1ce5) });
  }
  return out;
}

/** The sentences of `sentences`, as trimmed strings, without their hashes (empty pieces dropped). */
export function sentenceTexts(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(/(?<=[.!?])\s+|\s*\n\s*/u)) {
    const t = part.trim();
    if (t !== '') out.push(t);
  }
  return out;
}

/**
 * Function words (English and French) kept by the template skeleton; every other word is
 * content and becomes a placeholder. A fixed list, so skeletons are comparable across runs.
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  (
    // English: articles, pronouns, auxiliaries and modals, prepositions, conjunctions, common adverbs.
    'a an the this that these those some any all each every no not nor none both either neither ' +
    'i me my mine we us our ours you your yours he him his she her hers it its they them their theirs ' +
    'who whom whose which what when where why how than then there here also too very just only even still ' +
    'am is are was were be been being have has had having do does did doing will would shall should can could may might must ought ' +
    'to of in on at by for with from into onto upon about above below over under between among through during before after ' +
    'against without within across along around behind beyond toward towards since until till per via ' +
    'and or but so if because as while although though unless whether yet ' +
    'more most less least many much such own same other another again further once ' +
    // French: articles, pronouns, auxiliaries, prepositions, conjunctions.
    'le la les l un une des du de d au aux ce cet cette ces mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs ' +
    'je j tu il elle on nous vous ils elles me m te t se s lui eux y en qui que qu quoi dont où ' +
    'est sont suis es sommes êtes était étaient être été avoir ai as avons avez ont avait doit doivent devrait devraient peut peuvent pourrait ' +
    'à dans par pour sur sous avec sans chez entre vers contre depuis pendant avant après selon ' +
    'et ou mais donc or ni car si comme lorsque quand puisque parce ne pas plus moins très aussi encore déjà tout tous toute toutes même autre autres'
  ).split(' '),
);

/** The placeholder a run of content words becomes in a skeleton. */
const CONTENT = '\u2022';

/**
 * A sentence's skeleton: function words kept, each run of content words replaced by one
 * placeholder, so "We urge device makers to ship signed updates" and "We ask vendors to ship
 * timely patches" share `we • to •`.
 */
export function skeleton(sentence: string): string[] {
  const out: string[] = [];
  for (const w of words(sentence)) {
    if (FUNCTION_WORDS.has(w)) out.push(w);
    else if (out[out.length - 1] !== CONTENT) out.push(CONTENT);
  }
  return out;
}

/** True for a placeholder token of `skeleton`. */
export function isContent(token: string): boolean {
  return token === CONTENT;
}
