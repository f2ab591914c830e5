import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { SearchEntryInput, SearchKind } from './search.tables.js';

// The shape lives beside the table, so the repository and this file need not import each other.
export type { SearchEntryInput } from './search.tables.js';
import { searchRepository as repo } from './search.repository.js';


/** The text-search configuration for a language (see migration 0008: each unaccents, then stems; 'simple' does not stem: names). */
export function searchConfig(lang: 'en' | 'fr' | null): 'concord_english' | 'concord_french' | 'concord_simple' {
  return lang === 'en' ? 'concord_english' : lang === 'fr' ? 'concord_french' : 'concord_simple';
}

/** Bodies beyond this are cut before indexing (tsvector has a 1 MB limit; excerpts need far less). */
export const MAX_BODY = 200_000;

// Control characters have no place in text people read, and two of them (STX, ETX) are the
// highlight markers the search asks ts_headline for: removing them all on the way in means
// no indexed text can ever fake a highlight. NUL would be refused by PostgreSQL anyway.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Text as the index stores it: without control characters. */
export function cleanText(s: string): string {
  return s.replace(CONTROL, '');
}

function normalise(e: SearchEntryInput): SearchEntryInput {
  return { ...e, title: cleanText(e.title), body: cleanText(e.body).slice(0, MAX_BODY) };
}

/**
 * Add or replace a record in the search index: the record's one entry, in one language
 * (documents, comments) or in none (names). An entry the record had in another language is
 * removed, so a document whose language changes is not found twice. Call it in the
 * transaction that changes the record, so the index never shows what was rolled back.
 * The title weighs more than the body.
 * @example await indexForSearch(trx, { kind: 'document', refId: d.id, processId, lang: 'fr', title, body, path })
 */
export async function indexForSearch(db: Kysely<DB>, e: SearchEntryInput, opts: IndexOptions = {}): Promise<void> {
  await indexTranslationsForSearch(db, [e], opts);
}

/** Rows per INSERT statement in indexManyForSearch (they travel as arrays: 14 parameters whatever the count; this bounds the statement's memory). */
const MANY_PER_STATEMENT = 5000;

/**
 * Index many records created in this transaction at once (a bulk import of comments): one
 * entry each, up to five thousand per statement rather than one by one, each distinct text
 * stemmed once (a flood is mostly copies).
 * @example await indexManyForSearch(trx, comments.map((c) => entryOf(c)))
 */
export async function indexManyForSearch(db: Kysely<DB>, entries: SearchEntryInput[]): Promise<void> {
  for (let i = 0; i < entries.length; i += MANY_PER_STATEMENT) {
    await repo.insertMany(
      db,
      entries.slice(i, i + MANY_PER_STATEMENT).map((e) => {
        const n = normalise(e);
        return { e: n, config: searchConfig(n.lang) };
      }),
    );
  }
}

/** `fresh`: the record was created in this transaction, so it has no entries to clear (one statement less). */
export interface IndexOptions {
  fresh?: boolean;
}

/**
 * Add or replace a record that carries its text in several languages (a meeting has English
 * and French titles and descriptions): one entry per language, each stemmed in its language.
 * Every entry must name the same kind and record; the record's entries in languages not
 * given are removed. A search that matches several shows the record once (see the repository).
 * @example await indexTranslationsForSearch(trx, [{ ...common, lang: 'en', title: m.title_en, body }, { ...common, lang: 'fr', title: m.title_fr, body: bodyFr }])
 */
export async function indexTranslationsForSearch(db: Kysely<DB>, entries: SearchEntryInput[], opts: IndexOptions = {}): Promise<void> {
  const first = entries[0];
  if (!first) return;
  if (entries.some((e) => e.kind !== first.kind || e.refId !== first.refId)) throw new Error('indexTranslationsForSearch: entries of different records');
  if (new Set(entries.map((e) => e.lang)).size !== entries.length) throw new Error('indexTranslationsForSearch: one entry per language');
  if (!opts.fresh) await repo.removeOtherLanguages(db, first.kind, first.refId, entries.map((e) => e.lang));
  for (const e of entries.map(normalise)) await repo.upsert(db, e, searchConfig(e.lang));
}

/** Take a record out of the index, in every language (a hidden comment, a person who left…). */
export async function removeFromSearch(db: Kysely<DB>, kind: SearchKind, refId: string): Promise<void> {
  await repo.remove(db, kind, refId);
}

/**
 * Comments are indexed as entries of their own, each carrying its document's visibility at
 * the time it was written. When a document becomes members-only (or public again), its
 * comments' entries follow, so search never shows a comment the document page would hide.
 * Hidden comments have no entry, so nothing comes back for them. Call it in the transaction
 * that changes the document.
 */
export async function followDocumentVisibility(db: Kysely<DB>, documentId: string, membersOnly: boolean): Promise<void> {
  await repo.setCommentsMembersOnly(db, documentId, membersOnly);
}
