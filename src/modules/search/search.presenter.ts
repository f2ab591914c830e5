import type { Lang } from '../../platform/i18n/i18n.js';
import { localPath } from '../../platform/web/context.js';
import type { Process } from '../processes/index.js';
import { MARK_END, MARK_START, type SearchHit } from './search.repository.js';
import type { SearchResultOut, TextPart } from './search.schema.js';

/**
 * Cut text marked by ts_headline into plain stretches, the matched ones flagged. Nothing here
 * is HTML: the page renders each stretch as text (Preact escapes it) and wraps the matched
 * ones in <mark>, so indexed text can never inject markup. A stray marker is dropped.
 * @example highlightParts('a \u0002b\u0003 c') // [{ text: 'a ', match: false }, { text: 'b', match: true }, { text: ' c', match: false }]
 */
export function highlightParts(marked: string): TextPart[] {
  const parts: TextPart[] = [];
  const push = (text: string, match: boolean) => {
    if (!text) return;
    const last = parts.at(-1);
    if (last && last.match === match) last.text += text;
    else parts.push({ text, match });
  };
  let rest = marked;
  for (;;) {
    const start = rest.indexOf(MARK_START);
    const end = start < 0 ? -1 : rest.indexOf(MARK_END, start + 1);
    if (start < 0 || end < 0) {
      push(rest.replaceAll(MARK_START, '').replaceAll(MARK_END, ''), false);
      return parts;
    }
    push(rest.slice(0, start).replaceAll(MARK_END, ''), false);
    push(rest.slice(start + 1, end).replaceAll(MARK_START, ''), true);
    rest = rest.slice(end + 1);
  }
}

/** A result as the API and the page show it; its path carries the reader's language. */
export function presentHit(h: SearchHit, lang: Lang, processes: Map<string, Process>): SearchResultOut {
  const p = processes.get(h.process_id);
  return {
    kind: h.kind,
    id: h.ref_id,
    title: h.title,
    titleParts: highlightParts(h.title_marked),
    excerpt: highlightParts(h.excerpt_marked),
    path: localPath(lang, h.path),
    lang: h.lang,
    subkind: h.subkind,
    status: h.status,
    membersOnly: h.members_only,
    copies: h.copies,
    process: { slug: p?.slug ?? '', title: { en: p?.title_en ?? '', fr: p?.title_fr ?? '' } },
  };
}
