/**
 * RFC 5545 iCalendar writer for meeting calendars: one VCALENDAR with a VTIMEZONE for every
 * zone its events use, built from the IANA database that Node's Intl carries, so calendar
 * apps show a 9:00 Toronto meeting at 9:00 Toronto time even on the far side of a DST change.
 */

/** One meeting as a calendar event. Times are instants; `timeZone` says how to write them. */
export interface IcalEvent {
  /** Stable across edits, so a calendar updates the event instead of adding another. */
  uid: string;
  /** Bumped on every significant change (time, place, cancellation). */
  sequence: number;
  status: 'CONFIRMED' | 'CANCELLED' | 'TENTATIVE';
  start: Date;
  end: Date;
  /** An IANA zone name, e.g. 'America/Toronto'. */
  timeZone: string;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  created?: Date;
  lastModified?: Date;
  organizer?: { name: string; email: string };
}

/** What a calendar is made of. */
export interface IcalCalendarOptions {
  name: string;
  events: IcalEvent[];
  /** iTIP method; leave it out for a subscribed feed. REQUEST and CANCEL need an organizer. */
  method?: 'PUBLISH' | 'REQUEST' | 'CANCEL';
  prodId?: string;
  /** When this copy was made (DTSTAMP); defaults to now. Fixed in tests and for stable ETags. */
  now?: Date;
}

const DEFAULT_PROD_ID = '-//Concord//Concord//EN';
const DAY_MS = 86_400_000;

/**
 * A whole iCalendar object, with CRLF line endings and lines folded at 75 octets.
 * @example icalCalendar({ name: 'Device labelling', events: [meeting] }) // 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\n…'
 */
export function icalCalendar(opts: IcalCalendarOptions): string {
  const now = opts.now ?? new Date();
  const lines: string[] = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${escapeText(opts.prodId ?? DEFAULT_PROD_ID)}`, 'CALSCALE:GREGORIAN'];
  if (opts.method) lines.push(`METHOD:${opts.method}`);
  lines.push(`NAME:${escapeText(opts.name)}`, `X-WR-CALNAME:${escapeText(opts.name)}`);

  // The years each zone must cover, from the earliest start to the latest end written in it.
  const spans = new Map<string, { from: number; to: number }>();
  for (const e of opts.events) {
    checkDate(e.start, 'start');
    checkDate(e.end, 'end');
    if (e.end < e.start) throw new RangeError(`icalCalendar: event ${e.uid} ends before it starts`);
    const from = wallClock(e.timeZone, e.start.getTime()).year;
    const to = wallClock(e.timeZone, e.end.getTime()).year;
    const span = spans.get(e.timeZone);
    spans.set(e.timeZone, span ? { from: Math.min(span.from, from), to: Math.max(span.to, to) } : { from, to });
  }
  for (const zone of [...spans.keys()].sort()) {
    const span = spans.get(zone)!;
    lines.push(...vtimezone(zone, span.from, span.to));
  }
  for (const e of opts.events) lines.push(...vevent(e, now));

  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

function vevent(e: IcalEvent, now: Date): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(e.uid)}`,
    `DTSTAMP:${utcStamp(now)}`,
    `SEQUENCE:${Math.max(0, Math.trunc(e.sequence))}`,
    `STATUS:${e.status}`,
    zonedProperty('DTSTART', e.start, e.timeZone),
    zonedProperty('DTEND', e.end, e.timeZone),
    `SUMMARY:${escapeText(e.summary)}`,
  ];
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  // URI values are not TEXT: no backslash escaping, but never a control character.
  if (e.url) lines.push(`URL:${stripControls(e.url)}`);
  if (e.organizer) {
    lines.push(`ORGANIZER;CN=${quoteParam(e.organizer.name)}:mailto:${stripControls(e.organizer.email).replace(/\s/g, '')}`);
  }
  if (e.created) lines.push(`CREATED:${utcStamp(checkDate(e.created, 'created'))}`);
  if (e.lastModified) lines.push(`LAST-MODIFIED:${utcStamp(checkDate(e.lastModified, 'lastModified'))}`);
  lines.push('END:VEVENT');
  return lines;
}

