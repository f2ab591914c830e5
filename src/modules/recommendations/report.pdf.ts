import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { md } from '../../platform/web/markdown.js';

/**
 * Reports as PDF with PDFKit. The font is DejaVu Sans (a free licence, shipped in the
 * dejavu-fonts-ttf npm package) embedded and subset in every file, because PDF's standard
 * fonts cover WinAnsi only and readers substitute them: « », é, à and the no-break spaces of
 * French typography must print the same everywhere. Any report (the final report, a process
 * report) builds a list of PdfBlocks and renders it with renderPdfBlocks.
 */

/** One piece of a report: a heading, a paragraph (optionally a link), a list or preformatted text. */
export type PdfBlock =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: string; link?: string | undefined; muted?: boolean | undefined }
  | { kind: 'list'; items: string[] }
  | { kind: 'code'; text: string };

const require = createRequire(import.meta.url);
/** The font files, read once per process (about 1.5 MB; PDFKit embeds only the glyphs used). */
let fonts: { regular: Buffer; bold: Buffer; mono: Buffer } | undefined;
function loadFonts() {
  fonts ??= {
    regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
    mono: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf')),
  };
  return fonts;
}

const HEADING_SIZES = [20, 16, 13.5, 12] as const;
const BODY_SIZE = 10.5;

/**
 * A new A4 document with the embedded fonts registered as 'body', 'bold' and 'mono'.
 * @example const doc = createPdf({ title: 'Final report', lang: 'fr' }); renderPdfBlocks(doc, blocks); const bytes = await pdfBuffer(doc);
 */
export function createPdf(meta: { title: string; lang: 'en' | 'fr'; author?: string }): PDFKit.PDFDocument {
  const f = loadFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    lang: meta.lang === 'fr' ? 'fr-CA' : 'en-CA',
    info: { Title: meta.title, Author: meta.author ?? 'Concord' },
    displayTitle: true,
  });
  doc.registerFont('body', f.regular);
  doc.registerFont('bold', f.bold);
  doc.registerFont('mono', f.mono);
  doc.font('body').fontSize(BODY_SIZE);
  return doc;
}

/** Render blocks one after the other at the cursor; PDFKit wraps lines and adds pages. */
export function renderPdfBlocks(doc: PDFKit.PDFDocument, blocks: PdfBlock[]): void {
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading': {
        const size = HEADING_SIZES[Math.min(Math.max(b.level, 1), HEADING_SIZES.length) - 1]!;
        doc.moveDown(0.6).font('bold').fontSize(size).fillColor('#000').text(b.text, { paragraphGap: 4 });
        break;
      }
      case 'paragraph':
        doc
          .font('body')
          .fontSize(b.muted ? BODY_SIZE - 1.5 : BODY_SIZE)
          .fillColor(b.link ? '#1a4f8b' : b.muted ? '#444' : '#000')
          .text(b.text, { paragraphGap: 6, lineGap: 1.5, ...(b.link ? { link: b.link, underline: true } : {}) });
        doc.fillColor('#000');
        break;
      case 'list':
        doc.font('body').fontSize(BODY_SIZE).list(b.items, { bulletRadius: 1.8, textIndent: 12, bulletIndent: 4, paragraphGap: 3 });
        doc.moveDown(0.4);
        break;
      case 'code':
        doc
          .font('mono')
          .fontSize(BODY_SIZE - 1)
          .text(b.text, { paragraphGap: 6 });
        break;
    }
  }
}

/** End the document and collect its bytes. */
export function pdfBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/**
 * Markdown (written by people, as for the pages) as PDF blocks: headings, paragraphs, list
 * items and code, in plain text (emphasis and link targets are dropped; link text stays).
 * @example markdownToPdfBlocks('Labels **must** be bilingual.\n\n- printed\n- online') // paragraph, then a list of two
 */
export function markdownToPdfBlocks(source: string): PdfBlock[] {
  const tokens = md.parse(source, {});
  const out: PdfBlock[] = [];
  let list: string[] | null = null;
  let depth = 0;
  tokens.forEach((tok, i) => {
    if (tok.type === 'bullet_list_open' || tok.type === 'ordered_list_open') {
      if (depth++ === 0) list = [];
    } else if (tok.type === 'bullet_list_close' || tok.type === 'ordered_list_close') {
      if (--depth === 0 && list) {
        out.push({ kind: 'list', items: list });
        list = null;
      }
    } else if (tok.type === 'inline') {
      const text = (tok.children ?? [])
        .map((c) => (c.type === 'text' || c.type === 'code_inline' ? c.content : c.type === 'softbreak' || c.type === 'hardbreak' ? ' ' : ''))
        .join('');
      const opener = tokens[i - 1];
      if (list) list.push(text);
      else if (opener?.type === 'heading_open') out.push({ kind: 'heading', level: Number(opener.tag.slice(1)), text });
      else out.push({ kind: 'paragraph', text });
    } else if (tok.type === 'fence' || tok.type === 'code_block') {
      out.push({ kind: 'code', text: tok.content.replace(/\n$/, '') });
    }
  });
  return out;
}
