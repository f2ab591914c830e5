import { offsetMs, wallFields, type Fields } from './zone-offset.js';

/**
 * Reading what people type as a date and time. Two things go wrong silently with Date:
 * it rolls 30 February over into 2 March, and a wall-clock time read in a zone can name no
 * instant (the hour skipped when clocks spring forward) or two (the hour repeated when they
 * fall back). Here the calendar is checked field by field, a skipped time is refused with
 * the time that does exist, and a repeated one is read as its first occurrence, as RFC 5545
 * (iCalendar, which our .ics feeds speak) reads it.
 */

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/;
const STAMP = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)(Z|[+-]\d{2}:\d{2})$/;

const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True when year, month and day name a day of the Gregorian calendar. */
export function isCalendarDay(y: number, mo: number, d: number): boolean {
  return mo >= 1 && mo <= 12 && d >= 1 && d <= (mo === 2 && leap(y) ? 29 : (DAYS[mo - 1] ?? 0));
}

/**
 * A date as 'YYYY-MM-DD' when it is a real day (no 30 February, no month 13).
 * @example isIsoDate('2028-02-29') // true; isIsoDate('2027-02-29') // false
 */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return !!m && isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * The fields of a wall-clock time as a datetime-local field sends it ('2027-03-14T02:30',
 * seconds optional); undefined when it is not a real date and time (30 February, 24:00, month 13).
 */
export function readWallClock(s: string): Fields | undefined {
  const m = WALL.exec(s.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi, sec] = m.slice(1, 7).map((v) => Number(v ?? 0)) as Fields;
  if (!isCalendarDay(y, mo, d) || h > 23 || mi > 59 || sec > 59) return undefined;
  return [y, mo, d, h, mi, sec];
}

/** True for an instant with its offset ('2027-04-18T13:00:00Z', '…-04:00') whose date and time are real. */
export function isStamp(s: string): boolean {
  const m = STAMP.exec(s.trim());
  return !!m?.[1] && readWallClock(m[1]) !== undefined;
}

/** What a wall-clock time names in a zone. */
export type WallReading =
  | { kind: 'ok'; at: Date }
  /** Clocks fell back: the time happened twice; `at` is the first (RFC 5545), `later` the second. */
  | { kind: 'overlap'; at: Date; later: Date }
  /** Clocks sprang forward over it: `suggestion` is the wall-clock time it would be read as, `later` that instant. */
  | { kind: 'gap'; suggestion: string; later: Date }
  | { kind: 'invalid' };

const pad = (n: number) => String(n).padStart(2, '0');
const HOUR_MS = 3_600_000;

/**
 * Read a wall-clock time in a named zone, telling apart a skipped time and a repeated one.
 * @example resolveWallClock('2027-03-14T02:30', 'America/Toronto') // { kind: 'gap', suggestion: '2027-03-14T03:30', … }
 */
export function resolveWallClock(local: string, zone: string): WallReading {
  const f = readWallClock(local);
  if (!f) return { kind: 'invalid' };
  const [y, mo, d, h, mi, s] = f;
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  // The offsets in force a day either side cover every transition (none are closer together).
  const offsets = [...new Set([offsetMs(zone, wall - 24 * HOUR_MS), offsetMs(zone, wall), offsetMs(zone, wall + 24 * HOUR_MS)])];
  const fits = offsets
    .map((o) => wall - o)
    .filter((t) => {
      const [a, b, c, dd, e, g] = wallFields(zone, t);
      return Date.UTC(a, b - 1, c, dd, e, g) === wall;
    })
    .sort((a, b) => a - b);
  const [first, second] = fits;
  if (first !== undefined && second !== undefined && second !== first) return { kind: 'overlap', at: new Date(first), later: new Date(second) };
  if (first !== undefined) return { kind: 'ok', at: new Date(first) };
  // Skipped: read with the offset before the gap (RFC 5545), which lands after it.
  const later = wall - offsetMs(zone, wall - 24 * HOUR_MS);
  const [a, b, c, dd, e, g] = wallFields(zone, later);
  return { kind: 'gap', later: new Date(later), suggestion: `${a}-${pad(b)}-${pad(c)}T${pad(dd)}:${pad(e)}${g ? `:${pad(g)}` : ''}` };
}
