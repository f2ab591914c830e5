import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { newId } from '../../platform/lib/ids.js';
import type { SearchEntryInput, SearchKind } from './search.tables.js';

/** The highlight markers ts_headline puts around matches; indexed text never holds them (search.index.ts strips control characters). */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

/** What a search asks of the index. */
export interface SearchFilter {
  q: string;
  /** The words excerpts mark, as alternatives (search.query.ts: a phrase there costs the square of its matches). */
  highlight: string;
  processId?: string | undefined;
  kind?: SearchKind | undefined;
  subkind?: string | undefined;
  lang?: 'en' | 'fr' | undefined;
  /** The reader's language: when a record matches in both, its entry in this language is shown. */
  viewerLang: 'en' | 'fr';
  /** Processes whose members-only entries the reader may see; 'all' for an administrator. */
  membersOf: string[] | 'all';
  limit: number;
  offset: number;
}

/** One result row: the entry, its rank, and title and excerpt with the markers around matches. */
export interface SearchHit {
  id: string;
  kind: SearchKind;
  ref_id: string;
  process_id: string;
  lang: 'en' | 'fr' | null;
  subkind: string | null;
  status: string | null;
  title: string;
  path: string;
  members_only: boolean;
  /** How many copies of the text matched: above 1 for a comment campaign, shown once. */
  copies: number;
  rank: number;
  title_marked: string;
  excerpt_marked: string;
}

/**
 * Excerpts are cut from at most this much of a body: ts_headline parses all it is given, for
 * each of the page's rows, and its cost grows faster than the text (a text dense in the query's
 * words took 0.5 s a row at 20,000 characters, against 6 ms at 5,000). A match further in is
 * still found and ranked; its excerpt shows the text's opening.
 */
