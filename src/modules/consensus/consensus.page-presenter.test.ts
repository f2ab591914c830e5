import { describe, expect, it } from 'vitest';
import { anActor, modelCtx } from '../../../test/helpers/actors.js';
// A recommendation's address comes through the recommendations module's hook: install the modules.
import '../../app/modules.js';
import type { DocumentRow } from '../documents/index.js';
import type { Process } from '../processes/index.js';
import type { Call, CallOption, NamedPosition, ObjectionAnswer, Outcome } from './consensus.repository.js';
import type { CallRecord } from './consensus.service.js';
import { callPage, callsPage, inReaderLang, outcomeFormPage, timeLeft, type CallPageRecords } from './consensus.page-presenter.js';

const process = { id: 'p1', slug: 'labels', title_en: 'Device labels', title_fr: 'Étiquettes des appareils', timezone: 'America/Toronto' } as Process;
const call: Call = {
  id: 'c1',
  process_id: 'p1',
  group_id: 'g1',
  target_kind: 'recommendation',
  document_id: null,
  version_id: null,
  anchor: null,
  recommendation_id: 'r1',
  question_en: 'Do we agree?',
  question_fr: 'Sommes-nous d’accord ?',
  opens_at: new Date('2024-05-01T00:00:00Z'),
  deadline: new Date('2024-05-10T16:00:00Z'),
  time_zone: 'America/Toronto',
  appeal_days: 14,
  status: 'open',
  created_by: null,
  created_at: new Date('2024-05-01T00:00:00Z'),
};
const option: CallOption = { id: 'o1', call_id: 'c1', position: 0, label_en: 'As written', label_fr: 'Tel que rédigé' };
const objection: NamedPosition = {
  id: 'pos1',
  call_id: 'c1',
  option_id: 'o1',
  user_id: 'u2',
  stakeholder_group_id: 'sg1',
  organisation_id: null,
  stance: 'object',
  reason: 'Too vague',
  created_at: new Date('2024-05-02T14:00:00Z'),
  superseded_at: null,
  name: 'Bea',
  staff: null,
};
const record: CallRecord = {
  detail: { call, options: [option] },
  target: { document: null, version: null, label: null, recommendation: { id: 'r1', number: '4.1.2', titleEn: 'Label devices', titleFr: 'Étiqueter les appareils' } },
  results: [],
  outcomes: [],
  appeals: [],
};
const viewer = { eligible: false, mine: new Map<string, NamedPosition>(), canDecide: false, canAnswer: false, canAppeal: false };
const now = new Date('2024-05-07T16:00:00Z');
const records = (over: Partial<CallPageRecords> = {}): CallPageRecords => ({ process, record, history: { items: [objection], next: null }, viewer, now, ...over });

describe('callPage', () => {
  it('gives a French reader the French question, target, option labels, deadline and time left', () => {
    const m = callPage(records(), modelCtx('fr'));
    expect(m.question).toBe('Sommes-nous d’accord ?');
    expect(m.target).toEqual({ membersOnly: false, text: 'Recommandation 4.1.2\u00a0: Étiqueter les appareils', path: '/fr/processes/labels/recommendations/4.1.2' });
    expect(m.options).toEqual([{ id: 'o1', label: 'Tel que rédigé' }]);
    expect(m.deadline).toEqual({ state: 'open', deadline: '10 mai 2024 à 12 h 00 min 00 s HAE', zone: 'America/Toronto', left: 'dans 3 jours' });
    expect(m.history.rows).toEqual([{ id: 'pos1', when: '2 mai 2024 à 10 h 00 min 00 s HAE', person: { name: 'Bea', badge: null }, option: 'Tel que rédigé', stance: 'object', superseded: false, reason: 'Too vague' }]);
  });
  it('offers the position forms to eligible members, and says why not to others', () => {
    expect(callPage(records(), modelCtx('en')).position).toEqual({ kind: 'signIn' });
    expect(callPage(records(), modelCtx('en', anActor())).position).toEqual({ kind: 'notEligible' });
    const member = callPage(records({ viewer: { ...viewer, eligible: true, mine: new Map([['o1', objection]]) } }), modelCtx('en', anActor({ process: { p1: ['member'] } })));
    expect(member.position).toEqual({
      kind: 'forms',
      action: '/en/processes/labels/consensus/c1/position',
      errors: {},
      forms: [{ optionId: 'o1', label: 'As written', current: 'object', stance: 'object', reason: 'Too vague', errors: {} }],
    });
    expect(callPage(records({ now: new Date('2024-05-11T00:00:00Z') }), modelCtx('en', anActor())).position).toBeNull();
  });
  it('links the chair to the outcome form only while the call is open', () => {
    expect(callPage(records(), modelCtx('en')).recordOutcomePath).toBeNull();
    const chair = records({ viewer: { ...viewer, canDecide: true } });
    expect(callPage(chair, modelCtx('en')).recordOutcomePath).toBe('/en/processes/labels/consensus/c1/outcome');
    const closed = records({ viewer: { ...viewer, canDecide: true }, record: { ...record, detail: { call: { ...call, status: 'closed' }, options: [option] } } });
    expect(callPage(closed, modelCtx('en')).recordOutcomePath).toBeNull();
  });
});

