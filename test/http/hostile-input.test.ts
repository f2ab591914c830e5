import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';
import { crawl, type CrawlResult, type FoundForm } from '../helpers/crawl.js';
import { DEMO_ACCOUNTS, seedDemo } from '../../src/app/demo/demo.seed.js';

/**
 * No input a person can type or tamper with answers 500. Every route the demo's pages lead
 * to, every form they hold and every API route in the OpenAPI document is sent hostile
 * values — text where a number or a list is expected, numbers out of range, a repeated
 * parameter (an array where text is expected), text where a list of rows is expected, and
 * cursors that are not ours — and each answer must be below 500. The routes and fields come
 * from the site itself (its links, its forms, its schemas), so a new route is covered too.
 */
let t: TestApp;
/** Who sends a request: a session cookie and a CSRF token from one of its pages. */
interface Who {
  cookie: string;
  csrf: string;
}
let admin: Who;
let member: Who;
/** What the admin's pages lead to, then what only a member's pages do (a member's own forms: submit, comment, position, pledge). */
let site: CrawlResult;
let memberSite: CrawlResult;
let address = 0;

const b64 = (s: string) => Buffer.from(s).toString('base64url');
/** Values a field, a query parameter or a cursor could be given by hand. */
const HOSTILE = [
  'abc',
  '-1',
  '1e309',
  '99999999999999999999999',
  '{}',
  '!!not*base64',
  b64('null'),
  b64('{"name":1,"id":"x","s":"x","seq":"x"}'),
  b64('{"name":"x","id":"not-a-uuid","s":"2019-01-01T00:00:00Z"}'),
  '\u00e0\ud800',
];
/** Query parameters many lists take; a page that reads none of them must ignore them. */
const COMMON_QUERY = ['after', 'before', 'page', 'q', 'limit', 'later', 'earlier', 'version', 'from', 'to'];
/** Routes that take the session or a role away, or log out the fuzzer. */
const SKIP_POLICIES = new Set(['account.signOut', 'process.leave', 'group.leave']);

const failures: string[] = [];

/** Send one request and note it when the answer is a 5xx. */
async function send(method: string, url: string, body?: { form?: [string, string][]; json?: unknown }, what = '', who: Who = admin) {
  address++;
  const headers: Record<string, string> = { cookie: who.cookie };
  let payload: string | undefined;
  if (body?.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    const p = new URLSearchParams();
    for (const [k, v] of [['_csrf', who.csrf] as [string, string], ...body.form]) p.append(k, v);
    payload = p.toString();
  } else if (body && 'json' in body) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body.json);
  }
  const res = await t.app.inject({ method: method as 'GET', url, headers, payload, remoteAddress: `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}` });
  if (res.statusCode >= 500) failures.push(`${method} ${url} ${what} → ${res.statusCode} ${res.body.slice(0, 120)}`);
  return res;
}

const withQuery = (url: string, pairs: [string, string][]) => {
  const [path, query = ''] = url.split('?') as [string, string?];
  const q = new URLSearchParams(query);
  for (const [k] of pairs) q.delete(k);
  for (const [k, v] of pairs) q.append(k, v);
  return `${path}?${q}`;
};

/** The root names of a form's fields (`phases` of `phases[0][kind]`), which a request can send as plain text. */
function roots(form: FoundForm): string[] {
  return [...new Set(form.fields.map(([n]) => n.split('[')[0]!).filter((n) => n !== '_csrf'))];
}

beforeAll(async () => {
  t = await testApp();
  await seedDemo(t.db, { schema: t.config.databaseSchema });
  const signIn = async (account: (typeof DEMO_ACCOUNTS)[number]): Promise<Who> => {
    const c = new Client(t.app);
    await c.get('/en/sign-in');
    const res = await c.post('/en/sign-in', { email: account.email, password: account.password });
    expect(res.statusCode).toBe(303);
    await c.get('/en/account');
    return { cookie: c.cookieHeader(), csrf: c.csrf() };
  };
  admin = await signIn(DEMO_ACCOUNTS.find((a) => a.admin)!);
  member = await signIn(DEMO_ACCOUNTS.find((a) => !a.admin)!);
  const skip = (p: string) => p.includes('/sign-out');
  const start = ['/en/', '/en/admin', '/en/account', '/en/processes', '/en/sign-in', '/en/register', '/en/password/forgot'];
  site = await crawl(t.app, { start, prefix: '/en/', cookie: admin.cookie, skip });
  memberSite = await crawl(t.app, { start: ['/en/processes'], prefix: '/en/', cookie: member.cookie, skip });
}, 300_000);
afterAll(async () => t?.close());

