import { describe, expect, it } from 'vitest';
import { modelCtx } from '../../../test/helpers/actors.js';
import type { Process } from '../processes/index.js';
import type { SearchResultOut } from './search.schema.js';
import { searchPage, type SearchPageRecords } from './search.page-presenter.js';

const process = { id: 'p1', slug: 'labels', title_en: 'Device labels', title_fr: 'Étiquettes des appareils' } as Process;
const hit = (over: Partial<SearchResultOut> = {}): SearchResultOut => ({
  kind: 'comment',
  id: '00000000-0000-4000-8000-000000000001',
  title: 'Comment C-1',
  titleParts: [{ text: 'Comment C-1', match: false }],
  excerpt: [{ text: 'ban ', match: false }, { text: 'passwords', match: true }],
  path: '/fr/processes/labels/comments/1',
  lang: 'en',
  subkind: null,
  status: null,
  membersOnly: false,
  copies: 1,
  process: { slug: 'labels', title: { en: 'Device labels', fr: 'Étiquettes des appareils' } },
  ...over,
});
const records = (over: Partial<SearchPageRecords> = {}): SearchPageRecords => ({
  values: { q: 'passwords', process: 'labels', kind: '', subkind: '', lang: '' },
  processes: [process],
  outcome: { items: [hit()], from: 21, prevHref: '/fr/search?q=passwords', nextHref: undefined },
  ...over,
});

describe('searchPage', () => {
  it('gives a French reader French labels, process titles and numbers', () => {
    const m = searchPage(records(), modelCtx('fr'));
    expect(m.title).toMatch(/^Recherche\s: passwords$/);
    expect(m.action).toBe('/fr/search');
    expect(m.processOptions).toEqual([
      { value: '', label: 'Tous les processus', selected: false },
      { value: 'labels', label: 'Étiquettes des appareils', selected: true },
    ]);
    expect(m.kindOptions[0]).toEqual({ value: '', label: 'Tout', selected: true });
    expect(m.results!.status).toBe('Résultats 21 à 21, les plus pertinents d’abord.');
    const r = m.results!.items[0]!;
    expect([r.kindLabel, r.processTitle, r.langLabel, r.textLang]).toEqual(['Commentaire', 'Étiquettes des appareils', 'anglais', 'en']);
  });
  it('says why there are no results: none at all, or no more', () => {
    expect(searchPage(records({ outcome: { items: [], from: 1, prevHref: undefined, nextHref: undefined } }), modelCtx('en')).results!.status).toContain('Nothing found for “passwords”');
    expect(searchPage(records({ outcome: { items: [], from: 21, prevHref: undefined, nextHref: undefined } }), modelCtx('en')).results!.status).toBe('No more results.');
    expect(searchPage(records({ outcome: undefined }), modelCtx('en')).results).toBeNull();
  });
  it('names how often a campaign’s text was sent, and nothing for a single comment', () => {
    expect(searchPage(records(), modelCtx('en')).results!.items[0]!.copiesLabel).toBeNull();
    const campaign = records({ outcome: { items: [hit({ copies: 1200 })], from: 1, prevHref: undefined, nextHref: undefined } });
    expect(searchPage(campaign, modelCtx('en')).results!.items[0]!.copiesLabel).toBe('Sent 1,200 times: one text, from a campaign');
    expect(searchPage(campaign, modelCtx('fr')).results!.items[0]!.copiesLabel).toMatch(/^Envoyé 1\s200 fois/);
  });
});
