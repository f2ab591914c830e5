import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PageCtx } from './context.js';
import { NOTICE_COOKIE } from './notice.js';
import { csrfUserInfo } from '../http/security.js';

/** Build the context a page view needs from the request. */
export function pageCtx(req: FastifyRequest, reply: FastifyReply): PageCtx {
  let token: string | undefined;
  const url = req.url;
  const withoutLang = url.replace(/^\/(en|fr)(?=\/|$|\?)/, '') || '/';
  const noticeRaw = req.cookies[NOTICE_COOKIE];
  let notice: string | undefined;
  if (noticeRaw) {
    const u = reply.unsignCookie(noticeRaw);
    if (u.valid && u.value && /^[A-Za-z0-9_.]+$/.test(u.value)) notice = u.value; // signed, so only our own keys arrive
    reply.clearCookie(NOTICE_COOKIE, { path: '/' });
  }
  return {
    lang: req.lang,
    t: req.t,
    actor: req.actor,
    path: withoutLang.startsWith('/') ? withoutLang : `/${withoutLang}`,
    csrf: () => (token ??= reply.generateCsrf({ userInfo: csrfUserInfo(req) })),
    notice,
  };
}
