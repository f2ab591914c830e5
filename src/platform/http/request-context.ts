import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SESSION_COOKIE, resolveSession } from '../auth/sessions.js';
import { sessionCookieOptions } from '../auth/session-cookie.js';
import { isLang, pickLang, tFor, type Lang } from '../i18n/i18n.js';

/** The language a request is in: the URL's prefix for pages, else `?lang=`, else Accept-Language. */
export function requestLang(req: FastifyRequest): Lang {
  const first = req.url.split('/')[1]?.split('?')[0];
  if (isLang(first)) return first;
  const q = (req.query as Record<string, unknown> | undefined)?.lang;
  if (isLang(q)) return q;
  return pickLang(req.headers['accept-language']);
}

/**
 * Decorate every request with its language, translator and actor. The session lookup is
 * skipped when there is no session cookie, so anonymous pages cost no query.
 */
export function registerRequestContext(app: FastifyInstance): void {
  app.decorateRequest('lang', 'en');
  app.decorateRequest('t', null as never);
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('policyContext', null as never);

  app.addHook('onRequest', async (req, reply) => {
    req.lang = requestLang(req);
    req.t = tFor(req.lang);
    if (req.url.startsWith('/static/')) return;
    const raw = req.cookies[SESSION_COOKIE];
    if (!raw) return;
    const unsigned = reply.unsignCookie(raw);
    if (!unsigned.valid || !unsigned.value) return;
    const found = await resolveSession(app.deps.db, unsigned.value, app.deps.config.sessionDays);
    if (found) {
      req.actor = found.actor;
      req.sessionId = found.sessionId;
      // The server extended the session; the cookie's Max-Age follows, or the browser would
      // drop a session the server still honours.
      if (found.renewed) reply.setCookie(SESSION_COOKIE, unsigned.value, sessionCookieOptions(app.deps.config));
    } else {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
    }
  });
}
