import type { Kysely } from 'kysely';
import type { DB, EmailTokenPurpose, User } from '../../platform/db/schema.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { newId } from '../../platform/lib/ids.js';
import { inTransaction } from '../../platform/db/tx.js';
import { randomToken, sha256Hex } from '../../platform/lib/crypto.js';
import { dummyPasswordHash, hashPassword, passwordProblem, verifyPassword } from '../../platform/auth/passwords.js';
import { createSession, destroyUserSessions } from '../../platform/auth/sessions.js';
import { throttle, type Limit } from '../../platform/auth/throttle.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { queueMail } from '../mail/index.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { accountsRepository as repo } from './accounts.repository.js';
import type { RegisterBody, ResetPasswordBody, SignInBody } from './accounts.schema.js';
import { clockNow } from '../../platform/time/story-clock.js';

/**
 * Failed sign-ins allowed in a window. The tight limit is per address and account together, so
 * someone guessing from one address cannot lock the owner out from another; the address limit
 * stops one address spraying many accounts; the account limit, far higher, stops guessing
 * spread over many addresses, and a password reset (which proves the inbox) lifts it.
 */
export const SIGN_IN_LIMITS = {
  addressAndAccount: { max: 5, windowSeconds: 15 * 60 } satisfies Limit,
  address: { max: 20, windowSeconds: 15 * 60 } satisfies Limit,
  account: { max: 100, windowSeconds: 15 * 60 } satisfies Limit,
};
/**
 * Reset emails per hour: per address and account, so one caller cannot use up the owner's
 * links; per account, far higher, so the form cannot be used to flood someone's inbox.
 */
const RESET_MAIL_LIMITS = {
  addressAndAccount: { max: 3, windowSeconds: 3600 } satisfies Limit,
  account: { max: 10, windowSeconds: 3600 } satisfies Limit,
};
const CONFIRM_TTL_MS = 3 * 86_400_000;
const RESET_TTL_MS = 60 * 60 * 1000;

/** What the accounts service needs: the database and where links should point. */
export interface AccountsDeps {
  db: Kysely<DB>;
  baseUrl: string;
  sessionDays: number;
}

/** The fields of a user worth a trace (the hash is masked by the audit digest). */
function auditable(u: User): Record<string, unknown> {
  return { ...u };
}

/** Store a new one-time token (only its hash) and return it for the emailed link. */
export async function issueToken(db: Kysely<DB>, userId: string, purpose: EmailTokenPurpose, ttlMs: number): Promise<string> {
  const token = randomToken();
  await repo.insertToken(db, { id: newId(), user_id: userId, purpose, token_hash: sha256Hex(token), expires_at: new Date(Date.now() + ttlMs) });
  return token;
}

function ensureStrong(password: string, who: { email: string; name?: string }): void {
  const problem = passwordProblem(password, who);
  if (problem) throw new HttpProblem(422, 'errors.validation', {}, { password: problem });
}

/**
 * Register a person and email them a confirmation link. When the email is already taken,
 * the owner is told by email instead and the caller sees the same answer, so the form
 * cannot be used to find out who has an account.
 */
export async function register(deps: AccountsDeps, input: RegisterBody, lang: Lang): Promise<void> {
  ensureStrong(input.password, input);
  const passwordHash = await hashPassword(input.password);
  const preferred = input.lang ?? lang;
  await deps.db.transaction().execute(async (trx) => {
    const existing = await repo.findByEmail(trx, input.email);
    if (existing) {
      await queueMail(trx, {
        to: existing.email,
        lang: existing.preferred_lang,
        kind: 'accountExists',
        params: { name: existing.name, link: `${deps.baseUrl}/${existing.preferred_lang}/password/forgot` },
      });
      return;
    }
    const user = await repo.insert(trx, {
      id: newId(),
      email: input.email,
      name: input.name,
      password_hash: passwordHash,
      preferred_lang: preferred,
      email_confirmed_at: null,
      updated_at: new Date(),
    });
    await recordAudit(trx, { actorId: user.id, action: 'user.register', entityType: 'user', entityId: user.id, after: auditable(user) });
    const token = await issueToken(trx, user.id, 'confirm_email', CONFIRM_TTL_MS);
    await queueMail(trx, {
      to: user.email,
      lang: preferred,
      kind: 'confirmEmail',
      params: { name: user.name, link: `${deps.baseUrl}/${preferred}/account/confirm?token=${token}` },
    });
  });
}

