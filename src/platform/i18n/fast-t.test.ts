import { describe, expect, it } from 'vitest';
import { LANGS, loadMessages, missingKeys, slowTFor, tFor } from './i18n.js';

/** Every leaf key with its message, plural suffixes kept (each form is asked for by count). */
function leaves(obj: object, prefix = ''): [string, string][] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v as object, `${prefix}${k}.`),
  );
}

const PLURAL = /_(zero|one|two|few|many|other)$/;

describe('the fast translator', () => {
  for (const lang of LANGS) {
    it(`gives i18next's text for every ${lang} message`, () => {
      const fast = tFor(lang);
      const slow = slowTFor(lang);
      let compared = 0;
      for (const [key, message] of leaves(loadMessages(lang))) {
        const names = [...message.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!);
        const values = Object.fromEntries(names.filter((n) => n !== 'count').map((n, i) => [n, i % 2 ? 42 : `«${n} <b>&»`]));
        if (PLURAL.test(key)) {
          const base = key.replace(PLURAL, '');
          for (const count of [0, 1, 2, 5, 21, 1_000_000, 1.5]) {
            expect(fast(base, { ...values, count }), `${base} count=${count}`).toBe(slow(base, { ...values, count }));
            compared++;
          }
        } else {
          expect(fast(key, values), key).toBe(slow(key, values));
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(500);
    });
  }

  it('leaves unusual calls to i18next: a missing value, a default, a missing key (still recorded)', () => {
    const t = tFor('en');
    const slow = slowTFor('en');
    expect(t('documents.permalink', {})).toBe(slow('documents.permalink', {}));
    expect(t('search.subkinds.nothing-here', { defaultValue: 'plain' })).toBe(slow('search.subkinds.nothing-here', { defaultValue: 'plain' }));
    expect(t('no.such.key.for.fast-t')).toBe('no.such.key.for.fast-t');
    expect(missingKeys()).toContain('no.such.key.for.fast-t');
  });

  it('chooses the French plural forms by count', () => {
    const t = tFor('fr');
    expect(t('errors.signIn.throttled', { count: 1 })).toContain('1 minute.');
    expect(t('errors.signIn.throttled', { count: 0 })).toBe(slowTFor('fr')('errors.signIn.throttled', { count: 0 }));
  });
});
