import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

/**
 * A bare Fastify server whose routes return fixed HTML strings: the same bytes as the Concord
 * pages they stand for, so each pair differs only in the work done per request. Arguments
 * are `path=file` pairs; a lone `file` is served at `/`; none serves a sample page at `/`.
 */
export async function startBare(args: string[] = []): Promise<{ url: string; stop: () => Promise<void> }> {
  const routes = args.length === 0 ? [['/', fallbackHtml()] as const] : args.map((a) => {
    const eq = a.indexOf('=');
    return eq > 0 ? ([a.slice(0, eq), readFileSync(a.slice(eq + 1), 'utf8')] as const) : (['/', readFileSync(a, 'utf8')] as const);
  });
  const app = Fastify({ logger: false });
  for (const [route, html] of routes) {
    app.get(route, (_req, reply) => {
      void reply.type('text/html; charset=utf-8').send(html);
    });
  }
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { url, stop: () => app.close() };
}

/** About the size of the home page, for running the bare server on its own. */
function fallbackHtml(): string {
  const items = Array.from({ length: 60 }, (_, i) => `<li><a href="/en/item/${i}">Item ${i}</a> — a line of text about it.</li>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench</title></head><body><main><h1>Bench</h1><ul>${items}</ul></main></body></html>`;
}
