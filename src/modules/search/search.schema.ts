import { z } from 'zod';
import { Slug } from '../processes/index.js';
import { SEARCH_KINDS } from './search.tables.js';

/** Document kinds, to filter by (the same list as documents.tables.ts's DocumentKind). */
export const DOCUMENT_KINDS = ['report', 'charter', 'minutes', 'input', 'baseline', 'guidance', 'other'] as const;
/** The longest query accepted: longer ones are refused with a message, not run. */
export const MAX_QUERY = 200;
/** Results per page. */
export const PAGE_SIZE = 20;
/**
 * The last page one may ask for. Ranked results page by offset (a keyset over a rank that
 * ties is not worth it), so the offset is bounded: 50 pages of 20, the first 1,000 results.
 * Nobody reads further; a narrower query or a filter does better.
 */
export const MAX_PAGE = 50;

/** An empty form field reads as "no filter". */
const blank = (v: unknown) => (v === '' ? undefined : v);

const filters = {
  process: z.preprocess(blank, Slug.optional()).describe('Only this process (its slug)'),
  kind: z.preprocess(blank, z.enum(SEARCH_KINDS, { error: 'search.errors.kind' }).optional()).describe('Only documents, comments, meetings or participants'),
  subkind: z.preprocess(blank, z.enum(DOCUMENT_KINDS, { error: 'search.errors.subkind' }).optional()).describe('Only documents of this kind'),
  lang: z
    .preprocess(blank, z.enum(['en', 'fr'], { error: 'search.errors.lang' }).optional())
    .describe('Only text in this language (names have none). Like everywhere in the API, `lang` also sets the language of messages and paths.'),
  page: z.preprocess(blank, z.coerce.number({ error: 'search.errors.page' }).int('search.errors.page').min(1, 'search.errors.page').max(MAX_PAGE, 'search.errors.page').default(1)),
};

/** The search page's query string: an empty `q` shows the form alone. */
export const SearchPageQuery = z.object({
  q: z.preprocess((v) => v ?? '', z.string().trim().max(MAX_QUERY, 'search.errors.tooLong')),
  ...filters,
});
/** The search page's query string. */
export type SearchPageQuery = z.infer<typeof SearchPageQuery>;

/** The API's query string. */
export const SearchQuery = z.object({
  q: z
    .string({ error: 'search.errors.empty' })
    .trim()
    .min(1, 'search.errors.empty')
    .max(MAX_QUERY, 'search.errors.tooLong')
    .describe('Words to find, in web search syntax: "a phrase", -excluded, this or that')
    .meta({ example: 'device labelling' }),
  ...filters,
});
/** The API's query string. */
export type SearchQuery = z.infer<typeof SearchQuery>;

/** A stretch of a title or excerpt; `match` marks the words the query found. */
export const TextPart = z.object({ text: z.string(), match: z.boolean() });
/** A stretch of highlighted text. */
export type TextPart = z.infer<typeof TextPart>;

/** One result. */
export const SearchResultOut = z.object({
  kind: z.enum(SEARCH_KINDS),
  id: z.uuid().describe('The id of the document, comment, meeting or membership'),
  title: z.string(),
  titleParts: z.array(TextPart).describe('The title cut into stretches, the matched words marked'),
  excerpt: z.array(TextPart).describe('A passage of the text around the matches, as plain text cut into stretches: join the `text`s for the passage, emphasise those with `match`. No HTML, so nothing to escape or sanitise but your own output.'),
  path: z.string().describe('The page of the record on this site, with the language prefix'),
  lang: z.enum(['en', 'fr']).nullable().describe('The language of this text; null for names'),
  subkind: z.string().nullable().describe('A document’s kind'),
  status: z.string().nullable().describe('A state worth knowing, such as "cancelled" for a meeting'),
  membersOnly: z.boolean(),
  copies: z.number().int().describe('How many copies of this text matched: a comment campaign (exact duplicates) is one result; 1 for anything else'),
  process: z.object({ slug: z.string(), title: z.object({ en: z.string(), fr: z.string() }) }),
});
/** One result. */
export type SearchResultOut = z.infer<typeof SearchResultOut>;

/** A page of results, best first. */
export const SearchPageOut = z.object({
  items: z.array(SearchResultOut),
  page: z.number().int(),
  next: z.number().int().nullable().describe('The next page number, or null on the last page (or page 50, the last one served)'),
});
/** A page of results. */
export type SearchPageOut = z.infer<typeof SearchPageOut>;
