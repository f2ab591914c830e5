import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { prettyStream } from './log-format.js';

/** Query parameters whose values are secrets (emailed tokens) and must never reach a log line. */
const SECRET_PARAMS = /([?&](?:token|password|_csrf)=)[^&]*/gi;
/** The same, URL-encoded inside another parameter (a sign-in page's `next`). */
const ENCODED_SECRET_PARAMS = /((?:%3F|%26)(?:token|password|_csrf)%3D)(?:(?!%26)[^&])*/gi;

/**
 * Strip secrets from a URL before it is logged.
 * @example redactUrl('/en/account/confirm?token=abc') // '/en/account/confirm?token=[redacted]'
 */
export function redactUrl(url: string): string {
  return url.replace(SECRET_PARAMS, '$1[redacted]').replace(ENCODED_SECRET_PARAMS, '$1[redacted]');
}

/**
 * Pino options: request id on every line (Fastify's child logger), secrets redacted, written
 * as JSON or as readable lines (config.logFormat: LOG_FORMAT, else readable in development only).
 */
export function loggerOptions(config: Config, override?: boolean | { stream: NodeJS.WritableStream; level?: string }) {
  if (override === false) return false;
  const base = {
    level: typeof override === 'object' ? (override.level ?? 'info') : config.logLevel,
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', '*.password', '*.token'],
      censor: '[redacted]',
    },
    serializers: {
      req(req: FastifyRequest) {
        return { method: req.method, url: redactUrl(req.url), remoteAddress: req.ip };
      },
    },
  };
  // Pretty lines are made from pino's JSON after redaction: the format never decides what is hidden.
  const stream = typeof override === 'object' ? override.stream : undefined;
  if (config.logFormat === 'pretty') return { ...base, stream: prettyStream(stream ?? process.stdout) };
  return stream ? { ...base, stream } : base;
}
