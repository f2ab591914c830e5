import type { FastifyReply } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/**
 * Render a page to HTML and send it. Preact escapes every string it renders, so user
 * content cannot become markup; the one exception is web/markdown.ts, whose output comes
 * from markdown-it with raw HTML off.
 */
export function sendPage(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  return reply.status(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(renderPage(page));
}

/** A page as the HTML string sendPage would send. */
export function renderPage(page: VNode): string {
  return `<!doctype html>${renderToString(page)}`;
}
