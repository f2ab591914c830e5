import { Writable } from 'node:stream';

/**
 * Readable log lines for a terminal: what pino-pretty does, in the few lines Concord needs
 * (pino-pretty is not a dependency). Pino writes JSON lines, already redacted (logging.ts);
 * this only reshapes them, so nothing a JSON line hides can show up here.
 *
 *   17:02:11.384 INFO  request completed  GET /en/ 200 12 ms  reqId=…
 */

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const COLOURS: Record<number, string> = { 10: '90', 20: '36', 30: '32', 40: '33', 50: '31', 60: '35' };
/** Fields shown in their own place, or that say nothing to a reader (pid, hostname). */
const SHOWN = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'req', 'res', 'responseTime', 'err', 'v']);

interface Entry {
  level?: number;
  time?: number;
  msg?: string;
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
  err?: { type?: string; message?: string; stack?: string };
  [key: string]: unknown;
}

function value(v: unknown): string {
  if (typeof v === 'string') return /[\s"=]/.test(v) ? JSON.stringify(v) : v;
  return JSON.stringify(v);
}

/**
 * One JSON log line as a readable one (with colours for a terminal). A line that is not JSON
 * is passed through as it is.
 * @example prettyLine('{"level":30,"time":0,"msg":"hi","a":1}') // '00:00:00.000 INFO  hi  a=1'
 */
export function prettyLine(line: string, colour = false): string {
  let e: Entry;
  try {
    e = JSON.parse(line) as Entry;
  } catch {
    return line;
  }
  const time = new Date(e.time ?? Date.now()).toISOString().slice(11, 23);
  const level = (LEVELS[e.level ?? 30] ?? String(e.level)).padEnd(5);
  const parts = [time, colour ? `\x1b[${COLOURS[e.level ?? 30] ?? '0'}m${level}\x1b[0m` : level, e.msg ?? ''];
  const request = [e.req?.method, e.req?.url, e.res?.statusCode, e.responseTime === undefined ? undefined : `${Math.round(e.responseTime)} ms`].filter((x) => x !== undefined);
  if (request.length) parts.push(` ${request.join(' ')}`);
  const rest = Object.entries(e)
    .filter(([k]) => !SHOWN.has(k))
    .map(([k, v]) => `${k}=${value(v)}`);
  if (rest.length) parts.push(` ${rest.join(' ')}`);
  let out = parts.join(' ');
  if (e.err) out += `\n  ${e.err.stack ?? `${e.err.type ?? 'Error'}: ${e.err.message ?? ''}`}`.replace(/\n/g, '\n  ');
  return out;
}

/** A stream for pino that writes each line readable to `out` (colours when it is a terminal). */
export function prettyStream(out: NodeJS.WritableStream = process.stdout): Writable {
  const colour = (out as { isTTY?: boolean }).isTTY === true;
  let partial = '';
  return new Writable({
    write(chunk: Buffer | string, _enc, done) {
      const lines = (partial + String(chunk)).split('\n');
      partial = lines.pop() ?? '';
      for (const l of lines) if (l) out.write(`${prettyLine(l, colour)}\n`);
      done();
    },
  });
}
