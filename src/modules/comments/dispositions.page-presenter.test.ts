import { describe, expect, it } from 'vitest';
import { modelCtx } from '../../../test/helpers/actors.js';
import { en, period, process } from '../../../test/helpers/comment-records.js';
import type { CommentEntry, ReportEntry } from './dispositions.repository.js';
import type { Report, VersionRef } from './dispositions.report.js';
import { queuePageModel, reportPage } from './dispositions.page-presenter.js';

const entry = (over: Partial<ReportEntry> = {}): ReportEntry =>
  ({
    id: 'c1',
    period_id: 'per1',
    document_id: 'd-en',
    version_id: 'v-en',
    anchor: 'a2',
    group_id: 'g1',
    group_size: 1,
    campaign_id: null,
    display_name: 'Ada',
    organisation: null,
    lang: 'en',
    body: 'One.\n\nTwo.',
    status: 'visible',
    hidden_reason: null,
    hidden_at: null,
    created_at: new Date('2024-05-02T14:30:00Z'),
    receipt: 'R-1',
    listed: true,
    d_id: null,
    d_scope: null,
    d_outcome: null,
    d_rationale: null,
    d_lang: null,
    d_version_id: null,
    d_anchor: null,
    at: 'a2',
    author_staff: null,
    ...over,
  }) as ReportEntry;
const versions = new Map<string, VersionRef>([
  ['v-en', { document: en.document, number: 3 }],
  ['v-en4', { document: en.document, number: 4 }],
]);
const report = (entries: ReportEntry[]): Report => ({
  period,
  documents: [
    {
      document: en.document,
      version: en.version,
      paragraphs: [
        { anchor: 'a2', label: '§2', excerpt: 'Labels must be clear.', total: 2, hidden: 0, counts: { accepted: 1 }, awaiting: 1, entries },
        { anchor: '', label: '', excerpt: '', total: 1, hidden: 1, counts: {}, awaiting: 0, entries: [] },
      ],
    },
  ],
  names: new Map(),
  versions,
  labels: new Map([['v-en4', new Map([['a2', '§2.1']])]]),
  campaigns: new Map([['k1', { comments: 5000, texts: 12, groups: 14 }]]),
});

describe('reportPage', () => {
  it('counts a campaign once: its representative says how many comments and texts it stands for, and links to them all', () => {
    const m = reportPage({ process, report: report([entry({ campaign_id: 'k1' }), entry({ id: 'c2', receipt: 'R-2' })]), canRespond: false }, modelCtx('en'));
    const [rep, other] = m.documents[0]!.paragraphs[0]!.entries;
    expect(rep!.campaign).toEqual({ path: expect.stringMatching(/^\/en\/processes\/labels\/comment-periods\/per1\/comments\?campaign=k1$/), label: expect.stringContaining('5,000 comments in 12 different texts') });
    expect(other!.campaign).toBeNull();
  });

  it('gives a table of contents whose links are the ids of the document and paragraph sections', () => {
    const m = reportPage({ process, report: report([entry()]), canRespond: false }, modelCtx('fr'));
    const ids = m.documents.flatMap((d) => [d.id, ...d.paragraphs.map((p) => p.id)]);
    expect(ids).toEqual(['d-d-en', 'p-d-en-a2', 'p-d-en-general']);
    expect(m.contents).toHaveLength(1);
    expect(m.contents[0]!.href).toBe('#d-d-en');
    expect(m.contents[0]!.label).toBe(m.documents[0]!.heading);
    expect(m.contents[0]!.paragraphs.map((p) => p.href)).toEqual(['#p-d-en-a2', '#p-d-en-general']);
    expect(m.contents[0]!.paragraphs[0]!.label).toBe('Paragraphe §2 (2 commentaires)');
    expect(m.contents[0]!.paragraphs[1]!.label).toContain('Commentaires généraux');
  });

  it('links a response to the changed paragraph of the version it names, and the queue only for those who may respond', () => {
    const answered = entry({ d_outcome: 'accepted', d_rationale: 'Fait.', d_lang: 'fr', d_version_id: 'v-en4', d_anchor: 'a2' });
    const m = reportPage({ process, report: report([answered]), canRespond: true }, modelCtx('en'));
    const e = m.documents[0]!.paragraphs[0]!.entries[0]!;
    expect(e.body).toEqual({ paragraphs: ['One.', 'Two.'], lang: 'en' });
    expect(e.response).toMatchObject({ awaiting: false, rationale: { text: 'Fait.', lang: 'fr' }, changed: { path: '/en/processes/labels/documents/report/versions/4#a2', label: expect.stringContaining('§2.1') } });
    expect(m.queuePath).toBe('/en/processes/labels/comment-periods/per1/responses');
    expect(reportPage({ process, report: report([answered]), canRespond: false }, modelCtx('en')).queuePath).toBeNull();
  });

  it('shows a hidden comment as its tombstone, with no "awaiting" line when it has no response', () => {
    const hidden = entry({ status: 'hidden', hidden_reason: 'spam', hidden_at: new Date('2024-05-03T12:00:00Z') });
    const e = reportPage({ process, report: report([hidden]), canRespond: false }, modelCtx('fr')).documents[0]!.paragraphs[0]!.entries[0]!;
    expect(e.body).toEqual({ tombstone: expect.stringMatching(/3 mai 2024/) });
    expect(e.response).toBeNull();
    expect(e.heading).toEqual({ before: 'Commentaire R-1', person: { name: '', badge: null }, after: '' });
  });
});

describe('queuePageModel', () => {
  const page = { entries: [entry() as CommentEntry], next: 'c2', previous: null };
  const base = { process, period, documents: [en], status: 'awaiting' as const, page, cursor: {}, versions, labels: new Map([['d-en', new Map([['a2', '§2']])]]) };

  it('fills the form with what was typed and its errors only for the entry that failed', () => {
    const failed = { commentId: 'c1', values: { outcome: 'noted', rationale: 'x' }, errors: { 'rationale-c1': 'Too short', 'outcome-c9': 'other' } };
    const m = queuePageModel({ ...base, failed }, modelCtx('en'));
    const f = m.entries[0]!.form;
    expect(f.values).toEqual({ outcome: 'noted', rationale: 'x' });
    expect(f.errors).toEqual({ rationale: 'Too short' });
    expect(f.versions.map((v) => v.value)).toEqual(['4', '3']);
    expect(m.nextPath).toBe('/en/processes/labels/comment-periods/per1/responses?status=awaiting&after=c2');
    expect(m.entries[0]!.meta).toContain('§2');
    expect(m.filters.find((x) => x.current)!.status).toBe('awaiting');
  });
});
