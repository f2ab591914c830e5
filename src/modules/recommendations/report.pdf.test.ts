import { describe, expect, it } from 'vitest';
import { createPdf, markdownToPdfBlocks, pdfBuffer, renderPdfBlocks } from './report.pdf.js';

describe('markdownToPdfBlocks', () => {
  it('turns headings, paragraphs, lists and code into blocks of plain text', () => {
    const blocks = markdownToPdfBlocks(
      '## 4.2 Labels\n\nLabels **must** be [bilingual](https://example.org).\n\n- printed\n- online, with `QR`\n\n```\ncode\n```\n',
    );
    expect(blocks).toEqual([
      { kind: 'heading', level: 2, text: '4.2 Labels' },
      { kind: 'paragraph', text: 'Labels must be bilingual.' },
      { kind: 'list', items: ['printed', 'online, with QR'] },
      { kind: 'code', text: 'code' },
    ]);
  });

  it('keeps a nested list inside its outer list', () => {
    expect(markdownToPdfBlocks('- a\n  - b\n- c')).toEqual([{ kind: 'list', items: ['a', 'b', 'c'] }]);
  });
});

describe('renderPdfBlocks', () => {
  it('makes a PDF with the font embedded, quickly, for a few dozen pages', async () => {
    const started = Date.now();
    const doc = createPdf({ title: 'Rapport', lang: 'fr' });
    const para = {
      kind: 'paragraph' as const,
      text: 'Les appareils connectés « é » et « à » : sécurité, étiquetage et réseaux domestiques, sur toute leur durée de vie.',
    };
    renderPdfBlocks(doc, [{ kind: 'heading', level: 1, text: 'Rapport final' }, ...Array.from({ length: 400 }, () => para)]);
    const pdf = await pdfBuffer(doc);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/FontFile2');
    expect(raw).toContain('DejaVuSans');
    expect(raw.match(/\/Type \/Page\b/g)?.length ?? 0).toBeGreaterThan(10);
  });
});
