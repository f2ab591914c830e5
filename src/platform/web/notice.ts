import type { FastifyReply } from 'fastify';

/** Cookie carrying a one-time notice across a redirect (post/redirect/get). */
export const NOTICE_COOKIE = 'concord_notice';

/**
 * Redirect after a form, with a notice (an i18n key) shown once on the next page.
 * @example return redirectWithNotice(reply, '/en/', 'notices.signedOut')
 */
export function redirectWithNotice(reply: FastifyReply, to: string, notice: string): FastifyReply {
  reply.setCookie(NOTICE_COOKIE, notice, { path: '/', httpOnly: true, sameSite: 'lax', signed: true, maxAge: 60 });
  return reply.redirect(to, 303);
}
