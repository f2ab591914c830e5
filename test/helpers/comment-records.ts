import type { DocumentRow, VersionRow } from '../../src/modules/documents/index.js';
import type { Process, StakeholderGroup } from '../../src/modules/processes/index.js';
import type { CommentRow, Period } from '../../src/modules/comments/comments.repository.js';
import type { ParagraphMaps } from '../../src/modules/comments/comments.page-presenter.js';
import type { PeriodDetail } from '../../src/modules/comments/periods.service.js';

/** Records for the comments module's page presenter tests (plain objects, no database): a process, a period on an English report and its French translation. */
export const process = { id: 'p1', slug: 'labels', title_en: 'Device labels', title_fr: 'Étiquettes des appareils', timezone: 'America/Toronto' } as Process;
export const period = {
  id: 'per1',
  process_id: 'p1',
  opens_at: new Date('2024-05-01T13:00:00Z'),
  closes_at: new Date('2024-06-12T13:00:00Z'),
  time_zone: 'America/Toronto',
  instructions_en: 'Tell us.',
  instructions_fr: '',
  audience: 'confirmed',
  comment_count: 1234,
  disposed_count: 10,
  hidden_count: 4,
  text_count: 1000,
  folded_texts: 0,
} as Period;
const doc = (id: string, lang: 'en' | 'fr', slug: string, title: string) => ({ id, lang, slug, title, created_at: new Date('2024-01-01T00:00:00Z') }) as DocumentRow;
export const en = { document: doc('d-en', 'en', 'report', 'Outcomes report'), version: { id: 'v-en', number: 3, title: 'Outcomes report' } as VersionRow };
export const fr = { document: doc('d-fr', 'fr', 'rapport', 'Rapport'), version: { id: 'v-fr', number: 2, title: 'Rapport sur les résultats' } as VersionRow };
export const detail: PeriodDetail = { period, documents: [en, fr] };
export const groups = [{ id: 'sg1', name_en: 'Industry', name_fr: 'Industrie' }] as StakeholderGroup[];
export const paragraphs: ParagraphMaps = new Map([
  [
    'd-en',
    new Map([
      ['a1', { label: '§1', plain: 'Scope.', kind: 'paragraph' }],
      ['a2', { label: '§2', plain: `Labels <b>must</b> be clear. ${'Long text '.repeat(30)}`, kind: 'paragraph' }],
    ]),
  ],
]);
export const comment = (over: Partial<CommentRow> = {}): CommentRow =>
  ({
    id: 'c1',
    period_id: 'per1',
    document_id: 'd-en',
    version_id: 'v-en',
    anchor: 'a2',
    display_name: 'Ada',
    organisation: 'Acme',
    stakeholder_group_id: 'sg1',
    lang: 'en',
    body: 'Make them bigger.',
    status: 'visible',
    hidden_reason: null,
    hidden_at: null,
    hidden_note: null,
    receipt: 'R-1',
    created_at: new Date('2024-05-02T14:30:00Z'),
    channel: 'web',
    received_at: new Date('2024-05-02T14:30:00Z'),
    import_line: null,
    file_id: null,
    group_id: 'g1',
    group_size: 1,
    campaign_id: null,
    folded: false,
    primary_comment_id: 'c1',
    outcome: null,
    rationale: null,
    response_lang: null,
    ...over,
  }) as CommentRow;
