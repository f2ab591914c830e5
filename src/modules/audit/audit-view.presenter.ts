import type { AuditEvent } from '../../platform/db/schema.js';
import { commentPath } from '../comments/index.js';
import { meetingPath } from '../meetings/index.js';
import type { AuditEventOut } from './audit-view.schema.js';

/** An event for the API: every field its hash covers, in the form that was hashed. */
export function presentEvent(e: AuditEvent): AuditEventOut {
  return {
    chain: e.chain,
    seq: String(e.seq),
    occurredAt: new Date(e.occurred_at).toISOString(),
    actorId: e.actor_id,
    action: e.action,
    entityType: e.entity_type,
    entityId: e.entity_id,
    processId: e.process_id,
    beforeDigest: e.before_digest,
    afterDigest: e.after_digest,
    batchRoot: e.batch_root,
    batchCount: e.batch_count,
    prevHash: e.prev_hash,
    hash: e.hash,
  };
}

/** The page of the record an event is about, when one is easy to build (no language prefix). */
export function entityPath(processSlug: string, e: Pick<AuditEvent, 'entity_type' | 'entity_id'>): string | undefined {
  const base = `/processes/${processSlug}`;
  switch (e.entity_type) {
    case 'process':
      return base;
    case 'comment':
      return commentPath(processSlug, e.entity_id);
    case 'meeting':
      return meetingPath(processSlug, e.entity_id);
    case 'call':
      return `${base}/calls/${e.entity_id}`;
    case 'comment_period':
      return `${base}/comment-periods/${e.entity_id}`;
    default:
      return undefined;
  }
}

/** The first and last characters of a hash, enough to compare by eye. */
export const shortHash = (h: string) => `${h.slice(0, 8)}…${h.slice(-4)}`;