/**
 * `NAME;TZID=zone:local-time`, or the UTC form when that wall time occurs twice (the hour
 * after a fall-back). RFC 5545 reads a repeated time as its first occurrence but clients
 * disagree (ical.js takes the second), so only UTC says it for all of them.
 */
function zonedProperty(name: string, at: Date, zone: string): string {
  const t = Math.floor(at.getTime() / 1000) * 1000;
  const local = wallClock(zone, t);
  const instants = instantsOf(zone, local, t);
  if (instants.length !== 1 || instants[0] !== t) return `${name}:${utcStamp(new Date(t))}`;
  return `${name};TZID=${zone}:${formatWall(local)}`;
}

/** The instants within a day of `t` whose wall time in the zone is `local` (two in a fall-back hour). */
function instantsOf(zone: string, local: Wall, t: number): number[] {
  const asUtc = wallAsUtc(local);
  const candidates = new Set([t - DAY_MS, t, t + DAY_MS].map((x) => asUtc - offsetMs(zone, x)));
  return [...candidates].filter((c) => formatWall(wallClock(zone, c)) === formatWall(local));
}

// ---------------------------------------------------------------------------------------------
// VTIMEZONE

interface Transition {
  at: number;
  from: number;
  to: number;
}

/**
 * A VTIMEZONE covering the local years `fromYear`–`toYear`: a first observance at local midnight
 * on 1 January of `fromYear` (the offset then in force), then one STANDARD or DAYLIGHT
 * sub-component per transition found in the span. Explicit transitions need no RRULE, so
 * they stay right even in years a zone changed its rules.
 */
