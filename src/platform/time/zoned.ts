import { LOCALES, type Lang } from '../i18n/i18n.js';
import { isStamp, resolveWallClock } from './wall-clock.js';
import { wallFields } from './zone-offset.js';

/**
 * Wall-clock time in a named zone, the one library every module uses. Concord stores
 * instants; people enter and read wall-clock times in the zone of the thing (a meeting, a
 * comment period, a consensus deadline), and every page names that zone. Showing each
 * reader their own zone would need JavaScript or a per-person setting.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant cut to the whole second (the precision windows are set and enforced to). */
export function toSecond(d: Date): Date {
  return new Date(Math.floor(d.getTime() / 1000) * 1000);
}

/**
 * The instant a wall-clock time (as a datetime-local field sends it) names in a zone;
 * undefined when it is not a real time. In a fall-back overlap the first occurrence; in a
 * spring-forward gap the offset before the gap (RFC 5545) — forms refuse gaps first, see
 * wall-clock.ts, so only code with no one to ask (demo data) meets this reading.
 * @example localToInstant('2019-02-25T09:00', 'America/Toronto')?.toISOString() // '2019-02-25T14:00:00.000Z'
 */
export function localToInstant(local: string, zone: string): Date | undefined {
  const r = resolveWallClock(local, zone);
  return r.kind === 'ok' || r.kind === 'overlap' ? r.at : r.kind === 'gap' ? r.later : undefined;
}

/**
 * The instant a start or end input names: with an offset it is one already; without, it is
 * a wall-clock time in the zone (see localToInstant). An invalid date when it is neither.
 * @example toInstant('2019-04-18T09:00', 'America/Toronto').toISOString() // '2019-04-18T13:00:00.000Z'
 */
export function toInstant(input: string, timeZone: string): Date {
  // Date would roll 30 February over into March: the calendar is checked first.
  if (/(Z|[+-]\d{2}:\d{2})$/.test(input)) return isStamp(input) ? new Date(input) : new Date(NaN);
  return localToInstant(input, timeZone) ?? new Date(NaN);
}

/** An instant as a datetime-local value in a zone, to the second. */
export function instantToLocal(d: Date, zone: string): string {
  const [y, mo, day, h, mi, s] = wallFields(zone, d.getTime());
  return `${y}-${pad(mo)}-${pad(day)}T${pad(h)}:${pad(mi)}:${pad(s)}`;
}

/**
 * The wall-clock time in a zone to the minute, as a datetime-local field shows it.
 * @example wallTime(new Date('2019-04-18T13:00:00Z'), 'America/Toronto') // '2019-04-18T09:00'
 */
export function wallTime(at: Date, timeZone: string): string {
  return instantToLocal(at, timeZone).slice(0, 16);
}

const instantFormats = new Map<string, Intl.DateTimeFormat>();

/** An instant for people, to the second, with the zone named (windows close to the second). */
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

/**
 * A time span in a language, in a zone, with the zone named.
 * @example formatSpan('en', start, end, 'America/Toronto') // 'April 18, 2019, 9:00 a.m.–4:30 p.m. (America/Toronto)'
 */
export function formatSpan(lang: Lang, start: Date, end: Date, timeZone: string): string {
  const f = new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeStyle: 'short', timeZone });
  return `${f.formatRange(start, end)} (${timeZone})`;
}
