import { LOCALES, type Lang } from '../i18n/i18n.js';

/**
 * Wall-clock time in a named zone, the one library every module uses. Concord stores
 * instants; people enter and read wall-clock times in the zone of the thing (a meeting, a
 * comment period, a consensus deadline), and every page names that zone. Showing each
 * reader their own zone would need JavaScript or a per-person setting.
 */

// Building an Intl.DateTimeFormat costs far more than formatting with one: keep one per zone.
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

/** The wall-clock fields of an instant in a zone. */
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

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant cut to the whole second (the precision windows are set and enforced to). */
export function toSecond(d: Date): Date {
  return new Date(Math.floor(d.getTime() / 1000) * 1000);
}

/**
 * The instant a wall-clock time (as a datetime-local field sends it) names in a zone;
 * undefined when it is not a real time. In a spring-forward gap the later offset applies.
 * @example localToInstant('2019-02-25T09:00', 'America/Toronto')?.toISOString() // '2019-02-25T14:00:00.000Z'
 */
export function localToInstant(local: string, zone: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0)) as Fields;
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(wall);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return undefined;
  // Two passes: the offset at the first guess may differ from the one at the answer (DST).
  const first = wall - offsetMs(zone, wall);
  return new Date(wall - offsetMs(zone, first));
}

/**
 * The instant a start or end input names: with an offset it is one already; without, it is
 * a wall-clock time in the zone (see localToInstant). An invalid date when it is neither.
 * @example toInstant('2019-04-18T09:00', 'America/Toronto').toISOString() // '2019-04-18T13:00:00.000Z'
 */
export function toInstant(input: string, timeZone: string): Date {
  if (/(Z|[+-]\d{2}:\d{2})$/.test(input)) return new Date(input);
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
