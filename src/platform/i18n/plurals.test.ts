import { describe, expect, it } from 'vitest';
import { LANGS, loadMessages, missingKeys, tFor, type Lang } from './i18n.js';

/**
 * Every plural message renders in both languages for the counts people meet (0, 1, 2, 5, and
 * a million, French's `many`), through the app's own translator: a missing form shows the
 * key or another form's grammar, and a placeholder left as `{{…}}` shows braces on the page.
 */
const SUFFIX = /_(zero|one|two|few|many|other)$/;
const COUNTS = [0, 1, 2, 5, 1_000_000];

/** Base key → the plural forms each language has for it. */
function pluralKeys(): Map<string, Record<Lang, Set<string>>> {
  const out = new Map<string, Record<Lang, Set<string>>>();
  for (const lang of LANGS) {
    const walk = (o: Record<string, unknown>, prefix: string) => {
      for (const [k, v] of Object.entries(o)) {
        if (v && typeof v === 'object') walk(v as Record<string, unknown>, `${prefix}${k}.`);
        else if (SUFFIX.test(k)) {
          const base = `${prefix}${k.replace(SUFFIX, '')}`;
          if (!out.has(base)) out.set(base, { en: new Set(), fr: new Set() });
          out.get(base)![lang].add(SUFFIX.exec(k)![1]!);
        }
      }
    };
    walk(loadMessages(lang), '');
  }
  return out;
}

/** The raw messages of a base key's forms in a language. */
function forms(lang: Lang, base: string): string[] {
  const messages = loadMessages(lang);
  const parts = base.split('.');
  let node: unknown = messages;
  for (const p of parts.slice(0, -1)) node = (node as Record<string, unknown>)?.[p];
  const leaf = parts.at(-1)!;
  return Object.entries((node ?? {}) as Record<string, unknown>)
    .filter(([k]) => k.replace(SUFFIX, '') === leaf && SUFFIX.test(k))
    .map(([, v]) => String(v));
}

/** A value for every placeholder a message names (`{{when.en}}` gets an object). */
function valuesFor(messages: string[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const m of messages) {
    for (const [, name] of m.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)) {
      const [head, ...rest] = name!.split('.');
      if (head === 'count') continue;
      if (rest.length) values[head!] = { ...((values[head!]) ?? {}), [rest.join('.')]: `‹${name}›` };
      else values[head!] ??= `‹${name}›`;
    }
  }
  return values;
}

const plurals = pluralKeys();

describe('plural messages', () => {
  it('exist (the walk found them)', () => {
    expect(plurals.size).toBeGreaterThan(20);
  });

  it('have every form each language needs: one and other in English, one, many and other in French', () => {
    const needed: Record<Lang, string[]> = {
      en: new Intl.PluralRules('en-CA').resolvedOptions().pluralCategories,
      fr: new Intl.PluralRules('fr-CA').resolvedOptions().pluralCategories,
    };
    expect(needed.fr).toEqual(expect.arrayContaining(['one', 'many', 'other']));
    const gaps: string[] = [];
    for (const [base, have] of plurals) {
      for (const lang of LANGS) for (const form of needed[lang]) if (!have[lang].has(form)) gaps.push(`${lang} ${base}_${form}`);
    }
    expect(gaps).toEqual([]);
  });

  it('render for 0, 1, 2, 5 and a million in both languages, every placeholder filled', () => {
    const problems: string[] = [];
    const before = new Set(missingKeys());
    for (const [base] of plurals) {
      for (const lang of LANGS) {
        const values = valuesFor(forms(lang, base));
        // Messages name their number `count` or another name (`n`, `registered`): give it the count too.
        for (const count of COUNTS) {
          const withCount = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'string' && /^‹(n|registered|total|number)›$/.test(v) ? count : v]));
          const text = tFor(lang)(base, { ...withCount, count });
          if (text === base) problems.push(`${lang} ${base} (${count}): no message`);
          else if (/\{\{|\}\}/.test(text)) problems.push(`${lang} ${base} (${count}): "${text}"`);
          else if (text.includes('‹count›')) problems.push(`${lang} ${base} (${count}): count not filled`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(missingKeys().filter((k) => !before.has(k))).toEqual([]);
  });

  it('name the same placeholders in every form and both languages, so the values the code passes fill them all', () => {
    const names = (m: string) => [...m.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((x) => x[1]!).filter((n) => n !== 'count');
    const stray: string[] = [];
    for (const [base] of plurals) {
      const english = new Set(forms('en', base).flatMap(names));
      for (const lang of LANGS) for (const m of forms(lang, base)) for (const n of names(m)) if (!english.has(n)) stray.push(`${lang} ${base}: {{${n}}} in "${m}"`);
    }
    expect(stray).toEqual([]);
  });

  it('pick the right form: French says one for 0 and 1, many for a million', () => {
    const picked = (lang: Lang, count: number) => new Intl.PluralRules(lang === 'en' ? 'en-CA' : 'fr-CA').select(count);
    expect([0, 1, 2, 5, 1_000_000].map((c) => picked('fr', c))).toEqual(['one', 'one', 'other', 'other', 'many']);
    expect([0, 1, 2].map((c) => picked('en', c))).toEqual(['other', 'one', 'other']);
  });
});