/** Confirm an email address from the emailed token. */
export async function confirmEmail(deps: AccountsDeps, token: string): Promise<User> {
  return deps.db.transaction().execute(async (trx) => {
    const used = await repo.consumeToken(trx, sha256Hex(token), 'confirm_email');
    if (!used) throw new HttpProblem(400, 'errors.token.invalid', {}, { token: 'errors.token.invalid' });
    const before = await repo.findById(trx, used.user_id);
    if (!before) throw new HttpProblem(400, 'errors.token.invalid');
    if (before.email_confirmed_at) return before;
    const after = await repo.update(trx, before.id, { email_confirmed_at: new Date() });
    await recordAudit(trx, { actorId: after.id, action: 'user.confirmEmail', entityType: 'user', entityId: after.id, before: auditable(before), after: auditable(after) });
    return after;
  });
}

/** Send a fresh confirmation link to a signed-in person whose email is not yet confirmed. */
export async function resendConfirmation(deps: AccountsDeps, userId: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const user = await repo.findById(trx, userId);
    if (!user || user.email_confirmed_at) return;
    const token = await issueToken(trx, user.id, 'confirm_email', CONFIRM_TTL_MS);
    await queueMail(trx, {
      to: user.email,
      lang: user.preferred_lang,
      kind: 'confirmEmail',
      params: { name: user.name, link: `${deps.baseUrl}/${user.preferred_lang}/account/confirm?token=${token}` },
    });
  });
}

function throttled(seconds: number): HttpProblem {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return new HttpProblem(429, 'errors.signIn.throttled', { count: minutes }, {}, { 'retry-after': String(seconds) });
}

/** The throttle keys of a sign-in or reset request. */
export function signInKeys(email: string, ip: string) {
  return { pair: `signin:pair:${ip}:${email}`, address: `signin:address:${ip}`, account: `signin:account:${email}` };
}

/**
 * Check credentials and open a session. Every attempt is counted against the address and
 * account together, the address, and the account before the password is checked (atomically,
 * so parallel guesses cannot slip past a limit); a success clears the pair's count and gives
 * the address and the account their attempt back.
 */
export async function signIn(deps: AccountsDeps, input: SignInBody, meta: { ip: string; userAgent: string | null }): Promise<{ token: string; user: User }> {
  const keys = signInKeys(input.email, meta.ip);
  for (const [key, limit] of [
    [keys.pair, SIGN_IN_LIMITS.addressAndAccount],
    [keys.address, SIGN_IN_LIMITS.address],
    [keys.account, SIGN_IN_LIMITS.account],
  ] as const) {
    const state = await throttle.take(deps.db, key, limit);
    if (state.limited) throw throttled(state.retryAfterSeconds);
  }
  const user = await repo.findByEmail(deps.db, input.email);
  // Verify against a dummy hash when there is no such account, so timing gives nothing away.
  const ok = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), input.password);
  if (!user || !ok) throw new HttpProblem(400, 'errors.signIn.invalid', {}, { email: 'errors.signIn.invalid' });
  await throttle.clear(deps.db, keys.pair);
  await throttle.refund(deps.db, keys.address);
  await throttle.refund(deps.db, keys.account);
  const session = await createSession(deps.db, user.id, deps.sessionDays, meta.userAgent);
  return { token: session.token, user };
}

/** Email a reset link when the address has an account; the caller always sees the same answer. */
export async function requestPasswordReset(deps: AccountsDeps, email: string, meta: { ip: string }): Promise<void> {
  if ((await throttle.take(deps.db, `reset:pair:${meta.ip}:${email}`, RESET_MAIL_LIMITS.addressAndAccount)).limited) return;
  if ((await throttle.take(deps.db, `reset:account:${email}`, RESET_MAIL_LIMITS.account)).limited) return;
  await deps.db.transaction().execute(async (trx) => {
    const user = await repo.findByEmail(trx, email);
    if (!user) return;
    const token = await issueToken(trx, user.id, 'reset_password', RESET_TTL_MS);
    await queueMail(trx, {
      to: user.email,
      lang: user.preferred_lang,
      kind: 'resetPassword',
      params: { name: user.name, link: `${deps.baseUrl}/${user.preferred_lang}/password/reset?token=${token}` },
    });
  });
}

/** True when a reset token is still usable (the reset page checks before showing its form). */
export async function resetTokenIsLive(deps: AccountsDeps, token: string): Promise<boolean> {
  return (await repo.findLiveToken(deps.db, sha256Hex(token), 'reset_password')) !== undefined;
}

/**
 * Set a new password from an emailed token. Every session of the account ends: whoever
 * knew the old password is signed out everywhere. Reaching the inbox also proves the email.
 */
