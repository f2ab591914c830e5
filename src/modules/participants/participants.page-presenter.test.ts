import { describe, expect, it } from 'vitest';
import { modelCtx } from '../../../test/helpers/actors.js';
import type { Process, StakeholderGroup } from '../processes/index.js';
import type { MemberRow, Organisation } from './participants.repository.js';
import { balanceSection, directoryPage, joinPage, organisationsPage, stakeholderGroupsPage, type DirectoryRecords } from './participants.page-presenter.js';

const process = { id: 'p1', slug: 'labels', title_en: 'Device labels', title_fr: 'Étiquettes des appareils' } as Process;
const sg = { id: 'sg1', key: 'academia', name_en: 'Academia', name_fr: 'Milieu universitaire', target_share: '0.125' } as unknown as StakeholderGroup;
const org = { id: 'o1', name: 'Acme', sector: 'academia', website: 'https://acme.example', province: 'QC', country: 'CA' } as Organisation;
const member: MemberRow = {
  member_id: 'm1',
  user_id: 'u1',
  name: 'Ada',
  joined_at: new Date('2024-05-02T16:00:00Z'),
  organisation_id: 'o1',
  organisation_name: 'Acme',
  stakeholder_group_id: 'sg1',
  stakeholder_key: 'academia',
  stakeholder_name_en: 'Academia',
  stakeholder_name_fr: 'Milieu universitaire',
};
const directory = (over: Partial<DirectoryRecords> = {}): DirectoryRecords => ({
  process,
  stakeholderGroups: [sg],
  workingGroups: [{ slug: 'testing', name: 'Essais' }],
  organisations: [org],
  filters: { stakeholderGroup: 'academia' },
  members: [member],
  groupsByUser: new Map([['u1', ['Essais', 'Étiquettes']]]),
  nextHref: undefined,
  ...over,
});

describe('directoryPage', () => {
  it('gives a French reader French names, fr-CA dates and French paths', () => {
    const m = directoryPage(directory(), modelCtx('fr'));
    expect(m.processCrumb).toEqual({ href: '/fr/processes/labels', label: 'Étiquettes des appareils' });
    expect(m.filterAction).toBe('/fr/processes/labels/participants');
    expect(m.members).toEqual([{ id: 'u1', name: 'Ada', person: { name: 'Ada', badge: null }, organisation: 'Acme', stakeholderGroup: 'Milieu universitaire', workingGroups: 'Essais, Étiquettes', joinedOn: '2 mai 2024' }]);
    expect(m.stakeholderGroupOptions).toEqual([{ value: 'academia', label: 'Milieu universitaire', selected: true }]);
    expect(m.organisationOptions[0]!.selected).toBe(false);
  });
  it('formats the joined date in en-CA for an English reader', () => {
    expect(directoryPage(directory(), modelCtx('en')).members[0]!.joinedOn).toBe('May 2, 2024');
  });
});

describe('organisationsPage', () => {
  it('names the sector and the member count in the reader’s language', () => {
    const [o] = organisationsPage(process, [{ ...org, members: 3 }], modelCtx('fr')).organisations;
    expect(o).toMatchObject({ path: '/fr/organisations/o1', region: 'QC, CA', membersPath: '/fr/processes/labels/participants?organisation=o1', membersLabel: '3 membres d’Acme' });
    expect(organisationsPage(process, [{ ...org, website: null, members: 1 }], modelCtx('en')).organisations[0]!.website).toBeNull();
  });
});

describe('joinPage and stakeholderGroupsPage', () => {
  it('keeps what was typed, and offers the reader’s language first', () => {
    const m = joinPage(process, [sg], [org], { organisationId: 'o1', stakeholderGroupId: 'sg1' }, modelCtx('fr'));
    expect(m.action).toBe('/fr/processes/labels/join');
    expect(m.organisationOptions).toEqual([{ value: 'o1', label: 'Acme', selected: true }]);
    expect(m.stakeholderGroups).toEqual([{ id: 'sg1', key: 'academia', label: 'Milieu universitaire', checked: true }]);
    expect(m.preferredLangs.filter((l) => l.checked).map((l) => l.value)).toEqual(['fr']);
  });
  it('shows target shares in percent, with an empty row to add a group', () => {
    expect(stakeholderGroupsPage(process, [sg], modelCtx('en')).rows).toEqual([
      { id: 'sg1', en: 'Academia', fr: 'Milieu universitaire', target: '12.5' },
      { id: '', en: '', fr: '', target: '' },
    ]);
  });
});

describe('balanceSection', () => {
  it('names missing and under-target groups in the reader’s language, and nothing when balanced', () => {
    const rows = [
      { key: 'academia', nameEn: 'Academia', nameFr: 'Milieu universitaire', count: 0, share: 0, targetShare: 0.2, status: 'missing' as const },
      { key: 'government', nameEn: 'Government', nameFr: 'Gouvernement', count: 1, share: 0.1, targetShare: 0.3, status: 'below' as const },
    ];
    const m = balanceSection(rows, modelCtx('fr'));
    expect(m.warnings).toHaveLength(2);
    expect(m.warnings[0]).toContain('Milieu universitaire');
    expect(m.warnings[1]).toContain('Gouvernement');
    expect(m.chart[1]).toEqual({ key: 'government', label: 'Gouvernement', count: 1, targetShare: 0.3 });
    expect(balanceSection([{ ...rows[0]!, count: 2, status: 'met' }], modelCtx('en')).warnings).toEqual([]);
  });
});
