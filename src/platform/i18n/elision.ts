/**
 * French composed with a value: "Réunions de {{name}}" with "Améliorer la sécurité" must read
 * "Réunions d’Améliorer la sécurité", "Objection de {{name}}" with "Olivier" "Objection
 * d’Olivier", and "de" before a value starting with "Le"/"Les" "du"/"des". The message cannot
 * know the value, so both translators (fast-t and i18next's post-processor) apply the rule
 * where a value meets the word before it, and every composed message is right without
 * variants. Only at that seam: the messages' own words are written correctly already.
 *
 * Words starting with h are left alone (h muet or aspiré cannot be told from spelling: "d’Hydro-
 * Québec" but "de Hong Kong"); digits never elide ("le 11 mars").
 */

const VOWEL = /^[aeiouyàâäéèêëîïôöùûüÿæœ]/i;
/** The word before the value, at the end of the text so far: a space, or the start, before it. */
const ELIDING = /(^|[\s(«\u00a0\u202f])(de|que|le|la|ne|se|jusque|lorsque|puisque) $/i;
const PREPOSITION = /(^|[\s(«\u00a0\u202f])(de|à) $/i;

/** Keep the case of the word replaced: "De" → "D’", "de" → "d’". */
function sameCase(word: string, replacement: string): string {
  return word[0] === word[0]!.toUpperCase() ? replacement[0]!.toUpperCase() + replacement.slice(1) : replacement;
}

/**
 * The text before a value and the value itself, contracted as French writes them.
 * @example joinFrench('Réunions de ', 'Améliorer') // ['Réunions d’', 'Améliorer']
 * @example joinFrench('Membres de ', 'Les Amis du Web') // ['Membres des ', 'Amis du Web']
 */
export function joinFrench(before: string, value: string): [string, string] {
  const article = /^(Le|Les|le|les) (.*)$/s.exec(value);
  const prep = PREPOSITION.exec(before);
  if (article && prep) {
    const word = prep[2]!;
    const plural = article[1]!.toLowerCase() === 'les';
    const merged = word.toLowerCase() === 'de' ? (plural ? 'des' : 'du') : plural ? 'aux' : 'au';
    return [before.slice(0, before.length - word.length - 1) + sameCase(word, merged) + ' ', article[2]!];
  }
  const elide = ELIDING.exec(before);
  if (elide && VOWEL.test(value)) {
    const word = elide[2]!;
    return [before.slice(0, before.length - word.length - 1) + word.slice(0, -1) + '’', value];
  }
  return [before, value];
}

/**
 * The same rule on finished text (i18next's path, where values are no longer told apart): each
 * string value, wherever it follows one of the words above.
 */
export function contractValues(text: string, values: Record<string, unknown> | undefined): string {
  if (!values) return text;
  let out = text;
  for (const v of Object.values(values)) {
    if (typeof v !== 'string' || v === '') continue;
    let from = 0;
    for (let at = out.indexOf(v, from); at >= 0; at = out.indexOf(v, from)) {
      const [before, value] = joinFrench(out.slice(0, at), v);
      out = before + value + out.slice(at + v.length);
      from = before.length + value.length;
    }
  }
  return out;
}
