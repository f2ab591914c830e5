import { describe, expect, it } from 'vitest';
import { CORPUS_KINDS, evaluate, generateCorpus } from '../../../bench/comments-corpus.js';
import { detectCampaigns } from './campaigns.detect.js';
import { estimatedJaccard, NEAR_THRESHOLD, signature } from './campaigns.minhash.js';
import { sameTemplate, templateFeatures } from './campaigns.template.js';

const LETTER =
  'Manufacturers should publish how long each device will receive security updates, and print that date on the box. ' +
  'Default passwords must be banned outright, because botnets like Mirai spread through them. ' +
  'Every router and camera should ship with a MUD profile so that home networks can limit what it talks to. ' +
  'Please keep Title II as drafted.';

const UNRELATED =
  'I run a small repair shop and see the same problem every week: people bring in printers that nobody patched. ' +
  'The working group could fund a public register of support periods instead of new labels.';

function jaccard(a: string, b: string): number {
  const sigs = new Uint32Array([...signature(a), ...signature(b)]);
  return estimatedJaccard(sigs, sigs.length / 2, 0, 1);
}

// A mail-merge campaign: the same frame, every phrase a slot filled from synonyms, and some
// synonyms bring their own function words ("urge" / "call on", "for at least" / "for no less than").
const MERGE_A =
  'I strongly urge the working group to require unique passwords from device makers for at least five years. ' +
  'Without signed updates, vendors will keep selling gadgets that joined a botnet last winter. ' +
  'The rule on security labels in Title II should also cover support periods before the sale. ' +
  'Please make disclosure policies clear and print them on the box. ' +
  'Thank you for reading my comment on default passwords.';
const MERGE_B =
  'I firmly call on the committee to mandate individual passwords from manufacturers for no less than five years. ' +
  'Without authenticated patches, retailers will go on marketing devices that became part of a botnet two years ago. ' +
  'The provision on trust marks in Annex B should also include update lifetimes at the point of sale. ' +
  'Please keep bug reporting contacts plain and list them on the packaging. ' +
  'Many thanks for considering my submission on factory passwords.';

describe('exact groups', () => {
  it('groups two copies that differ only in case, spacing and punctuation', () => {
    const { campaigns } = detectCampaigns(['Ban DEFAULT passwords!!', 'ban default   passwords', UNRELATED]);
    expect(campaigns).toEqual([{ members: [0, 1], kind: 'exact', representative: 0, personalised: [] }]);
  });

  it('takes an empty batch and texts without a word (no shingle, no skeleton) without failing', () => {
    expect(detectCampaigns([])).toEqual({ campaigns: [], distinct: 0 });
    const { campaigns, distinct } = detectCampaigns(['???', '!!!', '???', 'ok']);
    expect(distinct).toBe(3);
    expect(campaigns).toEqual([{ members: [0, 2], kind: 'exact', representative: 0, personalised: [] }]);
  });

  it('keeps two unrelated texts apart (no campaign at all)', () => {
    expect(jaccard(LETTER, UNRELATED)).toBeLessThan(NEAR_THRESHOLD);
    expect(detectCampaigns([LETTER, UNRELATED]).campaigns).toEqual([]);
  });
});

describe('near-duplicates (MinHash + LSH)', () => {
  it('groups a copy with typos and "Title 2" for "Title II" as near', () => {
    const edited = LETTER.replace('receive', 'recieve').replace('outright', 'outrigth').replace('Title II', 'Title 2');
    expect(jaccard(LETTER, edited)).toBeGreaterThanOrEqual(NEAR_THRESHOLD);
    const { campaigns } = detectCampaigns([LETTER, UNRELATED, edited]);
    expect(campaigns).toHaveLength(1);
    expect(campaigns[0]).toMatchObject({ members: [0, 2], kind: 'near' });
  });

  it('groups a copy whose paragraphs are in another order', () => {
    const paras = ['Default passwords must be banned outright, because botnets like Mirai spread through them.', LETTER, 'Please keep Title II as drafted, and publish support periods.'];
    const { campaigns } = detectCampaigns([paras.join('\n\n'), [paras[2], paras[0], paras[1]].join('\n\n')]);
    expect(campaigns[0]?.members).toEqual([0, 1]);
  });
});

