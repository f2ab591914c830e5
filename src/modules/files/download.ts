import type { FastifyReply } from 'fastify';
import type { StoredFile } from './files.store.js';

/**
 * A Content-Disposition that always downloads, with the real name in RFC 5987 form and a
 * plain-ASCII fallback for old clients.
 * @example contentDisposition('Rapport été.pdf') // `attachment; filename="Rapport _t_.pdf"; filename*=UTF-8''Rapport%20%C3%A9t%C3%A9.pdf`
 */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** The Content-Type a stored file is served with; text is always UTF-8 (it was checked so on upload). */
export function servedType(mediaType: string): string {
  return mediaType.startsWith('text/') ? `${mediaType}; charset=utf-8` : mediaType;
}

/**
 * Send a stored file as a download. nosniff and a sandboxing CSP stop a browser from
 * treating an uploaded file as a page of this site, whatever it contains.
 */
export function sendFile(reply: FastifyReply, file: { meta: StoredFile; data: Buffer }, opts: { publicCache: boolean }): FastifyReply {
  return (
    reply
      .header('content-type', servedType(file.meta.mediaType))
      .header('content-disposition', contentDisposition(file.meta.name))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('etag', `"${file.meta.sha256}"`)
      // A file stops being public when a moderator changes their mind, so shared caches keep it briefly.
      .header('cache-control', opts.publicCache ? 'public, max-age=300' : 'private, no-store')
      .send(file.data)
  );
}
