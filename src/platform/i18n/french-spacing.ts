/**
 * French spacing: a no-break space (U+00A0, one character for every sign, so a check has one
 * thing to look for) before : ; ? ! and inside « ». French writes a space there that must
 * never break, or a line would start with a colon or a ». Message files and demo texts write
 * ordinary spaces, which stay readable when editing; this makes them unbreakable where they
 * are read: loadMessages applies it to every French message, the demo seeders to their texts.
 *
 * A space written before a sign is made unbreakable; a missing one is added before ; ? ! that
 * end a clause and inside guillemets («mot» → « mot »), never before ":" or within an address,
 * so "10:30", "https://" and "?page=" are left alone.
 */
const NBSP = '\u00a0';

/**
 * @example frenchSpacing('Échéance : demain ; « oui » ?') // 'Échéance\u00a0: demain\u00a0; «\u00a0oui\u00a0»\u00a0?'
 */
export function frenchSpacing(s: string): string {
  return s
    .replace(/[ \u202f\u00a0]+([:;?!])/g, `${NBSP}$1`)
    // "position; le", "oublié?": the space was left out. Not before ":" (10:30, https:) nor
    // inside a word or address ("?page=2"): only a sign that ends a clause.
    .replace(/([\p{L}\d)»*])([;?!])(?=\s|$|[)"’»<])/gu, `$1${NBSP}$2`)
    .replace(/«[ \u202f\u00a0]*/g, `«${NBSP}`)
    .replace(/[ \u202f\u00a0]*»/g, `${NBSP}»`)
    .replace(/§ /g, `§${NBSP}`);
}

/** Every place a French text breaks the rule above, with a little context (for checks). */
export function frenchSpacingFaults(s: string): string[] {
  const faults: string[] = [];
  const at = (i: number) => s.slice(Math.max(0, i - 20), i + 20);
  for (const m of s.matchAll(/[ \t\u202f][:;?!]/g)) faults.push(`ordinary space before "${m[0].slice(-1)}": …${at(m.index)}…`);
  for (const m of s.matchAll(/[\p{L}\d)»*][;?!](?=\s|$|[)"’»<])/gu)) faults.push(`no space before "${m[0].slice(-1)}": …${at(m.index)}…`);
  for (const m of s.matchAll(/«(?!\u00a0)/g)) faults.push(`no no-break space after «: …${at(m.index)}…`);
  for (const m of s.matchAll(/(?<!\u00a0)»/g)) faults.push(`no no-break space before »: …${at(m.index)}…`);
  return faults;
}

/** Apply frenchSpacing to every string in a parsed message file, keys untouched. */
export function frenchSpacingDeep<V>(value: V): V {
  if (typeof value === 'string') return frenchSpacing(value) as V;
  if (Array.isArray(value)) return value.map((v: unknown) => frenchSpacingDeep(v)) as V;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, frenchSpacingDeep(v)])) as V;
  return value;
}

/**
 * Where a French text as written (a message file, before frenchSpacing makes its spaces
 * unbreakable) leaves a space out: before ; ? ! and a colon that ends a clause, and inside
 * « ». frenchSpacing patches some of these on the fly (never before a colon), so a check
 * of the patched messages alone passed "Mot de passe oublié?" and would pass "français: sinon"
 * (issue 10): the files themselves must write the space, ordinary or not.
 * @example frenchSourceFaults('Oublié? Voir: ici') // two faults
 */
export function frenchSourceFaults(s: string): string[] {
  const faults: string[] = [];
  const at = (i: number) => s.slice(Math.max(0, i - 20), i + 20);
  for (const m of s.matchAll(/[\p{L}\d)»*][;?!](?=\s|$|[)"’»<])/gu)) faults.push(`no space before "${m[0].slice(-1)}": …${at(m.index)}…`);
  // A colon after a word and before a space or the end ends a clause; 10:30 and https:// do
  // not, nor a scheme or prefix quoted as written ("javascript:", "process:").
  for (const m of s.matchAll(/[\p{L})»](?<!\b(?:javascript|data|https?|mailto|process|legacy)):(?=\s|$)/gu)) faults.push(`no space before ":": …${at(m.index)}…`);
  for (const m of s.matchAll(/«(?![ \u00a0\u202f])/g)) faults.push(`no space after «: …${at(m.index)}…`);
  for (const m of s.matchAll(/(?<![ \u00a0\u202f])»/g)) faults.push(`no space before »: …${at(m.index)}…`);
  return faults;
}
