import { describe, expect, it } from 'vitest';
import { anActor, modelCtx } from '../../../test/helpers/actors.js';
import type { Process } from '../processes/index.js';
import type { WorkingGroup } from './groups.repository.js';
import { groupPage, type GroupPageRecords } from './groups.page-presenter.js';

const process = { id: 'p1', slug: 'labels', title_en: 'Device labels', title_fr: 'Étiquettes des appareils' } as Process;
const group: WorkingGroup = {
  id: 'g1',
  process_id: 'p1',
  slug: 'testing',
  name_en: 'Testing',
  name_fr: 'Essais',
  charter_en: 'We test.',
  charter_fr: 'Nous testons.',
  status: 'active',
  position: 0,
  created_at: new Date('2024-01-01T00:00:00Z'),
  updated_at: new Date('2024-01-01T00:00:00Z'),
};
const records = (over: Partial<GroupPageRecords> = {}): GroupPageRecords => ({
  process,
  summary: { group, chairs: [{ user_id: 'u2', name: 'Bea', staff: null }], memberCount: 4 },
  announcements: [{ id: 'a1', group_id: 'g1', author_id: 'u2', author_name: null, author_staff: null, title: 'Hello', body: 'Text', lang: 'en', created_at: new Date('2024-05-02T16:00:00Z') }],
  isGroupMember: false,
  isProcessMember: false,
  ...over,
});

describe('groupPage', () => {
  it('gives a French reader the French name and charter, and dates in fr-CA', () => {
    const m = groupPage(records(), modelCtx('fr'));
    expect(m.name).toBe('Essais');
    expect(m.charter).toBe('Nous testons.');
    expect(m.processCrumb).toEqual({ href: '/fr/processes/labels', label: 'Étiquettes des appareils' });
    expect(m.announcements).toEqual([{ id: 'a1', lang: 'en', title: 'Hello', body: 'Text', postedBy: { before: 'Publiée par ', person: { name: '—', badge: null }, after: ' le 2 mai 2024' } }]);
    expect(m.participantsPath).toBe('/fr/processes/labels/participants?group=testing');
  });
  it('formats dates in en-CA for an English reader', () => {
    expect(groupPage(records(), modelCtx('en')).announcements[0]!.postedBy.after).toBe(' on May 2, 2024');
  });
  it('offers joining to process members while the group has not concluded', () => {
    expect(groupPage(records({ isProcessMember: true }), modelCtx('en')).canJoin).toBe(true);
    const concluded = records({ isProcessMember: true, summary: { group: { ...group, status: 'concluded' }, chairs: [], memberCount: 0 } });
    expect(groupPage(concluded, modelCtx('en')).canJoin).toBe(false);
    expect(groupPage(records({ isGroupMember: true, isProcessMember: true }), modelCtx('en')).membership).toBe('group');
  });
  it('gives the chair’s tools to the group’s chair, not to a plain account or another group’s chair', () => {
    const plain = groupPage(records(), modelCtx('en', anActor()));
    expect([plain.editPath, plain.announce, plain.addMemberAction]).toEqual([null, null, null]);
    expect(groupPage(records(), modelCtx('en', anActor({ group: { g9: ['chair'] } }))).editPath).toBeNull();
    const chair = groupPage(records(), modelCtx('fr', anActor({ group: { g1: ['chair'] } })));
    expect(chair.editPath).toBe('/fr/processes/labels/groups/testing/edit');
    expect(chair.addMemberAction).toBe('/fr/processes/labels/groups/testing/members');
    expect(chair.announce).toEqual({
      action: '/fr/processes/labels/groups/testing/announcements',
      langs: [
        { value: 'en', label: 'English', selected: false },
        { value: 'fr', label: 'Français', selected: true },
      ],
      values: { title: undefined, body: undefined },
      errors: {},
      bodyLimit: { max: 10_000, hint: 'Jusqu’à 10\u202f000 caractères.' },
    });
  });

  it('shows a refused announcement in its form: what was typed, its language and the errors', () => {
    const failed = { values: { title: 'Next call', body: 'Thursday.', lang: 'en' }, errors: { body: 'Too long.' } };
    const m = groupPage({ ...records(), failedAnnouncement: failed }, modelCtx('fr', anActor({ group: { g1: ['chair'] } })));
    expect(m.announce).toMatchObject({ values: { title: 'Next call', body: 'Thursday.' }, errors: { body: 'Too long.' } });
    expect(m.announce!.langs.find((l) => l.selected)!.value).toBe('en');
  });
});
