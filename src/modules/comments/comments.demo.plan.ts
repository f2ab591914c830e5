/**
 * The demo's public comments on the draft outcomes report, planned ahead of seeding: who
 * sends which text, on which paragraph, when, and how it is answered. Deterministic (a seeded
 * generator, never Math.random), so every install shows the same few hundred comments.
 */
import { FIRST_NAMES, frenchTypography, LAST_NAMES, seeded } from '../../platform/demo/kit.js';
import type { Lang as ReportLang } from '../../platform/i18n/i18n.js';
import {
  CAMPAIGNS,
  CLOSERS,
  OPENERS,
  PERIOD,
  SPAM,
  STOCK_RATIONALES,
  TEMPLATES_EN,
  TEMPLATES_FR,
  type CommentTemplate,
  type Outcome,
  type StakeholderKey,
} from './comments.demo.texts.js';

export type { Outcome, StakeholderKey } from './comments.demo.texts.js';

/** Someone who comments: a demo participant, or a member of the public made up here. */
export interface Commenter {
  name: string;
  sector: StakeholderKey;
  /** The organisation they belong to, if any. */
  org: string | null;
  lang: ReportLang;
  /** True for the people made up here (the seed creates their accounts). */
  public: boolean;
}

/** How a comment (or its duplicate group) is answered. */
export interface PlannedDisposition {
  outcome: Outcome;
  rationale: string;
  /** The block (by key) that changed in answer, and in which version. */
  changed?: { key: string; version: 2 | 3 };
}

/** One comment to submit. */
export interface PlannedComment {
  at: Date;
  lang: ReportLang;
  /** Block key in version 1, or null for the report as a whole. */
  key: string | null;
  body: string;
  /** Index into the commenters list. */
  author: number;
  displayName: string;
  organisation: string | null;
  group: StakeholderKey;
  /** A campaign's copies share one disposition (on their duplicate group); spam gets none. */
  kind: 'single' | 'campaign' | 'spam';
  /** The campaign's index, for 'campaign'. */
  campaign?: number;
  disposition?: PlannedDisposition;
}

/** How many public commenters the plan makes up (campaigns need many distinct senders). */
const PUBLIC_COMMENTERS = 90;
const SECTORS: StakeholderKey[] = ['government', 'civil_society', 'technical', 'academia', 'private_sector', 'other'];

/**
 * Local time in Toronto to an instant. Only the 2019 comment window is ever converted: EST
 * (UTC−5) until daylight time began at 02:00 on 10 March 2019, EDT (UTC−4) after.
 */
export function torontoTime(day: string, minutes: number): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const h = Math.floor(minutes / 60);
  const dst = day > '2019-03-10' || (day === '2019-03-10' && h >= 3);
  return new Date(Date.UTC(y, m - 1, d, h + (dst ? 4 : 5), minutes % 60, 0));
}

/** The local dates from `from` to `to`, inclusive. */
function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T12:00:00Z`); t <= Date.parse(`${to}T12:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

const WINDOW_DAYS = daysBetween(PERIOD.opensAt.slice(0, 10), PERIOD.closesAt.slice(0, 10));

/** A moment on one of these days, in waking hours (from 09:00 on the opening day). */
function momentOn(rand: () => number, days: string[]): Date {
  const day = days[Math.floor(rand() * days.length)]!;
  const start = day === WINDOW_DAYS[0] ? 9 * 60 : 7 * 60;
  return torontoTime(day, start + Math.floor(rand() * (24 * 60 - start)));
}

/**
 * When a single comment arrives: a burst in the first week, a steady trickle, and most in the
 * last ten days before the deadline, as comment periods go.
 */
function singleMoment(rand: () => number): Date {
  const r = rand();
  if (r < 0.2) return momentOn(rand, WINDOW_DAYS.slice(0, 7));
  if (r < 0.55) return momentOn(rand, WINDOW_DAYS);
  if (r < 0.85) return momentOn(rand, WINDOW_DAYS.slice(-10));
  return momentOn(rand, WINDOW_DAYS.slice(-2));
}

/** Case, punctuation and spacing a copy of a campaign text may differ by (nothing else). */
function campaignVariant(text: string, rand: () => number): string {
  let t = text;
  const r = rand();
  if (r < 0.15) t = t.toUpperCase();
  else if (r < 0.3) t = t.toLowerCase();
  if (rand() < 0.3) t = t.replace(/ /g, (s) => (rand() < 0.1 ? '  ' : s));
  if (rand() < 0.3) t = t.replace(/[.!]$/, rand() < 0.5 ? '!' : '');
  if (rand() < 0.2) t = t.replace(/\. /, '.\n\n');
  if (rand() < 0.15) t = ` ${t}\n`;
  return t;
}

/** Made-up members of the public, with names from the demo's lists. */
function publicCommenters(rand: () => number): Commenter[] {
  return Array.from({ length: PUBLIC_COMMENTERS }, () => {
    const first = FIRST_NAMES[Math.floor(rand() * FIRST_NAMES.length)]!;
    const last = LAST_NAMES[Math.floor(rand() * LAST_NAMES.length)]!;
    const lang: ReportLang = rand() < 0.35 ? 'fr' : 'en';
    return { name: `${first} ${last}`, sector: rand() < 0.6 ? 'other' : 'civil_society', org: null, lang, public: true };
  });
}

