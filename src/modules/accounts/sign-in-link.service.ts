import type { User } from '../../platform/db/schema.js';
import { sha256Hex } from '../../platform/lib/crypto.js';
import { createSession } from '../../platform/auth/sessions.js';
import { throttle, type Limit } from '../../platform/auth/throttle.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { queueMail } from '../mail/index.js';
import { accountsRepository as repo } from './accounts.repository.js';
import { issueToken, signInKeys, type AccountsDeps } from './accounts.service.js';

/**
 * "Email me a sign-in link" (issue 10): the way in that the sign-in throttles cannot close.
 * Anyone may make five wrong guesses at an account, and many addresses together may use up the
 * account's budget, but only the owner reads the inbox: a link mailed there signs in whatever
 * the throttles say, and clears the account's count as a password reset does.
 */

/** How long a sign-in link works. */
export const SIGN_IN_LINK_TTL_SECONDS = 20 * 60;

/**
 * Sign-in mails per window: per address and account, so one caller cannot use up the owner's
 * budget alone; per account, so the form cannot flood an inbox. Neither is a lockout: every
 * mail counted went to the owner, and the window is no longer than a link lives, so when the
 * budget is used up the mail that used it up still holds a working link until the window ends
 * and new mails may be sent. Keep `windowSeconds <= SIGN_IN_LINK_TTL_SECONDS`.
 */
export const SIGN_IN_LINK_MAIL_LIMITS = {
  addressAndAccount: { max: 3, windowSeconds: SIGN_IN_LINK_TTL_SECONDS } satisfies Limit,
  account: { max: 5, windowSeconds: SIGN_IN_LINK_TTL_SECONDS } satisfies Limit,
};

/**
 * Email a sign-in link when the address has an account; the caller always sees the same answer.
 * `next` must already be a safe path of this site (the pages pass it through safeNext); it rides
 * in the link so the person lands where they were going.
 */
export async function requestSignInLink(deps: AccountsDeps, email: string, meta: { ip: string; next?: string | undefined }): Promise<void> {
  if ((await throttle.take(deps.db, `signinlink:pair:${meta.ip}:${email}`, SIGN_IN_LINK_MAIL_LIMITS.addressAndAccount)).limited) return;
  if ((await throttle.take(deps.db, `signinlink:account:${email}`, SIGN_IN_LINK_MAIL_LIMITS.account)).limited) return;
  await deps.db.transaction().execute(async (trx) => {
    const user = await repo.findByEmail(trx, email);
    if (!user) return;
    const token = await issueToken(trx, user.id, 'sign_in', SIGN_IN_LINK_TTL_SECONDS * 1000);
    const next = meta.next ? `&next=${encodeURIComponent(meta.next)}` : '';
    await queueMail(trx, {
      to: user.email,
      lang: user.preferred_lang,
      kind: 'signInLink',
      params: { name: user.name, link: `${deps.baseUrl}/${user.preferred_lang}/sign-in/link?token=${token}${next}`, minutes: String(SIGN_IN_LINK_TTL_SECONDS / 60) },
    });
  });
}

/** The error keys of a sign-in link that does not work; the pages show each on its own page. */
export const SIGN_IN_LINK_REFUSALS: ReadonlySet<string> = new Set(['errors.token.invalid', 'errors.signInLink.used', 'errors.signInLink.expired']);

/** Why a sign-in link does not work: used (or ended by another), expired, or unknown. */
async function refusal(deps: AccountsDeps, tokenHash: string): Promise<HttpProblem> {
  const row = await repo.findToken(deps.db, tokenHash, 'sign_in');
  const key = !row ? 'errors.token.invalid' : row.used_at ? 'errors.signInLink.used' : 'errors.signInLink.expired';
  return new HttpProblem(400, key, { minutes: SIGN_IN_LINK_TTL_SECONDS / 60 }, { token: key });
}

/** Null when the link can be used; else the problem its use would meet (the landing page says it before showing a button). */
export async function signInLinkProblem(deps: AccountsDeps, token: string): Promise<HttpProblem | null> {
  const tokenHash = sha256Hex(token);
  if (await repo.findLiveToken(deps.db, tokenHash, 'sign_in')) return null;
  return refusal(deps, tokenHash);
}

/**
 * Sign in with an emailed link. The sign-in throttles are not asked: reaching the inbox is the
 * proof they cannot give, and asking them would let a stranger's guesses hold the owner out.
 * The link is single-use and ends every other sign-in link of the account (they all sat in the
 * same inbox, and the owner is in); the account's failure count and this address's count for the
 * account are cleared, as a successful sign-in or a reset would. The caller rotates the cookies.
 */
export async function signInWithLink(deps: AccountsDeps, token: string, meta: { ip: string; userAgent: string | null }): Promise<{ token: string; user: User }> {
  const tokenHash = sha256Hex(token);
  const result = await deps.db.transaction().execute(async (trx) => {
    const used = await repo.consumeToken(trx, tokenHash, 'sign_in');
    if (!used) return undefined;
    const user = await repo.findById(trx, used.user_id);
    if (!user) return undefined;
    await repo.endTokens(trx, user.id, 'sign_in');
    const keys = signInKeys(user.email, meta.ip);
    await throttle.clear(trx, keys.account);
    await throttle.clear(trx, keys.pair);
    // Who and when only: the record digests stay empty, so the trail learns nothing else.
    await recordAudit(trx, { actorId: user.id, action: 'user.signInByLink', entityType: 'user', entityId: user.id });
    const session = await createSession(trx, user.id, deps.sessionDays, meta.userAgent);
    return { token: session.token, user };
  });
  if (!result) throw await refusal(deps, tokenHash);
  return result;
}
