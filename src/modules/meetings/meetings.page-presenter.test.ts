import { describe, expect, it } from 'vitest';
import { anActor, modelCtx } from '../../../test/helpers/actors.js';
import type { Process } from '../processes/index.js';
import type { MeetingRow } from './meetings.repository.js';
import { groupMeetingsModel, meetingListPage, meetingPage, type MeetingPageRecords } from './meetings.page-presenter.js';

const process = { id: 'p1', slug: 'labels', title_en: 'Device labels', title_fr: 'Étiquettes des appareils' } as Process;
const group = { id: 'g1', slug: 'testing', name_en: 'Testing', name_fr: 'Essais' };
const meeting: MeetingRow = {
  id: 'm1',
  process_id: 'p1',
  group_id: 'g1',
  process_slug: 'labels',
  group_slug: 'testing',
  title_en: 'Kick-off',
  title_fr: 'Lancement',
  description_en: 'About it.',
  description_fr: 'À propos.',
  format: 'hybrid',
  venue: 'Hall',
  address: '1 Main St',
  join_url: 'https://meet.example/j',
  stream_url: null,
  starts_at: new Date('2024-05-02T13:00:00Z'),
  ends_at: new Date('2024-05-02T15:00:00Z'),
  timezone: 'America/Toronto',
  languages: 'both',
  visibility: 'members',
  capacity: 1200,
  status: 'scheduled',
  sequence: 0,
  recording_urls: [],
  minutes_en: 'Notes.',
  minutes_fr: '',
  reminder_job_id: null,
  created_by: null,
  created_at: new Date('2024-01-01T00:00:00Z'),
  updated_at: new Date('2024-01-01T00:00:00Z'),
};
const before = new Date('2024-04-01T00:00:00Z');
const during = new Date('2024-05-02T14:00:00Z');
const after = new Date('2024-05-03T00:00:00Z');
const records = (over: Partial<MeetingPageRecords> = {}): MeetingPageRecords => ({
  m: meeting,
  process,
  group,
  agenda: [{ id: 'a1', meeting_id: 'm1', position: 0, title: 'Welcome', title_fr: '', presenter: 'Ada', duration_minutes: 1500, document_url: null }],
  counts: { registered: 1000, waitlisted: 0 },
  mine: undefined,
  attendance: { total: 3, rows: [{ key: 'gov', nameEn: 'Government', nameFr: 'Gouvernement', count: 3, share: 1, targetShare: null, status: 'noTarget' }], names: [] },
  now: before,
  ...over,
});

describe('meetingPage', () => {
  it('gives a French reader French titles, the span in fr-CA and numbers with French spacing', () => {
    const m = meetingPage(records({ now: after }), modelCtx('fr'));
    expect(m.title).toBe('Lancement');
    expect(m.trail).toEqual([
      { href: '/fr/processes/labels', label: 'Étiquettes des appareils' },
      { href: '/fr/processes/labels/groups/testing', label: 'Essais' },
      { href: '/fr/processes/labels/meetings', label: 'Réunions' },
    ]);
    // fr-CA: thin spaces around the dash, a no-break space between thousands.
    expect(m.facts.when).toBe('2 mai 2024, 9 h 00\u2009\u2013\u200911 h 00 (America/Toronto)');
    expect(m.facts.registeredText).toBe('1\u00a0000');
    expect(m.facts.capacityText).toBe('1\u00a0200');
    expect(m.agenda[0]).toEqual({ id: 'a1', number: 1, title: 'Welcome', titleLang: 'en', presenter: 'Ada', duration: '1\u00a0500', documentUrl: null });
    // No French minutes: the English ones, marked as English.
    expect(m.after?.minutes).toEqual({ text: 'Notes.', lang: 'en' });
    expect(m.after?.attendance.rows).toEqual([{ key: 'gov', name: 'Gouvernement', count: '3' }]);
  });
  it('shows the stream while live, and what happened once over', () => {
    expect(meetingPage(records({ now: during }), modelCtx('en')).live).toEqual({ streamUrl: null, joinUrl: 'https://meet.example/j' });
    // Before it starts the page reads no attendance.
    const ahead = meetingPage(records({ now: before, attendance: undefined }), modelCtx('en'));
    expect([ahead.live, ahead.after]).toEqual([null, null]);
    expect(meetingPage(records({ now: after }), modelCtx('en')).after?.minutes).toEqual({ text: 'Notes.', lang: null });
  });
  it('asks a visitor to sign in, an unconfirmed account to confirm, and offers the form to a confirmed one', () => {
    expect(meetingPage(records(), modelCtx('en')).registration).toEqual({ kind: 'signIn', path: '/en/sign-in?next=%2Fen%2Fprocesses%2Flabels%2Fmeetings%2Fm1' });
    expect(meetingPage(records(), modelCtx('en', anActor({ confirmed: false }))).registration).toEqual({ kind: 'confirmEmail' });
    expect(meetingPage(records(), modelCtx('en', anActor())).registration).toEqual({ kind: 'form', action: '/en/processes/labels/meetings/m1/register', full: false });
    expect(meetingPage(records({ now: after }), modelCtx('en', anActor())).registration).toEqual({ kind: 'closed' });
  });
  it('gives the management links to the group’s chair, not to a plain account', () => {
    expect(meetingPage(records(), modelCtx('en', anActor())).manage).toEqual({ edit: null, agenda: null, minutes: null, attendance: null, cancel: null });
    expect(meetingPage(records(), modelCtx('en', anActor({ group: { g1: ['chair'] } }))).manage).toEqual({
      edit: '/en/processes/labels/meetings/m1/edit',
      agenda: '/en/processes/labels/meetings/m1/agenda',
      minutes: '/en/processes/labels/meetings/m1/minutes',
      attendance: '/en/processes/labels/meetings/m1/attendance',
      cancel: '/en/processes/labels/meetings/m1/cancel',
    });
    const cancelled = meetingPage(records({ m: { ...meeting, status: 'cancelled' } }), modelCtx('en', anActor({ group: { g1: ['chair'] } })));
    expect(cancelled.manage).toEqual({ edit: null, agenda: null, minutes: '/en/processes/labels/meetings/m1/minutes', attendance: '/en/processes/labels/meetings/m1/attendance', cancel: null });
  });
});

describe('meeting lists', () => {
  it('formats each meeting for the reader and names the group', () => {
    const m = meetingListPage({ process, group, upcoming: [meeting], past: [], laterHref: undefined, earlierHref: undefined }, modelCtx('en'));
    expect(m.group).toEqual({ name: 'Testing', path: '/en/processes/labels/groups/testing' });
    expect(m.upcoming[0]).toMatchObject({ title: 'Kick-off', path: '/en/processes/labels/meetings/m1', membersOnly: true, when: 'May 2, 2024, 9:00\u201311:00\u202fa.m. (America/Toronto)', format: 'hybrid' });
    expect(m.feed).toEqual({ ofGroup: true, feedPath: '/api/v1/processes/labels/groups/testing/calendar.ics?lang=en', schedulePath: null });
  });
  it('offers scheduling to the group’s chair only', () => {
    const place = { process, group };
    expect(groupMeetingsModel({ place, upcoming: [], past: [] }, modelCtx('fr', anActor())).feed.schedulePath).toBeNull();
    expect(groupMeetingsModel({ place, upcoming: [], past: [] }, modelCtx('fr', anActor({ group: { g1: ['chair'] } }))).feed.schedulePath).toBe('/fr/processes/labels/groups/testing/meetings/new');
  });
});
