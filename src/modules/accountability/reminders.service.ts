import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/tx.js';
import { formatDate, tFor, type Lang } from '../../platform/i18n/i18n.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { queueMail } from '../mail/index.js';
import { getProcess, todayIn } from '../processes/index.js';
import { CLOSED } from './accountability.schema.js';
import { accountabilityRepository as repo, type MailTarget } from './accountability.repository.js';
import { buildTracker } from './tracker.service.js';

/** How many days before its due date an owner is reminded. */
export const REMIND_DAYS_BEFORE = 3;
/** How far ahead the weekly digest looks for due dates. */
export const DIGEST_DAYS_AHEAD = 14;

/**
 * A 'YYYY-MM-DD' day moved by some days.
 * @example addDays('2020-02-28', 2) // '2020-03-01'
 */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * A 'YYYY-MM-DD' day in words, in a language.
 * @example formatDay('fr', '2020-06-30') // '30 juin 2020'
 */
export function formatDay(lang: Lang, day: string): string {
  // A date has no zone: noon UTC, read in UTC, is that same day everywhere.
  return formatDate(lang, new Date(`${day}T12:00:00Z`), 'UTC');
}

/** The tracker page, or an action's progress form, for one reader. */
function links(baseUrl: string, lang: Lang, slug: string, actionId?: string): string {
  return actionId ? `${baseUrl}/${lang}/processes/${slug}/tracker/actions/${actionId}/progress` : `${baseUrl}/${lang}/processes/${slug}/tracker`;
}

/** Who answers for an action: its contact, else the members representing its owner organisation. */
async function ownersOf(db: Kysely<DB>, a: { process_id: string; contact_user_id: string | null; owner_organisation_id: string }): Promise<MailTarget[]> {
  const contact = a.contact_user_id ? await repo.user(db, a.contact_user_id) : undefined;
  return contact ? [contact] : repo.organisationMembers(db, a.process_id, a.owner_organisation_id);
}

/**
 * The daily reminders job: owners are emailed a few days before an action's due date and
 * again when it becomes overdue, each once (the action remembers both). "Today" is read in
 * each process's own zone. Returns how many emails were written.
 */
export async function sendActionReminders(db: Kysely<DB>, baseUrl: string, now: Date = new Date()): Promise<{ dueSoon: number; overdue: number }> {
  // Every zone's today is within a day of UTC's, so this bound keeps every candidate.
  const candidates = await repo.openActionsDueBy(db, addDays(now.toISOString().slice(0, 10), REMIND_DAYS_BEFORE + 1));
  const sent = { dueSoon: 0, overdue: 0 };
  for (const c of candidates) {
    const today = todayIn(c.timezone, now);
    const kind = c.due_on < today ? (c.reminded_overdue_at === null ? 'overdue' : null) : c.due_on <= addDays(today, REMIND_DAYS_BEFORE) && c.reminded_due_at === null ? 'dueSoon' : null;
    if (!kind) continue;
    await inTransaction(db, async (trx) => {
      // Locked and read again: two workers (or a retry) must not both send it.
      const a = await repo.lockAction(trx, c.id);
      if (!a || CLOSED.includes(a.status) || (kind === 'overdue' ? a.reminded_overdue_at : a.reminded_due_at) !== null) return;
      const owners = await ownersOf(trx, a);
      const rec = await repo.recommendation(trx, a.recommendation_id);
      for (const o of owners) {
        await queueMail(trx, {
          to: o.email,
          lang: o.lang,
          kind: kind === 'overdue' ? 'actionOverdue' : 'actionDueSoon',
          params: {
            name: o.name,
            title: o.lang === 'fr' ? a.title_fr : a.title_en,
            recommendation: rec ? `${rec.number} ${o.lang === 'fr' ? rec.title_fr : rec.title_en}` : '',
            due: formatDay(o.lang, a.due_on),
            link: links(baseUrl, o.lang, c.process_slug, a.id),
          },
        });
      }
      await repo.markReminded(trx, a.id, kind === 'overdue' ? { reminded_overdue_at: now } : { reminded_due_at: now });
      await recordAudit(trx, { actorId: null, action: `action.remind.${kind}`, entityType: 'action', entityId: a.id, processId: a.process_id, after: { recipients: owners.map((o) => o.user_id) } });
      sent[kind] += owners.length;
    });
  }
  return sent;
}

/** The lines of the weekly digest, in one language. */
function digestText(lang: Lang, tracker: Awaited<ReturnType<typeof buildTracker>>, since: Date): { overdue: string; dueSoon: string; reported: string } {
  const t = tFor(lang);
  const horizon = addDays(tracker.today, DIGEST_DAYS_AHEAD);
  const actions = tracker.sections.flatMap((s) => s.actions.map((a) => ({ a, number: s.recommendation.number })));
  const line = (x: (typeof actions)[number]) =>
    `- ${x.number} · ${lang === 'fr' ? x.a.title_fr : x.a.title_en} (${x.a.owner_name}) — ${t('accountability.mail.dueOn', { date: formatDay(lang, x.a.due_on) })}`;
  const none = t('accountability.mail.none');
  const overdue = actions.filter((x) => x.a.overdue).map(line);
  const dueSoon = actions.filter((x) => !x.a.overdue && !CLOSED.includes(x.a.status) && x.a.due_on <= horizon).map(line);
  const reported = actions.flatMap((x) =>
    x.a.reports
      .filter((r) => r.reported_at >= since)
      .map((r) => `- ${x.number} · ${lang === 'fr' ? x.a.title_fr : x.a.title_en}: ${t(`accountability.status.${r.status}`)}${r.reason ? ` — ${r.reason}` : ''}`),
  );
  return { overdue: overdue.join('\n') || none, dueSoon: dueSoon.join('\n') || none, reported: reported.join('\n') || none };
}

/**
 * The weekly digest for the action committee of every process that has actions: what is
 * overdue, what falls due in the next two weeks, and what owners reported in the last seven
 * days. Returns how many emails were written.
 */
export async function sendCommitteeDigest(db: Kysely<DB>, baseUrl: string, now: Date = new Date()): Promise<{ sent: number }> {
  const since = new Date(now.getTime() - 7 * 86_400_000);
  let sent = 0;
  for (const p of await repo.processesWithActions(db)) {
    const committee = await repo.committee(db, p.id);
    if (committee.length === 0) continue;
    const d = await getProcess(db, p.slug);
    const tracker = await buildTracker(db, d.process, d.stakeholderGroups, { now });
    await inTransaction(db, async (trx) => {
      for (const m of committee) {
        const text = digestText(m.lang, tracker, since);
        await queueMail(trx, { to: m.email, lang: m.lang, kind: 'actionDigest', params: { name: m.name, process: m.lang === 'fr' ? p.title_fr : p.title_en, ...text, link: links(baseUrl, m.lang, p.slug) } });
        sent++;
      }
    });
  }
  return { sent };
}
