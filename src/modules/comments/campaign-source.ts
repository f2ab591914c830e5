import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { isUuid } from '../../platform/lib/ids.js';
import { commentsRepository } from './comments.repository.js';
import { campaignSourceRepository as repo, type GroupText, type PeriodText, type SetBreakdownRow } from './campaign-source.repository.js';

export type { GroupText, PeriodText, SetBreakdownRow };

/**
 * A period's distinct texts (its comment groups holding a listed comment, with sizes), read
 * in pages of `pageSize` so a period of millions is never one result set.
 * @example for await (const page of periodTexts(db, periodId)) texts.push(...page)
 */
export async function* periodTexts(db: Kysely<DB>, periodId: string, pageSize = 10_000): AsyncGenerator<PeriodText[]> {
  let after: string | null = null;
  for (;;) {
    const page = await repo.textsPage(db, periodId, after, pageSize);
    if (page.length) yield page;
    if (page.length < pageSize) return;
    after = page.at(-1)!.key;
  }
}

/**
 * Visible comments of each set of groups counted by stakeholder group, channel (web form, API
 * or bulk file) and day in the period's zone, in one statement.
 * @example await groupSetBreakdown(db, periodId, [g1, g2, g3], [0, 0, 1]) // set 0 = g1+g2
 */
export function groupSetBreakdown(db: Kysely<DB>, periodId: string, groupIds: string[], sets: number[]): Promise<SetBreakdownRow[]> {
  return repo.breakdown(db, periodId, groupIds, sets);
}

/** The listed text of each of these groups (a group whose comments are all hidden has none). */
export function groupTexts(db: Kysely<DB>, groupIds: string[]): Promise<GroupText[]> {
  return repo.groupTexts(db, groupIds);
}

/** Whether a period exists (an id that is not a UUID is none). */
export async function periodExists(db: Kysely<DB>, periodId: string): Promise<boolean> {
  return isUuid(periodId) && !!(await commentsRepository.periodById(db, periodId));
}

/** A process's comment periods (a handful): their ids and when they close. */
export async function periodsOf(db: Kysely<DB>, processId: string): Promise<{ id: string; closesAt: Date }[]> {
  return (await commentsRepository.periodsByProcess(db, processId)).map((p) => ({ id: p.id, closesAt: p.closes_at }));
}
