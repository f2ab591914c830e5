import { LANGS, rawMessage } from '../../platform/i18n/i18n.js';

/**
 * The roles an agenda item's presenter may be named by ("Chairs", "Conveners", "All"…), each
 * a message in `meetings.presenterRoles`. The presenter field is free text in one language;
 * when it holds one of these role names, in either language, pages show the role's name in the
 * reader's language (issue 10: "Chairs" on /fr pages). A person's or team's name stays as typed.
 */
export const PRESENTER_ROLES = ['all', 'chair', 'chairs', 'convener', 'conveners', 'oversight', 'draftingTeam', 'secretariat'] as const;

/** How a written role name is compared: case, accents, spacing and a final full stop do not matter. */
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .replace(/\.$/, '')
    .trim()
    .toLowerCase();

let byName: Map<string, (typeof PRESENTER_ROLES)[number]> | undefined;

/** Each role name in every language, folded, to the role's key (built once, from the message files). */
function names(): Map<string, (typeof PRESENTER_ROLES)[number]> {
  if (!byName) {
    byName = new Map();
    for (const lang of LANGS) {
      for (const key of PRESENTER_ROLES) {
        const text = rawMessage(lang, `meetings.presenterRoles.${key}`);
        if (typeof text === 'string') byName.set(fold(text), key);
      }
    }
  }
  return byName;
}

/**
 * The presenter as the reader should read it: a role name in the reader's language, anything
 * else as written.
 * @example presenterLabel(t, 'Chairs') // 'Présidence' for a French reader
 */
export function presenterLabel(t: (key: string) => string, presenter: string): string {
  const key = names().get(fold(presenter));
  return key ? t(`meetings.presenterRoles.${key}`) : presenter;
}
