import { describe, expect, it } from 'vitest';
import { anActor, modelCtx } from '../../../test/helpers/actors.js';
import type { Process } from '../processes/index.js';
import type { Call, SubmissionRow } from './calls.repository.js';
import { callPage, callsSectionModel, moderationPage, submissionPage } from './calls.page-presenter.js';

const process = { id: 'p1', slug: 'labels', title_en: 'Device labels', title_fr: 'Étiquettes des appareils', timezone: 'America/Toronto' } as Process;
const call: Call = {
  id: 'c1',
  process_id: 'p1',
  title_en: 'Input on labels',
  title_fr: 'Contributions sur les étiquettes',
  description_en: 'Send reports.',
  description_fr: 'Envoyez vos rapports.',
  opens_at: new Date('2024-05-01T13:00:00Z'),
  closes_at: new Date('2024-06-01T04:00:00Z'),
  created_by: null,
  created_at: new Date('2024-01-01T00:00:00Z'),
  updated_at: new Date('2024-01-01T00:00:00Z'),
};
const submission: SubmissionRow = {
  id: 's1',
  call_id: 'c1',
  submitter_id: 'u2',
  title: 'Our report',
  lang: 'en',
  organisation_id: null,
  organisation_name: null,
  organisation_label: 'Acme',
  body: 'Text.',
  file_id: 'f1',
  file_name: 'report.pdf',
  file_media_type: 'application/pdf',
  file_size: 12_800,
  file_sha256: 'x',
  submitter_name: 'Bea',
  status: 'rejected',
  moderation_reason: 'Off topic',
  moderated_by: null,
  moderated_at: null,
  created_at: new Date('2024-05-02T16:30:00Z'),
};
const summary = { call, state: 'open' as const, acceptedCount: 1 };

describe('callPage', () => {
  it('gives a French reader the French title and the window in fr-CA', () => {
    const m = callPage({ process, summary, accepted: [{ ...submission, status: 'accepted' }], mine: [] }, modelCtx('fr'));
    expect(m.title).toBe('Contributions sur les étiquettes');
    expect(m.description).toBe('Envoyez vos rapports.');
    expect(m.state).toEqual({ state: 'open', opens: '1 mai 2024 à 09 h 00 min 00 s HAE', closes: '1 juin 2024 à 00 h 00 min 00 s HAE' });
    expect(m.accepted).toEqual([
      { id: 's1', title: 'Our report', lang: 'en', langName: 'English', path: '/fr/processes/labels/calls/c1/submissions/s1', organisation: 'Acme', file: { path: '/fr/processes/labels/calls/c1/submissions/s1/file', name: 'report.pdf', size: '12,5 Kio' } },
    ]);
  });
  it('asks a visitor to sign in to submit, and shows the queue to moderators only', () => {
    const anon = callPage({ process, summary, accepted: [], mine: [] }, modelCtx('en'));
    expect(anon.submit).toEqual({ signIn: true, path: '/en/sign-in?next=%2Fen%2Fprocesses%2Flabels%2Fcalls%2Fc1%2Fsubmit' });
    expect(callPage({ process, summary, accepted: [], mine: [] }, modelCtx('en', anActor())).moderationPath).toBeNull();
    expect(callPage({ process, summary, accepted: [], mine: [] }, modelCtx('en', anActor({ process: { p1: ['moderator'] } }))).moderationPath).toBe('/en/processes/labels/calls/c1/moderation');
    expect(callPage({ process, summary: { ...summary, state: 'closed' }, accepted: [], mine: [] }, modelCtx('en', anActor())).submit).toBeNull();
  });
});

describe('submissionPage', () => {
  it('names the submitter and offers the forms to moderators only', () => {
    const plain = submissionPage({ process, call, row: submission }, modelCtx('en', anActor()));
    expect([plain.submitter, plain.moderationAction]).toEqual([null, null]);
    const moderator = submissionPage({ process, call, row: submission }, modelCtx('en', anActor({ process: { p1: ['moderator'] } })));
    expect(moderator.submitter).toBe('Bea');
    expect(moderator.moderationAction).toBe('/en/processes/labels/calls/c1/submissions/s1/moderation');
  });
  it('says why it was rejected and formats the time received for the reader', () => {
    const m = submissionPage({ process, call, row: submission }, modelCtx('fr'));
    expect(m.rejectedBecause).toBe('Off topic');
    expect(m.received).toBe('2 mai 2024 à 12 h 30');
    expect(m.callTitle).toBe('Contributions sur les étiquettes');
    expect(submissionPage({ process, call, row: submission }, modelCtx('en')).received).toBe('May 2, 2024 at 12:30 p.m.');
  });
});

describe('moderationPage and callsSectionModel', () => {
  it('splits the queue and puts dashes where a name is unknown', () => {
    const pending = { ...submission, id: 's2', status: 'pending' as const, submitter_name: null, organisation_label: null };
    const m = moderationPage({ process, summary, rows: [submission, pending] }, modelCtx('en'));
    expect(m.pending.map((r) => [r.id, r.submitter, r.organisation])).toEqual([['s2', '—', '—']]);
    expect(m.decided.map((r) => r.id)).toEqual(['s1']);
  });
  it('lists open calls first and offers opening one to conveners only', () => {
    const closed = { call: { ...call, id: 'c0' }, state: 'closed' as const, acceptedCount: 0 };
    const m = callsSectionModel({ process, calls: [closed, summary] }, modelCtx('en', anActor()));
    expect(m.calls.map((c) => c.id)).toEqual(['c1', 'c0']);
    expect(m.openPath).toBeNull();
    expect(callsSectionModel({ process, calls: [] }, modelCtx('en', anActor({ process: { p1: ['convener'] } }))).openPath).toBe('/en/processes/labels/calls/new');
  });
});
