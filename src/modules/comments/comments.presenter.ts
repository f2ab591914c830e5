import type { CommentRow, CommentReport } from './comments.repository.js';
import type { CommentOut, PeriodOut, ReportOut } from './comments.schema.js';
import { commentPath } from './comments.service.js';
import { documentPath } from '../documents/index.js';
import { staffRoleOut } from '../../platform/auth/staff.presenter.js';
import { periodPath, periodState, type PeriodDetail } from './periods.service.js';
import type { CampaignCount } from './comments.slots.js';

/** The API's view of a period: its documents and versions, window, audience and maintained counts. */
export function presentPeriod(d: PeriodDetail, processSlug: string, baseUrl: string, now: Date = new Date()): PeriodOut {
  const p = d.period;
  return {
    id: p.id,
    process: processSlug,
    documents: d.documents.map((c) => ({
      slug: c.document.slug,
      title: c.version.title,
      lang: c.document.lang,
      version: c.version.number,
      url: `${baseUrl}/${c.document.lang}${documentPath(processSlug, c.document.slug)}/versions/${c.version.number}`,
    })),
    opensAt: p.opens_at.toISOString(),
    closesAt: p.closes_at.toISOString(),
    timeZone: p.time_zone,
    state: periodState(p, now),
    instructions: { en: p.instructions_en, fr: p.instructions_fr },
    audience: p.audience,
    commentCount: p.comment_count,
    hiddenCount: p.hidden_count,
    disposedCount: p.disposed_count,
    url: `${baseUrl}/en${periodPath(processSlug, p.id)}`,
  };
}

/** When Concord received a comment; comments written before arrival times were kept (0028) arrived when they were created. */
export const receivedAt = (c: Pick<CommentRow, 'received_at' | 'created_at'>): Date => c.received_at ?? c.created_at;

/**
 * The API's view of a comment. A hidden comment is a tombstone: its reason and date, never
 * its text, its name or its file.
 */
export function presentComment(c: CommentRow, d: PeriodDetail, processSlug: string, baseUrl: string, campaigns: Map<string, CampaignCount>): CommentOut {
  const hidden = c.status === 'hidden';
  const doc = d.documents.find((x) => x.document.id === c.document_id)?.document;
  const counts = c.campaign_id ? campaigns.get(c.campaign_id) : undefined;
  return {
    id: c.id,
    receipt: c.receipt,
    periodId: c.period_id,
    document: doc?.slug ?? '',
    anchor: c.anchor,
    displayName: hidden ? null : c.display_name,
    organisation: hidden ? null : c.organisation,
    stakeholderGroupId: hidden ? null : c.stakeholder_group_id,
    lang: c.lang,
    text: hidden ? null : c.body,
    status: c.status,
    hiddenReason: c.hidden_reason,
    hiddenAt: c.hidden_at ? c.hidden_at.toISOString() : null,
    duplicates: { groupId: c.group_id, size: c.group_size, primaryId: c.primary_comment_id },
    campaign:
      c.campaign_id && counts
        ? { id: c.campaign_id, comments: counts.comments, texts: counts.texts, url: `${baseUrl}/api/v1${periodPath(processSlug, c.period_id)}/comments?campaign=${c.campaign_id}` }
        : null,
    file: !hidden && c.file_id ? { url: `${baseUrl}/api/v1${commentPath(processSlug, c.id)}/file` } : null,
    response: c.outcome && c.rationale && c.response_lang ? { outcome: c.outcome, rationale: c.rationale, lang: c.response_lang } : null,
    createdAt: c.created_at.toISOString(),
    channel: c.channel,
    receivedAt: receivedAt(c).toISOString(),
    url: `${baseUrl}/${c.lang}${commentPath(processSlug, c.id)}`,
    staffRole: hidden ? null : staffRoleOut(c.author_staff),
  };
}

/** The API's view of a consent report (moderators only). */
export function presentReport(r: CommentReport): ReportOut {
  return {
    id: r.id,
    commentId: r.comment_id,
    statement: r.statement,
    status: r.status,
    resolution: r.resolution,
    createdAt: r.created_at.toISOString(),
    handledAt: r.handled_at ? r.handled_at.toISOString() : null,
  };
}
