import { readFileSync } from 'node:fs';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { tFor, type Lang } from '../../i18n/i18n.js';
import { BalanceChart, balanceStatus, balanceWarnings, formatShare, type BalanceRow } from './balance-chart.js';

const ROWS: BalanceRow[] = [
  { key: 'gov', label: 'Government', count: 12, targetShare: 0.2 },
  { key: 'cs', label: 'Civil society', count: 0, targetShare: 0.2 },
  { key: 'tech', label: 'Technical community', count: 20, targetShare: 0.2 },
  { key: 'acad', label: 'Academia', count: 8, targetShare: null },
  { key: 'ind', label: 'Private sector', count: 12, targetShare: 0.25 },
]; // 52 members

function render(lang: Lang, rows: BalanceRow[] = ROWS, caption = 'Members by stakeholder group'): string {
  return renderToString(<BalanceChart caption={caption} lang={lang} t={tFor(lang)} rows={rows} />);
}

/** The table's body rows as arrays of cell texts, keyed by group. */
function tableRows(html: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [, key, cells] of html.matchAll(/<tr data-key="([^"]+)">(.*?)<\/tr>/g)) {
    out[key!] = [...cells!.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((m) => m[1]!);
  }
  return out;
}

describe('BalanceChart table', () => {
  it('gives members, share, target and status for each group in English', () => {
    expect(tableRows(render('en'))).toEqual({
      gov: ['Government', '12', '23%', '20%', 'On target'],
      cs: ['Civil society', '0', '0%', '20%', 'No members'],
      tech: ['Technical community', '20', '38%', '20%', 'On target'],
      acad: ['Academia', '8', '15%', 'None', 'No target'],
      ind: ['Private sector', '12', '23%', '25%', 'Below target'],
    });
    expect(render('en')).toMatch(/<tfoot><tr><th scope="row">Total<\/th><td class="num">52<\/td>/);
  });

  it('follows French conventions: a space before %, words in French', () => {
    const rows = tableRows(render('fr'));
    expect(rows.gov).toEqual(['Government', '12', expect.stringMatching(/^23\s%$/u), expect.stringMatching(/^20\s%$/u), 'Cible atteinte']);
    expect(rows.cs![4]).toBe('Aucun membre');
    expect(rows.acad!.slice(3)).toEqual(['Aucune', 'Aucune cible']);
    expect(rows.ind![4]).toBe('Sous la cible');
    const html = render('fr');
    expect(html).toContain('<th scope="col">Groupe d’intervenants</th>');
    expect(html).toMatch(/Private sector\u00a0: 12 membres, 23\s% — sous la cible de 25\s%/u);
  });

  it('formats thousands and tiny shares in each language', () => {
    const rows: BalanceRow[] = [
      { key: 'big', label: 'Big', count: 1234, targetShare: null },
      { key: 'tiny', label: 'Tiny', count: 1, targetShare: null },
    ];
    expect(tableRows(render('en', rows)).big!.slice(1, 3)).toEqual(['1,234', '100%']);
    expect(tableRows(render('fr', rows)).big![1]).toMatch(/^1\s234$/u);
    expect(tableRows(render('en', rows)).tiny![2]).toBe('0.1%');
    expect(formatShare('fr', 0.0008)).toMatch(/^0,1\s%$/u);
  });

  it('does not divide by zero for a process with no members, or with no groups', () => {
    const zero = ROWS.map((r) => ({ ...r, count: 0 }));
    const html = render('en', zero);
    expect(html).not.toMatch(/NaN|Infinity/);
    for (const cells of Object.values(tableRows(html))) {
      expect(cells.slice(1, 3)).toEqual(['0', '0%']);
      expect(cells[4]).toBe('No members');
    }
    const empty = render('en', []);
    expect(empty).not.toMatch(/NaN|Infinity/);
    expect(empty).toContain('No stakeholder groups yet.');
    expect(empty).toContain('<tbody></tbody>');
  });

  it('escapes group labels and the caption', () => {
    const html = render('en', [{ key: 'x', label: '<b>Bold</b> & co', count: 1, targetShare: null }], 'A <i>caption</i>');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('<i>');
    expect(html).toContain('&lt;b>Bold&lt;/b> &amp; co');
  });
});

