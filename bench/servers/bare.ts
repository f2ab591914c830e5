import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

/**
 * A bare Fastify server with one route that returns a fixed HTML string: the same bytes as
 * Concord's home page when a file is given, so the two differ only in the work done per
 * request.
 */
export async function startBare(htmlFile?: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const html = htmlFile ? readFileSync(htmlFile, 'utf8') : fallbackHtml();
  const app = Fastify({ logger: false });
  app.get('/', (_req, reply) => {
    void reply.type('text/html; charset=utf-8').send(html);
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { url, stop: () => app.close() };
}

/** About the size of the home page, for running the bare server on its own. */
function fallbackHtml(): string {
  const items = Array.from({ length: 60 }, (_, i) => `<li><a href="/en/item/${i}">Item ${i}</a> — a line of text about it.</li>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench</title></head><body><main><h1>Bench</h1><ul>${items}</ul></main></body></html>`;
}
