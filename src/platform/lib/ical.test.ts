import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, icalCalendar, type IcalEvent } from './ical.js';

const NOW = new Date('2019-04-01T12:00:00Z');
const HOUR = 3_600_000;

function event(overrides: Partial<IcalEvent> = {}): IcalEvent {
  return {
    uid: 'meeting-1@concord.example',
    sequence: 0,
    status: 'CONFIRMED',
    start: new Date('2019-04-18T13:00:00Z'),
    end: new Date('2019-04-18T16:00:00Z'),
    timeZone: 'America/Toronto',
    summary: 'Network resilience working group',
    ...overrides,
  };
}

/** Parse with ical.js and return the calendar and its events. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return { calendar, events: calendar.getAllSubcomponents('vevent') };
}

function instant(vevent: ICAL.Component, prop: 'dtstart' | 'dtend'): number {
  const time = vevent.getFirstPropertyValue(prop) as ICAL.Time;
  return time.toUnixTime() * 1000;
}

/** Physical lines, split on CRLF; the text must end with one. */
function physicalLines(text: string): string[] {
  expect(text.endsWith('\r\n')).toBe(true);
  return text.slice(0, -2).split('\r\n');
}

describe('icalCalendar', () => {
  it('writes local times with TZID that ical.js reads back as the same instants, summer and winter, Toronto and Paris', () => {
    const events = [
      event({ uid: 'summer', start: new Date('2019-07-10T13:00:00Z'), end: new Date('2019-07-10T15:30:00Z') }),
      event({ uid: 'winter', start: new Date('2019-01-16T14:00:00Z'), end: new Date('2019-01-16T16:00:00Z') }),
      event({ uid: 'paris-summer', timeZone: 'Europe/Paris', start: new Date('2019-06-03T07:00:00Z'), end: new Date('2019-06-03T09:00:00Z') }),
      event({ uid: 'paris-winter', timeZone: 'Europe/Paris', start: new Date('2019-12-02T08:00:00Z'), end: new Date('2019-12-02T10:00:00Z') }),
    ];
    const text = icalCalendar({ name: 'Meetings', events, now: NOW });
    expect(text).toContain('DTSTART;TZID=America/Toronto:20190710T090000\r\n');
    expect(text).toContain('DTSTART;TZID=America/Toronto:20190116T090000\r\n');
    expect(text).toContain('DTSTART;TZID=Europe/Paris:20190603T090000\r\n');
    expect(text).toContain('DTSTART;TZID=Europe/Paris:20191202T090000\r\n');

    const parsed = parse(text).events;
    expect(parsed.map((v) => v.getFirstPropertyValue('uid'))).toEqual(events.map((e) => e.uid));
    parsed.forEach((v, i) => {
      expect((v.getFirstPropertyValue('dtstart') as ICAL.Time).zone.tzid).toBe(events[i]!.timeZone);
      expect(instant(v, 'dtstart')).toBe(events[i]!.start.getTime());
      expect(instant(v, 'dtend')).toBe(events[i]!.end.getTime());
    });
  });

  it('emits one VTIMEZONE per zone with the real DST transitions', () => {
    const text = icalCalendar({
      name: 'x',
      events: [event(), event({ uid: 'b' }), event({ uid: 'c', timeZone: 'Europe/Paris' })],
      now: NOW,
    });
    const zones = parse(text).calendar.getAllSubcomponents('vtimezone');
    expect(zones.map((z) => z.getFirstPropertyValue('tzid'))).toEqual(['America/Toronto', 'Europe/Paris']);
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).toContain('BEGIN:DAYLIGHT\r\nDTSTART:20190310T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\nTZNAME:EDT\r\nEND:DAYLIGHT');
    expect(unfolded).toContain('BEGIN:STANDARD\r\nDTSTART:20191103T020000\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\nTZNAME:EST\r\nEND:STANDARD');
    expect(unfolded).toContain('BEGIN:DAYLIGHT\r\nDTSTART:20190331T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n');
    expect(unfolded).toContain('BEGIN:STANDARD\r\nDTSTART:20191027T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n');
  });

  it('lets ical.js turn every unambiguous local time of the years the events span into the right instant', () => {
    for (const timeZone of ['America/Toronto', 'Europe/Paris', 'Australia/Sydney']) {
      const text = icalCalendar({
        name: 'x',
        events: [event({ timeZone, start: new Date('2019-05-01T13:00:00Z'), end: new Date('2020-05-01T13:00:00Z') })],
        now: NOW,
      });
      const tz = new ICAL.Timezone(parse(text).calendar.getFirstSubcomponent('vtimezone')!);
      const wall = new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'medium' }); // '2019-03-10 01:00:00'
      const offset = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
      const offsetAt = (t: number) => offset.formatToParts(new Date(t)).find((p) => p.type === 'timeZoneName')!.value; // 'GMT+02:00'
      const nearChange = (t: number) => offsetAt(t - 6 * HOUR) !== offsetAt(t + 6 * HOUR);
      // Every 6 hours, and every 15 minutes within 6 hours of a change.
      let dense = 0;
      for (let t = Date.UTC(2019, 0, 1, 12); t < Date.UTC(2020, 11, 31); t += nearChange(t) ? HOUR / 4 : 6 * HOUR) {
        if (nearChange(t)) dense++;
        const local = wall.format(new Date(t));
        // A fall-back hour names two instants; the writer puts those in UTC (next test).
        if (local === wall.format(new Date(t - HOUR)) || local === wall.format(new Date(t + HOUR))) continue;
        const time = ICAL.Time.fromDateTimeString(local.replace(' ', 'T'));
        time.zone = tz;
        expect(time.toUnixTime() * 1000, `${timeZone} ${local}`).toBe(t);
      }
      expect(dense).toBeGreaterThan(4 * 30); // four changes in two years, each sampled every 15 minutes
    }
  });

  it('gives zones without DST a single STANDARD observance', () => {
    for (const timeZone of ['UTC', 'America/Regina']) {
      const text = icalCalendar({ name: 'x', events: [event({ timeZone })], now: NOW });
      const zone = parse(text).calendar.getFirstSubcomponent('vtimezone')!;
      expect(zone.getAllSubcomponents('standard')).toHaveLength(1);
      expect(zone.getAllSubcomponents('daylight')).toHaveLength(0);
      expect(instant(parse(text).events[0]!, 'dtstart')).toBe(event().start.getTime());
    }
    expect(icalCalendar({ name: 'x', events: [event({ timeZone: 'America/Regina' })], now: NOW })).toContain('TZOFFSETTO:-0600');
  });

  it('writes both occurrences of the repeated hour after a fall-back in UTC', () => {
    // 2019-11-03 01:30 happens twice in Toronto: 05:30Z (EDT) and 06:30Z (EST).
    const first = event({ uid: 'first', start: new Date('2019-11-03T05:30:00Z'), end: new Date('2019-11-03T05:45:00Z') });
    const second = event({ uid: 'second', start: new Date('2019-11-03T06:30:00Z'), end: new Date('2019-11-03T07:30:00Z') });
    const text = icalCalendar({ name: 'x', events: [first, second], now: NOW });
    expect(text).toContain('DTSTART:20191103T053000Z\r\n');
    expect(text).toContain('DTSTART:20191103T063000Z\r\n');
    expect(text).toContain('DTEND;TZID=America/Toronto:20191103T023000\r\n');
    const [a, b] = parse(text).events;
    expect(instant(a!, 'dtstart')).toBe(first.start.getTime());
    expect(instant(b!, 'dtstart')).toBe(second.start.getTime());
  });

  it('round-trips text with commas, semicolons, backslashes, newlines, accents and emoji exactly', () => {
    const summary = 'Réunion; groupe «étiquetage», v2\\final\nSalle 3 — café ☕ 🇨🇦 👩🏽‍💻';
    const description = 'Ordre du jour :\r\n1. Accueil, présentations;\n2. Ébauche\n\n'.repeat(5);
    const location = 'Ottawa, ON; Salle Champlain';
    const text = icalCalendar({ name: 'Groupe d’étiquetage, réunions', events: [event({ summary, description, location })], now: NOW });
    const { calendar, events } = parse(text);
    expect(events[0]!.getFirstPropertyValue('summary')).toBe(summary);
    expect(events[0]!.getFirstPropertyValue('description')).toBe(description.replace(/\r\n/g, '\n'));
    expect(events[0]!.getFirstPropertyValue('location')).toBe(location);
    // ical.js does not know X-WR-CALNAME and keeps it raw: it must be escaped as TEXT.
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Groupe d’étiquetage\\, réunions');
  });

  it('keeps every physical line within 75 octets and unfolds to the original', () => {
    const summary = `${'é'.repeat(37)}x${'🇨🇦'.repeat(30)}${'a'.repeat(200)}`;
    const text = icalCalendar({ name: 'x', events: [event({ summary, url: `https://concord.example/${'a'.repeat(150)}` })], now: NOW });
    for (const line of physicalLines(text)) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(text).not.toContain('\uFFFD');
    expect(text.replace(/\r\n /g, '')).toContain(`SUMMARY:${summary}\r\n`);
    expect(parse(text).events[0]!.getFirstPropertyValue('summary')).toBe(summary);
  });

  it('writes status, sequence, stable uid, url, organizer, DTSTAMP in UTC and the calendar name', () => {
    const text = icalCalendar({
      name: 'Consumer education',
      method: 'PUBLISH',
      now: NOW,
      events: [
        event({
          status: 'CANCELLED',
          sequence: 3,
          uid: 'a1b2;c3@concord.example',
          url: 'https://concord.example/en/meetings/1?x=1,2',
          created: new Date('2019-03-01T10:00:00Z'),
          lastModified: new Date('2019-03-15T10:00:00Z'),
          organizer: { name: 'Secretariat, "CIRA"', email: 'secretariat@concord.example' },
        }),
      ],
    });
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:/);
    expect(text).toContain('\r\nSTATUS:CANCELLED\r\n');
    expect(text).toContain('\r\nMETHOD:PUBLISH\r\n');
    expect(text).toContain('\r\nX-WR-CALNAME:Consumer education\r\n');
    expect(text).toContain('\r\nDTSTAMP:20190401T120000Z\r\n');
    expect(text.replace(/\r\n(?! )/g, '\n').replace(/\n/g, '\r\n')).toBe(text); // no bare LF anywhere
    const v = parse(text).events[0]!;
    expect(v.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(v.getFirstPropertyValue('sequence')).toBe(3);
    expect(v.getFirstPropertyValue('uid')).toBe('a1b2;c3@concord.example');
    expect(v.getFirstPropertyValue('url')).toBe('https://concord.example/en/meetings/1?x=1,2');
    expect(v.getFirstPropertyValue('organizer')).toBe('mailto:secretariat@concord.example');
    expect(v.getFirstProperty('organizer')!.getParameter('cn')).toBe('Secretariat, CIRA');
    expect((v.getFirstPropertyValue('created') as ICAL.Time).toJSDate().toISOString()).toBe('2019-03-01T10:00:00.000Z');
    expect((v.getFirstPropertyValue('last-modified') as ICAL.Time).toJSDate().toISOString()).toBe('2019-03-15T10:00:00.000Z');
  });

  it('refuses an unknown zone, an invalid date and an event that ends before it starts', () => {
    expect(() => icalCalendar({ name: 'x', events: [event({ timeZone: 'Mars/Olympus' })] })).toThrow(RangeError);
    expect(() => icalCalendar({ name: 'x', events: [event({ start: new Date('nope') })] })).toThrow(RangeError);
    expect(() => icalCalendar({ name: 'x', events: [event({ end: new Date('2019-01-01T00:00:00Z') })] })).toThrow(RangeError);
  });

  it('makes a valid empty calendar', () => {
    const text = icalCalendar({ name: 'Empty', events: [], now: NOW });
    expect(parse(text).events).toHaveLength(0);
    expect(text).not.toContain('VTIMEZONE');
  });
});

describe('escapeText and foldLine', () => {
  it('escape TEXT and drop control characters', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\u0007g\th')).toBe('a\\\\b\\;c\\,d\\ne\\nfg\th');
  });

  it('fold at 75 octets without splitting a character', () => {
    const folded = foldLine(`X:${'€'.repeat(60)}`); // 3 octets each
    const lines = folded.split('\r\n');
    expect(lines[0]).toBe(`X:${'€'.repeat(24)}`);
    for (const l of lines) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(`X:${'€'.repeat(60)}`);
    expect(foldLine('short')).toBe('short');
  });
});
