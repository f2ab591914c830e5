import { describe, expect, it } from 'vitest';
import { anActor, modelCtx } from '../../../test/helpers/actors.js';
import { commentEntry, commentPage, commentsListPage, moderationPage } from './comments.page-presenter.js';
import { comment, detail, groups, paragraphs, process } from '../../../test/helpers/comment-records.js';
import { summariseSignals } from './comments.signals.js';

const during = new Date('2024-05-10T12:00:00Z');

describe('commentEntry', () => {
  it('gives a French reader the French group name, a fr-CA date and the paragraph it points to', () => {
    const m = commentEntry(modelCtx('fr'), { slug: 'labels', d: detail, c: comment(), groups, paragraphs });
    expect(m.title).toBe('Ada');
    expect(m.stakeholderGroup).toBe('Industrie');
    expect(m.organisation).toBe('Acme');
    expect(m.created).toMatch(/2 mai 2024/);
    expect(m.path).toBe('/fr/processes/labels/comments/c1');
    expect(m.ref).toEqual({ path: '/fr/processes/labels/documents/report/versions/3#a2', label: expect.stringContaining('§2') });
    expect(m.ref!.label).toContain('(Outcomes report)');
    expect(m.text).toEqual({ body: 'Make them bigger.', lang: 'en' });
    expect(m.tombstone).toBeNull();
  });

  it('shows a hidden comment as a tombstone: no text, no name, no organisation', () => {
    const m = commentEntry(modelCtx('en'), { slug: 'labels', d: detail, c: comment({ status: 'hidden', hidden_reason: 'abuse', hidden_at: new Date('2024-05-03T12:00:00Z') }), groups, paragraphs });
    expect(m.text).toBeNull();
    expect(m.organisation).toBeNull();
    expect(m.stakeholderGroup).toBeNull();
    expect(m.title).toContain('R-1');
    expect(m.title).not.toContain('Ada');
    expect(m.tombstone).toMatch(/May 3, 2024/);
  });

  it('links the first of a group of copies to the others, and shows the response with its language', () => {
    const m = commentEntry(modelCtx('en'), { slug: 'labels', d: detail, c: comment({ group_size: 1200, outcome: 'accepted', rationale: 'Done.', response_lang: 'fr' }), groups, paragraphs });
    expect(m.sameText).toEqual({ path: '/en/processes/labels/comments/c1/duplicates', label: expect.stringContaining('1,200') });
    expect(m.response).toEqual({ heading: expect.any(String), rationale: 'Done.', lang: 'fr' });
    expect(commentEntry(modelCtx('en'), { slug: 'labels', d: detail, c: comment({ group_size: 3, primary_comment_id: 'c0' }), groups, paragraphs }).sameText).toBeNull();
  });

  it('says a text stands for a campaign of several texts, with its counts in the reader’s language, and links to all its texts', () => {
    const campaigns = new Map([['k1', { comments: 1204, texts: 37, groups: 41 }]]);
    const m = commentEntry(modelCtx('fr'), { slug: 'labels', d: detail, c: comment({ campaign_id: 'k1' }), groups, paragraphs, campaigns });
    expect(m.campaign!.path).toBe('/fr/processes/labels/comment-periods/per1/comments?campaign=k1');
    expect(m.campaign!.label).toMatch(/^Une campagne\u00a0: 1\s204 commentaires en 37 textes/);
    // The same text on two paragraphs is two groups: the one folded is still reached from here.
    const twoParagraphs = new Map([['k1', { comments: 40, texts: 1, groups: 2 }]]);
    expect(commentEntry(modelCtx('en'), { slug: 'labels', d: detail, c: comment({ campaign_id: 'k1' }), groups, paragraphs, campaigns: twoParagraphs }).campaign!.label).toBe(
      'One campaign: 40 comments of this text on different paragraphs — see them all',
    );
    // One group is nothing to fold; a text with no campaign, or without the counts, says nothing.
    const one = new Map([['k1', { comments: 9, texts: 1, groups: 1 }]]);
    expect(commentEntry(modelCtx('en'), { slug: 'labels', d: detail, c: comment({ campaign_id: 'k1' }), groups, paragraphs, campaigns: one }).campaign).toBeNull();
    expect(commentEntry(modelCtx('en'), { slug: 'labels', d: detail, c: comment(), groups, paragraphs, campaigns }).campaign).toBeNull();
    expect(commentEntry(modelCtx('en'), { slug: 'labels', d: detail, c: comment({ campaign_id: 'k1' }), groups, paragraphs }).campaign).toBeNull();
  });
});

