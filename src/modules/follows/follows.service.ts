import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/auth/roles.js';
import { inTransaction } from '../../platform/db/tx.js';
import { newId } from '../../platform/lib/ids.js';
import { tFor, formatDateTime } from '../../platform/i18n/i18n.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { accountsRepository } from '../accounts/index.js';
import { queueMail } from '../mail/index.js';
import { followsRepository as repo, type Activity, type Follow } from './follows.repository.js';
import { clockNow } from '../../platform/time/story-clock.js';

/** What a feature reports when something worth following happens. */
export interface ActivityInput {
  processId: string;
  groupId?: string | null;
  kind: string;
  titleEn: string;
  titleFr: string;
  /** The page, without the language prefix, e.g. `/processes/x/meetings/y`. */
  path: string;
}

/**
 * Record that something happened (a meeting scheduled, minutes or a recording posted, a
 * call for input opened…) and email the followers who asked to hear at once. Call it in the
 * transaction of the change: the feed entry and the emails exist exactly when it does.
 * Followers who chose a daily digest hear from `sendDigests`.
 */
export async function recordActivity(db: Kysely<DB>, a: ActivityInput, baseUrl: string): Promise<Activity> {
  return inTransaction(db, async (trx) => {
    const at = clockNow();
    const row = await repo.insertActivity(trx, { id: newId(at.getTime()), occurred_at: at, process_id: a.processId, group_id: a.groupId ?? null, kind: a.kind, title_en: a.titleEn, title_fr: a.titleFr, path: a.path });
    const followers = await repo.followersOf(trx, a.processId, a.groupId ?? null, 'immediate');
    const people = await accountsRepository.contactsOf(trx, [...new Set(followers.map((f) => f.user_id))]);
    for (const p of people) {
      const title = p.preferred_lang === 'fr' ? a.titleFr : a.titleEn;
      await queueMail(trx, { to: p.email, lang: p.preferred_lang, kind: 'activity', params: { name: p.name, title, link: `${baseUrl}/${p.preferred_lang}${a.path}` } });
    }
    return row;
  });
}

/** Follow a process or one of its working groups, at once or as a daily digest. */
export async function follow(db: Kysely<DB>, actor: Actor, target: { processId: string; groupId: string | null }, mode: 'immediate' | 'digest'): Promise<void> {
  await inTransaction(db, async (trx) => {
    await repo.upsert(trx, { id: newId(), user_id: actor.userId, process_id: target.processId, group_id: target.groupId, mode });
    await recordAudit(trx, { actorId: actor.userId, action: 'follow.set', entityType: 'follow', entityId: `${actor.userId}:${target.processId}:${target.groupId ?? ''}`, processId: target.processId, after: { mode } });
  });
}

/** Stop following. */
export async function unfollow(db: Kysely<DB>, actor: Actor, target: { processId: string; groupId: string | null }): Promise<void> {
  await inTransaction(db, async (trx) => {
    const f = await repo.find(trx, actor.userId, target.processId, target.groupId);
    if (!f) return;
    await repo.remove(trx, f.id);
    await recordAudit(trx, { actorId: actor.userId, action: 'follow.remove', entityType: 'follow', entityId: `${actor.userId}:${target.processId}:${target.groupId ?? ''}`, processId: target.processId, before: { mode: f.mode } });
  });
}

/** The signed-in person's follow of a target, if any (for the follow button). */
export function followOf(db: Kysely<DB>, userId: string, target: { processId: string; groupId: string | null }): Promise<Follow | undefined> {
  return repo.find(db, userId, target.processId, target.groupId);
}

/** A process's latest activity, for its Atom feed. */
export function recentActivity(db: Kysely<DB>, processId: string, limit = 50): Promise<Activity[]> {
  return repo.recent(db, processId, limit);
}

/**
 * Send each digest follower one email listing what happened since their last digest. Run
 * daily by the job queue; safe to run twice (each follow remembers how far it was sent).
 */
export async function sendDigests(db: Kysely<DB>, baseUrl: string, now: Date = new Date()): Promise<number> {
  let sent = 0;
  for (;;) {
    const due = await repo.digestsDue(db, now, 200);
    if (due.length === 0) return sent;
    for (const f of due) {
      await inTransaction(db, async (trx) => {
        const items = await repo.since(trx, f, f.digest_sent_until, now);
        if (items.length) {
          const [p] = await accountsRepository.contactsOf(trx, [f.user_id]);
          if (p) {
            const lang = p.preferred_lang;
            const lines = items.map((i) => `- ${formatDateTime(lang, i.occurred_at)} — ${lang === 'fr' ? i.title_fr : i.title_en}\n  ${baseUrl}/${lang}${i.path}`).join('\n');
            await queueMail(trx, { to: p.email, lang, kind: 'digest', params: { name: p.name, count: String(items.length), items: lines, date: tFor(lang)('follows.today') } });
            sent++;
          }
        }
        await repo.markDigested(trx, f.id, now);
      });
    }
  }
}
