import type { Lang } from './i18n.js';

/**
 * The names `F` a record holds in both languages: `F_en` and `F_fr` (database rows) or
 * `FEn` and `FFr` (service results). A name the record does not hold in both does not compile.
 */
export type BilingualField<R> = {
  [K in keyof R & string]: K extends `${infer F}_en` ? (`${F}_fr` extends keyof R ? F : never) : K extends `${infer F}En` ? (`${F}Fr` extends keyof R ? F : never) : never;
}[keyof R & string];

/** The type of field `F` of `R` in either language. */
export type PickedValue<R, F extends string> = R[Extract<keyof R, `${F}_en` | `${F}_fr` | `${F}En` | `${F}Fr`>];

const suffix = (row: object, field: string, lang: Lang): string =>
  `${field}_en` in row ? `${field}_${lang}` : `${field}${lang === 'fr' ? 'Fr' : 'En'}`;

/**
 * A record's field in the reader's language, so views never write `lang === 'fr' ? a_fr : a_en`.
 * @example pick('fr', process, 'title') // process.title_fr
 * @example pick('en', group, 'name') // group.nameEn when the record is camel-cased
 */
export function pick<R extends object, F extends BilingualField<R>>(lang: Lang, row: R, field: F): PickedValue<R, F> {
  return (row as Record<string, unknown>)[suffix(row, field, lang)] as PickedValue<R, F>;
}

/** The language that is not `lang`: where a text missing in the reader's language may be found. */
export function otherLang(lang: Lang): Lang {
  return lang === 'fr' ? 'en' : 'fr';
}

/**
 * A record's field in the reader's language, or else in the other one, with the language it
 * is written in (for the element's `lang` attribute).
 * @example pickOrOther('fr', meeting, 'minutes') // { text: meeting.minutes_en, lang: 'en' } when no French minutes
 */
export function pickOrOther<R extends object, F extends BilingualField<R>>(lang: Lang, row: R, field: F): { text: PickedValue<R, F>; lang: Lang } {
  const own = pick(lang, row, field);
  return own ? { text: own, lang } : { text: pick(otherLang(lang), row, field), lang: otherLang(lang) };
}
