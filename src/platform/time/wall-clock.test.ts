import { describe, expect, it } from 'vitest';
import { isIsoDate, isStamp, readWallClock, resolveWallClock } from './wall-clock.js';
import { dateField, instantField, wallOrInstantField, wallProblem } from './time-fields.js';
import { toInstant } from './zoned.js';

const TORONTO = 'America/Toronto';

describe('reading a wall-clock time in a zone', () => {
  it('reads an ordinary time', () => {
    expect(resolveWallClock('2027-04-18T09:00', TORONTO)).toEqual({ kind: 'ok', at: new Date('2027-04-18T13:00:00Z') });
  });

  it('refuses a time the clocks skip (spring forward) and names the one that exists', () => {
    const r = resolveWallClock('2027-03-14T02:30', TORONTO);
    expect(r).toEqual({ kind: 'gap', suggestion: '2027-03-14T03:30', later: new Date('2027-03-14T07:30:00Z') });
    expect(wallProblem('startsAt', '2027-03-14T02:30', TORONTO)?.params).toMatchObject({ time: '02:30', date: '2027-03-14', suggestion: '2027-03-14 03:30' });
    expect(wallProblem('startsAt', '2027-03-14T03:30', TORONTO)).toBeUndefined();
  });

  it('reads a time the clocks repeat (fall back) as its first occurrence (RFC 5545)', () => {
    const r = resolveWallClock('2027-11-07T01:30', TORONTO);
    // 01:30 EDT (UTC−4) comes first, 01:30 EST (UTC−5) an hour later.
    expect(r).toEqual({ kind: 'overlap', at: new Date('2027-11-07T05:30:00Z'), later: new Date('2027-11-07T06:30:00Z') });
    expect(toInstant('2027-11-07T01:30', TORONTO).toISOString()).toBe('2027-11-07T05:30:00.000Z');
  });

  it('refuses what is not on the calendar or the clock', () => {
    for (const s of ['2027-02-30T10:00', '2027-02-29T10:00', '2027-01-01T24:00', '2027-13-01T10:00', '2027-04-31T10:00', '2027-04-18T09:60', 'tomorrow']) {
      expect(readWallClock(s), s).toBeUndefined();
      expect(resolveWallClock(s, TORONTO), s).toEqual({ kind: 'invalid' });
    }
    expect(readWallClock('2028-02-29T10:00')).toEqual([2028, 2, 29, 10, 0, 0]);
    expect(readWallClock('2000-02-29T10:00')).toBeDefined();
    expect(readWallClock('1900-02-29T10:00')).toBeUndefined();
  });

  it('refuses an impossible date that carries an offset, which Date would roll into March', () => {
    expect(isStamp('2027-02-30T10:00:00Z')).toBe(false);
    expect(isStamp('2027-03-02T10:00:00-05:00')).toBe(true);
    expect(Number.isNaN(toInstant('2027-02-30T10:00Z', TORONTO).getTime())).toBe(true);
  });
});

describe('the date and time fields of every schema', () => {
  it('refuses impossible dates and times', () => {
    expect(dateField('k').safeParse('2027-02-29').success).toBe(false);
    expect(dateField('k').safeParse('2028-02-29').success).toBe(true);
    expect(dateField('k').safeParse('2027-13-01').success).toBe(false);
    expect(instantField('k').safeParse('2027-02-30T10:00:00Z').success).toBe(false);
    expect(instantField('k').safeParse('2027-01-01T24:00:00Z').success).toBe(false);
    expect(instantField('k').safeParse('2027-03-01T10:00:00-05:00').success).toBe(true);
    for (const s of ['2027-02-30T10:00', '2027-02-30T10:00Z', '2027-01-01T24:00', '2027-13-01T10:00', '2027-02-29T10:00:00+01:00']) {
      expect(wallOrInstantField('k').safeParse(s).success, s).toBe(false);
    }
    expect(wallOrInstantField('k').safeParse('2028-02-29T10:00').success).toBe(true);
    expect(wallOrInstantField('k').safeParse('2027-03-01T10:00Z').success).toBe(true);
    expect(isIsoDate('2027-02-28')).toBe(true);
  });
});
