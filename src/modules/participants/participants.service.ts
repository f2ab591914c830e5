import type { Kysely } from 'kysely';
import { inTransaction } from '../../platform/db/tx.js';
import type { DB } from '../../platform/db/schema.js';
import { isProcessRole, type Actor, type ProcessRole } from '../../platform/auth/roles.js';
import { mayGrant } from '../../platform/auth/policies.js';
import { tFor, type Lang } from '../../platform/i18n/i18n.js';
import { newId } from '../../platform/lib/ids.js';
import { randomToken, sha256Hex } from '../../platform/lib/crypto.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { accountsRepository, grantRole, revokeRole } from '../accounts/index.js';
import { queueMail } from '../mail/index.js';
import type { Process, StakeholderGroup } from '../processes/index.js';
import { processById } from '../processes/index.js';
import { participantsRepository as repo, type MemberRow, type Organisation } from './participants.repository.js';
import { MemberCursor, type InviteBody, type JoinBody, type NewOrganisation } from './participants.schema.js';
import { indexParticipant } from './participants.search.js';
import { requestToActFor } from './organisation-requests.service.js';
import { removeFromSearch } from '../search/index.js';
import { clockNow } from '../../platform/time/story-clock.js';

const INVITATION_TTL_MS = 30 * 86_400_000;

/** True when the person has joined the process as a member. */
export async function isProcessMember(db: Kysely<DB>, processId: string, userId: string): Promise<boolean> {
  return (await repo.member(db, processId, userId)) !== undefined;
}

export const membership = (db: Kysely<DB>, processId: string, userId: string) => repo.member(db, processId, userId);
export const organisations = (db: Kysely<DB>) => repo.organisations(db);
/** Just these organisations, by id. */
export const organisationsByIds = (db: Kysely<DB>, ids: string[]) => repo.organisationsByIds(db, [...new Set(ids)]);
export const organisationsInProcess = (db: Kysely<DB>, processId: string) => repo.organisationsInProcess(db, processId);

/** Find an organisation by name (case-insensitive) or create it. */
export async function findOrCreateOrganisation(db: Kysely<DB>, actorId: string | null, input: NewOrganisation): Promise<Organisation> {
  const existing = await repo.organisationByName(db, input.name);
  if (existing) return existing;
  const org = await repo.insertOrganisation(db, {
    id: newId(),
    name: input.name,
    sector: input.sector,
    website: input.website ?? null,
    country: input.country,
    province: input.province || null,
    created_by: actorId,
    created_at: clockNow(),
  });
  await recordAudit(db, { actorId, action: 'organisation.create', entityType: 'organisation', entityId: org.id, after: { ...org } });
  return org;
}

/** Add an organisation (or return the existing one with that name); audited. */
export async function createOrganisation(db: Kysely<DB>, actor: Actor, input: NewOrganisation): Promise<Organisation> {
  return inTransaction(db, (trx) => findOrCreateOrganisation(trx, actor.userId, input));
}

/**
 * Join a process as a member, naming an organisation (an affiliation, and a pending request to
 * act for it — see requestToActFor) in a stakeholder group. An
 * invitation-only process accepts people who already hold a role in it (an accepted
 * invitation gives one).
 */
