import { describe, expect, it } from 'vitest';
import { figuresOf, groupOfOrganisation, isOverdue } from './tracker.service.js';
import { addDays, formatDay } from './reminders.service.js';

describe('isOverdue', () => {
  it('is overdue only after the due day, and never once done or dropped', () => {
    expect(isOverdue('2020-06-30', 'on_track', '2020-06-30')).toBe(false);
    expect(isOverdue('2020-06-30', 'on_track', '2020-07-01')).toBe(true);
    expect(isOverdue('2020-06-30', 'done', '2021-01-01')).toBe(false);
    expect(isOverdue('2020-06-30', 'dropped', '2021-01-01')).toBe(false);
    expect(isOverdue(null, 'late', '2021-01-01')).toBe(false);
  });
});

describe('groupOfOrganisation', () => {
  it('picks the group most members chose, ties going to the group listed first', () => {
    expect(groupOfOrganisation([{ stakeholder_group_id: 'a', n: 1 }, { stakeholder_group_id: 'b', n: 2 }], ['a', 'b'])).toBe('b');
    expect(groupOfOrganisation([{ stakeholder_group_id: 'b', n: 2 }, { stakeholder_group_id: 'a', n: 2 }], ['a', 'b'])).toBe('a');
    expect(groupOfOrganisation([], ['a'])).toBeNull();
  });
});

describe('figuresOf', () => {
  it('counts recommendations with an owner, done (all closed, one done) and late', () => {
    const f = figuresOf([
      { actions: [{ status: 'done', late: false }, { status: 'dropped', late: false }] },
      { actions: [{ status: 'dropped', late: false }] },
      { actions: [{ status: 'on_track', late: true }, { status: 'done', late: false }] },
      { actions: [] },
    ]);
    expect(f).toEqual({ withOwner: 3, done: 1, late: 1 });
  });
});

describe('days', () => {
  it('adds days across months and writes them in each language', () => {
    expect(addDays('2020-02-28', 2)).toBe('2020-03-01');
    expect(formatDay('en', '2020-06-30')).toBe('June 30, 2020');
    expect(formatDay('fr', '2020-06-30')).toBe('30 juin 2020');
    expect(formatDay('fr', '2020-06-01')).toBe('1er juin 2020');
  });
});
