import type { CookieSerializeOptions } from '@fastify/cookie';
import type { Config } from '../config.js';

/** Session cookie: HttpOnly, SameSite=Lax, Secure when the site is served over https, signed. */
export function sessionCookieOptions(config: Config): CookieSerializeOptions {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    signed: true,
    maxAge: config.sessionDays * 86_400,
  };
}
