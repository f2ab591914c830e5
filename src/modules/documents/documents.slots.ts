import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { hooksFor } from '../../platform/modules/registry.js';
import type { TimeLeft } from '../../platform/time/time-left.js';

/** What a document page shows in its margin about the comment period on it, if any. */
export interface DocumentMargin {
  periodId: string;
  /** The version the period asks about (comments anchor to its paragraphs). */
  versionId: string;
  state: 'upcoming' | 'open' | 'closed';
  opensAt: Date;
  closesAt: Date;
  /** The zone the period was announced in: its times are shown in it, never in the server's or the process's. */
  timeZone: string;
  /** Until it closes (open) or opens (upcoming), at the instant `state` was computed; null once closed. */
  left: TimeLeft | null;
  /** Comments per paragraph anchor, kept as comments arrive (never counted per view). */
  counts: Record<string, number>;
  /** Comments on the document as a whole. */
  general: number;
  total: number;
}

// The margin comes from the comments module, which builds on documents; it lends its margin
// through its manifest so that documents imports nothing of comments.
declare module '../../platform/modules/slots.js' {
  interface HookPoints {
    /** The latest comment period on a document and its per-paragraph counts; null when none. */
    'document.margin': (db: Kysely<DB>, documentId: string) => Promise<DocumentMargin | null>;
  }
}

/** A document's margin, or null when no module provides one (or there is no period). */
export async function documentMargin(db: Kysely<DB>, documentId: string): Promise<DocumentMargin | null> {
  const [margin] = hooksFor('document.margin');
  return margin ? margin(db, documentId) : null;
}