describe('an outcome’s texts in the reader’s language', () => {
  const outcome = (over: Partial<Outcome> = {}): Outcome => ({
    id: 'out1',
    call_id: 'c1',
    option_id: 'o1',
    outcome: 'rough_consensus',
    rationale: 'All groups can live with it.',
    lang: 'en',
    rationale_translation: 'Tous les groupes peuvent s’en accommoder.',
    current: true,
    appeal_id: null,
    decided_by: null,
    decided_at: new Date('2024-05-11T14:00:00Z'),
    ...over,
  });
  const answer = (over: Partial<ObjectionAnswer> = {}): ObjectionAnswer => ({ outcome_id: 'out1', position_id: 'pos1', answer: 'See §4.2.', translation: 'Voir le §4.2.', name: 'Bea', reason: 'Too vague', staff: null, ...over });
  const shown = (lang: 'en' | 'fr', o: Outcome, a: ObjectionAnswer) => {
    const m = callPage(records({ record: { ...record, outcomes: [{ outcome: o, answers: [a] }] } }), modelCtx(lang)).outcomes[0]!;
    return { rationale: m.rationale, answer: m.answers[0]!.answer };
  };
  it('gives each reader the translation into their language', () => {
    expect(shown('fr', outcome(), answer())).toEqual({ rationale: { text: 'Tous les groupes peuvent s’en accommoder.', lang: 'fr' }, answer: { text: 'Voir le §4.2.', lang: 'fr' } });
    expect(shown('en', outcome(), answer())).toEqual({ rationale: { text: 'All groups can live with it.', lang: 'en' }, answer: { text: 'See §4.2.', lang: 'en' } });
  });
  it('gives the original, in its own language, where there is no translation', () => {
    expect(shown('fr', outcome({ rationale_translation: '' }), answer({ translation: '' }))).toEqual({ rationale: { text: 'All groups can live with it.', lang: 'en' }, answer: { text: 'See §4.2.', lang: 'en' } });
    // Written in French: the English reader gets the English version, or the French marked as such.
    const fr = outcome({ rationale: 'Adopté.', lang: 'fr', rationale_translation: 'Adopted.' });
    expect(shown('en', fr, answer({ answer: 'Voir.', translation: '' }))).toEqual({ rationale: { text: 'Adopted.', lang: 'en' }, answer: { text: 'Voir.', lang: 'fr' } });
    expect(shown('fr', fr, answer({ answer: 'Voir.', translation: 'See.' }))).toEqual({ rationale: { text: 'Adopté.', lang: 'fr' }, answer: { text: 'Voir.', lang: 'fr' } });
  });
  it('chooses as its examples say', () => {
    expect(inReaderLang('fr', 'Agreed.', 'en', 'Adopté.')).toEqual({ text: 'Adopté.', lang: 'fr' });
    expect(inReaderLang('fr', 'Agreed.', 'en', '')).toEqual({ text: 'Agreed.', lang: 'en' });
    expect(inReaderLang('en', 'Agreed.', 'en', 'Adopté.')).toEqual({ text: 'Agreed.', lang: 'en' });
  });
});

describe('callsPage', () => {
  const doc = { id: 'd1', slug: 'draft', title: 'Draft report', group_id: 'g1', process_id: 'p1' } as DocumentRow;
  it('offers opening a call on a group’s document to its chair, and on recommendations to conveners only', () => {
    const plain = callsPage({ process, calls: [], next: null, documents: [doc], now }, modelCtx('en', anActor()));
    expect([plain.openOnDocuments, plain.openOnRecommendationPath]).toEqual([[], null]);
    const chair = callsPage({ process, calls: [], next: null, documents: [doc], now }, modelCtx('en', anActor({ group: { g1: ['chair'] } })));
    expect(chair.openOnDocuments).toEqual([{ id: 'd1', title: 'Draft report', path: '/en/processes/labels/consensus/new?document=draft' }]);
    expect(chair.openOnRecommendationPath).toBeNull();
    const convener = callsPage({ process, calls: [{ call, options: [option] }], next: 'c0', documents: [], now }, modelCtx('fr', anActor({ process: { p1: ['convener'] } })));
    expect(convener.openOnRecommendationPath).toBe('/fr/processes/labels/consensus/new?target=recommendation');
    expect(convener.calls[0]).toMatchObject({ question: 'Sommes-nous d’accord ?', path: '/fr/processes/labels/consensus/c1' });
    expect(convener.olderPath).toBe('/fr/processes/labels/consensus?after=c0');
  });
});

describe('outcomeFormPage and timeLeft', () => {
  it('names each objection’s option in the reader’s language with the field its answer goes in', () => {
    expect(outcomeFormPage({ process, detail: { call, options: [option] }, objections: [objection] }, modelCtx('fr')).objections).toEqual([
      { id: 'pos1', name: 'Bea', option: 'Tel que rédigé', reason: 'Too vague', field: 'answer-pos1', translationField: 'answerTranslation-pos1' },
    ]);
  });
  it('says the time left in the largest whole unit', () => {
    expect(timeLeft('en', new Date('2019-03-29T21:00:00Z'), new Date('2019-03-26T20:00:00Z'))).toBe('in 3 days');
    expect(timeLeft('fr', new Date('2019-03-26T22:30:00Z'), new Date('2019-03-26T20:00:00Z'))).toBe('dans 2 heures');
  });
});
