import { describe, expect, it } from 'vitest';
import { anActor, modelCtx } from '../../../test/helpers/actors.js';
import type { Process } from '../processes/index.js';
import type { TrackedAction, Tracker } from './tracker.service.js';
import { trackerPage } from './accountability.page-presenter.js';

const process = { id: 'p1', slug: 'labels', title_en: 'Device labels', title_fr: 'Étiquettes des appareils', timezone: 'America/Toronto' } as Process;
const action: TrackedAction = {
  id: 'a1',
  process_id: 'p1',
  recommendation_id: 'r1',
  title_en: 'Publish a label',
  title_fr: 'Publier une étiquette',
  owner_organisation_id: 'o1',
  owner_name: 'Acme',
  contact_user_id: 'u7',
  contact_name: 'Bea',
  contact_staff: null,
  due_on: '2020-06-30',
  measure_en: 'A label exists',
  measure_fr: 'Une étiquette existe',
  status: 'on_track',
  status_at: new Date('2020-01-01T00:00:00Z'),
  reminded_due_at: null,
  reminded_overdue_at: null,
  created_by: null,
  created_at: new Date('2020-01-01T00:00:00Z'),
  updated_at: new Date('2020-01-01T00:00:00Z'),
  overdue: true,
  late: false,
  stakeholderGroupId: 'sg1',
  reports: [],
};
const tracker: Tracker = {
  today: '2020-07-01',
  total: 1,
  overall: { withOwner: 1, done: 0, late: 1 },
  byGroup: [{ id: 'sg1', key: 'industry', nameEn: 'Industry', nameFr: 'Industrie', withOwner: 1, done: 0, late: 1 }],
  sections: [{ recommendation: { id: 'r1', process_id: 'p1', number: '4.1', position: 0, title_en: 'Labels', title_fr: 'Étiquettes' }, actions: [action], pledges: [] }],
};

describe('trackerPage', () => {
  it('gives a French reader French titles, measures, group names and days in fr-CA', () => {
    const m = trackerPage({ process, tracker, representing: null }, modelCtx('fr', anActor()));
    expect(m.today).toEqual({ iso: '2020-07-01', text: '1er juillet 2020' });
    expect(m.figures?.rows.map((r) => r.label)).toEqual(['Tous les groupes d’intervenants', 'Industrie']);
    expect(m.overdue).toEqual([{ id: 'action-a1', label: '4.1 · Publier une étiquette (Acme)', due: { iso: '2020-06-30', text: '30 juin 2020' } }]);
    expect(m.sections[0]).toMatchObject({ number: '4.1', title: 'Étiquettes', addActionPath: null, pledgePath: null });
    expect(m.sections[0]!.actions[0]).toMatchObject({ title: 'Publier une étiquette', measure: 'Une étiquette existe', ownerPath: '/fr/processes/labels/tracker/organisations/o1', progressPath: null, editPath: null });
  });
  it('lets someone confirmed for the owner report progress (not the contact or an affiliation alone), and the action committee also edit and add actions', () => {
    // Being named contact, or naming the organisation on joining, confirms nothing (issue 10).
    const contact = trackerPage({ process, tracker, representing: null }, modelCtx('en', { ...anActor({ process: { p1: ['member'] } }), userId: 'u7' }));
    expect(contact.sections[0]!.actions[0]).toMatchObject({ progressPath: null, editPath: null });
    expect(contact.sections[0]!.addActionPath).toBeNull();
    const confirmed = { ...anActor({ process: { p1: ['member'] } }), organisationRoles: new Map([['o1', new Set(['representative'] as const)]]) };
    const representative = trackerPage({ process, tracker, representing: 'o1' }, modelCtx('en', confirmed));
    expect(representative.sections[0]!.pledgePath).toBe('/en/processes/labels/tracker/recommendations/r1/pledge');
    expect(representative.sections[0]!.actions[0]!.progressPath).toBe('/en/processes/labels/tracker/actions/a1/progress');
    const committee = trackerPage({ process, tracker, representing: null }, modelCtx('en', anActor({ process: { p1: ['action_committee'] } })));
    expect(committee.sections[0]!.actions[0]!.editPath).toBe('/en/processes/labels/tracker/actions/a1/edit');
    expect(committee.sections[0]!.addActionPath).toBe('/en/processes/labels/tracker/recommendations/r1/actions/new');
  });
  it('shows an organisation’s tracker without figures or the tools to add', () => {
    const m = trackerPage({ process, tracker, representing: 'o1', organisation: { id: 'o1', name: 'Acme' } }, modelCtx('en', anActor({ process: { p1: ['action_committee'] } })));
    expect(m.organisation).toEqual({ name: 'Acme' });
    expect(m.figures).toBeNull();
    expect([m.sections[0]!.addActionPath, m.sections[0]!.pledgePath]).toEqual([null, null]);
  });
});
