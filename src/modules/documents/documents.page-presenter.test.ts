import { describe, expect, it } from 'vitest';
import { anActor, modelCtx } from '../../../test/helpers/actors.js';
import type { WorkingGroup } from '../groups/index.js';
import type { Process } from '../processes/index.js';
import type { BlockRow, DocumentRow, VersionListItem } from './documents.repository.js';
import type { DocumentPage } from './documents.reading.js';
import type { DocumentMargin } from './documents.slots.js';
import { documentListPage, documentPageModel, editDocumentPage, newDocumentPage } from './documents.page-presenter.js';
import { anchorPage, comparePage, historyPage, printPage, sideBySidePage } from './documents.reading.page-presenter.js';

const process = { id: 'p1', slug: 'labels', title_en: 'Device labels', title_fr: 'Étiquettes des appareils', timezone: 'America/Toronto' } as Process;
const group = { id: 'g1', process_id: 'p1', slug: 'lab', name_en: 'Labelling', name_fr: 'Étiquetage' } as WorkingGroup;
const other = { id: 'g2', process_id: 'p1', slug: 'upd', name_en: 'Updates', name_fr: 'Mises à jour' } as WorkingGroup;
const doc: DocumentRow = {
  id: 'd1',
  process_id: 'p1',
  group_id: 'g1',
  slug: 'baseline',
  kind: 'baseline',
  lang: 'en',
  title: 'Security baseline',
  status: 'draft',
  members_only: true,
  translation_key: 'd1',
  current_version_id: 'v3',
  version_count: 3,
  created_by: null,
  created_at: new Date('2024-05-01T00:00:00Z'),
  updated_at: new Date('2024-05-01T00:00:00Z'),
};
const french: DocumentRow = { ...doc, id: 'd2', slug: 'referentiel', lang: 'fr', title: 'Référentiel de sécurité', group_id: null, members_only: false, version_count: 2, current_version_id: 'w2' };
const version = (n: number, over: Partial<VersionListItem> = {}): VersionListItem => ({
  id: `v${n}`,
  document_id: 'd1',
  number: n,
  title: `Security baseline ${n}`,
  markdown: '',
  message: n === 1 ? '' : `Edit ${n}`,
  author_id: 'u1',
  created_at: new Date('2024-05-02T16:30:00Z'),
  author_name: 'Bea',
  author_staff: null,
  ...over,
});
const block = (anchor: string, label: string): BlockRow => ({
  version_id: 'v3',
  document_id: 'd1',
  position: 0,
  anchor,
  kind: 'paragraph',
  level: null,
  label,
  source: 'x',
  html: `<p>${label}</p>`,
  plain: label,
  change: 'same',
});
const margin: DocumentMargin = {
  periodId: 'c1',
  versionId: 'v3',
  state: 'open',
  opensAt: new Date('2024-05-01T13:00:00Z'),
  closesAt: new Date('2024-06-01T04:00:00Z'),
  timeZone: 'America/Vancouver',
  left: { days: 3, hours: 4, minutes: 0, seconds: 0 },
  counts: { pa: 2 },
  general: 1,
  total: 3,
};
const page = (over: Partial<DocumentPage> = {}): DocumentPage => ({
  doc,
  version: version(3),
  blocks: [block('pa', '¶ 1'), block('pb', '¶ 2')],
  translations: [french],
  groups: [group],
  margin: null,
  marginVersion: null,
  ...over,
});
const chair = anActor({ group: { g1: ['chair'] } });
const convener = anActor({ process: { p1: ['convener'] } });