/**
 * The plan: the commenters (the participants given, then the public ones made up) and about
 * three hundred comments in time order — each template sent by one to five people (the first
 * as written, later ones with a sentence of their own around it), the campaigns' copies, and
 * the spam.
 * @example const { commenters, comments } = planComments(people.map((p) => ({ ...p, public: false })))
 */
export function planComments(participants: Commenter[]): { commenters: Commenter[]; comments: PlannedComment[] } {
  const rand = seeded(20190225);
  const commenters = [...participants, ...publicCommenters(rand)];
  const publicIdx = commenters.flatMap((c, i) => (c.public ? [i] : []));
  const comments: PlannedComment[] = [];
  const fix = (lang: ReportLang, s: string) => (lang === 'fr' ? frenchTypography(s) : s);
  const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)]!;

  /** Someone in this group (preferring the language, and the organisation when given) who has not sent this text. */
  const authorFor = (group: StakeholderKey, lang: ReportLang, org: string | null, used: Set<number>): number => {
    const free = (i: number) => !used.has(i);
    const inGroup = commenters.flatMap((c, i) => (!c.public && c.sector === group && free(i) ? [i] : []));
    if (org) {
      const same = inGroup.filter((i) => commenters[i]!.org === org);
      if (same.length > 0) return pick(same);
    }
    const sameLang = inGroup.filter((i) => commenters[i]!.lang === lang);
    const publicFree = publicIdx.filter((i) => free(i) && commenters[i]!.lang === lang);
    if (org === null || (sameLang.length === 0 && inGroup.length === 0)) return pick(publicFree.length > 0 ? publicFree : publicIdx.filter(free));
    return pick(sameLang.length > 0 ? sameLang : inGroup);
  };

  const answer = (lang: ReportLang, t: { outcome: Outcome; rationale?: string | undefined; changed?: { key: string; version: 2 | 3 } | undefined }): PlannedDisposition => ({
    outcome: t.outcome,
    rationale: fix(lang, t.rationale ?? pick(STOCK_RATIONALES[lang][t.outcome])),
    ...(t.changed ? { changed: t.changed } : {}),
  });

  const templates: [ReportLang, CommentTemplate][] = [...TEMPLATES_EN.map((t) => ['en', t] as [ReportLang, CommentTemplate]), ...TEMPLATES_FR.map((t) => ['fr', t] as [ReportLang, CommentTemplate])];
  for (const [lang, t] of templates) {
    // Points that changed the text were popular ones: one more sender on average.
    const senders = 1 + Math.floor(rand() * 5) + (t.changed ? 1 : 0);
    const used = new Set<number>();
    const framings = new Set<string>();
    const disposition = answer(lang, t);
    for (let n = 0; n < senders; n++) {
      // The first sender is the organisation that wrote it; others are people of the same group.
      const author = n === 0 ? authorFor(t.group, lang, t.org, used) : authorFor(t.group, lang, rand() < 0.5 ? null : '', used);
      used.add(author);
      const who = commenters[author]!;
      let body = t.text;
      if (n > 0) {
        // A different framing for each sender, so none is an exact copy of another.
        let opener = '';
        let closer = '';
        for (let tries = 0; tries < 20; tries++) {
          opener = rand() < 0.6 ? pick(OPENERS[lang]) : '';
          closer = rand() < 0.6 || opener === '' ? pick(CLOSERS[lang]) : '';
          if (!framings.has(opener + closer)) break;
        }
        framings.add(opener + closer);
        // After "In brief: " the sentence goes on in lower case (but "MUD", "QR" keep theirs).
        const text = opener.endsWith(': ') && /^[A-ZÀ-Ý][a-zà-ÿ]/.test(t.text) ? t.text[0]!.toLowerCase() + t.text.slice(1) : t.text;
        body = `${opener}${text}${closer}`;
      }
      comments.push({
        at: singleMoment(rand),
        lang,
        key: t.key,
        body: fix(lang, body),
        author,
        displayName: who.name,
        organisation: n === 0 ? t.org : who.org,
        group: t.group,
        kind: 'single',
        disposition,
      });
    }
  }

  CAMPAIGNS.forEach((c, index) => {
    const used = new Set<number>();
    const days = daysBetween(c.from, c.to);
    const disposition = answer(c.lang, c);
    for (let n = 0; n < c.copies; n++) {
      const pool = publicIdx.filter((i) => !used.has(i));
      const sameLang = pool.filter((i) => commenters[i]!.lang === c.lang);
      const author = pick(sameLang.length > n % 3 ? sameLang : pool);
      used.add(author);
      comments.push({
        at: momentOn(rand, days),
        lang: c.lang,
        key: c.key,
        // Spaced again after: a copy may end with "!" as typed; French still reads « ! » unbroken.
        body: fix(c.lang, campaignVariant(fix(c.lang, c.text), rand)),
        author,
        displayName: commenters[author]!.name,
        organisation: null,
        group: c.group,
        kind: 'campaign',
        campaign: index,
        disposition,
      });
    }
  });

  for (const s of SPAM) {
    const author = pick(publicIdx);
    comments.push({
      at: momentOn(rand, [s.at]),
      lang: s.lang,
      key: null,
      body: fix(s.lang, s.text),
      author,
      displayName: s.name,
      organisation: null,
      group: pick(SECTORS),
      kind: 'spam',
    });
  }

  comments.sort((a, b) => a.at.getTime() - b.at.getTime());
  return { commenters, comments };
}
