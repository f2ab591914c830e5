import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/**
 * A browser-like client over app.inject(): keeps cookies, and fills in the CSRF token from
 * the last page it fetched, so tests read like a person using the site.
 */
export class Client {
  cookies = new Map<string, string>();
  lastHtml = '';
  lastToken: string | undefined;
  constructor(
    readonly app: FastifyInstance,
    readonly headers: Record<string, string> = {},
    /** The address the requests come from (app.inject's default, 127.0.0.1, when not given). */
    readonly remoteAddress?: string,
  ) {}

  private from(): { remoteAddress?: string } {
    return this.remoteAddress ? { remoteAddress: this.remoteAddress } : {};
  }

  private remember(res: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && new Date(c.expires).getTime() < Date.now()) || c.maxAge === 0) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    if (String(res.headers['content-type'] ?? '').startsWith('text/html')) {
      this.lastHtml = res.body;
      const m = /name="_csrf" value="([^"]+)"/.exec(res.body);
      if (m) this.lastToken = m[1]!;
    }
    return res;
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.remember(await this.app.inject({ ...this.from(), method: 'GET', url, headers: { ...this.headers, cookie: this.cookieHeader(), ...headers } }));
  }

  /** The CSRF token from the last page that had a form. */
  csrf(): string {
    if (!this.lastToken) throw new Error('no page with a form fetched yet');
    return this.lastToken;
  }

  /**
   * Submit a form; the CSRF token comes from the last page unless `_csrf` is given (or null to
   * omit it). An array sends the field once per value, as a hand-made request could.
   */
  async post(url: string, fields: Record<string, string | string[] | null> = {}, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams();
    const withToken = '_csrf' in fields ? fields : { _csrf: this.csrf(), ...fields };
    for (const [k, v] of Object.entries(withToken)) for (const one of v === null ? [] : Array.isArray(v) ? v : [v]) body.append(k, one);
    return this.remember(
      await this.app.inject({
        ...this.from(),
        method: 'POST',
        url,
        payload: body.toString(),
        headers: { ...this.headers, 'content-type': 'application/x-www-form-urlencoded', cookie: this.cookieHeader(), ...headers },
      }),
    );
  }

  async json(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.remember(
      await this.app.inject({
        ...this.from(),
        method,
        url,
        ...(payload === undefined ? {} : { payload: payload as object }),
        headers: { ...this.headers, cookie: this.cookieHeader(), ...headers },
      }),
    );
  }
}

/** The links in a text (an email body), for following them in a test. */
export function linksIn(text: string): string[] {
  return [...text.matchAll(/https?:\/\/[^\s"<>]+/g)].map((m) => m[0]);
}

/** The path and query of an absolute URL, for app.inject(). */
export function pathOf(url: string): string {
  const u = new URL(url);
  return u.pathname + u.search;
}
