import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { indexTranslationsForSearch, type SearchEntryInput, plainText } from '../search/index.js';
import { meetingsRepository as repo, type AgendaItem, type MeetingRow } from './meetings.repository.js';
import { meetingPath } from './links.js';
import { presenterLabel } from './presenter-roles.js';
import { tFor } from '../../platform/i18n/i18n.js';

/**
 * A meeting's search entries: one in English and one in French. A meeting carries its title,
 * description and minutes in both languages, and each language must be stemmed by its own
 * rules ("labelling" → label, « étiquetage » → etiquetag); one entry holding both texts
 * would stem one of them wrongly, and its excerpt could only be cut in one configuration.
 * The search shows the meeting once, in the reader's language when that entry matches.
 * Agenda items and the venue are written once by the chair, in whatever language, so both
 * entries carry them. Cancelled meetings stay findable, marked; members-only ones are
 * marked so, and the search shows them to the process's members only.
 */
export function meetingSearchEntries(m: MeetingRow, agenda: AgendaItem[]): SearchEntryInput[] {
  const common = {
    kind: 'meeting' as const,
    refId: m.id,
    processId: m.process_id,
    path: meetingPath(m.process_slug, m.id),
    membersOnly: m.visibility === 'members',
    status: m.status === 'cancelled' ? 'cancelled' : null,
  };
  // An item's French title in the French entry, its English one otherwise (and where there is no
  // French one); a presenter named by role, in the entry's language.
  const items = (lang: 'en' | 'fr') => agenda.map((i) => [lang === 'fr' ? i.title_fr || i.title : i.title, presenterLabel(tFor(lang), i.presenter)].filter(Boolean).join(' — '));
  const body = (lang: 'en' | 'fr', description: string, minutes: string) => [plainText(description), ...items(lang), m.venue, plainText(minutes)].filter(Boolean).join('\n');
  return [
    { ...common, lang: 'en', title: m.title_en, body: body('en', m.description_en, m.minutes_en) },
    { ...common, lang: 'fr', title: m.title_fr, body: body('fr', m.description_fr, m.minutes_fr) },
  ];
}

/** (Re)index one meeting from what the database holds now; call it in the transaction that changed it. */
export async function indexMeeting(trx: Kysely<DB>, meetingId: string): Promise<void> {
  const m = await repo.byId(trx, meetingId);
  if (!m) return;
  await indexTranslationsForSearch(trx, meetingSearchEntries(m, await repo.agenda(trx, meetingId)));
}

/** Index every meeting of a process (the `concord search reindex` backfill); returns how many. */
export async function reindexMeetings(trx: Kysely<DB>, processId: string): Promise<number> {
  const rows = await repo.all(trx, processId, { includeMembersOnly: true });
  for (const m of rows) await indexTranslationsForSearch(trx, meetingSearchEntries(m, await repo.agenda(trx, m.id)));
  return rows.length;
}
