import { describe, expect, it } from 'vitest';
import { anActor, modelCtx } from '../../../test/helpers/actors.js';
import type { WorkingGroup } from '../groups/index.js';
import type { Process, StakeholderGroup } from '../processes/index.js';
import type { FinalReportRow } from './recommendations.repository.js';
import type { RecommendationDetail } from './recommendations.service.js';
import { recommendationFormPage, recommendationListPage, recommendationPage, type FormChoiceRecords } from './recommendations.page-presenter.js';

const process = { id: 'p1', slug: 'labels', title_en: 'Device labels', title_fr: 'Étiquettes des appareils', timezone: 'America/Toronto' } as Process;
const d: RecommendationDetail = {
  row: {
    id: 'r1',
    process_id: 'p1',
    number: '4.1.2',
    position: 0,
    title_en: 'Label devices',
    title_fr: 'Étiqueter les appareils',
    text_en: 'Do it.',
    text_fr: 'Faites-le.',
    group_id: 'g1',
    document_id: 'd1',
    anchor: 'a-7',
    priority: 'high',
    consensus_call_id: 'c1',
    created_by: null,
    created_at: new Date('2024-01-01T00:00:00Z'),
    updated_at: new Date('2024-06-03T15:00:00Z'),
  },
  group: { id: 'g1', slug: 'testing', nameEn: 'Testing', nameFr: 'Essais' },
  section: { documentId: 'd1', documentSlug: 'draft', documentTitle: 'Draft report', documentLang: 'en', anchor: 'a-7', label: '4.1' },
  addressees: [{ kind: 'stakeholder_group', id: 'sg1', nameEn: 'Government', nameFr: 'Gouvernement' }],
};
const report = { process_id: 'p1', document_id: 'd1', published_at: new Date('2024-07-01T15:00:00Z'), published_by: null } as FinalReportRow;

describe('recommendationPage', () => {
  it('gives a French reader French texts, names and dates in fr-CA', () => {
    const m = recommendationPage({ process, d, consensus: { callId: 'c1', outcome: 'rough_consensus', decidedAt: new Date('2024-05-02T15:00:00Z') }, baseUrl: 'https://concord.example' }, modelCtx('fr'));
    expect(m.title).toBe('Étiqueter les appareils');
    expect(m.text).toBe('Faites-le.');
    expect(m.updatedOn).toBe('3 juin 2024');
    expect(m.trackerPath).toBe('/fr/processes/labels/tracker#rec-4.1.2');
    expect(m.url).toBe('https://concord.example/fr/processes/labels/recommendations/4.1.2');
    expect(m.facts).toEqual({
      priority: 'high',
      group: { name: 'Essais', path: '/fr/processes/labels/groups/testing' },
      section: { title: 'Draft report', lang: 'en', label: '4.1', path: '/fr/processes/labels/documents/draft/anchors/a-7' },
      consensus: { outcome: 'rough_consensus', date: '2 mai 2024', callPath: '/fr/processes/labels/consensus/c1' },
      addressees: [{ id: 'sg1', name: 'Gouvernement', kind: 'stakeholder_group' }],
    });
  });
  it('says the consensus is pending until declared, and offers editing to the oversight committee only', () => {
    const pending = recommendationPage({ process, d, consensus: undefined, baseUrl: '' }, modelCtx('en', anActor()));
    expect(pending.facts.consensus).toEqual({ outcome: null, date: '', callPath: '/en/processes/labels/consensus/c1' });
    expect(pending.editPath).toBeNull();
    const oversight = recommendationPage({ process, d, consensus: undefined, baseUrl: '' }, modelCtx('en', anActor({ process: { p1: ['oversight'] } })));
    expect(oversight.editPath).toBe('/en/processes/labels/recommendations/4.1.2/edit');
  });
});

describe('recommendationListPage', () => {
  it('lists in the reader’s language with the report’s date, and gives the tools to the oversight committee only', () => {
    const plain = recommendationListPage({ process, items: [d], report }, modelCtx('fr', anActor()));
    expect(plain.report).toEqual({ path: '/fr/processes/labels/final-report', publishedOn: '1er juillet 2024' });
    expect(plain.items).toEqual([{ id: 'r1', number: '4.1.2', title: 'Étiqueter les appareils', path: '/fr/processes/labels/recommendations/4.1.2', priority: 'high', addressees: ['Gouvernement'] }]);
    expect([plain.newPath, plain.publishPath]).toEqual([null, null]);
    const oversight = recommendationListPage({ process, items: [], report: undefined }, modelCtx('en', anActor({ process: { p1: ['oversight'] } })));
    expect([oversight.newPath, oversight.publishPath, oversight.report]).toEqual(['/en/processes/labels/recommendations/new', '/en/processes/labels/final-report/publish', null]);
  });
});

describe('recommendationFormPage', () => {
  it('names the choices in the reader’s language and titles the form by what it does', () => {
    const choices: FormChoiceRecords = {
      groups: [{ id: 'g1', slug: 'testing', name_en: 'Testing', name_fr: 'Essais' } as WorkingGroup],
      documents: [],
      stakeholderGroups: [{ id: 'sg1', name_en: 'Government', name_fr: 'Gouvernement' } as StakeholderGroup],
      organisations: [],
    };
    const edit = recommendationFormPage({ process, number: '4.1.2', choices }, modelCtx('fr'));
    expect(edit.title).toBe('Modifier la recommandation 4.1.2');
    expect(edit.back).toEqual({ href: '/fr/processes/labels/recommendations/4.1.2', label: 'Recommandation 4.1.2' });
    expect(edit.choices.groups).toEqual([{ id: 'g1', slug: 'testing', name: 'Essais' }]);
    expect(edit.choices.stakeholderGroups).toEqual([{ id: 'sg1', name: 'Gouvernement' }]);
    expect(recommendationFormPage({ process, number: undefined, choices }, modelCtx('en')).action).toBe('/en/processes/labels/recommendations');
  });
});
