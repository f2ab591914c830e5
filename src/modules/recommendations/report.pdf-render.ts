import LineBreaker from 'linebreak';
import { structureRoot, type PdfBlock, type PdfFont, type PdfRun, type PdfText } from './report.pdf.js';

const HEADING_SIZES = [20, 16, 13.5, 12] as const;
const BODY_SIZE = 10.5;
/** Where a list item's text starts, right of its bullet or number. */
const LIST_INDENT = 18;

/** The longest word PDFKit is left to break by itself, in characters (URLs shorter than it stay whole, so they copy whole). */
export const LONG_WORD = 200;
const ZERO_WIDTH_SPACE = '\u200b';

/**
 * `text` with a `mark` every `every` characters inside each word (what the Unicode line
 * breaking PDFKit uses finds between two places a line may end) longer than LONG_WORD. PDFKit
 * breaks a word wider than its line by measuring the rest of the word again for every line it
 * fills: quadratic in the word (25,000 characters without a break took 22 s, the 400,000 a
 * document may hold would take hours). A word here is not only letters: 'a ,a ,a' has no
 * place to break (no line may start with a comma), nor text joined by no-break spaces.
 * @example breakLongWords('x'.repeat(500), '\n', 200) // 200 x, newline, 200 x, newline, 100 x
 */
export function breakLongWords(text: string, mark: string, every: number): string {
  if (text.length <= LONG_WORD) return text;
  const breaker = new LineBreaker(text);
  const out: string[] = [];
  let start = 0;
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
    const end = bk.position;
    if (end - start <= LONG_WORD) out.push(text.slice(start, end));
    else {
      for (let i = start; i < end; ) {
        let cut = Math.min(i + every, end);
        // Not between the two halves of a character beyond the Basic Multilingual Plane.
        if (cut < end && /[\udc00-\udfff]/.test(text[cut]!)) cut++;
        out.push(text.slice(i, cut));
        if (cut < end) out.push(mark);
        i = cut;
      }
    }
    start = end;
  }
  out.push(text.slice(start));
  return out.join('');
}

/** Text in a proportional font, breakable inside long words at zero-width spaces (which print nothing). */
const proportional = (text: string) => breakLongWords(text, ZERO_WIDTH_SPACE, LONG_WORD);

/**
 * Text in the monospaced font (set, at its size, before calling), breakable inside long words: DejaVu Sans Mono has no
 * zero-width space, so a long word is cut into lines of as many characters as `width` holds.
 */
function monospaced(doc: PDFKit.PDFDocument, text: string, width: number): string {
  return breakLongWords(text, '\n', Math.max(1, Math.floor(width / doc.widthOfString('0'))));
}

function runs(text: PdfText): PdfRun[] {
  return typeof text === 'string' ? [{ text }] : text.length ? text : [{ text: '' }];
}

function fontOf(r: PdfRun): PdfFont {
  if (r.code) return 'mono';
  if (r.bold && r.italic) return 'boldItalic';
  return r.bold ? 'bold' : r.italic ? 'italic' : 'body';
}

/**
 * Write styled runs as one flowing text (PDFKit's `continued`), each in its font. The first
 * call places the text when `at` is given; the options hold for the whole paragraph.
 */
function writeRuns(doc: PDFKit.PDFDocument, text: PdfText, options: PDFKit.Mixins.TextOptions, at?: { x: number; y: number }): void {
  const list = runs(text);
  const width = options.width ?? doc.page.width - doc.page.margins.right - (at?.x ?? doc.x);
  list.forEach((r, i) => {
    const opts = { ...options, continued: i < list.length - 1 };
    doc.font(fontOf(r));
    const shown = r.code ? monospaced(doc, r.text, width) : proportional(r.text);
    if (i === 0 && at) doc.text(shown, at.x, at.y, opts);
    else doc.text(shown, opts);
  });
  doc.font('body');
}

/**
 * Render blocks one after the other at the cursor; PDFKit wraps lines and adds pages. Each
 * block is a structure element under the document's root (H1–H6, P, L/LI/Lbl/LBody, Code,
 * Table/TR/TH/TD), so a screen reader meets them in this order with their roles.
 */
export function renderPdfBlocks(doc: PDFKit.PDFDocument, blocks: PdfBlock[]): void {
  const root = structureRoot(doc);
  const left = doc.page.margins.left;
  for (const b of blocks) {
    doc.x = left;
    switch (b.kind) {
      case 'heading': {
        const level = Math.min(Math.max(b.level, 1), 6);
        const size = HEADING_SIZES[Math.min(level, HEADING_SIZES.length) - 1]!;
        doc.moveDown(0.6);
        root.add(doc.struct(`H${level}`, {}, () => doc.font('bold').fontSize(size).fillColor('#000').text(proportional(b.text), { paragraphGap: 4 })));
        break;
      }
      case 'paragraph':
        doc.fontSize(b.muted ? BODY_SIZE - 1.5 : BODY_SIZE).fillColor(b.link ? '#1a4f8b' : b.muted ? '#444' : '#000');
        root.add(
          doc.struct('P', {}, () => writeRuns(doc, b.text, { paragraphGap: 6, lineGap: 1.5, ...(b.link ? { link: b.link, underline: true } : {}) })),
        );
        doc.fillColor('#000');
        break;
      case 'list': {
        doc.fontSize(BODY_SIZE);
        const width = doc.page.width - left - doc.page.margins.right - LIST_INDENT;
        const list = doc.struct('L');
        root.add(list);
        b.items.forEach((item, i) => {
          const label = b.ordered ? `${(b.start ?? 1) + i}.` : '•';
          // A new page before the label, not between it and its text.
          if (doc.y + doc.currentLineHeight(true) > doc.page.height - doc.page.margins.bottom) doc.addPage();
          const y = doc.y;
          const li = doc.struct('LI');
          list.add(li);
          li.add(doc.struct('Lbl', {}, () => doc.font('body').text(label, left + 4, y, { width: LIST_INDENT - 4, lineBreak: false })));
          li.add(doc.struct('LBody', {}, () => writeRuns(doc, item, { width, paragraphGap: 3, lineGap: 1.5 }, { x: left + LIST_INDENT, y })));
          li.end();
        });
        list.end();
        doc.x = left;
        doc.moveDown(0.4);
        break;
      }
      case 'code':
        doc.font('mono').fontSize(BODY_SIZE - 1);
        root.add(doc.struct('Code', {}, () => doc.text(monospaced(doc, b.text, doc.page.width - left - doc.page.margins.right), { paragraphGap: 6 })));
        doc.font('body');
        break;
      case 'table': {
        const align = (i: number) => (b.numeric?.[i] ? 'right' : 'left');
        doc.font('body').fontSize(BODY_SIZE - 1);
        doc.table({
          structParent: root,
          defaultStyle: { padding: [3, 5], border: 0.5, borderColor: '#999' },
          data: [
            b.header.map((text, i) => ({ text: proportional(text), type: 'TH' as const, font: { src: 'bold' }, align: { x: align(i), y: 'top' as const } })),
            ...b.rows.map((row) => row.map((text, i) => ({ text: proportional(text), align: { x: align(i), y: 'top' as const } }))),
          ],
        } as PDFKit.Mixins.TableOptionsWithData);
        doc.x = left;
        doc.moveDown(0.6);
        doc.fontSize(BODY_SIZE);
        break;
      }
    }
  }
}
