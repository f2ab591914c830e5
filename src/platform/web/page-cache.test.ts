import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnonymousPageCache, registerAnonymousCache } from './page-cache.js';

/** A bare app with the cache's hooks and a few routes that render a counter, so a test can tell a cached page from a fresh one. */
async function appWith(cache: AnonymousPageCache): Promise<{ app: FastifyInstance; renders: () => number }> {
  let n = 0;
  const app = Fastify();
  await app.register(cookie);
  app.decorateRequest('actor', null);
  registerAnonymousCache(app, cache);
  const html = (body: string) => `<!doctype html><p>${body} ${++n}</p>`;
  const send = (reply: import('fastify').FastifyReply, body: string) => reply.header('content-type', 'text/html; charset=utf-8').send(body);
  app.get('/page', { config: { anonymousCache: true } }, async (_req, reply) => send(reply, html('page')));
  app.get('/uncached', async (_req, reply) => send(reply, html('uncached')));
  app.get('/form', { config: { anonymousCache: true } }, async (_req, reply) => send(reply, `${html('form')}<form method="post" action="/x"><input name="_csrf" value="t"></form>`));
  app.get('/cookie', { config: { anonymousCache: true } }, async (_req, reply) => send(reply.setCookie('c', '1'), html('cookie')));
  app.get('/missing', { config: { anonymousCache: true } }, async (_req, reply) => send(reply.status(404), html('missing')));
  await app.ready();
  return { app, renders: () => n };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the anonymous page cache', () => {
  it('serves a flagged page to the next signed-out visitor from memory, per URL', async () => {
    const { app, renders } = await appWith(new AnonymousPageCache(2000));
    const a = await app.inject({ url: '/page' });
    const b = await app.inject({ url: '/page' });
    expect(b.body).toBe(a.body);
    expect(renders()).toBe(1);
    expect((await app.inject({ url: '/page?x=1' })).body).not.toBe(a.body);
    expect(renders()).toBe(2);
  });

  it('renders again once the page is older than its time to live', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { app, renders } = await appWith(new AnonymousPageCache(2000));
    await app.inject({ url: '/page' });
    vi.setSystemTime(Date.now() + 1999);
    await app.inject({ url: '/page' });
    expect(renders()).toBe(1);
    vi.setSystemTime(Date.now() + 2);
    await app.inject({ url: '/page' });
    expect(renders()).toBe(2);
  });

  it('never keeps an unflagged page, a page with a POST form, one that sets a cookie, or an error', async () => {
    const cache = new AnonymousPageCache(2000);
    const { app } = await appWith(cache);
    for (const url of ['/uncached', '/form', '/cookie', '/missing']) await app.inject({ url });
    expect(cache.size).toBe(0);
  });

  it('never serves or keeps a page for a visitor with a session or a notice cookie', async () => {
    const cache = new AnonymousPageCache(2000);
    const { app, renders } = await appWith(cache);
    await app.inject({ url: '/page', cookies: { concord_session: 'x' } });
    await app.inject({ url: '/page', cookies: { concord_notice: 'x' } });
    expect(cache.size).toBe(0);
    await app.inject({ url: '/page' });
    await app.inject({ url: '/page', cookies: { concord_session: 'x' } });
    expect(renders()).toBe(4);
  });

  it('keeps at most its number of entries, dropping the oldest', async () => {
    const cache = new AnonymousPageCache(2000, 3);
    const { app } = await appWith(cache);
    for (let i = 0; i < 5; i++) await app.inject({ url: `/page?i=${i}` });
    expect(cache.size).toBe(3);
  });

  it('keeps nothing when its time to live is 0', async () => {
    const cache = new AnonymousPageCache(0);
    const { app, renders } = await appWith(cache);
    await app.inject({ url: '/page' });
    await app.inject({ url: '/page' });
    expect(cache.size).toBe(0);
    expect(renders()).toBe(2);
  });
});
