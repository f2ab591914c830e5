import type { Kysely } from 'kysely';
import { inTransaction } from '../../platform/db/tx.js';
import type { DB } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/auth/roles.js';
import type { StaffRole } from '../../platform/auth/staff.repository.js';
import { newId } from '../../platform/lib/ids.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { accountsRepository, grantRole, revokeRole, roleHolders } from '../accounts/index.js';
import { processScope } from '../processes/index.js';
import { isProcessMember } from '../participants/index.js';
import { groupsRepository as repo, type WorkingGroup } from './groups.repository.js';
import type { AnnouncementBody, CreateGroupBody, UpdateGroupBody } from './groups.schema.js';
import { clockNow } from '../../platform/time/story-clock.js';

/** A working group with its chairs and how many members it has. */
export interface GroupSummary {
  group: WorkingGroup;
  chairs: { user_id: string; name: string; staff: StaffRole | null }[];
  memberCount: number;
}

/** Resolve a process slug and a group slug to the ids a policy needs; 404 when either is absent. */
export async function groupScope(db: Kysely<DB>, processSlug: string, groupSlug: string): Promise<{ processId: string; groupId: string }> {
  const { processId } = await processScope(db, processSlug);
  const group = await repo.bySlug(db, processId, groupSlug);
  if (!group) throw new HttpProblem(404, 'errors.notFound');
  return { processId, groupId: group.id };
}

/** The working groups of a process, with chairs and member counts. */
export async function listGroups(db: Kysely<DB>, processId: string): Promise<GroupSummary[]> {
  const [groups, counts, chairs] = await Promise.all([repo.byProcess(db, processId), repo.memberCounts(db, processId), roleHolders(db, { role: 'chair', processId })]);
  return groups.map((group) => ({ group, chairs: chairs.filter((c) => c.group_id === group.id), memberCount: counts.get(group.id) ?? 0 }));
}

/** One working group by slug, with chairs and member count; 404 when absent. */
export async function getGroup(db: Kysely<DB>, processId: string, slug: string): Promise<GroupSummary> {
  const group = await repo.bySlug(db, processId, slug);
  if (!group) throw new HttpProblem(404, 'errors.notFound');
  const [chairs, ids] = await Promise.all([roleHolders(db, { role: 'chair', processId, groupId: group.id }), repo.memberIds(db, group.id)]);
  return { group, chairs, memberCount: ids.length };
}

export const groupMemberIds = (db: Kysely<DB>, groupId: string) => repo.memberIds(db, groupId);
/** The working groups each person is in, within a process, keyed by user id (people in none are absent). */
export async function groupsByUser(db: Kysely<DB>, processId: string, userIds: string[]): Promise<Map<string, WorkingGroup[]>> {
  const out = new Map<string, WorkingGroup[]>();
  for (const row of await repo.groupsOfMany(db, processId, userIds)) {
    const { user_id, ...group } = row;
    const groups = out.get(user_id);
    if (groups) groups.push(group);
    else out.set(user_id, [group]);
  }
  return out;
}
export const isGroupMember = (db: Kysely<DB>, groupId: string, userId: string) => repo.isMember(db, groupId, userId);
export const announcements = (db: Kysely<DB>, groupId: string, limit = 20) => repo.announcements(db, groupId, limit);

/** Create a working group in a process. */
export async function createGroup(db: Kysely<DB>, actor: Actor, processId: string, input: CreateGroupBody): Promise<WorkingGroup> {
  return inTransaction(db, async (trx) => {
    if (await repo.bySlug(trx, processId, input.slug)) throw new HttpProblem(409, 'errors.slug.taken', { slug: input.slug }, { slug: 'errors.slug.taken' });
    const position = (await repo.byProcess(trx, processId)).length;
    const group = await repo.insert(trx, {
      id: newId(),
      process_id: processId,
      slug: input.slug,
      name_en: input.nameEn,
      name_fr: input.nameFr,
      charter_en: input.charterEn,
      charter_fr: input.charterFr,
      status: input.status,
      position,
    });
    await recordAudit(trx, { actorId: actor.userId, action: 'group.create', entityType: 'working_group', entityId: group.id, processId, after: { ...group } });
    return group;
  });
}

