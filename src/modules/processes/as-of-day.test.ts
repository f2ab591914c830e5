import { describe, expect, it } from 'vitest';
import { asOfDay } from './processes.service.js';

const TORONTO = 'America/Toronto';
const now = new Date('2026-12-03T18:00:00Z');

describe('the day a process is read as of', () => {
  it('is the last day of its last phase once every phase has ended, not today', () => {
    const phases = [{ ends_on: '2019-04-30' }, { ends_on: '2021-12-31' }, { ends_on: '2019-02-24' }];
    expect(asOfDay(phases, TORONTO, now)).toBe('2021-12-31');
  });

  it('is today while a phase runs, and when the process has no phases', () => {
    expect(asOfDay([{ ends_on: '2018-09-30' }, { ends_on: '2027-01-31' }], TORONTO, now)).toBe('2026-12-03');
    expect(asOfDay([], TORONTO, now)).toBe('2026-12-03');
    // The last day itself still counts as running.
    expect(asOfDay([{ ends_on: '2026-12-03' }], TORONTO, now)).toBe('2026-12-03');
  });
});
