import type { AuditEvent } from '../../platform/db/schema.js';
import { commentPath } from '../comments/index.js';
import { meetingPath } from '../meetings/index.js';

/** The page of the record an event is about, when one is easy to build (no language prefix). */
export function entityPath(processSlug: string, e: Pick<AuditEvent, 'entity_type'> & { entity_id: string | null }): string | undefined {
  if (e.entity_id === null) return undefined;
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