describe('documentListPage', () => {
  it('gives a French reader the French process title, group name, kind, status and language names', () => {
    const m = documentListPage({ process, docs: [doc, french], groups: [group, other] }, modelCtx('fr'));
    expect(m.processTitle).toBe('Étiquettes des appareils');
    expect(m.processCrumb).toEqual({ href: '/fr/processes/labels', label: 'Étiquettes des appareils' });
    expect(m.docs[0]).toEqual({
      id: 'd1',
      title: 'Security baseline',
      lang: 'en',
      langName: 'anglais',
      path: '/fr/processes/labels/documents/baseline',
      membersOnly: true,
      owner: 'Étiquetage',
      kind: 'Référentiel',
      status: 'Ébauche',
      versionCount: 3,
      translations: [{ id: 'd2', lang: 'fr', langName: 'français', path: '/fr/processes/labels/documents/referentiel' }],
    });
    expect([m.docs[1]!.owner, m.docs[1]!.membersOnly, m.docs[1]!.versionCount]).toEqual(['Processus', false, 2]);
  });
  it('offers creation for the process to conveners, for their own groups to a chair, and none to others', () => {
    const plain = documentListPage({ process, docs: [], groups: [group, other] }, modelCtx('en', anActor()));
    expect([plain.newPath, plain.newForGroups]).toEqual([null, []]);
    const c = documentListPage({ process, docs: [], groups: [group, other] }, modelCtx('en', convener));
    expect([c.newPath, c.newForGroups]).toEqual(['/en/processes/labels/documents/new', []]);
    const ch = documentListPage({ process, docs: [], groups: [group, other] }, modelCtx('en', chair));
    expect([ch.newPath, ch.newForGroups]).toEqual([null, [{ id: 'g1', name: 'Labelling', path: '/en/processes/labels/documents/new?group=lab' }]]);
  });
});

describe('newDocumentPage and editDocumentPage', () => {
  it('lists the owners the reader may write for, and what a document may translate, in their language', () => {
    const m = newDocumentPage({ process, groups: [group, other], originals: [doc] }, modelCtx('fr', chair));
    expect(m.owners).toEqual([{ value: 'lab', label: 'Étiquetage' }]);
    expect(m.originals).toEqual([
      { value: '', label: 'Pas une traduction' },
      { value: 'baseline', label: 'Security baseline (anglais)' },
    ]);
    expect(m.kinds[0]).toEqual({ value: 'report', label: 'Rapport' });
    expect(m.langs).toEqual([
      { value: 'en', label: 'anglais' },
      { value: 'fr', label: 'français' },
    ]);
    expect([m.action, m.defaultLang]).toEqual(['/fr/processes/labels/documents/new', 'fr']);
    const c = newDocumentPage({ process, groups: [group, other], originals: [] }, modelCtx('en', convener));
    expect(c.owners.map((o) => o.value)).toEqual(['', 'lab', 'upd']);
  });
  it('starts a new version from the current one', () => {
    expect(editDocumentPage({ process, doc }, modelCtx('en'))).toEqual({ title: 'Security baseline', action: '/en/processes/labels/documents/baseline/edit', current: 3, next: 4 });
  });
});