const HEADLINE_SOURCE = 5_000;
const HEADLINE_OPTIONS = `StartSel="${MARK_START}", StopSel="${MARK_END}", MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;
const TITLE_OPTIONS = `StartSel="${MARK_START}", StopSel="${MARK_END}", HighlightAll=true`;

/** The configuration of an entry's language, as an SQL expression over `e.lang`. */
const entryConfig = sql`(case e.lang when 'en' then 'concord_english'::regconfig when 'fr' then 'concord_french'::regconfig else 'concord_simple'::regconfig end)`;
/** The query in the entry's language, over the `q` row of the statement. */
const entryQuery = sql`(case e.lang when 'en' then q.en when 'fr' then q.fr else q.si end)`;
/** What one result stands for: the record, or the group of copies it belongs to (each copy is one entry in one language). */
const entryRecord = sql`coalesce(e.group_key, e.ref_id::text)`;
/** The words to mark in the entry's language, as alternatives. */
const entryMarks = sql`(case e.lang when 'en' then q.hen when 'fr' then q.hfr else q.hsi end)`;

function conditions(f: SearchFilter): RawBuilder<unknown>[] {
  // Each language's entries are matched with that language's query: an English entry was
  // stemmed in English, so only the English stems of the query can meet it. Written as three
  // ANDed pairs so the planner can OR three GIN index scans.
  const where: RawBuilder<unknown>[] = [sql`((e.lang = 'en' and e.tsv @@ q.en) or (e.lang = 'fr' and e.tsv @@ q.fr) or (e.lang is null and e.tsv @@ q.si))`];
  if (f.processId) where.push(sql`e.process_id = ${f.processId}`);
  if (f.kind) where.push(sql`e.kind = ${f.kind}`);
  if (f.subkind) where.push(sql`e.subkind = ${f.subkind}`);
  if (f.lang) where.push(sql`e.lang = ${f.lang}`);
  if (f.membersOf !== 'all') {
    where.push(f.membersOf.length ? sql`(e.members_only = false or e.process_id in (${sql.join(f.membersOf)}))` : sql`e.members_only = false`);
  }
  return where;
}

/**
 * One search_entries row for an entry: its tsvector computed by the server in the entry's own
 * text search configuration (title weighted A, body B). Shared by the single upsert and the
 * import's many-row insert, so both index a text the same way.
 */
function entryRow(e: SearchEntryInput, config: string, at: Date) {
  const cfg = sql.lit(config);
  return {
    id: newId(),
    kind: e.kind,
    ref_id: e.refId,
    process_id: e.processId,
    lang: e.lang,
    subkind: e.subkind ?? null,
    status: e.status ?? null,
    title: e.title,
    body: e.body,
    path: e.path,
    members_only: e.membersOnly ?? false,
    group_key: e.groupKey ?? null,
    tsv: sql<string>`setweight(to_tsvector(${cfg}::regconfig, ${e.title}), 'A') || setweight(to_tsvector(${cfg}::regconfig, ${e.body}), 'B')`,
    updated_at: at,
  };
}

/** SQL of the search index: writes for search.index.ts, and the ranked query. */
export const searchRepository = {
  async upsert(db: Kysely<DB>, e: SearchEntryInput, config: string): Promise<void> {
    await db
      .insertInto('search_entries')
      .values(entryRow(e, config, new Date()))
      .onConflict((oc) =>
        oc.columns(['kind', 'ref_id', 'lang']).doUpdateSet((eb) => ({
          process_id: eb.ref('excluded.process_id'),
          subkind: eb.ref('excluded.subkind'),
          status: eb.ref('excluded.status'),
          title: eb.ref('excluded.title'),
          body: eb.ref('excluded.body'),
          path: eb.ref('excluded.path'),
          members_only: eb.ref('excluded.members_only'),
          group_key: eb.ref('excluded.group_key'),
          tsv: eb.ref('excluded.tsv'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  },

  /**
   * Insert entries of records created in this transaction (no entry to replace), many per
   * statement: each row's tsvector is computed in its own language's configuration.
   */
  async insertMany(db: Kysely<DB>, entries: { e: SearchEntryInput; config: string }[]): Promise<void> {
    if (!entries.length) return;
    // A flood is mostly copies: each distinct (configuration, body) is stemmed once, and every
    // entry adds its own title's vector to its body's. The rows travel as arrays (a fixed
    // number of parameters, whatever the count), not as a VALUES list compiled row by row.
    const bodyIndex = new Map<string, number>();
    const bodies: string[] = [];
    const bodyConfigs: string[] = [];
    const at = entries.map(({ e, config }) => {
      const key = `${config}\n${e.body}`;
      let i = bodyIndex.get(key);
      if (i === undefined) {
        bodyIndex.set(key, (i = bodies.length + 1));
        bodies.push(e.body);
        bodyConfigs.push(config);
      }
      return i;
    });
    const col = <T>(f: (x: { e: SearchEntryInput; config: string }) => T) => entries.map(f);
    await sql`
      with b as materialized (
        select i, setweight(to_tsvector(cfg::regconfig, body), 'B') as tsv
        from unnest(${bodies}::text[], ${bodyConfigs}::text[]) with ordinality as u(body, cfg, i)
      )
      insert into search_entries (id, kind, ref_id, process_id, lang, subkind, status, title, body, path, members_only, group_key, tsv, updated_at)
      select x.id, x.kind, x.ref_id, x.process_id, x.lang, x.subkind, x.status, x.title, x.body, x.path, x.members_only, x.group_key,
             setweight(to_tsvector(x.cfg::regconfig, x.title), 'A') || b.tsv, now()
      from unnest(${col(() => newId())}::uuid[], ${col((x) => x.e.kind)}::text[], ${col((x) => x.e.refId)}::uuid[], ${col((x) => x.e.processId)}::uuid[],
                  ${col((x) => x.e.lang)}::text[], ${col((x) => x.e.subkind ?? null)}::text[], ${col((x) => x.e.status ?? null)}::text[],
                  ${col((x) => x.e.title)}::text[], ${col((x) => x.e.body)}::text[], ${col((x) => x.e.path)}::text[],
                  ${col((x) => x.e.membersOnly ?? false)}::boolean[], ${col((x) => x.e.groupKey ?? null)}::text[], ${col((x) => x.config)}::text[], ${at}::int[])
        as x(id, kind, ref_id, process_id, lang, subkind, status, title, body, path, members_only, group_key, cfg, bi)
      join b on b.i = x.bi`.execute(db);
  },

  /** Remove a record's entries in languages other than these (null: the no-language entry). */
  async removeOtherLanguages(db: Kysely<DB>, kind: SearchKind, refId: string, keep: ('en' | 'fr' | null)[]): Promise<void> {
    let q = db.deleteFrom('search_entries').where('kind', '=', kind).where('ref_id', '=', refId);
    if (keep.length) q = q.where(sql<boolean>`coalesce(lang, '') not in (${sql.join(keep.map((l) => l ?? ''))})`);
    await q.execute();
  },

  async remove(db: Kysely<DB>, kind: SearchKind, refId: string): Promise<void> {
    await db.deleteFrom('search_entries').where('kind', '=', kind).where('ref_id', '=', refId).execute();
  },

  /**
   * Mark the search entries of a document's comments members-only or public, as the document
   * now is. The comments are found through the periods that cover the document (the
   * comments_by_anchor index starts with the period), not by scanning every comment.
   */
  async setCommentsMembersOnly(db: Kysely<DB>, documentId: string, membersOnly: boolean): Promise<void> {
    await db
      .updateTable('search_entries')
      .set({ members_only: membersOnly, updated_at: new Date() })
      .where('kind', '=', 'comment')
      .where('ref_id', 'in', (eb) =>
        eb
          .selectFrom('comments as c')
          .select('c.id')
          .where('c.period_id', 'in', (e2) => e2.selectFrom('comment_period_documents').select('period_id').where('document_id', '=', documentId))
          .where('c.document_id', '=', documentId),
      )
      .execute();
  },

  /** Empty a process's entries of some kinds, before a reindex writes them again. */
  async clear(db: Kysely<DB>, processId: string, kinds: SearchKind[]): Promise<number> {
    if (!kinds.length) return 0;
    const r = await db.deleteFrom('search_entries').where('process_id', '=', processId).where('kind', 'in', kinds).executeTakeFirst();
    return Number(r.numDeletedRows);
  },

  /**
   * One page of results, best first. A record indexed in both languages appears once: its
   * entry in the reader's language when that one matches, else the best one that does. So
   * does a campaign (entries sharing a group key, one per copy), with the number of its
   * copies that matched: a hundred copies of one text would otherwise fill five pages.
   * Excerpts are made for the page's rows only, after the limit.
   */
  async search(db: Kysely<DB>, f: SearchFilter): Promise<SearchHit[]> {
    const where = sql.join(conditions(f), sql` and `);
    const r = await sql<SearchHit>`
      with q as (
        select websearch_to_tsquery('concord_english', ${f.q}) as en,
               websearch_to_tsquery('concord_french', ${f.q}) as fr,
               websearch_to_tsquery('concord_simple', ${f.q}) as si,
               websearch_to_tsquery('concord_english', ${f.highlight}) as hen,
               websearch_to_tsquery('concord_french', ${f.highlight}) as hfr,
               websearch_to_tsquery('concord_simple', ${f.highlight}) as hsi
      ),
      hits as (
        select e.id, ts_rank_cd(e.tsv, ${entryQuery}) as rank,
               row_number() over (partition by e.kind, ${entryRecord} order by (e.lang is not distinct from ${f.viewerLang}) desc, ts_rank_cd(e.tsv, ${entryQuery}) desc, e.id) as nth,
               case when e.group_key is null then 1 else count(*) over (partition by e.kind, ${entryRecord}) end as copies
        from search_entries e cross join q
        where ${where}
      ),
      page as (
        select id, rank, copies from hits where nth = 1 order by rank desc, id limit ${f.limit} offset ${f.offset}
      )
      select e.id, e.kind, e.ref_id, e.process_id, e.lang, e.subkind, e.status, e.title, e.path, e.members_only, page.copies::int as copies, page.rank::float8 as rank,
             ts_headline(${entryConfig}, e.title, ${entryMarks}, ${TITLE_OPTIONS}) as title_marked,
             ts_headline(${entryConfig}, left(e.body, ${HEADLINE_SOURCE}), ${entryMarks}, ${HEADLINE_OPTIONS}) as excerpt_marked
      from page join search_entries e on e.id = page.id cross join q
      order by page.rank desc, e.id`.execute(db);
    return r.rows;
  },
};
