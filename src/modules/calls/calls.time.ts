import { LOCALES, type Lang } from '../../platform/i18n/i18n.js';
import type { CallState } from './calls.schema.js';

/**
 * Where a call stands at an instant. The window is half-open, to the second: open from
 * opens_at inclusive until closes_at exclusive, so at closes_at it is closed.
 */
export function callState(call: { opens_at: Date; closes_at: Date }, now: Date = new Date()): CallState {
  if (now.getTime() < call.opens_at.getTime()) return 'upcoming';
  return now.getTime() < call.closes_at.getTime() ? 'open' : 'closed';
}

/** An instant cut to the whole second (the precision calls are set and enforced to). */
export function toSecond(d: Date): Date {
  return new Date(Math.floor(d.getTime() / 1000) * 1000);
}

const wallParts = (zone: string) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });

/** The wall-clock fields of an instant in a zone. */
function wallClock(ms: number, zone: string): number[] {
  const parts = wallParts(zone).formatToParts(new Date(ms));
  return ['year', 'month', 'day', 'hour', 'minute', 'second'].map((type) => Number(parts.find((p) => p.type === type)?.value));
}

/** How far a zone's clocks are ahead of UTC at an instant, in ms. */
function offsetAt(ms: number, zone: string): number {
  const [y = 0, mo = 1, d = 1, h = 0, mi = 0, s = 0] = wallClock(ms, zone);
  return Date.UTC(y, mo - 1, d, h, mi, s) - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant a wall-clock time (as a datetime-local field sends it) names in a zone;
 * undefined when it is not a real time. In a spring-forward gap the later offset applies.
 * @example localToInstant('2019-02-25T09:00', 'America/Toronto')?.toISOString() // '2019-02-25T14:00:00.000Z'
 */
export function localToInstant(local: string, zone: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(wall);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return undefined;
  // Two passes: the offset at the first guess may differ from the one at the answer (DST).
  const first = wall - offsetAt(wall, zone);
  return new Date(wall - offsetAt(first, zone));
}

/** An instant as a datetime-local value in a zone, to the second. */
export function instantToLocal(d: Date, zone: string): string {
  const [y, mo, day, h, mi, s] = wallClock(d.getTime(), zone).map((n) => String(n).padStart(2, '0'));
  return `${y}-${mo}-${day}T${h}:${mi}:${s}`;
}

// Building an Intl.DateTimeFormat costs far more than formatting with one: keep one per language and zone.
const instantFormats = new Map<string, Intl.DateTimeFormat>();

/** An instant for people, to the second, with the zone named (calls close to the second). */
export function formatInstant(lang: Lang, d: Date, zone: string): string {
  const key = `${lang} ${zone}`;
  let f = instantFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeStyle: 'long', timeZone: zone });
    instantFormats.set(key, f);
  }
  return f.format(d);
}

/** The same instant formatted in both languages, for a message whose language is chosen later. */
export function bothLangs(d: Date, zone: string): { en: string; fr: string } {
  return { en: formatInstant('en', d, zone), fr: formatInstant('fr', d, zone) };
}