describe('documentPageModel', () => {
  it('formats the version line in fr-CA in the process’s zone and names the owner and status in French', () => {
    const m = documentPageModel({ process, page: page({ version: version(3, { author_name: null }) }) }, modelCtx('fr'));
    expect([m.title, m.lang, m.number, m.count]).toEqual(['Security baseline 3', 'en', 3, 3]);
    expect(m.date).toBe('2 mai 2024 à 12 h 30');
    expect([m.status, m.owner]).toEqual(['Ébauche', 'Étiquetage']);
    expect(m.versionLine).toEqual({ before: 'Version 3 sur 3, enregistrée le 2 mai 2024 à 12 h 30 par ', person: { name: 'un ancien membre', badge: null }, after: '.' });
    expect(m.translations).toEqual([{ id: 'd2', lang: 'fr', langName: 'français', path: '/fr/processes/labels/documents/referentiel' }]);
    expect(m.sideBySide).toEqual({ path: '/fr/processes/labels/documents/baseline/side-by-side', langName: 'français' });
    expect([m.currentPath, m.changeSincePath, m.markdownPath]).toEqual([null, '/fr/processes/labels/documents/baseline/compare?from=2&to=3', '/fr/processes/labels/documents/baseline/versions/3/markdown']);
    expect(m.blocks[0]).toEqual({ anchor: 'pa', kind: 'paragraph', label: '¶ 1', html: '<p>¶ 1</p>', permalinkPath: '/fr/processes/labels/documents/baseline/anchors/pa', margin: null });
  });
  it('offers the edit link and the later statuses to the group’s chair on the current version only', () => {
    expect(documentPageModel({ process, page: page() }, modelCtx('en', anActor()))).toMatchObject({ editPath: null, statusForm: null });
    const m = documentPageModel({ process, page: page() }, modelCtx('en', chair));
    expect(m.editPath).toBe('/en/processes/labels/documents/baseline/edit');
    expect(m.statusForm).toEqual({
      action: '/en/processes/labels/documents/baseline/status',
      current: 'Draft',
      options: [
        { value: 'public_comment', label: 'Public comment' },
        { value: 'final', label: 'Final' },
        { value: 'superseded', label: 'Superseded' },
      ],
    });
    const old = documentPageModel({ process, page: page({ version: version(1) }) }, modelCtx('en', chair));
    expect([old.editPath, old.statusForm, old.currentPath, old.changeSincePath]).toEqual([null, null, '/en/processes/labels/documents/baseline', null]);
    const superseded = documentPageModel({ process, page: page({ doc: { ...doc, status: 'superseded' } }) }, modelCtx('en', chair));
    expect([superseded.editPath, superseded.statusForm]).toEqual([null, null]);
  });
  it('puts an open period’s margin on its version’s blocks, with the period’s times in its own zone', () => {
    const m = documentPageModel({ process, page: page({ margin, marginVersion: 3 }) }, modelCtx('en'));
    expect(m.period).toEqual({
      state: 'Open for public comment until May 31, 2024 at 9:00:00 p.m. PDT (closes in 3 days, 4 hours).',
      here: true,
      commentPath: '/en/processes/labels/comment-periods/c1/comments/new?document=baseline#comment-form',
      all: { path: '/en/processes/labels/comment-periods/c1/comments?document=baseline', count: 3 },
      otherVersion: null,
    });
    expect(m.blocks.map((b) => b.margin)).toEqual([
      { count: 2, listPath: '/en/processes/labels/comment-periods/c1/comments?document=baseline&anchor=pa', createPath: '/en/processes/labels/comment-periods/c1/comments/new?document=baseline&anchor=pa#comment-form' },
      { count: 0, listPath: '/en/processes/labels/comment-periods/c1/comments?document=baseline&anchor=pb', createPath: '/en/processes/labels/comment-periods/c1/comments/new?document=baseline&anchor=pb#comment-form' },
    ]);
    expect([m.withMargin, m.inlineComments]).toEqual([true, true]);
    const closed = documentPageModel({ process, page: page({ margin: { ...margin, state: 'closed', left: null }, marginVersion: 3 }) }, modelCtx('en'));
    expect([closed.period!.commentPath, closed.blocks[0]!.margin!.createPath, closed.inlineComments]).toEqual([null, null, false]);
  });
  it('on the current version, points to the version a period is about instead of a margin', () => {
    const m = documentPageModel({ process, page: page({ margin: { ...margin, versionId: 'v2' }, marginVersion: 2 }) }, modelCtx('fr'));
    expect(m.period).toMatchObject({ here: false, commentPath: null, all: null, otherVersion: { n: 2, path: '/fr/processes/labels/documents/baseline/versions/2' } });
    expect([m.withMargin, m.blocks[0]!.margin]).toEqual([false, null]);
    // An older version that is not the period's shows no box at all.
    expect(documentPageModel({ process, page: page({ version: version(1), margin: { ...margin, versionId: 'v2' }, marginVersion: 2 }) }, modelCtx('en')).period).toBeNull();
  });
});

