import type { Kysely } from 'kysely';
import { ABSORBED, containment, wordSet } from './documents.anchors.js';
import type { DB } from '../../platform/db/schema.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { diffVersions, type VersionDiff } from './documents.diff.js';
import { documentMargin, type DocumentMargin } from './documents.slots.js';
import { documentsRepository as repo, type BlockRow, type DocumentRow, type VersionListItem, type VersionRow } from './documents.repository.js';
import { blocksOf, getVersion, translationsOf, versionByNumber } from './documents.service.js';
import { groupsRepository, type WorkingGroup } from '../groups/index.js';

/**
 * What readers ask of documents beyond one version: comparisons, where a paragraph went,
 * and translations side by side. Reads only.
 */

/** Two versions and their comparison. */
export interface Comparison {
  from: VersionRow;
  to: VersionRow;
  diff: VersionDiff;
}

/** Compare versions `from` and `to` of a document (either order; the diff reads from → to). */
export async function compareVersions(db: Kysely<DB>, doc: DocumentRow, from: number, to: number): Promise<Comparison> {
  const [a, b] = await Promise.all([getVersion(db, doc.id, from), getVersion(db, doc.id, to)]);
  const [oldBlocks, newBlocks] = await Promise.all([repo.blocks(db, a.id), repo.blocks(db, b.id)]);
  return { from: a, to: b, diff: diffVersions(oldBlocks, newBlocks) };
}

/** Where an anchor is now: in the current version, or removed (and perhaps merged into another block). */
export type AnchorWhereabouts =
  | { state: 'current'; block: BlockRow }
  // `merged`: most of its words went into the successor; otherwise the successor was written in its place.
  | { state: 'removed'; removedIn: number; last: BlockRow & { number: number }; successor: BlockRow | null; merged: boolean };

/** Fates are followed at most this far (a paragraph merged into one later merged again…). */
const MAX_HOPS = 20;

/**
 * Where the paragraph that once had `anchor` is in the current version. A removed anchor
 * whose text went into another block points at that block, following later merges too.
 * 404 when the document never had the anchor.
 */
export async function whereIsAnchor(db: Kysely<DB>, doc: DocumentRow, anchor: string): Promise<AnchorWhereabouts> {
  if (!/^[a-z0-9-]{1,40}$/.test(anchor) || !doc.current_version_id) throw new HttpProblem(404, 'errors.notFound');
  const current = await repo.blocks(db, doc.current_version_id);
  const byAnchor = new Map(current.map((b) => [b.anchor, b]));
  const here = byAnchor.get(anchor);
  if (here) return { state: 'current', block: here };
  const last = await repo.lastBlockWithAnchor(db, doc.id, anchor);
  const fate = await repo.fate(db, doc.id, anchor);
  if (!last || !fate) throw new HttpProblem(404, 'errors.notFound');
  let successor: BlockRow | null = null;
  let next = fate.successor_anchor;
  const seen = new Set([anchor]);
  for (let hop = 0; next && hop < MAX_HOPS && !seen.has(next); hop++) {
    seen.add(next);
    const found = byAnchor.get(next);
    if (found) {
      successor = found;
      break;
    }
    next = (await repo.fate(db, doc.id, next))?.successor_anchor ?? null;
  }
  const merged = successor !== null && containment(wordSet(last.plain), wordSet(successor.plain)) >= ABSORBED;
  return { state: 'removed', removedIn: fate.removed_in, last, successor, merged };
}

/** One row of a side-by-side reading: a block of each language, either possibly missing. */
export interface SideRow {
  left: BlockRow | null;
  right: BlockRow | null;
}

/** Two translations' current blocks, aligned by position; `aligned` is false when their counts differ. */
export interface SideBySide {
  left: DocumentRow;
  right: DocumentRow;
  leftVersion: VersionRow | undefined;
  rightVersion: VersionRow | undefined;
  rows: SideRow[];
  aligned: boolean;
}

/**
 * A document and its translation side by side, block against block by position (translations
 * keep the structure of the original, so position is the honest alignment; when the counts
 * differ, rows past the shorter one have one side empty and the page says so). Each side is
 * its current version unless a version number is given (a number that does not exist is not
 * found), so a comment period's version can be read against its translation's.
 */
export async function sideBySide(db: Kysely<DB>, left: DocumentRow, right: DocumentRow, numbers: { left?: number; right?: number } = {}): Promise<SideBySide> {
  const load = async (d: DocumentRow, n: number | undefined) => {
    const id = n === undefined ? d.current_version_id : ((await versionByNumber(db, d.id, n)) ?? notFound()).id;
    return id ? Promise.all([repo.versionById(db, id), repo.blocks(db, id)]) : ([undefined, []] as const);
  };
  const [[leftVersion, l], [rightVersion, r]] = await Promise.all([load(left, numbers.left), load(right, numbers.right)]);
  const rows: SideRow[] = [];
  for (let i = 0; i < Math.max(l.length, r.length); i++) rows.push({ left: l[i] ?? null, right: r[i] ?? null });
  return { left, right, leftVersion, rightVersion, rows, aligned: l.length === r.length };
}

function notFound(): never {
  throw new HttpProblem(404, 'errors.notFound');
}

/** Everything a document page shows, read in a fixed number of queries whatever the comments. */
export interface DocumentPage {
  doc: DocumentRow;
  version: VersionListItem;
  blocks: readonly BlockRow[];
  translations: DocumentRow[];
  /** The working group that owns the document (none for the process's own documents). */
  groups: WorkingGroup[];
  /** The latest comment period on the document, if any. */
  margin: DocumentMargin | null;
  /** The number of the version that period is about. */
  marginVersion: number | null;
}

/** A version of a document (the current one when `n` is absent) with what its page shows. */
export async function documentPage(db: Kysely<DB>, doc: DocumentRow, n?: number): Promise<DocumentPage> {
  const version = await getVersion(db, doc.id, n ?? doc.version_count);
  const [blocks, translations, groups, margin] = await Promise.all([
    blocksOf(db, version.id),
    translationsOf(db, doc),
    // Only the owner is named on the page: its group, read only when there is one.
    doc.group_id ? groupsRepository.byId(db, doc.group_id).then((g) => (g ? [g] : [])) : Promise.resolve([]),
    documentMargin(db, doc.id),
  ]);
  const marginVersion = margin ? (margin.versionId === version.id ? version.number : ((await repo.versionById(db, margin.versionId))?.number ?? null)) : null;
  return { doc, version, blocks, translations, groups, margin, marginVersion };
}
