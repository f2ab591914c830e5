import { describe, expect, it } from 'vitest';
import { createPdf, pdfBuffer } from './report.pdf.js';
import { markdownToPdfBlocks } from './report.pdf-markdown.js';
import { renderPdfBlocks } from './report.pdf-render.js';

describe('markdownToPdfBlocks', () => {
  it('turns headings, paragraphs, lists and code into blocks, keeping bold and code as runs', () => {
    const blocks = markdownToPdfBlocks(
      '## 4.2 Labels\n\nLabels **must** be [bilingual](https://example.org).\n\n- printed\n- online, with `QR`\n\n```\ncode\n```\n',
    );
    expect(blocks).toEqual([
      { kind: 'heading', level: 2, text: '4.2 Labels' },
      { kind: 'paragraph', text: [{ text: 'Labels ' }, { text: 'must', bold: true }, { text: ' be bilingual.' }] },
      { kind: 'list', items: ['printed', [{ text: 'online, with ' }, { text: 'QR', code: true }]] },
      { kind: 'code', text: 'code' },
    ]);
  });

  it('keeps a nested list inside its outer list', () => {
    expect(markdownToPdfBlocks('- a\n  - b\n- c')).toEqual([{ kind: 'list', items: ['a', 'b', 'c'] }]);
  });

  it("keeps italic, bold italic and an ordered list's first number", () => {
    expect(markdownToPdfBlocks('3. *one* and ***two***\n4. three')).toEqual([
      {
        kind: 'list',
        ordered: true,
        start: 3,
        items: [[{ text: 'one', italic: true }, { text: ' and ' }, { text: 'two', bold: true, italic: true }], 'three'],
      },
    ]);
  });

  it('reads a table as a header, rows and which columns are right-aligned', () => {
    expect(markdownToPdfBlocks('| Group | Members |\n|---|---:|\n| **Academia** | 2 |\n| Industry | 14 |')).toEqual([
      { kind: 'table', header: ['Group', 'Members'], rows: [['Academia', '2'], ['Industry', '14']], numeric: [false, true] },
    ]);
  });
});

describe('renderPdfBlocks', () => {
  it('makes a tagged PDF with the font embedded, for a few dozen pages', async () => {
    const doc = createPdf({ title: 'Rapport', lang: 'fr' });
    const para = {
      kind: 'paragraph' as const,
      text: 'Les appareils connectés « é » et « à » : sécurité, étiquetage et réseaux domestiques, sur toute leur durée de vie.',
    };
    renderPdfBlocks(doc, [{ kind: 'heading', level: 1, text: 'Rapport final' }, ...Array.from({ length: 400 }, () => para)]);
    const pdf = await pdfBuffer(doc);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/FontFile2');
    expect(raw).toContain('DejaVuSans');
    expect(raw.match(/\/Type \/Page\b/g)?.length ?? 0).toBeGreaterThan(10);
    // Tagged: a structure tree and the catalogue's mark (pdfinfo's "Tagged: yes" reads it).
    expect(raw).toContain('/StructTreeRoot');
    expect(raw).toContain("/MarkInfo");
  });
});