describe('hostile input never answers 500', () => {
  it('query parameters of every page reached', async () => {
    failures.length = 0;
    const pages = [...[...site.urls].map(([k, urls]) => [k, urls, admin] as const), ...[...memberSite.urls].filter(([k]) => !site.urls.has(k)).map(([k, urls]) => [k, urls, member] as const)];
    for (const [, urls, who] of pages) {
      const url = urls[0]!;
      const seenNames = new Set(urls.flatMap((u) => [...new URLSearchParams(u.split('?')[1] ?? '').keys()]));
      for (const v of HOSTILE) await send('GET', withQuery(url, COMMON_QUERY.map((k) => [k, v])), undefined, `common=${v}`, who);
      await send('GET', withQuery(url, COMMON_QUERY.flatMap((k) => [[k, 'a'], [k, 'b']] as [string, string][])), undefined, 'common repeated', who);
      for (const name of seenNames) {
        for (const v of HOSTILE) await send('GET', withQuery(url, [[name, v]]), undefined, `${name}=${v}`, who);
        await send('GET', withQuery(url, [[name, 'a'], [name, 'b']]), undefined, `${name} repeated`, who);
      }
    }
    expect(site.urls.size).toBeGreaterThan(60);
    expect(failures).toEqual([]);
  }, 600_000);

  it('fields of every form found', async () => {
    failures.length = 0;
    const forms = [...[...site.forms].map(([k, f]) => [k, f, admin] as const), ...[...memberSite.forms].filter(([k]) => !site.forms.has(k)).map(([k, f]) => [k, f, member] as const)];
    for (const [key, form, who] of forms) {
      if ([...SKIP_POLICIES].some((p) => t.app.routeCatalog.find((r) => `${r.method} ${r.url}` === key)?.policy === p)) continue;
      const method = form.method;
      const base = form.fields.filter(([n]) => n !== '_csrf');
      const names = [...new Set(base.map(([n]) => n))];
      // Every field at once, so values re-shown in the form meet the view together.
      for (const v of HOSTILE) await send(method, form.action, { form: names.map((n) => [n, v]) }, `all=${v}`, who);
      // One field at a time repeated (an array where text is expected), the others as the page filled them.
      for (const name of names) await send(method, form.action, { form: [...base.filter(([n]) => n !== name), [name, 'a'], [name, 'b']] }, `${name} repeated`, who);
      // Rows of a list sent as text, or as rows named by text: `phases=abc`, `phases[abc][x]=1`.
      for (const root of roots(form)) {
        const others = base.filter(([n]) => n.split('[')[0] !== root);
        await send(method, form.action, { form: [...others, [root, 'abc']] }, `${root}=abc`, who);
        await send(method, form.action, { form: [...others, [`${root}[abc][x]`, '1']] }, `${root}[abc][x]`, who);
        await send(method, form.action, { form: [...others, [`${root}[0]`, 'abc']] }, `${root}[0]=abc`, who);
      }
    }
    expect(site.forms.size).toBeGreaterThan(30);
    expect(failures).toEqual([]);
  }, 600_000);

  it('query parameters and bodies of every API route, from the OpenAPI document', async () => {
    const doc = t.app.swagger() as { paths: Record<string, Record<string, { parameters?: { in: string; name: string }[]; requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> } }>> };
    failures.length = 0;
    let covered = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      const url = path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(site.params.get(name) ?? '00000000-0000-7000-8000-000000000000'));
      for (const [method, op] of Object.entries(ops)) {
        const m = method.toUpperCase();
        const route = t.app.routeCatalog.find((r) => r.method === m && r.url === path.replace(/\{(\w+)\}/g, ':$1'));
        if (route && SKIP_POLICIES.has(route.policy)) continue;
        covered++;
        const query = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
        for (const name of query) {
          for (const v of HOSTILE) await send(m, withQuery(url, [[name, v]]), m === 'GET' ? undefined : { json: {} }, `${name}=${v}`);
          await send(m, withQuery(url, [[name, 'a'], [name, 'b']]), m === 'GET' ? undefined : { json: {} }, `${name} repeated`);
        }
        if (m === 'GET') continue;
        const props = Object.keys(op.requestBody?.content?.['application/json']?.schema?.properties ?? {});
        for (const v of HOSTILE) await send(m, url, { json: Object.fromEntries(props.map((p) => [p, v])) }, `all=${v}`);
        for (const json of [{}, [], 'abc', null, 1e308, Object.fromEntries(props.map((p) => [p, ['a', 'b']])), Object.fromEntries(props.map((p) => [p, { x: 1 }]))]) {
          await send(m, url, { json }, `body=${JSON.stringify(json).slice(0, 40)}`);
        }
      }
    }
    expect(covered).toBeGreaterThan(60);
    expect(failures).toEqual([]);
  }, 600_000);
});
