import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { tFor, type Lang } from '../../i18n/i18n.js';
import type { PageCtx } from '../context.js';
import { Breadcrumb } from './breadcrumb.js';

const ctx = (lang: Lang): PageCtx => ({ lang, t: tFor(lang), actor: null, path: '/', csrf: () => 'x', notice: undefined });

describe('Breadcrumb', () => {
  it('is a named navigation landmark with an ordered trail and the page marked current', () => {
    const html = renderToString(<Breadcrumb ctx={ctx('en')} trail={[{ href: '/en/processes/p', label: 'Labels' }, null, { href: '/en/x', label: '' }]} current="Meetings" />);
    expect(html).toBe(
      '<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="/en/processes/p">Labels</a></li><li><span aria-current="page">Meetings</span></li></ol></nav>',
    );
  });
  it('names the landmark in French on French pages and keeps a crumb’s own language', () => {
    const html = renderToString(<Breadcrumb ctx={ctx('fr')} trail={[{ href: '/fr/a', label: 'Report', lang: 'en' }]} current="Rapport" />);
    expect(html).toContain('aria-label="Fil d’Ariane"');
    expect(html).toContain('<a href="/fr/a" lang="en">Report</a>');
  });
});