export async function joinProcess(db: Kysely<DB>, actor: Actor, process: Process, groups: StakeholderGroup[], input: JoinBody): Promise<void> {
  await inTransaction(db, async (trx) => {
    if (await repo.member(trx, process.id, actor.userId)) throw new HttpProblem(409, 'errors.join.already');
    if (process.registration === 'invitation' && !actor.isAdmin && !actor.processRoles.has(process.id)) throw new HttpProblem(403, 'errors.join.invitationOnly');
    if (!groups.some((g) => g.id === input.stakeholderGroupId)) throw new HttpProblem(422, 'errors.join.stakeholderGroup', {}, { stakeholderGroupId: 'errors.join.stakeholderGroup' });
    let org: Organisation;
    if (input.organisationId) {
      const picked = await repo.organisation(trx, input.organisationId);
      if (!picked) throw new HttpProblem(422, 'errors.organisation.pick', {}, { organisationId: 'errors.organisation.pick' });
      org = picked;
    } else {
      org = await findOrCreateOrganisation(trx, actor.userId, input.newOrganisation!);
    }
    const organisationId = org.id;
    const joinedAt = clockNow();
    const member = await repo.insertMember(trx, {
      id: newId(joinedAt.getTime()),
      joined_at: joinedAt,
      process_id: process.id,
      user_id: actor.userId,
      organisation_id: organisationId,
      stakeholder_group_id: input.stakeholderGroupId,
      preferred_lang: input.preferredLang,
    });
    await recordAudit(trx, { actorId: actor.userId, action: 'process.join', entityType: 'process_member', entityId: member.id, processId: process.id, after: { ...member } });
    // The organisation named here is an affiliation: acting for it waits for its confirmation.
    await requestToActFor(trx, actor, process.id, organisationId);
    await grantRole(trx, { userId: actor.userId, role: 'member', processId: process.id, grantedBy: actor.userId });
    const sg = groups.find((g) => g.id === input.stakeholderGroupId)!;
    await indexParticipant(trx, {
      memberId: member.id,
      processId: process.id,
      processSlug: process.slug,
      name: actor.name,
      organisationId,
      organisationName: org.name,
      stakeholderNameEn: sg.name_en,
      stakeholderNameFr: sg.name_fr,
    });
  });
}

/** Leave a process: membership and the member role go; the record of having joined stays in the audit trail. */
export async function leaveProcess(db: Kysely<DB>, actor: Actor, processId: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    const row = await repo.deleteMember(trx, processId, actor.userId);
    if (!row) return;
    await recordAudit(trx, { actorId: actor.userId, action: 'process.leave', entityType: 'process_member', entityId: row.id, processId, before: { ...row } });
    await removeFromSearch(trx, 'participant', row.id);
    await revokeRole(trx, { userId: actor.userId, role: 'member', processId, revokedBy: actor.userId });
  });
}

/** One row of a balance: a stakeholder group, its members, and how it stands against its target. */
export interface BalanceRow {
  key: string;
  nameEn: string;
  nameFr: string;
  count: number;
  share: number;
  targetShare: number | null;
  status: 'missing' | 'below' | 'met' | 'noTarget';
}

/**
 * The balance of a process, or of some of its members (a working group's): members per
 * stakeholder group, their share, and whether each group is missing or under its target.
 */
export async function balance(db: Kysely<DB>, processId: string, groups: StakeholderGroup[], userIds?: string[]): Promise<{ total: number; rows: BalanceRow[] }> {
  const counts = await repo.countsByStakeholderGroup(db, processId, userIds);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const rows = groups.map((g): BalanceRow => {
    const count = counts.get(g.id) ?? 0;
    const share = total ? count / total : 0;
    const target = g.target_share === null ? null : Number(g.target_share);
    const status = count === 0 ? 'missing' : target === null ? 'noTarget' : share + 1e-9 < target ? 'below' : 'met';
    return { key: g.key, nameEn: g.name_en, nameFr: g.name_fr, count, share, targetShare: target, status };
  });
  return { total, rows };
}

/** The stakeholder group (id) of each listed person who is a member of the process. */
export function memberStakeholderGroups(db: Kysely<DB>, processId: string, userIds: string[]): Promise<Map<string, string>> {
  return repo.stakeholderGroupsOf(db, processId, userIds);
}

/** A page of a process's members; `next` is the cursor for the following page. */
export async function listMembers(
  db: Kysely<DB>,
  processId: string,
  f: { stakeholderKey?: string | undefined; groupId?: string | undefined; organisationId?: string | undefined; after?: string | undefined; limit: number },
): Promise<{ items: MemberRow[]; next: string | null }> {
  const after = f.after ? decodeCursor(MemberCursor, f.after) : undefined;
  const rows = await repo.members(db, processId, { ...f, after, limit: f.limit + 1 });
  const items = rows.slice(0, f.limit);
  const last = items.at(-1);
  const next = rows.length > f.limit && last ? encodeCursor({ name: last.name, id: last.user_id }) : null;
  return { items, next };
}