export async function resetPassword(deps: AccountsDeps, input: ResetPasswordBody): Promise<void> {
  const tokenHash = sha256Hex(input.token);
  const live = await repo.findLiveToken(deps.db, tokenHash, 'reset_password');
  if (!live) throw new HttpProblem(400, 'errors.token.invalid', {}, { token: 'errors.token.invalid' });
  const current = await repo.findById(deps.db, live.user_id);
  if (!current) throw new HttpProblem(400, 'errors.token.invalid');
  ensureStrong(input.password, current);
  const passwordHash = await hashPassword(input.password);
  await deps.db.transaction().execute(async (trx) => {
    const used = await repo.consumeToken(trx, tokenHash, 'reset_password');
    if (!used) throw new HttpProblem(400, 'errors.token.invalid', {}, { token: 'errors.token.invalid' });
    const before = await repo.findById(trx, used.user_id);
    if (!before) throw new HttpProblem(400, 'errors.token.invalid');
    const after = await repo.update(trx, before.id, { password_hash: passwordHash, email_confirmed_at: before.email_confirmed_at ?? new Date() });
    await recordAudit(trx, { actorId: before.id, action: 'user.resetPassword', entityType: 'user', entityId: before.id, before: auditable(before), after: auditable(after) });
    await destroyUserSessions(trx, before.id);
    // Whoever reached the inbox is the owner: guesses spread over many addresses no longer hold the account shut.
    await throttle.clear(trx, signInKeys(before.email, '').account);
  });
}

/**
 * Create a confirmed account directly (the CLI and the demo data), optionally a site admin.
 * Refuses an email that is taken, naming it, since only an operator reaches this.
 */
export async function createUser(
  db: Kysely<DB>,
  input: { email: string; name: string; password: string; admin?: boolean; lang?: Lang; actorId?: string | null; skipStrengthCheck?: boolean; passwordHash?: string },
): Promise<User> {
  const email = input.email.trim().toLowerCase();
  if (!input.skipStrengthCheck) ensureStrong(input.password, { email, name: input.name });
  // A precomputed hash lets the demo create a hundred accounts without a hundred argon2 runs.
  const passwordHash = input.passwordHash ?? (await hashPassword(input.password));
  return db.transaction().execute(async (trx) => {
    if (await repo.findByEmail(trx, email)) throw new HttpProblem(409, 'errors.email.taken', { email });
    // The story's time when the demo loads its history (platform/time/story-clock.ts), now otherwise.
    const at = clockNow();
    const user = await repo.insert(trx, {
      id: newId(),
      email,
      name: input.name.trim(),
      password_hash: passwordHash,
      preferred_lang: input.lang ?? 'en',
      created_at: at,
      email_confirmed_at: at,
      updated_at: at,
    });
    await recordAudit(trx, { actorId: input.actorId ?? null, action: 'user.create', entityType: 'user', entityId: user.id, after: auditable(user) });
    if (input.admin) await grantRole(trx, { userId: user.id, role: 'admin', processId: null, grantedBy: input.actorId ?? null });
    return user;
  });
}

/** Give someone a role, site-wide (admin), in a process, or (chair) in a working group; audited. */
export async function grantRole(db: Kysely<DB>, g: { userId: string; role: string; processId: string | null; groupId?: string | null; grantedBy: string | null }): Promise<void> {
  await inTransaction(db, async (trx) => {
    const row = await repo.grantRole(trx, { id: newId(), user_id: g.userId, role: g.role, process_id: g.processId, group_id: g.groupId ?? null, granted_by: g.grantedBy, created_at: clockNow() });
    if (row) {
      await recordAudit(trx, { actorId: g.grantedBy, action: 'role.grant', entityType: 'role_assignment', entityId: row.id, processId: g.processId, after: { ...row } });
    }
  });
}

/**
 * Take a role away; audited, with the reason when one is given (a convener's revocation). Does
 * nothing when the person does not hold it. True when a role was taken away.
 */
export async function revokeRole(db: Kysely<DB>, g: { userId: string; role: string; processId: string | null; groupId?: string | null; revokedBy: string | null; reason?: string }): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const row = await repo.revokeRole(trx, { user_id: g.userId, role: g.role, process_id: g.processId, group_id: g.groupId ?? null });
    if (row) {
      await recordAudit(trx, { actorId: g.revokedBy, action: 'role.revoke', entityType: 'role_assignment', entityId: row.id, processId: g.processId, before: { ...row }, after: g.reason ? { revoked: true, reason: g.reason } : null });
    }
    return !!row;
  });
}

/**
 * The ids of those holding a process-wide role, locked for the calling transaction: a check
 * such as "not the last convener" holds against a second revocation racing this one.
 */
export function lockRoleHolders(db: Kysely<DB>, q: { role: string; processId: string }): Promise<string[]> {
  return repo.lockRoleHolders(db, q);
}

/** People holding a role in a process (or a group), with their names, for lists of chairs and committees. */
export function roleHolders(db: Kysely<DB>, q: { role: string; processId: string; groupId?: string }) {
  return repo.roleHolders(db, q);
}

/** A user with their roles, for the account page and GET /me. */
export async function describeUser(db: Kysely<DB>, userId: string) {
  const user = await repo.findById(db, userId);
  if (!user) throw new HttpProblem(404, 'errors.notFound');
  return { user, roles: await repo.roles(db, userId) };
}
