import type { T } from '../../platform/i18n/i18n.js';
import type { CommentImport } from './comments.import.repository.js';
import type { ImportOut } from './imports.schema.js';

/** Where an import is in the API. */
export const importApiPath = (slug: string, periodId: string, importId: string) =>
  `/api/v1/processes/${slug}/comment-periods/${periodId}/comment-imports/${importId}`;

/** An import as the API shows it. */
export function presentImport(r: CommentImport, slug: string, baseUrl: string, t: T): ImportOut {
  const url = `${baseUrl}${importApiPath(slug, r.period_id, r.id)}`;
  return {
    id: r.id,
    period: r.period_id,
    fileName: r.file_name,
    format: r.format,
    channel: r.channel,
    status: r.status,
    startedAt: r.started_at.toISOString(),
    finishedAt: r.finished_at ? r.finished_at.toISOString() : null,
    bytes: r.bytes_total === null ? null : Number(r.bytes_total),
    rowsTotal: r.rows_total,
    rowsRead: r.rows_read,
    rowsAdded: r.rows_added,
    rowsSkipped: r.rows_skipped,
    rowsRefused: r.rows_refused,
    error: r.error_key ? t(r.error_key, r.error_params ?? {}) : null,
    url,
    refusedUrl: `${url}/refused.csv`,
  };
}