describe('templates (mail-merge)', () => {
  it('groups a mail-merge pair that MinHash cannot see', () => {
    expect(jaccard(MERGE_A, MERGE_B)).toBeLessThan(0.1);
    expect(detectCampaigns([MERGE_A, MERGE_B, UNRELATED], { templates: false }).campaigns).toEqual([]);
    const { campaigns } = detectCampaigns([MERGE_A, MERGE_B, UNRELATED]);
    expect(campaigns).toHaveLength(1);
    expect(campaigns[0]).toMatchObject({ members: [0, 1], kind: 'template' });
  });

  it('does not take two letters of the same length and theme but another structure for a template', () => {
    expect(sameTemplate(templateFeatures(MERGE_A), templateFeatures(LETTER))).toBe(false);
    expect(detectCampaigns([MERGE_A, LETTER]).campaigns).toEqual([]);
  });
});

describe('form letter plus personal note', () => {
  const note =
    'My baby monitor was hacked two winters ago and the maker never answered my emails. ' +
    'Since then I check every gadget I buy for a support date, and I return the ones without one. ' +
    'My sister, who works in a hospital, tells me their infusion pumps are no better. ' +
    'I would happily pay a little more for a thermostat that the vendor promises to fix for ten years.';

  it('joins a longer comment that carries the letter, marks it personalised and separates the note', () => {
    const personal = `${note}\n\n${LETTER}`;
    expect(jaccard(LETTER, personal)).toBeLessThan(NEAR_THRESHOLD);
    const texts = [LETTER, UNRELATED, LETTER.toUpperCase(), personal];
    expect(detectCampaigns(texts, { personalised: false }).campaigns[0]?.members).toEqual([0, 2]);
    const { campaigns } = detectCampaigns(texts);
    expect(campaigns).toHaveLength(1);
    expect(campaigns[0]).toMatchObject({ members: [0, 2, 3], representative: 0, personalised: [{ index: 3, personal: note }] });
  });

  it('does not call a typo a personal note', () => {
    // Six sentences, so the copy with a typo still carries five of them (≥ 80% of the letter).
    const letter = `${LETTER} Labels should say whom to call about a vulnerability. Retailers should refuse devices without one.`;
    const typo = letter.replace('outright', 'outrigth');
    const { campaigns } = detectCampaigns([letter, letter, typo]);
    expect(campaigns[0]).toMatchObject({ members: [0, 1, 2], personalised: [] });
  });
});

describe('on a generated corpus with its answer key', () => {
  it('reaches precision ≥ 0.99 and recall ≥ 0.95 overall and for every kind', () => {
    const corpus = generateCorpus({ size: 3000, seed: 11, meanCampaignSize: 60 });
    const { campaigns } = detectCampaigns(corpus.texts);
    const predicted = new Int32Array(corpus.texts.length).fill(-1);
    const notes = new Map<number, string>();
    campaigns.forEach((c, id) => {
      for (const i of c.members) predicted[i] = id;
      for (const p of c.personalised) notes.set(p.index, p.personal);
    });
    const ev = evaluate(corpus, predicted, notes);
    const all: [string, { precision: number; recall: number }][] = [['overall', ev.overall], ...CORPUS_KINDS.map((k): [string, { precision: number; recall: number }] => [k, ev.byKind[k]])];
    const scores = Object.fromEntries(all.map(([k, s]) => [k, { p: s.precision >= 0.99, r: s.recall >= 0.95 }]));
    expect(scores).toEqual(Object.fromEntries(['overall', ...CORPUS_KINDS].map((k) => [k, { p: true, r: true }])));
    expect(ev.notesFound / ev.notes).toBeGreaterThanOrEqual(0.95);
  });

  it('is reproducible: the same seed gives the same corpus', () => {
    expect(generateCorpus({ size: 200, seed: 5 })).toEqual(generateCorpus({ size: 200, seed: 5 }));
  });
});
