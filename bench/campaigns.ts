/**
 * `npm run bench:campaigns -- [--size N] [--seed S] [--no-templates] [--no-personalised]`:
 * campaign detection quality (issue 11, benchmark 2). Generates a synthetic corpus with its
 * answer key (bench/comments-corpus.ts), runs detectCampaigns on it, and prints pairwise
 * precision and recall of campaign membership overall and per kind, how many letters with a
 * personal note were found, and the time. Figures are printed, not asserted (the corpus test
 * in src/modules/campaigns asserts floors on a small corpus).
 */
import os from 'node:os';
import { detectCampaigns } from '../src/modules/campaigns/index.js';
import { CORPUS_KINDS, evaluate, generateCorpus } from './comments-corpus.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function positive(name: string, fallback: number): number {
  const raw = arg(name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got ${raw}`);
  return n;
}

const size = positive('size', 10_000);
const seed = positive('seed', 2017);
const templates = !process.argv.includes('--no-templates');
const personalised = !process.argv.includes('--no-personalised');

const t0 = performance.now();
const corpus = generateCorpus({ size, seed });
const t1 = performance.now();
const detection = detectCampaigns(corpus.texts, { templates, personalised });
const t2 = performance.now();

const predicted = new Int32Array(size).fill(-1);
const notes = new Map<number, string>();
detection.campaigns.forEach((c, id) => {
  for (const i of c.members) predicted[i] = id;
  for (const p of c.personalised) notes.set(p.index, p.personal);
});
const ev = evaluate(corpus, predicted, notes);

const pct = (x: number): string => x.toFixed(4);
const seconds = (t2 - t1) / 1000;
console.log(`campaign detection — ${size.toLocaleString('en')} comments, seed ${seed}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), Node ${process.version}`);
console.log(`detectors: exact, near${templates ? ', template' : ''}${personalised ? ', personalised' : ''}`);
console.log(`corpus: ${corpus.kinds.length} campaigns, ${corpus.campaign.filter((c) => c < 0).length} unique comments, ${detection.distinct.toLocaleString('en')} distinct texts (generated in ${((t1 - t0) / 1000).toFixed(2)} s)`);
console.log(`found: ${detection.campaigns.length} campaigns (${['exact', 'near', 'template'].map((k) => `${detection.campaigns.filter((c) => c.kind === k).length} ${k}`).join(', ')})`);
console.log('');
console.log('kind          campaigns  precision  recall   true pairs');
const row = (name: string, n: number | string, s: { precision: number; recall: number; truePairs: number }): void =>
  console.log(`${name.padEnd(13)} ${String(n).padStart(9)}  ${pct(s.precision).padStart(9)}  ${pct(s.recall).padStart(6)}  ${s.truePairs.toLocaleString('en').padStart(11)}`);
row('overall', corpus.kinds.length, ev.overall);
for (const k of CORPUS_KINDS) row(k, corpus.kinds.filter((x) => x === k).length, ev.byKind[k]);
console.log('');
console.log(`unique comments put in a campaign: ${ev.uniquesGrouped}`);
console.log(`letters with a personal note marked personalised: ${ev.notesFound} / ${ev.notes} (${pct(ev.notes ? ev.notesFound / ev.notes : 1)}), note extracted exactly: ${ev.notesExact}`);
console.log(`detection time: ${seconds.toFixed(2)} s, ${Math.round(size / seconds).toLocaleString('en')} comments/s`);
const goal = ev.overall.precision >= 0.99 && ev.overall.recall >= 0.95 && CORPUS_KINDS.every((k) => ev.byKind[k].precision >= 0.99 && ev.byKind[k].recall >= 0.95);
console.log(`goal (precision ≥ 0.99, recall ≥ 0.95, every kind): ${goal ? 'met' : 'NOT met'}`);
