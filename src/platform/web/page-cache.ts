import type { FastifyInstance, FastifyRequest } from 'fastify';
import { NOTICE_COOKIE } from './notice.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The shared cache of public pages for signed-out visitors (see registerAnonymousCache). */
    anonymousPageCache: AnonymousPageCache;
  }
}

/**
 * A few seconds' memory of pages that are the same for every signed-out visitor (no form,
 * no notice): a burst of readers costs one render and its queries per page and language, not
 * one each. Each app server keeps its own copy, bounded in size; a page is at most `ttlMs`
 * stale, so the counts on a document read during a comment flood lag by two seconds at most.
 */
export class AnonymousPageCache {
  private readonly entries = new Map<string, { html: string; expires: number }>();
  constructor(
    private readonly ttlMs = 2000,
    private readonly maxEntries = 2000,
  ) {}

  /** True when this request may be served from, or fill, the cache. */
  applies(req: FastifyRequest): boolean {
    return req.actor === null && req.cookies[NOTICE_COOKIE] === undefined && req.cookies.concord_session === undefined;
  }

  /** The cached page for a key, if there is a fresh one. */
  get(key: string): string | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.expires < Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return hit.html;
  }


  /** Remember a rendered page; past `maxEntries` the oldest entry goes (Map keeps insertion order). */
  store(key: string, html: string): void {
    if (this.ttlMs <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, { html, expires: Date.now() + this.ttlMs });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  /** How many pages are held (for tests). */
  get size(): number {
    return this.entries.size;
  }
}

/**
 * Serve the public pages whose route says `config: { anonymousCache: true }` from a shared
 * AnonymousPageCache, keyed by the whole URL (language prefix and query included). Only a
 * 200 HTML page that sets no cookie and holds no POST form is kept, so nothing personal or
 * token-bearing is ever handed to another visitor.
 * @example registerAnonymousCache(app) // then app.get(path, { config: { policy: 'public.read', anonymousCache: true } }, …)
 */
export function registerAnonymousCache(app: FastifyInstance, cache: AnonymousPageCache): AnonymousPageCache {
  app.decorate('anonymousPageCache', cache);
  const wants = (req: FastifyRequest) => req.method === 'GET' && req.routeOptions.config.anonymousCache === true && cache.applies(req);
  // A page sent from the cache passes through onSend too: it must not be stored again, or its
  // expiry would move forward with every hit and a busy page would never be rendered afresh.
  const fromCache = new WeakSet<FastifyRequest>();
  app.addHook('onRequest', async (req, reply) => {
    if (!wants(req)) return;
    const html = cache.get(req.url);
    if (html === undefined) return;
    // Marked before sending: send() runs the onSend hooks at once.
    fromCache.add(req);
    return reply.status(200).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
  });
  app.addHook('onSend', async (req, reply, payload) => {
    if (typeof payload !== 'string' || reply.statusCode !== 200 || fromCache.has(req) || !wants(req)) return payload;
    if (reply.getHeader('set-cookie') !== undefined || !String(reply.getHeader('content-type') ?? '').startsWith('text/html')) return payload;
    if (/<form\b[^>]*method="post"/i.test(payload)) return payload;
    cache.store(req.url, payload);
    return payload;
  });
  return cache;
}
