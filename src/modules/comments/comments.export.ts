import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { staffRoleOut, type StaffRoleOut } from '../../platform/auth/staff.presenter.js';
import type { StakeholderGroup } from '../processes/index.js';
import type { CommentRow } from './comments.repository.js';
import { everyComment } from './listing.service.js';
import { receivedAt } from './comments.presenter.js';
import type { Paragraph, PeriodDetail } from './periods.service.js';

/** One exported comment; a hidden one keeps its place, reason and date but none of its text or name. */
export interface ExportRecord {
  id: string;
  receipt: string;
  date: string;
  document: string;
  version: number | null;
  paragraph: string;
  anchor: string;
  name: string;
  organisation: string;
  stakeholderGroup: string;
  language: string;
  text: string;
  status: string;
  hiddenReason: string;
  hiddenAt: string;
  duplicateGroup: string;
  duplicateGroupSize: number;
  response: string;
  /** "administrator", "convener" or null: the staff badge the page shows beside the name (issue 10); null when hidden. */
  staffRole: StaffRoleOut | null;
  /** How it arrived: web, api or bulk (issue 11). */
  channel: string;
  /** When Concord received it; `date` is when it was submitted (they differ for imported comments). */
  receivedAt: string;
  /** The campaign the last detection put its text in (issue 11), or '' when none. */
  campaign: string;
}

/** The CSV header, in the order of ExportRecord's fields; new columns are appended, never inserted. */
export const EXPORT_COLUMNS: (keyof ExportRecord)[] = [
  'id',
  'receipt',
  'date',
  'document',
  'version',
  'paragraph',
  'anchor',
  'name',
  'organisation',
  'stakeholderGroup',
  'language',
  'text',
  'status',
  'hiddenReason',
  'hiddenAt',
  'duplicateGroup',
  'duplicateGroupSize',
  'response',
  'staffRole',
  'channel',
  'receivedAt',
  'campaign',
];

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break. A cell that a
 * spreadsheet would read as a formula (starting with =, +, -, @, tab or carriage return) gets
 * a leading apostrophe, so a comment cannot run code in the spreadsheet of whoever opens it.
 * @example csvCell('=HYPERLINK("x")') // `"'=HYPERLINK(""x"")"`
 */
export function csvCell(value: string | number | null): string {
  let s = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** An export record as a CSV line (CRLF), in EXPORT_COLUMNS order. */
export function csvRow(r: ExportRecord): string {
  return `${EXPORT_COLUMNS.map((k) => csvCell(r[k])).join(',')}\r\n`;
}

/** A comment as an export record. */
export function toRecord(c: CommentRow, d: PeriodDetail, groups: StakeholderGroup[], paragraphs: Map<string, Map<string, Paragraph>>): ExportRecord {
  const hidden = c.status === 'hidden';
  const covered = d.documents.find((x) => x.document.id === c.document_id);
  const group = groups.find((g) => g.id === c.stakeholder_group_id);
  return {
    id: c.id,
    receipt: c.receipt,
    date: c.created_at.toISOString(),
    document: covered?.document.slug ?? '',
    version: covered?.version.number ?? null,
    paragraph: c.anchor ? (paragraphs.get(c.document_id)?.get(c.anchor)?.label ?? '') : '',
    anchor: c.anchor ?? '',
    name: hidden ? '' : c.display_name,
    organisation: hidden ? '' : (c.organisation ?? ''),
    stakeholderGroup: hidden || !group ? '' : group.key,
    language: c.lang,
    text: hidden ? '' : c.body,
    status: c.status,
    hiddenReason: c.hidden_reason ?? '',
    hiddenAt: c.hidden_at ? c.hidden_at.toISOString() : '',
    duplicateGroup: c.group_id,
    duplicateGroupSize: c.group_size,
    response: c.outcome ?? '',
    staffRole: hidden ? null : staffRoleOut(c.author_staff),
    channel: c.channel,
    receivedAt: receivedAt(c).toISOString(),
    campaign: c.campaign_id ?? '',
  };
}

/**
 * The CSV export as a stream of lines, read from the database a batch at a time, so an
 * export of 100,000 comments holds one batch in memory, not the whole period. It starts with
 * a UTF-8 byte-order mark (as report.csv does), so spreadsheets read the accents of French
 * comments right instead of guessing a legacy encoding.
 */
export async function* csvLines(db: Kysely<DB>, d: PeriodDetail, groups: StakeholderGroup[], paragraphs: Map<string, Map<string, Paragraph>>): AsyncGenerator<string> {
  yield `\ufeff${EXPORT_COLUMNS.join(',')}\r\n`;
  for await (const c of everyComment(db, d)) {
    yield csvRow(toRecord(c, d, groups, paragraphs));
  }
}

/** The JSON export as a stream: the period, then its comments in an array, one by one. */
export async function* jsonChunks(
  db: Kysely<DB>,
  d: PeriodDetail,
  head: Record<string, unknown>,
  groups: StakeholderGroup[],
  paragraphs: Map<string, Map<string, Paragraph>>,
): AsyncGenerator<string> {
  yield `${JSON.stringify(head).slice(0, -1)},"comments":[`;
  let first = true;
  for await (const c of everyComment(db, d)) {
    yield `${first ? '' : ','}\n${JSON.stringify(toRecord(c, d, groups, paragraphs))}`;
    first = false;
  }
  yield '\n]}\n';
}
