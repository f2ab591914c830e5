import { HttpProblem } from '../../platform/http/problem.js';
import { bothLangs } from '../../platform/time/zoned.js';
import type { Period } from './comments.repository.js';
import { bodyHash, groupKey } from './comments.text.js';
import { periodState, type CoveredDocument } from './periods.service.js';

/*
 * The rules a comment meets whichever way it arrives: one at a time (submitComment) or in a
 * file (importComments). Both call these, so the two paths cannot drift apart. Each refusal is
 * an HttpProblem whose key the import turns into a line of its error report.
 */

/** Refuse unless the period is open at `at`, saying when it opens or when it closed (in its zone). */
export function ensureOpen(period: Period, at: Date): void {
  const state = periodState(period, at);
  if (state === 'upcoming') throw new HttpProblem(409, 'comments.errors.notYetOpen', { when: bothLangs(period.opens_at, period.time_zone) });
  if (state === 'closed') throw new HttpProblem(409, 'comments.errors.closed', { when: bothLangs(period.closes_at, period.time_zone) });
}

/**
 * Which covered document a comment is about: the one named; else the one whose version has
 * the anchor; else the one in the comment's language; else the first. `paragraphs` gives a
 * version's anchors (cached by the caller).
 */
export async function pickDocument(
  documents: CoveredDocument[],
  slug: string | undefined,
  anchor: string | null,
  lang: 'en' | 'fr',
  paragraphs: (versionId: string) => Promise<{ has(anchor: string): boolean }>,
): Promise<CoveredDocument> {
  if (slug) {
    const named = documents.find((d) => d.document.slug === slug);
    if (!named) throw new HttpProblem(422, 'comments.errors.document', {}, { document: 'comments.errors.document' });
    return named;
  }
  if (anchor) {
    for (const d of documents) if ((await paragraphs(d.version.id)).has(anchor)) return d;
  }
  return documents.find((d) => d.document.lang === lang) ?? documents[0]!;
}

/** Refuse an anchor that is not a paragraph of the version commented on. */
export function ensureAnchor(anchor: string | null, paragraphs: { has(anchor: string): boolean }): void {
  if (anchor !== null && !paragraphs.has(anchor)) throw new HttpProblem(422, 'comments.errors.anchor', {}, { anchor: 'comments.errors.anchor' });
}

/** Refuse a stakeholder group that is not one of the process's. */
export function ensureStakeholderGroup(id: string | undefined, groups: readonly { id: string }[]): void {
  if (id && !groups.some((g) => g.id === id)) {
    throw new HttpProblem(422, 'comments.errors.stakeholderGroup', {}, { stakeholderGroupId: 'comments.errors.stakeholderGroup' });
  }
}

/** Refuse a comment with no name to show. */
export function ensureDisplayName(name: string | undefined): string {
  if (!name) throw new HttpProblem(422, 'comments.errors.displayName', {}, { displayName: 'comments.errors.displayName' });
  return name;
}

/**
 * The text's hash (what exact duplicates share) and its duplicate group's key (the same text
 * on the same paragraph of the same document).
 * @example duplicateKeys('Ban default passwords.', docId, 'p-4') // { hash: '…', group: '…' }
 */
export function duplicateKeys(text: string, documentId: string, anchor: string | null): { hash: string; group: string } {
  const hash = bodyHash(text);
  return { hash, group: groupKey(hash, documentId, anchor) };
}
