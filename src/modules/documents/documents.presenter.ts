import type { z } from 'zod';
import { staffRoleOut } from '../../platform/auth/staff.presenter.js';
import type { BlockRow, DocumentRow, VersionListItem } from './documents.repository.js';
import type { BlockOut, CompareOut, DocumentOut, VersionDetailOut, VersionOut } from './documents.schema.js';
import type { Comparison } from './documents.reading.js';
import { documentPath } from './documents.service.js';

/** What presenting a document needs besides its row. */
export interface DocumentContext {
  processSlug: string;
  /** Group id → slug, for the process's groups. */
  groupSlugs: Map<string, string>;
  translations: DocumentRow[];
  baseUrl: string;
}

/** The API's view of a document. */
export function presentDocument(d: DocumentRow, c: DocumentContext): z.infer<typeof DocumentOut> {
  return {
    id: d.id,
    process: c.processSlug,
    group: d.group_id ? (c.groupSlugs.get(d.group_id) ?? null) : null,
    slug: d.slug,
    kind: d.kind,
    lang: d.lang,
    title: d.title,
    status: d.status,
    membersOnly: d.members_only,
    currentVersion: d.current_version_id ? d.version_count : null,
    translations: c.translations.filter((x) => x.id !== d.id).map((x) => ({ slug: x.slug, lang: x.lang })),
    createdAt: d.created_at.toISOString(),
    updatedAt: d.updated_at.toISOString(),
    url: `${c.baseUrl}/${d.lang}${documentPath(c.processSlug, d.slug)}`,
  };
}

/** The API's view of a block. */
export function presentBlock(b: BlockRow): z.infer<typeof BlockOut> {
  return {
    anchor: b.anchor,
    position: b.position,
    kind: b.kind,
    level: b.level,
    label: b.label,
    change: b.change,
    markdown: b.source,
    html: b.html,
    text: b.plain,
  };
}

/** The API's view of a version in a history: its author's name and staff role come with the row (issue 10). */
export function presentVersion(v: VersionListItem): z.infer<typeof VersionOut> {
  return { number: v.number, title: v.title, message: v.message, author: v.author_name, authorStaffRole: staffRoleOut(v.author_staff), createdAt: v.created_at.toISOString() };
}

/** A version with its Markdown and blocks. */
export function presentVersionDetail(v: VersionListItem, blocks: readonly BlockRow[]): z.infer<typeof VersionDetailOut> {
  return { ...presentVersion(v), markdown: v.markdown, blocks: blocks.map(presentBlock) };
}

/** The API's view of a comparison. */
export function presentComparison(c: Comparison): z.infer<typeof CompareOut> {
  return { from: c.from.number, to: c.to.number, summary: c.diff.summary, blocks: c.diff.blocks };
}
