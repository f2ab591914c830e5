/**
 * The words of a search, bounded before PostgreSQL sees them. ts_headline and phrase matching
 * cost about (times the query names a word) × (times the text holds it), so a query of one
 * word typed 90 times over a text dense in it held the server for a minute. Repeats are
 * dropped (they find nothing more) and at most MAX_TERMS words are accepted, phrases counted
 * word by word.
 */

/** The most words a search may name (a phrase's words each count). */
export const MAX_TERMS = 12;

/** A query reduced to its distinct parts, or the number of words when there are too many. */
export type BoundedQuery = { ok: true; q: string; words: number; highlight: string } | { ok: false; words: number };

/**
 * Keep each part of a web-search query once (a word, a "phrase", a -word; `or` between parts),
 * in order; refuse more than MAX_TERMS words. `highlight` is the words to mark in excerpts,
 * each once, as alternatives: ts_headline given a phrase over a text dense in its words took
 * seconds per row (its cost grows with the square of the matches), given the same words as
 * alternatives a few milliseconds.
 * @example boundQuery('label label "device label" -spam or spam') // { ok: true, q: 'label "device label" -spam or spam', words: 5, highlight: 'label or device or spam' }
 */
export function boundQuery(query: string): BoundedQuery {
  const parts: string[] = [];
  const seen = new Set<string>();
  let words = 0;
  // A part is a quoted phrase (an unclosed quote runs to the end, as websearch_to_tsquery reads it) or a run of non-spaces.
  for (const m of query.matchAll(/-?"[^"]*"?|\S+/g)) {
    const part = m[0];
    if (part.toLowerCase() === 'or') {
      if (parts.length && parts[parts.length - 1]!.toLowerCase() !== 'or') parts.push(part);
      continue;
    }
    const key = part.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    parts.push(part);
    words += Math.max(1, part.replace(/^-?"|"$/g, '').split(/\s+/).filter(Boolean).length);
  }
  while (parts.length && parts[parts.length - 1]!.toLowerCase() === 'or') parts.pop();
  if (words > MAX_TERMS) return { ok: false, words };
  const marked = new Set<string>();
  for (const part of parts) {
    if (part.startsWith('-') || part.toLowerCase() === 'or') continue;
    for (const word of part.replace(/"/g, ' ').split(/\s+/)) if (word && word.toLowerCase() !== 'or') marked.add(word.toLowerCase());
  }
  return { ok: true, q: parts.join(' '), words, highlight: [...marked].join(' or ') };
}

/**
 * Searches a client may run a minute, on the page and the API alike (each counted apart, per
 * address and per app server): SEARCH_PER_MINUTE, 60 unless set. A person reads results far
 * slower; a script probing for slow queries is held to about one a second.
 */
export function searchRate(perMinute: number) {
  return { rateLimit: { max: perMinute, timeWindow: '1 minute' } } as const;
}
