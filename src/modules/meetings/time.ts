import { LOCALES, type Lang } from '../../platform/i18n/i18n.js';

/**
 * Meeting times: stored as instants, entered and shown as wall-clock times in the meeting's
 * own zone. Showing each viewer their own zone would need JavaScript or a per-person
 * setting; instead the page names the meeting's zone and offers the .ics, which every
 * calendar converts to its owner's zone.
 */

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(zone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    partsFormatters.set(zone, f);
  }
  return f;
}

type Fields = [year: number, month: number, day: number, hour: number, minute: number, second: number];

function wallFields(zone: string, t: number): Fields {
  const p: Record<string, number> = {};
  for (const part of partsFormatter(zone).formatToParts(new Date(t))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return [p.year ?? 0, p.month ?? 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0];
}

/** Milliseconds the zone is ahead of UTC at an instant. */
function offsetMs(zone: string, t: number): number {
  const whole = Math.floor(t / 1000) * 1000;
  const [y, mo, d, h, mi, s] = wallFields(zone, whole);
  return Date.UTC(y, mo - 1, d, h, mi, s) - whole;
}

/**
 * The instant a start or end input names: with an offset it is one already; without, it is
 * a wall-clock time in the zone (a time skipped by a DST change moves forward by the gap).
 * @example toInstant('2019-04-18T09:00', 'America/Toronto').toISOString() // '2019-04-18T13:00:00.000Z'
 */
export function toInstant(input: string, timeZone: string): Date {
  if (/(Z|[+-]\d{2}:\d{2})$/.test(input)) return new Date(input);
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(input);
  if (!m) return new Date(NaN);
  const [, y, mo, d, h, mi, s] = m;
  const asUtc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  const first = asUtc - offsetMs(timeZone, asUtc);
  const second = asUtc - offsetMs(timeZone, first);
  return new Date(second);
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The wall-clock time in a zone, as a datetime-local field shows it.
 * @example wallTime(new Date('2019-04-18T13:00:00Z'), 'America/Toronto') // '2019-04-18T09:00'
 */
export function wallTime(at: Date, timeZone: string): string {
  const [y, mo, d, h, mi] = wallFields(timeZone, at.getTime());
  return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}`;
}

/**
 * A meeting's time span in a language, in the meeting's zone, with the zone named.
 * @example formatSpan('en', start, end, 'America/Toronto') // 'April 18, 2019, 9:00 a.m.–4:30 p.m. (America/Toronto)'
 */
export function formatSpan(lang: Lang, start: Date, end: Date, timeZone: string): string {
  const f = new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeStyle: 'short', timeZone });
  return `${f.formatRange(start, end)} (${timeZone})`;
}

/** True while a meeting is under way: it has started and not yet ended. */
export function isLive(m: { starts_at: Date; ends_at: Date; status: string }, now: Date = new Date()): boolean {
  return m.status === 'scheduled' && m.starts_at.getTime() <= now.getTime() && now.getTime() <= m.ends_at.getTime();
}