/** Invite someone by email to take part with a role; the link works for 30 days. */
export async function invite(db: Kysely<DB>, actor: Actor, process: Process, input: InviteBody, baseUrl: string): Promise<void> {
  // Nobody hands out more authority than they hold (an oversight member inviting a convener).
  if (!mayGrant(actor, process.id, input.role)) throw new HttpProblem(403, 'errors.invitation.aboveOwnRole', {}, { role: 'errors.invitation.aboveOwnRole' });
  await inTransaction(db, async (trx) => {
    const token = randomToken();
    const id = newId();
    await repo.insertInvitation(trx, { id, process_id: process.id, email: input.email, role: input.role, token_hash: sha256Hex(token), invited_by: actor.userId, expires_at: new Date(Date.now() + INVITATION_TTL_MS) });
    await recordAudit(trx, { actorId: actor.userId, action: 'process.invite', entityType: 'invitation', entityId: id, processId: process.id, after: { email: input.email, role: input.role } });
    const lang: Lang = input.lang;
    await queueMail(trx, {
      to: input.email,
      lang,
      kind: 'invitation',
      params: {
        inviter: actor.name,
        process: lang === 'fr' ? process.title_fr : process.title_en,
        role: tFor(lang)(`roles.${input.role}`),
        link: `${baseUrl}/${lang}/invitations/accept?token=${token}`,
      },
    });
  });
}

/** The slug of a process by id (after accepting an invitation, to send the person to its join page). */
export async function processSlugOf(db: Kysely<DB>, processId: string): Promise<string> {
  return (await processById(db, processId)).slug;
}

/** Whether the sender of an invitation may give its role today (their roles as stored now). */
async function inviterMayGrant(db: Kysely<DB>, inviterId: string, processId: string, role: ProcessRole): Promise<boolean> {
  const held = await accountsRepository.roles(db, inviterId);
  const isAdmin = held.some((r) => r.role === 'admin' && r.process_id === null);
  const here = new Set(held.filter((r) => r.process_id === processId && isProcessRole(r.role)).map((r) => r.role as ProcessRole));
  return mayGrant({ isAdmin, processRoles: new Map([[processId, here]]) }, processId, role);
}

/** Accept an invitation as the signed-in person: they receive its role, then choose how to join. */
export async function acceptInvitation(db: Kysely<DB>, actor: Actor, token: string): Promise<{ processId: string; role: string }> {
  return inTransaction(db, async (trx) => {
    const inv = await repo.liveInvitation(trx, sha256Hex(token));
    if (!inv) throw new HttpProblem(400, 'errors.token.invalid');
    // An invitation is for the address it was sent to: a leaked link gives nobody else the role.
    if (inv.email.toLowerCase() !== actor.email.toLowerCase()) throw new HttpProblem(403, 'errors.invitation.otherEmail', { email: inv.email });
    // An invitation sent before the rank rule, or by someone who has since lost their role,
    // gives no more than its sender holds now.
    if (inv.invited_by && isProcessRole(inv.role) && !(await inviterMayGrant(trx, inv.invited_by, inv.process_id, inv.role))) {
      throw new HttpProblem(403, 'errors.invitation.aboveOwnRole');
    }
    await repo.acceptInvitation(trx, inv.id);
    await recordAudit(trx, { actorId: actor.userId, action: 'invitation.accept', entityType: 'invitation', entityId: inv.id, processId: inv.process_id, after: { accepted: true } });
    // Any role in the process opens an invitation-only process to the person; they still
    // choose their organisation and stakeholder group when they join.
    await grantRole(trx, { userId: actor.userId, role: inv.role, processId: inv.process_id, grantedBy: inv.invited_by });
    return { processId: inv.process_id, role: inv.role };
  });
}

/**
 * Index every member of a process (the `concord search reindex` backfill, which also picks up
 * renamed people and organisations); returns how many.
 */
export async function reindexParticipants(trx: Kysely<DB>, processId: string): Promise<number> {
  const { slug } = await processById(trx, processId);
  let after: string | undefined;
  let n = 0;
  for (;;) {
    const page = await listMembers(trx, processId, { after, limit: 500 });
    for (const m of page.items) {
      await indexParticipant(trx, {
        memberId: m.member_id,
        processId,
        processSlug: slug,
        name: m.name,
        organisationId: m.organisation_id,
        organisationName: m.organisation_name,
        stakeholderNameEn: m.stakeholder_name_en,
        stakeholderNameFr: m.stakeholder_name_fr,
      });
      n++;
    }
    if (!page.next) return n;
    after = page.next;
  }
}