/** Change a group's names, charter or status. */
export async function updateGroup(db: Kysely<DB>, actor: Actor, groupId: string, input: UpdateGroupBody): Promise<WorkingGroup> {
  return inTransaction(db, async (trx) => {
    const before = await repo.byId(trx, groupId);
    if (!before) throw new HttpProblem(404, 'errors.notFound');
    const after = await repo.update(trx, groupId, { name_en: input.nameEn, name_fr: input.nameFr, charter_en: input.charterEn, charter_fr: input.charterFr, status: input.status });
    await recordAudit(trx, { actorId: actor.userId, action: 'group.update', entityType: 'working_group', entityId: groupId, processId: after.process_id, before: { ...before }, after: { ...after } });
    return after;
  });
}

async function addToGroup(trx: Kysely<DB>, group: WorkingGroup, userId: string, actorId: string): Promise<boolean> {
  if (group.status === 'concluded') throw new HttpProblem(409, 'errors.groups.concluded');
  if (!(await isProcessMember(trx, group.process_id, userId))) throw new HttpProblem(422, 'errors.groups.notProcessMember', {}, { email: 'errors.groups.notProcessMember' });
  const row = await repo.addMember(trx, { id: newId(), group_id: group.id, user_id: userId, joined_at: clockNow() });
  if (row) await recordAudit(trx, { actorId, action: 'group.join', entityType: 'working_group_member', entityId: row.id, processId: group.process_id, after: { ...row } });
  return row !== undefined;
}

/** Self-selection: a process member joins a group. Joining twice changes nothing. */
export async function joinGroup(db: Kysely<DB>, actor: Actor, group: WorkingGroup): Promise<void> {
  await inTransaction(db, (trx) => addToGroup(trx, group, actor.userId, actor.userId));
}

/** A member leaves a group; a chair who leaves stops chairing it. */
export async function leaveGroup(db: Kysely<DB>, actor: Actor, group: WorkingGroup): Promise<void> {
  await inTransaction(db, async (trx) => {
    const row = await repo.removeMember(trx, group.id, actor.userId);
    if (row) await recordAudit(trx, { actorId: actor.userId, action: 'group.leave', entityType: 'working_group_member', entityId: row.id, processId: group.process_id, before: { ...row } });
    await revokeRole(trx, { userId: actor.userId, role: 'chair', processId: group.process_id, groupId: group.id, revokedBy: actor.userId });
  });
}

/** A chair or convener adds a process member to the group by email, optionally as a chair. */
export async function addMemberByEmail(db: Kysely<DB>, actor: Actor, group: WorkingGroup, email: string, asChair: boolean): Promise<void> {
  await inTransaction(db, async (trx) => {
    const user = await accountsRepository.findByEmail(trx, email);
    if (!user) throw new HttpProblem(422, 'errors.groups.noAccount', { email }, { email: 'errors.groups.noAccount' });
    await addToGroup(trx, group, user.id, actor.userId);
    if (asChair) await grantRole(trx, { userId: user.id, role: 'chair', processId: group.process_id, groupId: group.id, grantedBy: actor.userId });
  });
}

/** A chair posts an announcement to the group. */
export async function postAnnouncement(db: Kysely<DB>, actor: Actor, group: WorkingGroup, input: AnnouncementBody): Promise<void> {
  await inTransaction(db, async (trx) => {
    const row = await repo.insertAnnouncement(trx, { id: newId(), group_id: group.id, author_id: actor.userId, title: input.title, body: input.body, lang: input.lang, created_at: clockNow() });
    await recordAudit(trx, { actorId: actor.userId, action: 'group.announce', entityType: 'announcement', entityId: row.id, processId: group.process_id, after: { ...row } });
  });
}

/** Copy a process's working groups (names, charters, status) into another: the template step. */
export async function copyGroups(trx: Kysely<DB>, actorId: string | null, fromProcessId: string, toProcessId: string): Promise<number> {
  const groups = await repo.byProcess(trx, fromProcessId);
  for (const g of groups) {
    const copy = await repo.insert(trx, { ...g, id: newId(), process_id: toProcessId, status: 'forming' });
    await recordAudit(trx, { actorId, action: 'group.create', entityType: 'working_group', entityId: copy.id, processId: toProcessId, after: { ...copy, copiedFrom: g.id } });
  }
  return groups.length;
}

/** Load a group row for a handler after the scope resolver has checked it exists. */
export async function groupById(db: Kysely<DB>, groupId: string): Promise<WorkingGroup> {
  const g = await repo.byId(db, groupId);
  if (!g) throw new HttpProblem(404, 'errors.notFound');
  return g;
}
