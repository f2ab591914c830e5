import { describe, expect, it } from 'vitest';
import { anActor, modelCtx } from '../../../test/helpers/actors.js';
import type { Phase, Process } from './processes.repository.js';
import { copyProcessPage, processListPage, processPage } from './processes.page-presenter.js';

const process: Process = {
  id: 'p1',
  slug: 'labels',
  title_en: 'Device labels',
  title_fr: 'Étiquettes des appareils',
  summary_en: 'What a label says.',
  summary_fr: 'Ce que dit une étiquette.',
  description_en: 'Long text.',
  description_fr: 'Texte long.',
  registration: 'open',
  timezone: 'America/Toronto',
  template_source_id: null,
  created_by: null,
  created_at: new Date('2024-01-01T00:00:00Z'),
  updated_at: new Date('2024-01-01T00:00:00Z'),
};
const phase: Phase = { id: 'ph1', process_id: 'p1', position: 0, kind: 'drafting', name_en: 'Drafting', name_fr: 'Rédaction', starts_on: '2024-03-01', ends_on: '2024-06-30' };
const records = (currentPhaseId: string | undefined) => ({ detail: { process, phases: [phase], stakeholderGroups: [] }, currentPhaseId, oversight: [{ user_id: 'u9', name: 'Ada' }], conveners: [] });

describe('processListPage', () => {
  it('gives French titles, summaries and paths to a French reader', () => {
    expect(processListPage([process], modelCtx('fr'))).toEqual({
      canCreate: false,
      createPath: '/fr/processes/new',
      processes: [{ title: 'Étiquettes des appareils', summary: 'Ce que dit une étiquette.', path: '/fr/processes/labels' }],
    });
  });
  it('lets only administrators create a process', () => {
    expect(processListPage([], modelCtx('en', anActor())).canCreate).toBe(false);
    expect(processListPage([], modelCtx('en', anActor({ process: { p1: ['convener'] } }))).canCreate).toBe(false);
    expect(processListPage([], modelCtx('en', anActor({ admin: true }))).canCreate).toBe(true);
  });
});

describe('copyProcessPage', () => {
  it('names the source in the reader’s language', () => {
    expect(copyProcessPage(process, modelCtx('fr'))).toEqual({ sourceTitle: 'Étiquettes des appareils', action: '/fr/processes/labels/copy' });
  });
});

describe('processPage', () => {
  it('picks French texts and formats phase dates in fr-CA', () => {
    const m = processPage(records('ph1'), modelCtx('fr'));
    expect(m.title).toBe('Étiquettes des appareils');
    expect(m.description).toBe('Texte long.');
    expect(m.currentPhase).toBe('Rédaction');
    expect(m.phases).toEqual([{ id: 'ph1', name: 'Rédaction', start: '1er mars 2024', end: '30 juin 2024', current: true }]);
    expect(m.paths.tracker).toBe('/fr/processes/labels/tracker');
    expect(m.oversight).toEqual([{ id: 'u9', name: 'Ada' }]);
  });
  it('formats dates in en-CA for an English reader, and says when no phase is current', () => {
    const m = processPage(records(undefined), modelCtx('en'));
    expect(m.phases[0]).toMatchObject({ start: 'March 1, 2024', end: 'June 30, 2024', current: false });
    expect(m.currentPhase).toBeNull();
  });
  it('offers sign-in to a visitor, joining to an account, leaving to a member', () => {
    const anon = processPage(records(undefined), modelCtx('en'));
    expect(anon.signInToJoinPath).toBe('/en/sign-in?next=%2Fen%2Fprocesses%2Flabels%2Fjoin');
    expect(anon.canJoin).toBe(false);
    const account = processPage(records(undefined), modelCtx('en', anActor()));
    expect([account.signInToJoinPath, account.canJoin, account.isMember]).toEqual([null, true, false]);
    const member = processPage(records(undefined), modelCtx('en', anActor({ process: { p1: ['member'] } })));
    expect([member.canJoin, member.isMember]).toEqual([false, true]);
  });
  it('shows the management links to conveners only, and not for another process', () => {
    expect(processPage(records(undefined), modelCtx('en', anActor())).canManage).toBe(false);
    expect(processPage(records(undefined), modelCtx('en', anActor({ process: { p2: ['convener'] } }))).manage.edit).toBeNull();
    const convener = processPage(records(undefined), modelCtx('en', anActor({ process: { p1: ['convener'] } })));
    expect(convener.canManage).toBe(true);
    expect(convener.manage).toEqual({
      edit: '/en/processes/labels/edit',
      stakeholderGroups: '/en/processes/labels/stakeholder-groups',
      invite: '/en/processes/labels/invitations/new',
      roles: '/en/processes/labels/roles',
      organisationRequests: '/en/processes/labels/organisation-requests',
      createGroup: '/en/processes/labels/groups/new',
      copy: '/en/processes/labels/copy',
    });
  });
});
