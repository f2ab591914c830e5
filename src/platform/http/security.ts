import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import csrf from '@fastify/csrf-protection';
import rateLimit from '@fastify/rate-limit';
import { HttpProblem } from './problem.js';
import type { Config } from '../config.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** True when a request comes from another site, judged by Sec-Fetch-Site and Origin. */
export function isCrossSite(req: FastifyRequest, baseUrl: string): boolean {
  const site = req.headers['sec-fetch-site'];
  // Browsers that send Sec-Fetch-Site are judged by it alone: with a no-referrer policy
  // Chromium sends `Origin: null` even on same-origin posts. 'same-site' is refused too:
  // a sibling subdomain is not us.
  if (typeof site === 'string') return site !== 'same-origin' && site !== 'none';
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  if (origin === 'null') return true;
  const own = new Set([new URL(baseUrl).origin, `${req.protocol}://${req.host}`]);
  return !own.has(origin);
}

/**
 * The headers helmet would set for these options, worked out once by running it against a
 * stand-in response.
 * @example helmetHeaders({ hsts: false })['x-content-type-options'] // 'nosniff'
 */
export function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: string | number) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  let failed: unknown;
  helmet(options)({} as never, res as never, (err?: unknown) => void (failed = err));
  if (failed) throw failed instanceof Error ? failed : new Error('helmet refused its options');
  return headers;
}

/** The cookie holding the CSRF secret (signed, HttpOnly). */
export const CSRF_COOKIE = 'concord_csrf';

/**
 * What a CSRF token is bound to besides the secret: the session, so a token taken before
 * sign-in (or planted by someone else) is worth nothing once the session changes.
 */
export function csrfUserInfo(req: FastifyRequest): string {
  return req.sessionId ?? 'anonymous';
}

/**
 * A new CSRF secret at sign-in and sign-out: the cookie is dropped, and the next page sets a
 * fresh one. With tokens bound to the session, a captured token fails both ways.
 */
export function rotateCsrfSecret(reply: FastifyReply): void {
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}

const worked = new WeakMap<Config, Record<string, string>>();

/**
 * The security headers of every response. helmet's headers depend only on the configuration,
 * so they are worked out once per configuration; running helmet per request halved the home
 * page's throughput. Errors raised before routing (a malformed URL) set them by hand, since
 * the onRequest hook never ran for those.
 */
export function securityHeadersFor(config: Config): Record<string, string> {
  const known = worked.get(config);
  if (known) return known;
  const securityHeaders = helmetHeaders({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        ...(config.secureCookies ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    hsts: config.secureCookies,
    // Our own pages may see where a visitor came from within the site; other sites may not.
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
  worked.set(config, securityHeaders);
  return securityHeaders;
}

/**
 * Security headers, CSRF and request throttling. Pages get a synchronizer token in every
 * form; the API refuses non-JSON bodies on unsafe methods (a cross-site form cannot send
 * JSON without a CORS preflight, which we never grant); both refuse cross-site origins.
 */
export async function registerSecurity(app: FastifyInstance, keys: { csrfHmacKey: string }): Promise<void> {
  const { config } = app.deps;
  const securityHeaders = securityHeadersFor(config);
  app.addHook('onRequest', (_req, reply, done) => {
    reply.headers(securityHeaders);
    done();
  });

  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: CSRF_COOKIE,
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, signed: true, secure: config.secureCookies },
    getUserInfo: csrfUserInfo,
    csrfOpts: { hmacKey: keys.csrfHmacKey },
  });

  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) =>
      new HttpProblem(429, 'errors.rateLimited', { seconds: Math.ceil(ctx.ttl / 1000) }, {}, { 'retry-after': String(Math.ceil(ctx.ttl / 1000)) }),
  });

  app.addHook('preValidation', (req, reply, done) => {
    if (!UNSAFE.has(req.method)) return done();
    if (isCrossSite(req, config.baseUrl)) return done(new HttpProblem(403, 'errors.crossSite'));
    if (req.url.startsWith('/api/')) {
      const type = req.headers['content-type'];
      // A route may take a file as its body: text/csv and application/x-ndjson, like JSON, are
      // not types a cross-site form can send without a CORS preflight, which we never grant.
      const fileTypes = req.routeOptions.config.fileBody ?? [];
      if (type && !type.startsWith('application/json') && !fileTypes.some((f) => type.toLowerCase().startsWith(f))) return done(new HttpProblem(415, 'errors.jsonOnly'));
      return done();
    }
    app.csrfProtection(req, reply, done);
  });
}
