import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { indexForSearch, type SearchEntryInput } from '../search/index.js';

/** What the index needs to know about one member of a process. */
export interface ParticipantFacts {
  memberId: string;
  processId: string;
  processSlug: string;
  name: string;
  organisationId: string | null;
  organisationName: string | null;
  stakeholderNameEn: string;
  stakeholderNameFr: string;
}

/**
 * A member's search entry: their name as the title, their organisation and stakeholder group
 * (in both languages) as the body, all in no particular language ('simple': names are not
 * stemmed, only unaccented, so "Helene" finds « Hélène »). Members are listed publicly once
 * they join, so the entry is public; it points at the directory filtered to their organisation.
 */
export function participantSearchEntry(p: ParticipantFacts): SearchEntryInput {
  const query = p.organisationId ? `?organisation=${p.organisationId}` : '';
  return {
    kind: 'participant',
    refId: p.memberId,
    processId: p.processId,
    lang: null,
    title: p.name,
    body: [p.organisationName, p.stakeholderNameEn, p.stakeholderNameFr].filter(Boolean).join('\n'),
    path: `/processes/${p.processSlug}/participants${query}`,
  };
}

/** (Re)index one member; call it in the transaction that made them a member. */
export async function indexParticipant(trx: Kysely<DB>, p: ParticipantFacts): Promise<void> {
  await indexForSearch(trx, participantSearchEntry(p));
}