describe('commentsListPage', () => {
  it('names the period after the French version for a French reader, with French counts and the filters kept in every page link', () => {
    const page = { rows: [comment()], campaigns: new Map(), next: 'c9', previous: null };
    const filters = { document: undefined, anchor: 'a2', stakeholderGroup: undefined, lang: undefined, status: undefined };
    const m = commentsListPage({ process, d: detail, page, filters, groups, paragraphs, now: during }, modelCtx('fr'));
    expect(m.title).toContain('Rapport sur les résultats');
    expect(m.trail[1]).toEqual({ href: '/fr/processes/labels/comment-periods/per1', label: expect.stringContaining('Rapport sur les résultats') });
    expect(m.count).toMatch(/1\s234/);
    expect(m.pager.next).toBe('/fr/processes/labels/comment-periods/per1/comments?anchor=a2&after=c9');
    expect(m.pager.previous).toBeNull();
    expect(m.filters.map((f) => f.name)).toEqual(['document', 'anchor', 'stakeholderGroup', 'lang', 'status']);
    expect(m.filters[2]!.options).toEqual([['sg1', 'Industrie']]);
    expect(m.window.badge).toBeTruthy();
  });
});

describe('commentPage and moderationPage', () => {
  const records = { process, d: detail, c: comment(), groups, paragraphs, reports: [], file: { name: 'notes.pdf', size: 10 } };

  it('gives the moderation part to the process’s moderators only', () => {
    expect(commentPage(records, modelCtx('en')).moderation).toBeNull();
    expect(commentPage(records, modelCtx('en', anActor())).moderation).toBeNull();
    const m = commentPage(records, modelCtx('en', anActor({ process: { p1: ['oversight'] } })));
    expect(m.moderation).not.toBeNull();
    expect(m.moderation!.hidePath).toBe('/en/processes/labels/comments/c1/hide');
    expect(m.moderation!.restorePath).toBeNull();
    expect(commentPage({ ...records, c: comment({ status: 'hidden' }) }, modelCtx('en', anActor({ admin: true }))).moderation!.restorePath).toBe('/en/processes/labels/comments/c1/restore');
  });

  it('offers the file and the consent report only while the comment is visible', () => {
    const m = commentPage(records, modelCtx('en'));
    expect(m.download).toEqual({ path: '/en/processes/labels/comments/c1/file', label: expect.stringContaining('notes.pdf') });
    expect(m.reportPath).toBe('/en/processes/labels/comments/c1/report');
    const hidden = commentPage({ ...records, c: comment({ status: 'hidden' }) }, modelCtx('en'));
    expect(hidden.download).toBeNull();
    expect(hidden.reportPath).toBeNull();
  });

  it('lists recently hidden comments with the reason translated and the time in fr-CA', () => {
    const hidden = [{ ...comment({ status: 'hidden', hidden_reason: 'spam', hidden_at: new Date('2024-05-03T12:00:00Z') }), hidden_by_name: 'Mod' }];
    const m = moderationPage({ process, d: detail, reports: [], hidden, signals: summariseSignals({ seconds: [], channels: [], domains: [], withSender: 0, disposable: 0, senders: [], sendersWithManyNames: 0 }) }, modelCtx('fr'));
    expect(m.hidden[0]).toMatchObject({ path: '/fr/processes/labels/comments/c1', receipt: 'R-1', by: 'Mod' });
    expect(m.hidden[0]!.when).toMatch(/3 mai 2024/);
    expect(m.hidden[0]!.reason).not.toBe('spam');
  });
});
