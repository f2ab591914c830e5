import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create as parseFont, type Font } from 'fontkit';
import PDFDocument from 'pdfkit';

/**
 * Reports as PDF with PDFKit. The font is DejaVu Sans (a free licence, shipped in the
 * dejavu-fonts-ttf npm package) embedded and subset in every file, because PDF's standard
 * fonts cover WinAnsi only and readers substitute them: « », é, à and the no-break spaces of
 * French typography must print the same everywhere. Any report (the final report, a process
 * report) builds a list of PdfBlocks and renders it with renderPdfBlocks (report.pdf-render.ts).
 *
 * Files are tagged (PDF 1.7 with a structure tree: headings, paragraphs, lists, tables with
 * header cells), carry their title and language, and are read in the order they are written,
 * as far as PDFKit goes towards PDF/UA: it does not mark page furniture as artifacts or check
 * conformance.
 */

/** A stretch of text in one style. */
export interface PdfRun {
  text: string;
  bold?: boolean | undefined;
  italic?: boolean | undefined;
  code?: boolean | undefined;
}

/** Text in one style (a string) or in several (runs, as Markdown's emphasis gives). */
export type PdfText = string | PdfRun[];

/** One piece of a report: a heading, a paragraph (optionally a link), a list, preformatted text or a table. */
export type PdfBlock =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: PdfText; link?: string | undefined; muted?: boolean | undefined }
  | { kind: 'list'; items: PdfText[]; ordered?: boolean | undefined; start?: number | undefined }
  | { kind: 'code'; text: string }
  /** A table with one header row; `numeric` columns are right-aligned. */
  | { kind: 'table'; header: string[]; rows: string[][]; numeric?: boolean[] | undefined };

const require = createRequire(import.meta.url);
const FONT_FILES = { body: 'DejaVuSans', bold: 'DejaVuSans-Bold', italic: 'DejaVuSans-Oblique', boldItalic: 'DejaVuSans-BoldOblique', mono: 'DejaVuSansMono' } as const;
/** A report's fonts, by the names they are registered under in every document. */
export type PdfFont = keyof typeof FONT_FILES;

/**
 * The fonts, read and parsed once per process (about 2.5 MB; PDFKit embeds only the glyphs each
 * file uses). Parsed, not as bytes: PDFKit parses bytes again in every document, 100 ms or more.
 */
let fonts: Record<PdfFont, Font> | undefined;
function loadFonts(): Record<PdfFont, Font> {
  fonts ??= Object.fromEntries(
    Object.entries(FONT_FILES).map(([name, file]) => [name, parseFont(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}.ttf`)))]),
  ) as Record<PdfFont, Font>;
  return fonts;
}
/** Each document's structure root, which every block is added to and which ends with the file. */
const roots = new WeakMap<PDFKit.PDFDocument, PDFKit.PDFStructureElement>();

/** The structure element a document's blocks go under. */
export function structureRoot(doc: PDFKit.PDFDocument): PDFKit.PDFStructureElement {
  const root = roots.get(doc);
  if (!root) throw new Error('renderPdfBlocks needs a document made by createPdf');
  return root;
}

/**
 * A new tagged A4 document with the embedded fonts registered as 'body', 'bold', 'italic',
 * 'boldItalic' and 'mono'.
 * @example const doc = createPdf({ title: 'Final report', lang: 'fr' }); renderPdfBlocks(doc, blocks); const bytes = await pdfBuffer(doc);
 */
export function createPdf(meta: { title: string; lang: 'en' | 'fr'; author?: string }): PDFKit.PDFDocument {
  const f = loadFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    pdfVersion: '1.7',
    tagged: true,
    lang: meta.lang === 'fr' ? 'fr-CA' : 'en-CA',
    info: { Title: meta.title, Author: meta.author ?? 'Concord' },
    displayTitle: true,
  });
  // Each under its name, and with its name as its family too: after every table cell PDFKit
  // puts back the font it was in by that font's source and family, and finds an open font only
  // by a name. Without the family it opened the font anew for every cell (from bytes, a full
  // parse: 10 ms a cell, 8 s for a table of 1,000 rows). PDFKit takes a parsed font as a source;
  // its types only know files and bytes.
  for (const [name, font] of Object.entries(f)) doc.registerFont(name, font as unknown as PDFKit.Mixins.PDFFontSource, name);
  doc.font('body');
  const root = doc.struct('Document');
  doc.addStructure(root);
  roots.set(doc, root);
  return doc;
}

/** End the document (and its structure) and collect its bytes. */
export function pdfBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    roots.get(doc)?.end();
    doc.end();
  });
}
