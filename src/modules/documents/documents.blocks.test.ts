import { describe, expect, it } from 'vitest';
import { headingNumber, splitBlocks } from './documents.blocks.js';

const DOC = `# 1 Introduction

Some *text* here
on two lines.

## Scope

- one
- two
  - nested
- three

3. third
4. fourth

| a | b |
|---|---|
| 1 | 2 |

> quoted

\`\`\`
code <b>
\`\`\`

---
`;

describe('splitBlocks', () => {
  const blocks = splitBlocks(DOC);

  it('splits top-level blocks, one per list item, nested lists inside their item', () => {
    expect(blocks.map((b) => b.kind)).toEqual([
      'heading',
      'paragraph',
      'heading',
      'list_item',
      'list_item',
      'list_item',
      'list_item',
      'list_item',
      'table',
      'quote',
      'code',
      'rule',
    ]);
    expect(blocks[4]!.source).toBe('- two\n  - nested');
    expect(blocks[4]!.html).toContain('<li>nested</li>');
    expect(blocks[4]!.plain).toBe('two nested');
  });

  it('keeps each block source, rendered HTML and plain text', () => {
    expect(blocks[1]).toMatchObject({ source: 'Some *text* here\non two lines.', plain: 'Some text here on two lines.' });
    expect(blocks[1]!.html).toContain('<em>text</em>');
    expect(blocks[0]).toMatchObject({ level: 1, html: '<h2>1 Introduction</h2>\n' });
    expect(blocks[2]).toMatchObject({ level: 2, html: '<h3>Scope</h3>\n' });
    expect(blocks[8]!.html).toContain('<table>');
    expect(blocks[10]!.html).toContain('code &lt;b&gt;');
  });

  it('keeps an ordered item’s own number when rendered alone', () => {
    expect(blocks[6]!.html).toContain('<ol start="3">');
    expect(blocks[7]!.html).toContain('<ol start="4">');
  });

  it('labels numbered headings by their number, other headings by their title and the rest ¶ N', () => {
    expect(blocks.map((b) => b.label)).toEqual(['1', '¶ 1', '§ Scope', '¶ 2', '¶ 3', '¶ 4', '¶ 5', '¶ 6', '¶ 7', '¶ 8', '¶ 9', '¶ 10']);
  });

  it('escapes raw HTML and refuses javascript: links', () => {
    const [b] = splitBlocks('<script>alert(1)</script> [x](javascript:alert(1)) [ok](https://concord.example)');
    expect(b!.html).not.toContain('<script');
    expect(b!.html).not.toContain('href="javascript');
    expect(b!.html).toContain('rel="nofollow ugc"');
  });

  it('gives headings no text-derived id (the block wrapper carries the anchor) and puts them one level under the page title', () => {
    expect(splitBlocks('## Main')[0]!.html).toBe('<h3>Main</h3>\n');
  });

  it('returns nothing for blank text', () => {
    expect(splitBlocks('  \n\n ')).toEqual([]);
  });
});

describe('headingNumber', () => {
  it('reads section numbers at the start of a heading', () => {
    expect(headingNumber('4.2 Labels')).toBe('4.2');
    expect(headingNumber('4. Recommendations')).toBe('4');
    expect(headingNumber('A.1 Terms')).toBe('A.1');
    expect(headingNumber('Labels 4.2')).toBeNull();
    expect(headingNumber('2019 in review')).toBe('2019');
    expect(headingNumber('Annex')).toBeNull();
  });
});