function vtimezone(zone: string, fromYear: number, toYear: number): string[] {
  const begin = localMidnightJan1(zone, fromYear);
  const end = localMidnightJan1(zone, toYear + 1);
  const transitions = transitionsBetween(zone, begin, end);
  const startOffset = offsetMs(zone, begin);
  const observances: Transition[] = [{ at: begin, from: startOffset, to: startOffset }, ...transitions];
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  for (const o of observances) {
    const kind = o.to > standardOffset(zone, o.at) ? 'DAYLIGHT' : 'STANDARD';
    lines.push(
      `BEGIN:${kind}`,
      // The onset is written in the local time that was in force just before it.
      `DTSTART:${formatWall(wallFromUtcFields(o.at + o.from))}`,
      `TZOFFSETFROM:${formatOffset(o.from)}`,
      `TZOFFSETTO:${formatOffset(o.to)}`,
    );
    const abbreviation = zoneAbbreviation(zone, o.at);
    if (abbreviation) lines.push(`TZNAME:${abbreviation}`);
    lines.push(`END:${kind}`);
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

const transitionCache = new Map<string, Transition[]>();

/**
 * Every offset change in [begin, end): sample daily (no zone changes twice within a day), then
 * narrow each change down to the second by bisection. Memoised per zone and span.
 */
function transitionsBetween(zone: string, begin: number, end: number): Transition[] {
  const key = `${zone} ${begin} ${end}`;
  const cached = transitionCache.get(key);
  if (cached) return cached;
  const found: Transition[] = [];
  let prev = begin;
  let prevOffset = offsetMs(zone, begin);
  for (let t = begin + DAY_MS; prev < end; t += DAY_MS) {
    const probe = Math.min(t, end);
    const probeOffset = offsetMs(zone, probe);
    if (probeOffset !== prevOffset) {
      let lo = prev; // offset here is prevOffset
      let hi = probe; // offset here is probeOffset
      while (hi - lo > 1000) {
        const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
        if (offsetMs(zone, mid) === prevOffset) lo = mid;
        else hi = mid;
      }
      if (hi < end) found.push({ at: hi, from: prevOffset, to: offsetMs(zone, hi) });
    }
    prev = probe;
    prevOffset = probeOffset;
  }
  transitionCache.set(key, found);
  return found;
}

/** The zone's standard offset around `t`: the smallest offset in force during that year. */
function standardOffset(zone: string, t: number): number {
  const year = new Date(t).getUTCFullYear();
  let min = Infinity;
  for (let m = 0; m < 12; m++) min = Math.min(min, offsetMs(zone, Date.UTC(year, m, 15)));
  return min;
}

/** The instant of local midnight on 1 January (close enough when a transition falls on it). */
function localMidnightJan1(zone: string, year: number): number {
  const naive = Date.UTC(year, 0, 1);
  return naive - offsetMs(zone, naive);
}

/** A letters-only abbreviation such as EST or CET; Intl's 'GMT+1' style names are left out. */
function zoneAbbreviation(zone: string, t: number): string | undefined {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' })
    .formatToParts(new Date(t))
    .find((p) => p.type === 'timeZoneName')?.value;
  return name && /^[A-Z]{2,6}$/.test(name) ? name : undefined;
}

// ---------------------------------------------------------------------------------------------
// Wall clocks and offsets through Intl

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone; creating one throws RangeError for an unknown zone name. */
function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The wall-clock time in a zone at an instant. */
function wallClock(zone: string, t: number): Wall {
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(new Date(t))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** Milliseconds the zone is ahead of UTC at an instant (negative west of Greenwich). */
function offsetMs(zone: string, t: number): number {
  const whole = Math.floor(t / 1000) * 1000;
  return wallAsUtc(wallClock(zone, whole)) - whole;
}

function wallAsUtc(w: Wall): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

function wallFromUtcFields(t: number): Wall {
  const d = new Date(t);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function formatWall(w: Wall): string {
  return `${pad(w.year, 4)}${pad(w.month)}${pad(w.day)}T${pad(w.hour)}${pad(w.minute)}${pad(w.second)}`;
}

/** `-0500`, or `+0053` with seconds (`+005328`) for the odd historical offset. */
function formatOffset(ms: number): string {
  const sign = ms < 0 ? '-' : '+';
  const s = Math.round(Math.abs(ms) / 1000);
  const hhmm = `${pad(Math.floor(s / 3600))}${pad(Math.floor(s / 60) % 60)}`;
  return `${sign}${hhmm}${s % 60 ? pad(s % 60) : ''}`;
}

function utcStamp(d: Date): string {
  return `${formatWall(wallFromUtcFields(d.getTime()))}Z`;
}

function checkDate(d: Date, what: string): Date {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new RangeError(`icalCalendar: invalid ${what} date`);
  return d;
}

// ---------------------------------------------------------------------------------------------
// Text

/** Control characters are not allowed in iCalendar values (TEXT keeps only tab, and newlines as \n). */
function stripControls(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000A-\u001F\u007F]/g, '');
}

/**
 * Escape a TEXT value: backslash, semicolon and comma get a backslash, any newline becomes `\n`.
 * @example escapeText('Agenda; draft, v2\nRoom 3') // 'Agenda\\; draft\\, v2\\nRoom 3'
 */
export function escapeText(s: string): string {
  return stripControls(
    s
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n'),
  );
}

/** A parameter value in double quotes, which cannot themselves be escaped and so are dropped. */
function quoteParam(s: string): string {
  return `"${stripControls(s).replace(/"/g, '')}"`;
}

/**
 * Fold a content line so no physical line is over 75 octets of UTF-8, continuing with CRLF and
 * one space; splits fall between code points, never inside a multi-byte character.
 * @example foldLine('SUMMARY:' + 'é'.repeat(40)) // 'SUMMARY:éééé…\r\n éé…'
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75; // the first line; continuations spend one octet on the leading space
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
      limit = 74;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}
