import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../helpers/app.js';
import { adminActor, makeProcess } from '../helpers/factories.js';

/**
 * The API's answers when a request misses (issue 10): another method on a known path is a
 * 405 with Allow, a missing session a 401 with its challenge, an unknown query parameter a
 * 400 naming it, and a 404 speaks of the API, all as problem+json.
 */
let t: TestApp;

beforeAll(async () => {
  t = await testApp();
  await makeProcess(t.db, await adminActor(t.db), 'api-errors');
});
afterAll(async () => t?.close());

const problemOf = (res: { headers: Record<string, unknown>; json: () => unknown }) => {
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  return res.json() as { status: number; title: string; detail: string; errors?: Record<string, string> };
};

describe('the API refuses clearly', () => {
  it('answers another method on a known path with 405 and Allow', async () => {
    const res = await t.app.inject({ method: 'DELETE', url: '/api/v1/processes/api-errors/audit' });
    expect(res.statusCode).toBe(405);
    expect(String(res.headers.allow).split(', ')).toContain('GET');
    const body = problemOf(res);
    expect(body.detail).toBe(`DELETE is not allowed here. Allowed: ${String(res.headers.allow)}.`);
    expect(body.title).toBe('Method not allowed');
  });

  it('answers a request without a session with 401 and WWW-Authenticate', async () => {
    const res = await t.app.inject({ url: '/api/v1/me' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Cookie realm="Concord", form-action="/en/sign-in", cookie-name="concord_session"');
    problemOf(res);
  });

  it('names unknown query parameters in a 400, in the reader’s language', async () => {
    const res = await t.app.inject({ url: '/api/v1/processes/api-errors/audit?limt=5&after=1' });
    expect(res.statusCode).toBe(400);
    const body = problemOf(res);
    expect(body.detail).toBe('Unknown query parameter: limt. This operation accepts: after, before, action, limit.');
    expect(Object.keys(body.errors ?? {})).toEqual(['limt']);
    // No API-specific title for 400: the general one, not the message key it was looked up by.
    expect(body.title).toBe('The request could not be used');
    const fr = await t.app.inject({ url: '/api/v1/processes/api-errors/audit?x=1&y=2', headers: { 'accept-language': 'fr' } });
    expect(problemOf(fr).title).not.toMatch(/^errors\./);
    expect(problemOf(fr).detail).toMatch(/^Paramètres de requête inconnus\u00a0: x, y\./);
    // A route without query parameters refuses any, and known ones still pass.
    expect((await t.app.inject({ url: '/api/v1/audit/head?verbose=1' })).statusCode).toBe(400);
    expect((await t.app.inject({ url: '/api/v1/processes/api-errors/audit?limit=5' })).statusCode).toBe(200);
    // A cursor under its pre-1.0 name is named, not silently ignored.
    expect(problemOf(await t.app.inject({ url: '/api/v1/audit/chain?from=2' })).errors).toHaveProperty('from');
  });

  it('speaks of the API in a 404, not of a page and the home page', async () => {
    const none = await t.app.inject({ url: '/api/v1/no-such-thing' });
    expect(none.statusCode).toBe(404);
    const body = problemOf(none);
    expect(body.title).toBe('Not found');
    expect(body.detail).toBe('There is no API operation at /api/v1/no-such-thing. The OpenAPI description at /api/openapi.json lists them all.');
    const missing = problemOf(await t.app.inject({ url: '/api/v1/processes/no-such-process/audit' }));
    expect(missing).toMatchObject({ status: 404, detail: 'The record you asked for does not exist.' });
    for (const b of [body, missing]) expect(b.detail).not.toMatch(/page|home/i);
    // Pages keep theirs.
    expect((await t.app.inject({ url: '/en/no-such-page' })).body).toContain('start again from the home page');
  });
});

describe('the OpenAPI document', () => {
  it('gives every operation a unique operationId, its security and its problem+json answers', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, { operationId?: string; security?: unknown[]; responses: Record<string, { content?: Record<string, unknown> }> }>>;
    }>();
    const ids = new Set<string>();
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const where = `${method} ${path}`;
        expect(op.operationId, where).toMatch(/^[a-z]+[A-Za-z0-9]*$/);
        expect(ids.has(op.operationId!), where).toBe(false);
        ids.add(op.operationId!);
        expect(op.security?.length, where).toBeGreaterThan(0);
        for (const status of ['400', '404', '405']) expect(op.responses[status]?.content, `${where} ${status}`).toHaveProperty(['application/problem+json']);
      }
    }
    expect(ids.size).toBeGreaterThan(100);
    // One pagination name: the next page is always `after` (`before` only goes back a page);
    // search alone numbers its ranked pages (a compare's `from` is a version, not a cursor).
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const op of Object.values(ops) as { parameters?: { in: string; name: string }[] }[]) {
        const names = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
        for (const old of ['from', 'cursor', 'offset', 'page'])
          if (path !== '/api/v1/search' && !path.endsWith('/compare')) expect(names, path).not.toContain(old);
      }
    }
    // A route that needs a session says so, and documents its 401.
    const me = doc.paths['/api/v1/me']!.get!;
    expect(me.security).toEqual([{ session: [] }]);
    expect(me.responses['401']).toBeDefined();
    // The readable reference is built from the same document.
    expect((await t.app.inject({ url: '/en/api' })).statusCode).toBe(200);
  });
});