describe('BalanceChart chart', () => {
  const html = render('en');
  const svg = /<svg[^>]*>.*<\/svg>/s.exec(html)![0];

  it('is an image named by its title and described by a summary of every group', () => {
    expect(svg).toMatch(/^<svg class="balance__chart" role="img" aria-labelledby="balance-title" aria-describedby="balance-desc"/);
    expect(svg).toContain('<title id="balance-title">Members by stakeholder group</title>');
    const desc = /<desc id="balance-desc">(.*?)<\/desc>/.exec(svg)![1];
    expect(desc).toBe(
      '52 members in total. Government: 12 members, 23%; target 20%, target met. Civil society: 0 members, 0%; target 20%, no members. ' +
        'Technical community: 20 members, 38%; target 20%, target met. Academia: 8 members, 15%, no target. ' +
        'Private sector: 12 members, 23%; target 25%, below target.',
    );
  });

  it('draws bars proportional to the share, a dashed target line per group with a target, and says "below target" in words', () => {
    // The scale runs to 40 % (largest share 38 %), over 624 units from x = 8.
    const bars = [...svg.matchAll(/<rect x="8" y="[\d.]+" width="([\d.]+)" height="18" fill="(#[0-9a-f]+)"/g)].filter((m) => m[2] !== '#f3f5f8');
    expect(bars.map((m) => Number(m[1]).toFixed(1))).toEqual(['360.0', '0.0', '600.0', '240.0', '360.0']);
    expect(bars.map((m) => m[2])).toEqual(['#0b5394', '#0b5394', '#0b5394', '#0b5394', '#8a5a00']);
    const dashed = [...svg.matchAll(/<line x1="([\d.]+)"[^>]*stroke-dasharray="4 3"/g)];
    expect(dashed).toHaveLength(4 + 1); // four targets and the legend's sample
    expect(Number(dashed[0]![1])).toBeCloseTo(8 + (0.2 / 0.4) * 624);
    expect(svg).toContain('Private sector: 12 members, 23% — below the 25% target');
    expect(svg).toContain('Target share (dashed line)');
  });

  it('takes an id so two charts on a page do not share ids', () => {
    const two = renderToString(<BalanceChart id="wg-2" caption="x" lang="en" t={tFor('en')} rows={ROWS} />);
    expect(two).toContain('aria-labelledby="wg-2-title"');
    expect(two).toContain('<desc id="wg-2-desc">');
  });
});

describe('BalanceChart colours', () => {
  /** WCAG relative luminance of #rrggbb. */
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const contrastOnWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05);

  it('keep text at 4.5:1 and bars and markers at 3:1 against white; only decoration is lighter', () => {
    const svg = /<svg[^>]*>.*<\/svg>/s.exec(render('en'))![0];
    const textFill = /^<svg[^>]* fill="(#[0-9a-f]{6})"/.exec(svg)![1]!;
    expect(contrastOnWhite(textFill)).toBeGreaterThanOrEqual(4.5);
    expect(svg).not.toMatch(/<text[^>]* fill=/); // every label inherits that fill
    const decoration = new Set(['#f3f5f8', '#c5ccd6']); // bar track and grid lines
    const colours = new Set([...svg.matchAll(/(?:fill|stroke)="(#[0-9a-f]{6})"/g)].map((m) => m[1]!));
    for (const c of colours) if (!decoration.has(c)) expect(contrastOnWhite(c), c).toBeGreaterThanOrEqual(3);
    expect(colours.size).toBeGreaterThan(3);
  });
});

describe('balanceWarnings and balanceStatus', () => {
  it('lists groups with no members and groups under their target', () => {
    expect(balanceWarnings(ROWS)).toEqual([
      { key: 'cs', kind: 'missing' },
      { key: 'ind', kind: 'below' },
    ]);
  });

  it('counts every group as missing when nobody has joined, and nothing for no groups', () => {
    expect(balanceWarnings(ROWS.map((r) => ({ ...r, count: 0 }))).map((w) => w.kind)).toEqual(Array(5).fill('missing'));
    expect(balanceWarnings([])).toEqual([]);
  });

  it('treats a share equal to the target as on target despite float noise', () => {
    const thirds: BalanceRow[] = [1, 2, 3].map((i) => ({ key: `g${i}`, label: `G${i}`, count: 1, targetShare: 1 / 3 }));
    expect(balanceWarnings(thirds)).toEqual([]);
    expect(balanceStatus({ key: 'a', label: 'A', count: 1, targetShare: 0.1 + 0.2 }, 10 / 3)).toBe('on');
    expect(balanceStatus({ key: 'a', label: 'A', count: 5, targetShare: 0 }, 10)).toBe('on');
  });
});

describe('balance messages', () => {
  it('have the same keys in English and French', () => {
    const keys = (file: string) =>
      Object.keys(flatten(JSON.parse(readFileSync(new URL(`../../i18n/locales/${file}`, import.meta.url), 'utf8')) as object))
        .map((k) => k.replace(/_(one|many|other)$/, ''))
        .filter((k, i, all) => all.indexOf(k) === i)
        .sort();
    expect(keys('fr/balance.json')).toEqual(keys('en/balance.json'));
  });
});

function flatten(o: object, prefix = ''): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? Object.entries(flatten(v as object, `${prefix}${k}.`)) : [[`${prefix}${k}`, v]])),
  );
}
