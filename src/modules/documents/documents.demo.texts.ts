/**
 * The demo's draft outcomes report: which blocks each of its three versions holds, in which
 * order, and how to turn them into Markdown in either language. The words are in
 * documents.demo.en.ts and documents.demo.fr.ts under the same keys.
 *
 * A text id is a block key (`p-3-1-2`: section 3.1, second paragraph of version 1) or a key
 * with a revision suffix (`p-3-1-2~2`: that block as rewritten in version 2). The key is the
 * block's identity across versions: comments name it, and the seed maps it to the anchor the
 * documents module gave the block.
 */
import { frenchTypography } from '../../platform/demo/kit.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { REPORT_EN, REPORT_META_EN } from './documents.demo.en.js';
import { REPORT_FR, REPORT_META_FR } from './documents.demo.fr.js';

export type ReportLang = Lang;
export type ReportVersion = 1 | 2 | 3;

/** Version 1: the draft opened for comment (54 blocks). */
const V1 = [
  'title', 'status',
  'h-1', 'p-1-1', 'p-1-2', 'p-1-3', 'p-1-4',
  'h-2', 'p-2-0', 'li-2-1', 'li-2-2', 'li-2-3', 'li-2-4', 'li-2-5', 'li-2-6',
  'h-3', 'p-3-0', 'table-3',
  'h-3-1', 'p-3-1-1', 'p-3-1-2', 'p-3-1-3', 'p-3-1-4',
  'h-3-2', 'p-3-2-1', 'p-3-2-2', 'p-3-2-3',
  'h-3-3', 'p-3-3-1', 'p-3-3-2', 'p-3-3-3',
  'h-3-4', 'p-3-4-1', 'p-3-4-2', 'p-3-4-3', 'p-3-4-4',
  'h-4', 'p-4-0',
  'h-4-1', 'p-4-1-1', 'p-4-1-2',
  'h-4-2', 'p-4-2-1', 'p-4-2-2',
  'h-4-3', 'p-4-3-1', 'p-4-3-2', 'p-4-3-3',
  'h-4-4', 'p-4-4-1',
  'h-5', 'p-5-1', 'p-5-2', 'p-5-3',
] as const;

/**
 * Version 2, revised in answer to the comments: nine blocks edited, one added (p-4-3-4), one
 * removed (p-3-2-3, the software bill of materials, deferred in p-5-3), two merged (p-3-4-4
 * into p-3-4-3) and one moved unchanged (p-3-1-4, disclosure, from 3.1 to 3.4).
 */
const V2 = [
  'title', 'status~2',
  'h-1', 'p-1-1', 'p-1-2', 'p-1-3', 'p-1-4',
  'h-2', 'p-2-0', 'li-2-1', 'li-2-2', 'li-2-3', 'li-2-4~2', 'li-2-5', 'li-2-6',
  'h-3', 'p-3-0', 'table-3~2',
  'h-3-1', 'p-3-1-1', 'p-3-1-2~2', 'p-3-1-3',
  'h-3-2', 'p-3-2-1', 'p-3-2-2',
  'h-3-3', 'p-3-3-1', 'p-3-3-2', 'p-3-3-3',
  'h-3-4', 'p-3-4-1~2', 'p-3-4-2', 'p-3-1-4', 'p-3-4-3~2',
  'h-4', 'p-4-0',
  'h-4-1', 'p-4-1-1~2', 'p-4-1-2',
  'h-4-2', 'p-4-2-1~2', 'p-4-2-2',
  'h-4-3', 'p-4-3-1', 'p-4-3-2', 'p-4-3-3', 'p-4-3-4',
  'h-4-4', 'p-4-4-1',
  'h-5', 'p-5-1~2', 'p-5-2', 'p-5-3~2',
] as const;

/** Version 3, final: light edits and a changed recommendation (the label, p-4-2-1). */
const V3 = V2.map((id) => ({ title: 'title~3', 'status~2': 'status~3', 'p-1-1': 'p-1-1~3', 'p-4-2-1~2': 'p-4-2-1~3', 'p-5-1~2': 'p-5-1~3' })[id as string] ?? id);

export const REPORT_OUTLINE: Record<ReportVersion, readonly string[]> = { 1: V1, 2: V2, 3: V3 };

/** When each version was saved (Toronto time; the French a few minutes after the English). */
export const REPORT_DATES = {
  versions: { 1: '2019-02-20T10:00:00-05:00', 2: '2019-04-30T16:00:00-04:00', 3: '2019-06-10T11:00:00-04:00' } as Record<ReportVersion, string>,
};

