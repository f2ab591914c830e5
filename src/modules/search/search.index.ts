import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';
import type { SearchKind } from './search.tables.js';

/** What a module tells the search index about one of its public records. */
export interface SearchEntryInput {
  kind: SearchKind;
  refId: string;
  processId: string;
  /** The text's language; null for names and other text in no particular language. */
  lang: 'en' | 'fr' | null;
  /** A document's kind, to filter by. */
  subkind?: string | null;
  title: string;
  body: string;
  /** The page, without the language prefix. */
  path: string;
  membersOnly?: boolean;
}

/** The text-search configuration for a language ('simple' does no stemming: names). */
export function searchConfig(lang: 'en' | 'fr' | null): 'english' | 'french' | 'simple' {
  return lang === 'en' ? 'english' : lang === 'fr' ? 'french' : 'simple';
}

/** Bodies beyond this are cut before indexing (tsvector has a 1 MB limit; excerpts need far less). */
const MAX_BODY = 200_000;

/**
 * Add or replace a record in the search index. Call it in the transaction that changes the
 * record, so the index never shows what was rolled back. The title weighs more than the body.
 * @example await indexForSearch(trx, { kind: 'meeting', refId: m.id, processId, lang: null, title, body, path })
 */
export async function indexForSearch(db: Kysely<DB>, e: SearchEntryInput): Promise<void> {
  const cfg = sql.lit(searchConfig(e.lang));
  const body = e.body.slice(0, MAX_BODY);
  const tsv = sql<string>`setweight(to_tsvector(${cfg}::regconfig, unaccent(${e.title})), 'A') || setweight(to_tsvector(${cfg}::regconfig, unaccent(${body})), 'B')`;
  await db
    .insertInto('search_entries')
    .values({
      id: newId(),
      kind: e.kind,
      ref_id: e.refId,
      process_id: e.processId,
      lang: e.lang,
      subkind: e.subkind ?? null,
      title: e.title,
      body,
      path: e.path,
      members_only: e.membersOnly ?? false,
      tsv,
      updated_at: new Date(),
    })
    .onConflict((oc) =>
      oc.columns(['kind', 'ref_id']).doUpdateSet((eb) => ({
        process_id: eb.ref('excluded.process_id'),
        lang: eb.ref('excluded.lang'),
        subkind: eb.ref('excluded.subkind'),
        title: eb.ref('excluded.title'),
        body: eb.ref('excluded.body'),
        path: eb.ref('excluded.path'),
        members_only: eb.ref('excluded.members_only'),
        tsv: eb.ref('excluded.tsv'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}

/** Take a record out of the index (a hidden comment, a cancelled meeting…). */
export async function removeFromSearch(db: Kysely<DB>, kind: SearchKind, refId: string): Promise<void> {
  await db.deleteFrom('search_entries').where('kind', '=', kind).where('ref_id', '=', refId).execute();
}
