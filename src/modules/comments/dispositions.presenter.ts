import type { Disposition, CommentEntry } from './dispositions.repository.js';
import type { DispositionOut } from './dispositions.schema.js';
import type { ExportContext, VersionRef } from './dispositions.report.js';
import { documentPath } from '../documents/index.js';
import { staffRoleOut, type StaffRoleOut } from '../../platform/auth/staff.presenter.js';
import type { StaffRole } from '../../platform/auth/staff.repository.js';

/** The page of a changed paragraph, without the language prefix. */
export function changedPath(processSlug: string, ref: VersionRef, anchor: string | null): string {
  return `${documentPath(processSlug, ref.document.slug)}/versions/${ref.number}${anchor ? `#${anchor}` : ''}`;
}

/** Where a period's pages are, without the language prefix. */
export const periodBase = (processSlug: string, periodId: string) => `/processes/${processSlug}/comment-periods/${periodId}`;

/** The API's view of a response; the changed version is named by number with its address. */
export function presentDisposition(d: Disposition, processSlug: string, versions: Map<string, VersionRef>, baseUrl: string): DispositionOut {
  const ref = d.version_id ? versions.get(d.version_id) : undefined;
  return {
    id: d.id,
    periodId: d.period_id,
    commentId: d.comment_id,
    groupId: d.group_id,
    outcome: d.outcome,
    rationale: d.rationale,
    lang: d.lang,
    changed: ref ? { documentId: ref.document.id, versionNumber: ref.number, anchor: d.anchor, url: `${baseUrl}/${d.lang}${changedPath(processSlug, ref, d.anchor)}` } : null,
    decidedAt: d.decided_at.toISOString(),
    updatedAt: d.updated_at.toISOString(),
  };
}

/** One comment of an export: a hidden one is a tombstone (reason and date; no text, no name). */
export interface ExportRecord {
  id: string;
  receipt: string;
  document: string;
  documentLang: 'en' | 'fr';
  anchor: string | null;
  paragraph: string | null;
  groupId: string;
  groupSize: number;
  displayName: string | null;
  organisation: string | null;
  lang: 'en' | 'fr';
  text: string | null;
  status: 'visible' | 'hidden';
  hiddenReason: string | null;
  hiddenAt: string | null;
  createdAt: string;
  response: {
    scope: 'comment' | 'group';
    outcome: string;
    rationale: string;
    lang: 'en' | 'fr';
    decidedAt: string;
    changed: { version: number; anchor: string | null; url: string } | null;
  } | null;
  /** "administrator", "convener" or null: the staff badge the report shows beside the name (issue 10); null when hidden. Last, as its CSV column. */
  staffRole: StaffRoleOut | null;
}

/** A comment and its response as an export record. */
export function exportRecord(e: CommentEntry & { author_staff: StaffRole | null }, ctx: ExportContext, processSlug: string, baseUrl: string): ExportRecord {
  const doc = ctx.documents.get(e.document_id)!;
  const hidden = e.status === 'hidden';
  const ref = e.d_version_id ? ctx.versions.get(e.d_version_id) : undefined;
  return {
    id: e.id,
    receipt: e.receipt,
    document: doc.document.slug,
    documentLang: doc.document.lang,
    anchor: e.anchor,
    paragraph: e.anchor ? (doc.labels.get(e.anchor) ?? null) : null,
    groupId: e.group_id,
    groupSize: e.group_size,
    displayName: hidden ? null : e.display_name,
    organisation: hidden ? null : e.organisation,
    lang: e.lang,
    text: hidden ? null : e.body,
    status: e.status,
    hiddenReason: e.hidden_reason,
    hiddenAt: e.hidden_at ? e.hidden_at.toISOString() : null,
    createdAt: e.created_at.toISOString(),
    response:
      e.d_outcome && e.d_scope
        ? {
            scope: e.d_scope,
            outcome: e.d_outcome,
            rationale: e.d_rationale ?? '',
            lang: e.d_lang ?? doc.document.lang,
            decidedAt: e.d_decided_at ? e.d_decided_at.toISOString() : '',
            changed: ref ? { version: ref.number, anchor: e.d_anchor, url: `${baseUrl}/${doc.document.lang}${changedPath(processSlug, ref, e.d_anchor)}` } : null,
          }
        : null,
    staffRole: hidden ? null : staffRoleOut(e.author_staff),
  };
}

/** The CSV's columns, in order. */
export const CSV_COLUMNS = [
  'id',
  'receipt',
  'document',
  'anchor',
  'paragraph',
  'group_id',
  'group_size',
  'display_name',
  'organisation',
  'lang',
  'text',
  'status',
  'hidden_reason',
  'hidden_at',
  'created_at',
  'response_scope',
  'outcome',
  'rationale',
  'response_lang',
  'decided_at',
  'changed_version',
  'changed_anchor',
  'changed_url',
  'staff_role',
] as const;

/**
 * One CSV cell, quoted. A cell a spreadsheet would read as a formula (starting with = + - @,
 * or a tab or carriage return that hides one) gets a leading apostrophe, so opening a public
 * export never runs what a commenter typed.
 * @example csvCell('=HYPERLINK("x")') // "'=HYPERLINK(""x"")" in quotes
 */
export function csvCell(v: string | number | null | undefined): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

/** A CSV line (CRLF, as RFC 4180 writes it). */
export const csvLine = (cells: (string | number | null | undefined)[]) => `${cells.map(csvCell).join(',')}\r\n`;

/** An export record as a CSV line in CSV_COLUMNS order. */
export function csvRecord(r: ExportRecord): string {
  const d = r.response;
  return csvLine([
    r.id,
    r.receipt,
    r.document,
    r.anchor,
    r.paragraph,
    r.groupId,
    r.groupSize,
    r.displayName,
    r.organisation,
    r.lang,
    r.text,
    r.status,
    r.hiddenReason,
    r.hiddenAt,
    r.createdAt,
    d?.scope,
    d?.outcome,
    d?.rationale,
    d?.lang,
    d?.decidedAt,
    d?.changed?.version,
    d?.changed?.anchor,
    d?.changed?.url,
    r.staffRole,
  ]);
}
