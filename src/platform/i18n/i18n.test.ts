import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, loadMessages, pickLang, tFor } from './i18n.js';

const en = loadMessages('en');
const fr = loadMessages('fr');

/** Every key path, with i18next plural suffixes folded (French has _many where English has none). */
function keys(obj: object, prefix = ''): Set<string> {
  const out = new Set<string>();
  for (const [k, v] of Object.entries(obj)) {
    const key = `${prefix}${k.replace(/_(zero|one|two|few|many|other)$/, '')}`;
    if (v && typeof v === 'object') for (const sub of keys(v as object, `${key}.`)) out.add(sub);
    else out.add(key);
  }
  return out;
}

describe('locales', () => {
  it('have the same keys in English and French', () => {
    const e = keys(en);
    const f = keys(fr);
    expect([...e].filter((k) => !f.has(k))).toEqual([]);
    expect([...f].filter((k) => !e.has(k))).toEqual([]);
  });

  it('have no empty messages', () => {
    const walk = (o: object): string[] => Object.values(o).flatMap((v) => (typeof v === 'string' ? [v] : walk(v as object)));
    expect(walk(en).filter((s) => !s.trim())).toEqual([]);
    expect(walk(fr).filter((s) => !s.trim())).toEqual([]);
  });

  it('use the same placeholders in both languages', () => {
    const flat = (o: object, p = ''): [string, string][] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [[`${p}${k}`, v] as [string, string]] : flat(v as object, `${p}${k}.`)));
    const frMap = new Map(flat(fr));
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [k, v] of flat(en)) if (frMap.has(k)) expect(vars(frMap.get(k)!), k).toEqual(vars(v));
  });

  it('pluralise in French', () => {
    expect(tFor('fr')('errors.signIn.throttled', { count: 1 })).toContain('1 minute.');
    expect(tFor('fr')('errors.signIn.throttled', { count: 15 })).toContain('15 minutes.');
  });
});

describe('pickLang', () => {
  it('follows Accept-Language quality values and falls back to English', () => {
    expect(pickLang('fr-CA,fr;q=0.9,en;q=0.8')).toBe('fr');
    expect(pickLang('en-GB,fr;q=0.9')).toBe('en');
    expect(pickLang('de;q=1,fr;q=0.5')).toBe('fr');
    expect(pickLang('de, es')).toBe('en');
    expect(pickLang(undefined)).toBe('en');
    expect(pickLang('fr;q=0, en;q=0.1')).toBe('en');
  });
});

describe('date formats', () => {
  it('write the first of the month as « 1er » in French only', () => {
    const first = new Date('2018-06-01T16:00:00Z');
    expect(formatDate('fr', first)).toBe('1er juin 2018');
    expect(formatDate('fr', new Date('2018-06-11T16:00:00Z'))).toBe('11 juin 2018');
    expect(formatDate('en', first)).toBe('June 1, 2018');
  });
});

describe('number formats', () => {
  it('follow en-CA and fr-CA', () => {
    expect(formatNumber('en', 12345.5)).toBe('12,345.5');
    expect(formatNumber('fr', 12345.5)).toMatch(/^12\s345,5$/u);
  });
});
