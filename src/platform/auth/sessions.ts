import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { newId } from '../lib/ids.js';
import { randomToken, sha256Hex } from '../lib/crypto.js';
import { isInstallationRole, isOrganisationRole, isProcessRole, type Actor, type GroupRole, type InstallationRole, type OrganisationRole, type ProcessRole } from './roles.js';
import { sessionsRepository, type UserWithRoles } from './sessions.repository.js';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'concord_session';

/** A session is extended at most this often, so a busy reader does not write on every page. */
const TOUCH_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Start a session for a user and return the token for the cookie. Only its SHA-256 is
 * stored, so a copy of the database cannot be used to sign in as anyone.
 */
export async function createSession(db: Kysely<DB>, userId: string, days: number, userAgent: string | null): Promise<{ token: string; id: string }> {
  const token = randomToken();
  const id = newId();
  await sessionsRepository.insert(db, {
    id,
    token_hash: sha256Hex(token),
    user_id: userId,
    expires_at: new Date(Date.now() + days * 86_400_000),
    user_agent: userAgent?.slice(0, 300) ?? null,
  });
  return { token, id };
}

/** Resolve a cookie token to its session and actor; undefined when unknown or expired. */
export async function resolveSession(db: Kysely<DB>, token: string, days: number): Promise<{ sessionId: string; actor: Actor; renewed: boolean } | undefined> {
  const row = await sessionsRepository.findByTokenHash(db, sha256Hex(token));
  if (!row) return undefined;
  const now = Date.now();
  if (row.expires_at.getTime() <= now) {
    await sessionsRepository.delete(db, row.session_id);
    return undefined;
  }
  const renewed = now - row.last_seen_at.getTime() > TOUCH_INTERVAL_MS;
  if (renewed) await sessionsRepository.touch(db, row.session_id, new Date(now + days * 86_400_000));
  return { sessionId: row.session_id, renewed, actor: actorOf(row) };
}

/**
 * The actor a user is, with every role they hold, for acting as them outside a request (the
 * CLI's `--as`); undefined when there is no such user.
 */
export async function actorForUser(db: Kysely<DB>, userId: string): Promise<Actor | undefined> {
  const row = await sessionsRepository.userWithRoles(db, userId);
  return row ? actorOf(row) : undefined;
}

/** A user's row and roles as the actor the policy module takes. */
function actorOf(row: UserWithRoles): Actor {
  const { roles, group_ids: groups } = row;
  const processRoles = new Map<string, Set<ProcessRole>>();
  const groupRoles = new Map<string, Set<GroupRole>>();
  let isAdmin = false;
  for (const r of roles) {
    if (r.role === 'admin') isAdmin = true;
    else if (r.process_id && isProcessRole(r.role)) {
      const set = processRoles.get(r.process_id) ?? new Set<ProcessRole>();
      set.add(r.role);
      processRoles.set(r.process_id, set);
      // A chair chairs one group, and counts as a chair in its process too.
      if (r.role === 'chair' && r.group_id) {
        const g = groupRoles.get(r.group_id) ?? new Set<GroupRole>();
        g.add('chair');
        groupRoles.set(r.group_id, g);
      }
    }
  }
  for (const group_id of groups) {
    const g = groupRoles.get(group_id) ?? new Set<GroupRole>();
    g.add('member');
    groupRoles.set(group_id, g);
  }
  const organisationRoles = new Map<string, Set<OrganisationRole>>();
  for (const r of row.organisation_roles) {
    if (!isOrganisationRole(r.role)) continue;
    const set = organisationRoles.get(r.organisation_id) ?? new Set<OrganisationRole>();
    set.add(r.role);
    organisationRoles.set(r.organisation_id, set);
  }
  const installationRoles = new Set<InstallationRole>(row.installation_roles.filter(isInstallationRole));
  return {
    userId: row.user_id,
    name: row.name,
    email: row.email,
    lang: row.preferred_lang,
    emailConfirmed: row.email_confirmed_at !== null,
    isAdmin,
    processRoles,
    groupRoles,
    organisationRoles,
    installationRoles,
  };
}

/** End one session (sign-out). */
export function destroySession(db: Kysely<DB>, sessionId: string): Promise<void> {
  return sessionsRepository.delete(db, sessionId);
}

/** End every session of a user (after a password reset). */
export function destroyUserSessions(db: Kysely<DB>, userId: string): Promise<void> {
  return sessionsRepository.deleteAllForUser(db, userId);
}
