import { describe, expect, it } from 'vitest';
import { callState } from './calls.time.js';
import { instantToLocal, localToInstant } from '../../platform/time/zoned.js';

describe('call windows', () => {
  const call = { opens_at: new Date('2019-02-25T14:00:00Z'), closes_at: new Date('2019-04-05T21:00:00Z') };
  it('is open from opens_at inclusive to closes_at exclusive, to the second', () => {
    expect(callState(call, new Date('2019-02-25T13:59:59Z'))).toBe('upcoming');
    expect(callState(call, new Date('2019-02-25T14:00:00Z'))).toBe('open');
    expect(callState(call, new Date('2019-04-05T20:59:59Z'))).toBe('open');
    expect(callState(call, new Date('2019-04-05T21:00:00Z'))).toBe('closed');
    expect(callState(call, new Date('2019-04-05T21:00:01Z'))).toBe('closed');
  });
});

describe('wall-clock times in a process’s zone', () => {
  it('turns a datetime-local value into the instant it names, across DST', () => {
    expect(localToInstant('2019-02-25T09:00', 'America/Toronto')?.toISOString()).toBe('2019-02-25T14:00:00.000Z');
    expect(localToInstant('2019-04-05T17:00:30', 'America/Toronto')?.toISOString()).toBe('2019-04-05T21:00:30.000Z');
    expect(localToInstant('2019-07-01T12:00', 'America/Vancouver')?.toISOString()).toBe('2019-07-01T19:00:00.000Z');
  });

  it('refuses what is not a time', () => {
    expect(localToInstant('2019-02-30T09:00', 'America/Toronto')).toBeUndefined();
    expect(localToInstant('tomorrow', 'America/Toronto')).toBeUndefined();
    expect(localToInstant('2019-02-25T24:00', 'America/Toronto')).toBeUndefined();
  });

  it('shows an instant back as the wall-clock value', () => {
    expect(instantToLocal(new Date('2019-04-05T21:00:30Z'), 'America/Toronto')).toBe('2019-04-05T17:00:30');
  });
});
