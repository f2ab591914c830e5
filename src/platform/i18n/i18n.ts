import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next, { type TFunction } from 'i18next';
import { fastTranslator } from './fast-t.js';
import { contractValues } from './elision.js';
import { dropDoubledStops } from './full-stop.js';
import { frenchSpacingDeep } from './french-spacing.js';

/** The languages Concord speaks; every URL of a page starts with one of them. */
export const LANGS = ['en', 'fr'] as const;
export type Lang = (typeof LANGS)[number];

/** The locale used for dates and numbers in each language. */
export const LOCALES: Record<Lang, string> = { en: 'en-CA', fr: 'fr-CA' };

const localesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'locales');

/**
 * Messages for one language: `locales/<lang>.json` (shared words: layout, errors, accounts)
 * plus one file per feature in `locales/<lang>/<feature>.json`, whose keys sit under the
 * feature's name (`meetings.json` → `meetings.title`). One file per feature keeps features
 * from editing each other's messages.
 */
export function loadMessages(lang: Lang): Record<string, unknown> {
  const messages = JSON.parse(fs.readFileSync(path.join(localesDir, `${lang}.json`), 'utf8')) as Record<string, unknown>;
  const featureDir = path.join(localesDir, lang);
  if (fs.existsSync(featureDir)) {
    for (const file of fs.readdirSync(featureDir).filter((f) => f.endsWith('.json')).sort()) {
      const name = file.slice(0, -'.json'.length);
      if (name in messages) throw new Error(`locales/${lang}/${file} clashes with the key "${name}" in ${lang}.json`);
      messages[name] = JSON.parse(fs.readFileSync(path.join(featureDir, file), 'utf8'));
    }
  }
  // The files write ordinary spaces before : ; ? ! and inside « »; French reads no-break ones.
  return lang === 'fr' ? frenchSpacingDeep(messages) : messages;
}

// Keys asked for that no message file has: shown as the key itself (so a page still renders),
// and remembered so that tests walking every page can fail on any of them.
const missing = new Set<string>();

/** The message keys requested so far that exist in no message file (for tests). */
export function missingKeys(): string[] {
  return [...missing].sort();
}

const instance = i18next.createInstance();
// "…11:59 p.m.." — see full-stop.ts; fast-t applies the same rule on its own path.
instance.use({ type: 'postProcessor', name: 'fullStop', process: (value: string, _key: unknown, options: Record<string, unknown>) => dropDoubledStops(value, options) });
// "Réunions d’Améliorer…" — see elision.ts; fast-t applies the same rule on its own path.
instance.use({
  type: 'postProcessor',
  name: 'frenchElision',
  process: (value: string, _key: unknown, options: Record<string, unknown>, translator: { language?: string }) =>
    (options.lng ?? translator.language) === 'fr' ? contractValues(value, options) : value,
});
await instance.init({
  postProcess: ['fullStop', 'frenchElision'],
  resources: { en: { translation: loadMessages('en') }, fr: { translation: loadMessages('fr') } },
  lng: 'en',
  fallbackLng: false,
  supportedLngs: [...LANGS],
  interpolation: { escapeValue: false }, // Preact escapes on render; escaping twice would show &amp;
  returnNull: false,
  initAsync: false,
  // A call that names its own fallback (`defaultValue`) is asking whether a more specific
  // message exists: answering with the fallback is the intended outcome, not a missing key.
  // (Without this, every API 400 was titled "errors.api.titles.400".)
  parseMissingKeyHandler: (key: string, defaultValue?: string) => {
    if (defaultValue !== undefined) return defaultValue;
    missing.add(key);
    return key;
  },
});

/** A translator bound to one language. */
export type T = TFunction;

// One fixed translator per language: getFixedT builds a new function on every call, and
// every request needs one.
const translators = new Map<Lang, T>();

/** i18next's own translator for a language, without the fast path (for tests). */
export function slowTFor(lang: Lang): T {
  return instance.getFixedT(lang);
}

/** The raw message under a key in a language (a string for a leaf, else an object or undefined). */
export function rawMessage(lang: Lang, key: string): unknown {
  return instance.getResource(lang, 'translation', key);
}

/** Translator for a language: made once per language, plain messages answered from compiled templates. */
export function tFor(lang: Lang): T {
  let t = translators.get(lang);
  if (!t) {
    t = fastTranslator(instance.getFixedT(lang), (key) => rawMessage(lang, key), lang);
    translators.set(lang, t);
  }
  return t;
}

/** True when the string names a supported language. */
export function isLang(s: unknown): s is Lang {
  return s === 'en' || s === 'fr';
}

/**
 * Pick the best language from an Accept-Language header, English when nothing matches.
 * @example pickLang('fr-CA,fr;q=0.9,en;q=0.5') // 'fr'
 */
export function pickLang(header: string | undefined): Lang {
  if (!header) return 'en';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: tag.toLowerCase().split('-')[0], q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { lang } of ranked) if (isLang(lang)) return lang;
  return 'en';
}

// Building an Intl formatter costs far more than using one; pages format many dates.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<F extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => F): F {
  let f = formatters.get(key) as F | undefined;
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}

/** French writes the first of the month as an ordinal, « 1er juin »; Intl writes « 1 juin ». */
function frenchFirst(lang: Lang, text: string): string {
  return lang === 'fr' ? text.replace(/(^|\s)1 (?=\p{L})/u, '$11er ') : text;
}

/** Format a date and time for a language (en-CA or fr-CA), in the given zone. */
export function formatDateTime(lang: Lang, date: Date, timeZone = 'America/Toronto'): string {
  return frenchFirst(lang, cached(`dt|${lang}|${timeZone}`, () => new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeStyle: 'short', timeZone })).format(date));
}

/** Format a date and time to the second (a burst of arrivals is told by its second). */
export function formatDateTimeSeconds(lang: Lang, date: Date, timeZone = 'America/Toronto'): string {
  return frenchFirst(lang, cached(`dts|${lang}|${timeZone}`, () => new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeStyle: 'medium', timeZone })).format(date));
}

/** Format a share (0 to 1) as a percentage, to a tenth of a percent at most. */
export function formatPercent(lang: Lang, share: number): string {
  return cached(`p|${lang}`, () => new Intl.NumberFormat(LOCALES[lang], { style: 'percent', maximumFractionDigits: 1 })).format(share);
}

/** Format a date for a language. */
export function formatDate(lang: Lang, date: Date, timeZone = 'America/Toronto'): string {
  return frenchFirst(lang, cached(`d|${lang}|${timeZone}`, () => new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeZone })).format(date));
}

/** Format a number for a language (fr-CA uses a narrow space for thousands and a decimal comma). */
export function formatNumber(lang: Lang, n: number): string {
  return cached(`n|${lang}`, () => new Intl.NumberFormat(LOCALES[lang])).format(n);
}
