import type { FastifyReply, FastifyRequest } from 'fastify';
import { NOTICE_COOKIE } from './notice.js';

/**
 * A few seconds' memory of pages that are the same for every signed-out visitor (no form,
 * no notice): a burst of readers costs one render and one query per language, not one each.
 * Each app server keeps its own copy; a page is at most `ttlMs` stale.
 */
export class AnonymousPageCache {
  private readonly entries = new Map<string, { html: string; expires: number }>();
  constructor(private readonly ttlMs = 2000) {}

  /** True when this request may be served from, or fill, the cache. */
  applies(req: FastifyRequest): boolean {
    return req.actor === null && req.cookies[NOTICE_COOKIE] === undefined && req.cookies.concord_session === undefined;
  }

  /** Send the cached page if there is a fresh one; returns whether it did. */
  serve(key: string, reply: FastifyReply): boolean {
    const hit = this.entries.get(key);
    if (!hit || hit.expires < Date.now()) return false;
    void reply.status(200).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(hit.html);
    return true;
  }

  /** Remember a rendered page. */
  store(key: string, html: string): void {
    this.entries.set(key, { html, expires: Date.now() + this.ttlMs });
  }
}