describe('the reading pages', () => {
  it('historyPage formats each version for the reader and links it to the one before', () => {
    const m = historyPage({ process, doc, versions: [version(1), version(2, { author_name: null })] }, modelCtx('fr'));
    expect([m.docTitle, m.docPath, m.listPath, m.comparePath]).toEqual(['Security baseline', '/fr/processes/labels/documents/baseline', '/fr/processes/labels/documents', '/fr/processes/labels/documents/baseline/compare?from=1&to=3']);
    expect(m.versions).toEqual([
      { id: 'v1', number: 1, path: '/fr/processes/labels/documents/baseline/versions/1', author: { name: 'Bea', badge: null }, date: '2 mai 2024 à 12 h 30', message: '—', previous: null },
      { id: 'v2', number: 2, path: '/fr/processes/labels/documents/baseline/versions/2', author: { name: 'un ancien membre', badge: null }, date: '2 mai 2024 à 12 h 30', message: 'Edit 2', previous: { n: 1, path: '/fr/processes/labels/documents/baseline/compare?from=1&to=2' } },
    ]);
    expect(historyPage({ process, doc, versions: [version(1)] }, modelCtx('en')).comparePath).toBeNull();
  });
  it('printPage gives the version’s full address and its date in the reader’s language', () => {
    const m = printPage({ process, doc, version: version(2), blocks: [block('pa', '¶ 1')], baseUrl: 'https://concord.example' }, modelCtx('en'));
    expect(m).toEqual({
      title: 'Security baseline 2',
      lang: 'en',
      number: 2,
      date: 'May 2, 2024 at 12:30 p.m.',
      url: 'https://concord.example/en/processes/labels/documents/baseline/versions/2',
      blocks: [{ anchor: 'pa', kind: 'paragraph', label: '¶ 1', html: '<p>¶ 1</p>' }],
    });
  });
  it('comparePage words the summary and each block’s status, and links only blocks still there', () => {
    const comparison = {
      from: version(1),
      to: version(3),
      diff: {
        summary: { changed: 1, added: 0, removed: 2, moved: 0, same: 9 },
        blocks: [
          { anchor: 'pa', label: '¶ 1', status: 'same' as const, ops: [] },
          { anchor: 'pb', label: '¶ 2', status: 'changed' as const, ops: [{ op: 'ins' as const, text: 'new' }] },
          { anchor: 'pc', label: '¶ 3', status: 'removed' as const, ops: [] },
        ],
      },
    };
    const m = comparePage({ process, doc, comparison }, modelCtx('fr'));
    expect([m.summary, m.from, m.to, m.same, m.numbers]).toEqual(['1 paragraphe modifié, 2 supprimés', 1, 3, 9, [1, 2, 3]]);
    expect(m.changed).toEqual([
      { key: 'changed-pb', status: 'changed', statusText: 'Modifié', label: '¶ 2', path: '/fr/processes/labels/documents/baseline/versions/3#pb', ops: [{ op: 'ins', text: 'new' }] },
      { key: 'removed-pc', status: 'removed', statusText: 'Supprimé', label: '¶ 3', path: null, ops: [] },
    ]);
    expect([m.action, m.historyPath]).toEqual(['/fr/processes/labels/documents/baseline/compare', '/fr/processes/labels/documents/baseline/versions']);
  });
  it('anchorPage links the last text in its version and the block it went into', () => {
    const where = { state: 'removed' as const, removedIn: 3, last: { ...block('pz', '¶ 9'), number: 2 }, successor: block('pa', '¶ 1'), merged: true };
    const m = anchorPage({ process, doc, where }, modelCtx('en'));
    expect(m).toEqual({
      docTitle: 'Security baseline',
      docLang: 'en',
      docPath: '/en/processes/labels/documents/baseline',
      removedIn: 3,
      last: { label: '¶ 9', number: 2, html: '<p>¶ 9</p>', path: '/en/processes/labels/documents/baseline/versions/2#pz' },
      successor: { label: '¶ 1', path: '/en/processes/labels/documents/baseline#pa', merged: true },
    });
    expect(anchorPage({ process, doc, where: { ...where, successor: null, merged: false } }, modelCtx('en')).successor).toBeNull();
  });
  it('sideBySidePage names each column’s language for the reader and offers a choice only among several translations', () => {
    const side = { left: doc, right: french, leftVersion: version(3), rightVersion: undefined, rows: [{ left: block('pa', '¶ 1'), right: null }], aligned: false };
    const m = sideBySidePage({ process, doc, side, translations: [french] }, modelCtx('fr'));
    expect(m.side).toEqual({
      action: '/fr/processes/labels/documents/baseline/side-by-side',
      choices: [],
      left: { name: 'left', lang: 'en', langName: 'anglais', path: '/fr/processes/labels/documents/baseline', numbers: [1, 2, 3], selected: 3 },
      right: { name: 'right', lang: 'fr', langName: 'français', path: '/fr/processes/labels/documents/referentiel', numbers: [1, 2], selected: undefined },
      leftTitle: 'Security baseline',
      rightTitle: 'Référentiel de sécurité',
      aligned: false,
      leftCount: 1,
      rightCount: 0,
      rows: [{ left: { label: '¶ 1', html: '<p>¶ 1</p>' }, right: null }],
    });
    const third = { ...french, id: 'd3', slug: 'autre', title: 'Autre' };
    expect(sideBySidePage({ process, doc, side, translations: [french, third] }, modelCtx('en')).side!.choices).toEqual([
      { value: 'referentiel', label: 'Référentiel de sécurité (French)', selected: true },
      { value: 'autre', label: 'Autre (French)', selected: false },
    ]);
    expect(sideBySidePage({ process, doc, side: null, translations: [] }, modelCtx('en')).side).toBeNull();
  });
});
