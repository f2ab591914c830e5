import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { Markdown, renderMarkdown, slugify } from './markdown.js';

describe('renderMarkdown', () => {
  it('escapes raw HTML instead of rendering it', () => {
    const html = renderMarkdown('Hello <script>alert(1)</script> <img src=x onerror=alert(1)>\n\n<iframe src="https://evil.example"></iframe>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<iframe');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('does not make links of javascript:, data:, vbscript: or file: addresses, however they are spelt', () => {
    for (const src of [
      '[x](javascript:alert(1))',
      '[x](JaVaScRiPt:alert(1))',
      '[x]( javascript:alert(1) )',
      '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
      '[x](data:image/png;base64,iVBORw0KGgo=)',
      '[x](vbscript:msgbox)',
      '[x](file:///etc/passwd)',
      '[x](&#106;avascript:alert(1))',
      '<javascript:alert(1)>',
      '[x]: javascript:alert(1)\n\n[x]',
      '![x](javascript:alert(1))',
    ]) {
      const html = renderMarkdown(src);
      expect(html, src).not.toMatch(/<a |<img /);
      expect(html, src).not.toMatch(/href=|src=/);
    }
  });

  it('renders http, https, mailto and relative links with rel="nofollow ugc"', () => {
    expect(renderMarkdown('[charter](https://concord.example/en/charter)')).toBe(
      '<p><a href="https://concord.example/en/charter" rel="nofollow ugc">charter</a></p>\n',
    );
    expect(renderMarkdown('[a](http://x.example)')).toContain('<a href="http://x.example" rel="nofollow ugc">');
    expect(renderMarkdown('[write](mailto:secretariat@concord.example)')).toContain('href="mailto:secretariat@concord.example" rel="nofollow ugc"');
    expect(renderMarkdown('[scope](#scope) [home](/fr/)')).toContain(
      '<a href="#scope" rel="nofollow ugc">scope</a> <a href="/fr/" rel="nofollow ugc">home</a>',
    );
  });

  it('linkifies bare addresses, with the same rel', () => {
    const html = renderMarkdown('See https://concord.example/report or www.canada.ca, write to a@concord.ca.');
    expect(html).toContain('<a href="https://concord.example/report" rel="nofollow ugc">https://concord.example/report</a>');
    expect(html).toContain('<a href="http://www.canada.ca" rel="nofollow ugc">www.canada.ca</a>');
    expect(html).toContain('<a href="mailto:a@concord.ca" rel="nofollow ugc">a@concord.ca</a>');
    expect(renderMarkdown('ftp://files.example/x')).not.toContain('<a ');
  });

  it('gives headings stable ids from their text, deduplicated with -2, -3', () => {
    const html = renderMarkdown('# Charter\n\n## Scope\n\n## Scope\n\n### Scope\n\n## *Membership* and `roles`\n\n## Main\n\n## !!!');
    expect(html).toContain('<h1 id="charter">Charter</h1>');
    expect(html).toContain('<h2 id="scope">Scope</h2>');
    expect(html).toContain('<h2 id="scope-2">Scope</h2>');
    expect(html).toContain('<h3 id="scope-3">Scope</h3>');
    expect(html).toContain('<h2 id="membership-and-roles">');
    expect(html).toContain('<h2 id="main-2">Main</h2>'); // the layout's <main id="main">
    expect(html).toContain('<h2 id="section">!!!</h2>');
    // Each call starts afresh: the same document always gets the same ids.
    expect(renderMarkdown('## Scope')).toContain('id="scope"');
  });

  it('keeps French accents and typography as written', () => {
    const src = '## Portée et mandat\n\nLes « intervenants » de l’IdO — société civile, à Montréal : ça marche !';
    const html = renderMarkdown(src);
    expect(html).toContain('<h2 id="portee-et-mandat">Portée et mandat</h2>');
    expect(html).toContain('<p>Les « intervenants » de l’IdO — société civile, à Montréal : ça marche !</p>');
  });

  it('escapes quotes in attributes', () => {
    expect(renderMarkdown('[x](https://a.example/"onmouseover="alert(1) "t\\"itle")')).not.toMatch(/"\s*onmouseover=/);
  });
});

describe('slugify', () => {
  it('lowers case, drops accents, keeps other scripts', () => {
    expect(slugify('Portée et objectifs : 2019')).toBe('portee-et-objectifs-2019');
    expect(slugify('  Ça ÉTÉ  ')).toBe('ca-ete');
    expect(slugify('ᓀᐦᐃᔭᐍᐏᐣ')).toBe('ᓀᐦᐃᔭᐍᐏᐣ');
    expect(slugify('—')).toBe('section');
  });
});

describe('Markdown', () => {
  it('renders the HTML inside a div with the given class', () => {
    expect(renderToString(h(Markdown, { source: '**Bold** <b>x</b>', class: 'prose' }))).toBe(
      '<div class="prose"><p><strong>Bold</strong> &lt;b&gt;x&lt;/b&gt;</p>\n</div>',
    );
  });
});