/** The block key of a text id: `p-3-1-2~2` → `p-3-1-2`. */
export function keyOf(textId: string): string {
  return textId.split('~')[0]!;
}

const TEXTS: Record<ReportLang, Record<string, string>> = { en: REPORT_EN, fr: REPORT_FR };
const META = { en: REPORT_META_EN, fr: REPORT_META_FR };

/** One block's Markdown in a language (French spacing applied). */
export function blockMarkdown(lang: ReportLang, textId: string): string {
  const text = TEXTS[lang][textId];
  if (text === undefined) throw new Error(`demo report: no ${lang} text for ${textId}`);
  return lang === 'fr' ? frenchTypography(text) : text;
}

/** The Markdown of a version: blocks apart by a blank line, consecutive list items in one list. */
export function reportMarkdown(lang: ReportLang, version: ReportVersion): string {
  const ids = REPORT_OUTLINE[version];
  let out = '';
  ids.forEach((id, i) => {
    if (i > 0) out += id.startsWith('li-') && ids[i - 1]!.startsWith('li-') ? '\n' : '\n\n';
    out += blockMarkdown(lang, id);
  });
  return `${out}\n`;
}

/** A version's title: its level-1 heading without the #. */
export function reportTitle(lang: ReportLang, version: ReportVersion): string {
  return blockMarkdown(lang, version === 3 ? 'title~3' : 'title').replace(/^#\s+/, '');
}

/** The document's slug and a version's message. */
export function reportMeta(lang: ReportLang): { slug: string; message: (v: ReportVersion) => string } {
  const m = META[lang];
  const fix = (s: string) => (lang === 'fr' ? frenchTypography(s) : s);
  return { slug: m.slug, message: (v) => fix(m.messages[v]) };
}

/** The text id a key has in a version, or undefined when the version does not hold it. */
export function textIdIn(version: ReportVersion, key: string): string | undefined {
  return REPORT_OUTLINE[version].find((id) => keyOf(id) === key);
}

/**
 * The plain text of a block as a reader sees it (Markdown marks dropped), for matching the
 * documents module's blocks to our keys without relying on how it numbers them.
 */
export function plainOf(lang: ReportLang, textId: string): string {
  return normaliseForMatch(
    blockMarkdown(lang, textId)
      .replace(/^#+\s+/, '')
      .replace(/^[-*]\s+/, '')
      .replace(/[*_`]/g, ''),
  );
}

/** Lower case, letters and digits only: what two renderings of one block certainly share. */
export function normaliseForMatch(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** The live process's draft guideline, in English and French (version 1, ten days before the demo was loaded). */
export const LIVE_GUIDELINE = {
  en: {
    slug: 'labelling-guideline',
    title: 'Draft guideline: the security label for connected devices',
    message: 'First draft for public comment',
    markdown: `# The security label for connected devices

## 1. Purpose

This guideline says what the bilingual security label on a connected device shows, so that buyers can compare devices before they buy.

## 2. What the label shows

- Whether the device ships with a unique password or makes the buyer set one.
- The date until which the maker promises security updates.
- How to report a vulnerability to the maker.

## 3. Where the label appears

The label appears on the box, on the seller's web page and in the device's settings, in English and French.

## 4. Review

The guideline is reviewed two years after the label is introduced, with the share of devices that carry it.
`,
  },
  fr: {
    slug: 'ligne-directrice-etiquetage',
    title: frenchTypography('Ébauche de ligne directrice : l’étiquette de sécurité des appareils connectés'),
    message: 'Première ébauche soumise à la consultation',
    markdown: frenchTypography(`# L’étiquette de sécurité des appareils connectés

## 1. Objet

Cette ligne directrice précise ce que montre l’étiquette de sécurité bilingue d’un appareil connecté, afin que les acheteurs puissent comparer les appareils avant l’achat.

## 2. Ce que montre l’étiquette

- Si l’appareil est livré avec un mot de passe unique ou fait choisir un mot de passe à l’acheteur.
- La date jusqu’à laquelle le fabricant promet des mises à jour de sécurité.
- Comment signaler une vulnérabilité au fabricant.

## 3. Où figure l’étiquette

L’étiquette figure sur la boîte, sur la page Web du vendeur et dans les réglages de l’appareil, en français et en anglais.

## 4. Révision

La ligne directrice est révisée deux ans après l’introduction de l’étiquette, selon la part des appareils qui la portent.
`),
  },
} as const;
