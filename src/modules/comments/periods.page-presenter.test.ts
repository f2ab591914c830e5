import { describe, expect, it } from 'vitest';
import { anActor, modelCtx } from '../../../test/helpers/actors.js';
import { detail, en, paragraphs, process } from '../../../test/helpers/comment-records.js';
import { PARAGRAPH_TEXT_CHARS, periodPage, periodsPage, type PeriodRecords } from './periods.page-presenter.js';

const during = new Date('2024-05-10T12:00:00Z');
const after = new Date('2024-07-01T12:00:00Z');
const records = (over: Partial<PeriodRecords> = {}): PeriodRecords => ({
  process,
  d: detail,
  counts: [{ documentId: 'd-en', counts: new Map([['a2', 1500], ['', 3]]) }],
  paragraphs,
  now: during,
  canRespond: false,
  ...over,
});

describe('periodPage', () => {
  it('shows each commented paragraph’s label, the start of its text (cut to a word) and its count, then the general comments', () => {
    const m = periodPage(records(), modelCtx('fr'));
    expect(m.perParagraph).toHaveLength(1);
    const [doc] = m.perParagraph;
    expect(doc!.lang).toBe('en');
    expect(doc!.rows.map((r) => r.anchor)).toEqual(['a2', 'general']);
    const [a2, general] = doc!.rows;
    expect(a2!.label).toBe('§2');
    expect(a2!.text!.startsWith('Labels <b>must</b> be clear. Long text')).toBe(true);
    expect(a2!.text!.length).toBeLessThanOrEqual(PARAGRAPH_TEXT_CHARS + 1);
    expect(a2!.text!.endsWith('…')).toBe(true);
    expect(a2!.count).toMatch(/^1\s500$/);
    expect(a2!.path).toBe('/fr/processes/labels/comment-periods/per1/comments?document=report&anchor=a2');
    expect(general!.text).toBeNull();
  });

  it('says there is nothing per paragraph when no comment came in', () => {
    expect(periodPage(records({ counts: [{ documentId: 'd-en', counts: new Map() }] }), modelCtx('en')).perParagraph).toEqual([]);
  });

  it('offers to comment only while open, the queue to those who may respond, moderation to moderators', () => {
    const open = periodPage(records(), modelCtx('en'));
    expect(open.commentPath).toBe('/en/processes/labels/comment-periods/per1/comments/new?document=report');
    expect(open.respondPath).toBeNull();
    expect(open.moderationPath).toBeNull();
    expect(open.campaignsPath).toBeNull();
    expect(periodPage(records(), modelCtx('fr', anActor({ process: { p1: ['moderator'] } }))).campaignsPath).toBe('/fr/processes/labels/comment-periods/per1/campaigns');
    expect(periodPage(records({ now: after }), modelCtx('en')).commentPath).toBeNull();
    expect(periodPage(records({ canRespond: true }), modelCtx('en')).respondPath).toBe('/en/processes/labels/comment-periods/per1/responses');
    expect(periodPage(records(), modelCtx('en', anActor({ process: { p1: ['oversight'] } }))).moderationPath).toBe('/en/processes/labels/comment-periods/per1/moderation');
  });

  it('shows English instructions to a French reader, marked as in the other language, and leaves hidden comments out of the total', () => {
    const m = periodPage(records(), modelCtx('fr'));
    expect(m.instructions).toEqual({ text: 'Tell us.', lang: 'en', otherLanguage: true });
    expect(m.progress.max).toBe(1230);
    expect(m.progress.hidden).toMatch(/4/);
    expect(m.trail[0]).toEqual({ href: '/fr/processes/labels', label: 'Étiquettes des appareils' });
  });
});

describe('periodsPage', () => {
  it('lists the documents to open a period on only for those who may open one', () => {
    const r = { process, periods: [detail], documents: [en.document], now: during };
    expect(periodsPage(r, modelCtx('en', anActor())).openOn).toEqual([]);
    const m = periodsPage(r, modelCtx('fr', anActor({ process: { p1: ['convener'] } })));
    expect(m.openOn).toEqual([{ id: 'd-en', label: expect.stringContaining('Outcomes report'), path: '/fr/processes/labels/comment-periods/new?document=report' }]);
    expect(m.periods[0]!.title).toContain('Rapport sur les résultats');
  });
});
