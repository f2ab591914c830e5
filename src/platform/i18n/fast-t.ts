import type { TFunction } from 'i18next';
import { afterValue } from './full-stop.js';
import { joinFrench } from './elision.js';

/**
 * A translator that answers the common case without i18next's full pipeline.
 *
 * Pages call `t` hundreds of times (a document of fifty paragraphs asks for six messages per
 * paragraph), and i18next resolves each call through namespaces, fallbacks, nesting,
 * post-processors and a fresh interpolation regex: about a fifth of a page's render time in
 * the profile. Our messages are plain strings with `{{name}}` placeholders and plural forms
 * by suffix (`_one`, `_other`, French `_many`), so a call whose message is of that shape is
 * answered from a template compiled once. Anything else — a missing key, an option other
 * than values and `count`, a placeholder without a value, a value that is not text or a
 * number — goes to i18next unchanged, which also records missing keys. fast-t.test.ts checks
 * that both give the same text for every message in both languages.
 */

/** A message split at its placeholders: literal, name, literal, name, …, literal. */
type Template = { parts: string[]; names: string[] };

const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w]*)\s*\}\}/g;
// Messages that use i18next features beyond plain placeholders stay with i18next.
const UNUSUAL = /\$t\(|\{\{[^}]*[,-]|\{\{\s*\}\}|\{\{[^}]*$/;

function compile(message: string): Template | null {
  if (UNUSUAL.test(message)) return null;
  const parts: string[] = [];
  const names: string[] = [];
  let last = 0;
  for (const m of message.matchAll(PLACEHOLDER)) {
    parts.push(message.slice(last, m.index));
    names.push(m[1]!);
    last = m.index + m[0].length;
  }
  parts.push(message.slice(last));
  // A leftover brace pair the pattern did not take (an odd name) is i18next's to read.
  if (parts.some((p) => p.includes('{{'))) return null;
  return { parts, names };
}

type Options = Record<string, unknown>;

function fill(template: Template, options: Options | undefined, french: boolean): string | undefined {
  if (template.names.length === 0) return template.parts[0];
  let out = template.parts[0]!;
  for (let i = 0; i < template.names.length; i++) {
    const v = options?.[template.names[i]!];
    if (typeof v === 'string') {
      // "de Améliorer" → "d’Améliorer" (elision.ts); only French composes this way.
      if (french) {
        const [before, value] = joinFrench(out, v);
        out = before + value;
      } else out += v;
    } else if (typeof v === 'number') out += String(v);
    else return undefined;
    out += afterValue(String(v), template.parts[i + 1]!);
  }
  return out;
}

/**
 * Wrap a fixed translator of one language. `lookup` gives the raw message of a key (a
 * string, or anything else when the key is missing or not a leaf).
 */
export function fastTranslator(slow: TFunction, lookup: (key: string) => unknown, locale: string): TFunction {
  const templates = new Map<string, Template | null>();
  const plurals = new Intl.PluralRules(locale);
  const french = locale.startsWith('fr');

  const templateOf = (key: string): Template | null => {
    let tpl = templates.get(key);
    if (tpl === undefined) {
      const raw = lookup(key);
      tpl = typeof raw === 'string' ? compile(raw) : null;
      templates.set(key, tpl);
    }
    return tpl;
  };

  const fast = (key: unknown, options?: unknown): unknown => {
    if (typeof key !== 'string' || (options !== undefined && (typeof options !== 'object' || options === null))) return slow(key as string, options as Options);
    const opts = options as Options | undefined;
    let tpl: Template | null;
    if (opts && 'count' in opts) {
      const count = opts.count;
      if (typeof count !== 'number' || Object.keys(opts).some((k) => k !== 'count' && !isValueKey(k))) return slow(key, opts);
      // i18next prefers `_zero` for 0 when it exists; then the language's plural category.
      tpl = (count === 0 ? templateOf(`${key}_zero`) : null) ?? templateOf(`${key}_${plurals.select(count)}`);
      if (!tpl) return slow(key, opts);
    } else {
      if (opts && Object.keys(opts).some((k) => !isValueKey(k))) return slow(key, opts);
      tpl = templateOf(key);
      if (!tpl) return slow(key, opts);
    }
    return fill(tpl, opts, french) ?? slow(key, opts);
  };
  return fast as unknown as TFunction;
}

// Options i18next reads as instructions rather than values to insert.
const INSTRUCTIONS = new Set([
  'lng', 'lngs', 'ns', 'defaultValue', 'context', 'ordinal', 'returnObjects', 'returnDetails', 'joinArrays',
  'postProcess', 'interpolation', 'keySeparator', 'nsSeparator', 'fallbackLng', 'replace', 'skipInterpolation',
]);
function isValueKey(k: string): boolean {
  return !INSTRUCTIONS.has(k);
}
