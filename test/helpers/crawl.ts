import type { FastifyInstance } from 'fastify';
import type { RouteEntry } from '../../src/platform/http/authorization.js';

/** A form found on a page: where it posts, and its fields as the page filled them. */
export interface FoundForm {
  action: string;
  method: string;
  fields: [string, string][];
}

/** What a crawl saw: one or two concrete URLs per route, and one form per action route. */
export interface CrawlResult {
  /** Route key (`GET /en/processes/:processSlug`) → concrete URLs seen (with their query strings). */
  urls: Map<string, string[]>;
  /** Route key of the form's action → the form. */
  forms: Map<string, FoundForm>;
  /** Path parameter name → a real value seen in some URL. */
  params: Map<string, string>;
}

const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/** A route pattern as a regular expression over concrete paths, with its parameter names. */
function matcher(url: string): { re: RegExp; names: string[] } {
  const names: string[] = [];
  const body = url
    .split('/')
    .map((seg) => {
      if (seg === '*') return '.*';
      return seg.replace(/:(\w+)|([^:]+)/g, (_m, name: string | undefined, lit: string | undefined) => {
        if (name) {
          names.push(name);
          return '([^/]+)';
        }
        return lit!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      });
    })
    .join('/');
  return { re: new RegExp(`^${body}$`), names };
}

/**
 * Find the route a concrete path belongs to: among the routes of that method whose pattern
 * matches, the one with the fewest parameters (a static segment wins over `:param`).
 */
export function routeFinder(routes: readonly RouteEntry[]) {
  const compiled = routes.map((r) => ({ r, ...matcher(r.url) }));
  return (method: string, path: string): { route: RouteEntry; params: Record<string, string> } | undefined => {
    let best: { route: RouteEntry; params: Record<string, string>; n: number } | undefined;
    for (const c of compiled) {
      if (c.r.method !== method) continue;
      const m = c.re.exec(path);
      if (!m) continue;
      if (best && best.n <= c.names.length) continue;
      best = { route: c.r, params: Object.fromEntries(c.names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)])), n: c.names.length };
    }
    return best && { route: best.route, params: best.params };
  };
}

/** The forms of a page: action, method and fields (inputs, selects with their chosen option, textareas). */
export function formsIn(html: string, pageUrl: string): FoundForm[] {
  const out: FoundForm[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const attrs = m[1]!;
    const inner = m[2]!;
    const action = decode(/\baction="([^"]*)"/.exec(attrs)?.[1] ?? pageUrl);
    const method = (/\bmethod="([^"]*)"/.exec(attrs)?.[1] ?? 'get').toUpperCase();
    const fields: [string, string][] = [];
    for (const i of inner.matchAll(/<input\b([^>]*)>/g)) {
      const a = i[1]!;
      const name = /\bname="([^"]*)"/.exec(a)?.[1];
      if (!name) continue;
      const type = /\btype="([^"]*)"/.exec(a)?.[1] ?? 'text';
      if ((type === 'checkbox' || type === 'radio') && !/\bchecked\b/.test(a)) continue;
      if (type === 'file') continue;
      fields.push([decode(name), decode(/\bvalue="([^"]*)"/.exec(a)?.[1] ?? '')]);
    }
    for (const s of inner.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
      const name = /\bname="([^"]*)"/.exec(s[1]!)?.[1];
      if (!name) continue;
      const chosen = /<option\b[^>]*\bselected\b[^>]*>/.exec(s[2]!)?.[0] ?? /<option\b[^>]*>/.exec(s[2]!)?.[0] ?? '';
      fields.push([decode(name), decode(/\bvalue="([^"]*)"/.exec(chosen)?.[1] ?? '')]);
    }
    for (const ta of inner.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
      const name = /\bname="([^"]*)"/.exec(ta[1]!)?.[1];
      if (name) fields.push([decode(name), decode(ta[2]!)]);
    }
    out.push({ action, method, fields });
  }
  return out;
}

/**
 * Walk the site's pages from `start`, as the holder of `cookie`, following links under
 * `prefix`: at most `perRoute` concrete URLs per route, so a site with thousands of comments
 * costs a few hundred requests. Records the forms and the real values of path parameters.
 */
export async function crawl(app: FastifyInstance, opts: { start: string[]; prefix: string; cookie: string; perRoute?: number; skip?: (path: string) => boolean }): Promise<CrawlResult> {
  const find = routeFinder(app.routeCatalog);
  const perRoute = opts.perRoute ?? 2;
  const result: CrawlResult = { urls: new Map(), forms: new Map(), params: new Map() };
  const seen = new Set<string>();
  const queue = [...opts.start];
  const note = (method: string, url: string) => {
    const path = url.split(/[?#]/)[0]!;
    const found = find(method, path);
    if (!found) return undefined;
    for (const [k, v] of Object.entries(found.params)) if (!result.params.has(k)) result.params.set(k, v);
    return `${found.route.method} ${found.route.url}`;
  };
  while (queue.length > 0) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const key = note('GET', url);
    if (!key) continue;
    const list = result.urls.get(key) ?? [];
    if (list.length >= perRoute) continue;
    list.push(url);
    result.urls.set(key, list);
    const res = await app.inject({ method: 'GET', url, headers: { cookie: opts.cookie } });
    if (!String(res.headers['content-type'] ?? '').startsWith('text/html')) continue;
    for (const form of formsIn(res.body, url.split('#')[0]!)) {
      const formKey = note(form.method, form.action.split('?')[0]!);
      if (formKey && !result.forms.has(formKey)) result.forms.set(formKey, form);
    }
    for (const h of res.body.matchAll(/\bhref="([^"#]+)/g)) {
      const href = decode(h[1]!);
      if (href.startsWith(opts.prefix) && !seen.has(href) && !(opts.skip?.(href) ?? false)) queue.push(href);
    }
  }
  return result;
}
