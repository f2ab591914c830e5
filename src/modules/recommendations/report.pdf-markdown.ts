import { md } from '../../platform/web/markdown.js';
import type { PdfBlock, PdfRun, PdfText } from './report.pdf.js';

type Token = ReturnType<typeof md.parse>[number];

/**
 * An inline token's children as styled runs: bold, italic and code kept, link text kept (its
 * target dropped: a printed report cannot follow it), breaks as spaces. Plain text when every
 * run is unstyled, so simple paragraphs stay simple strings.
 */
function inlineText(children: readonly Token[]): PdfText {
  const out: PdfRun[] = [];
  let bold = 0;
  let italic = 0;
  const push = (text: string, code = false) => {
    if (!text) return;
    const style = { bold: bold > 0, italic: italic > 0, code };
    const last = out.at(-1);
    if (last && !!last.bold === style.bold && !!last.italic === style.italic && !!last.code === style.code) last.text += text;
    else out.push({ text, ...(style.bold ? { bold: true } : {}), ...(style.italic ? { italic: true } : {}), ...(code ? { code: true } : {}) });
  };
  for (const c of children) {
    if (c.type === 'strong_open') bold++;
    else if (c.type === 'strong_close') bold--;
    else if (c.type === 'em_open') italic++;
    else if (c.type === 'em_close') italic--;
    else if (c.type === 'text') push(c.content);
    else if (c.type === 'code_inline') push(c.content, true);
    else if (c.type === 'softbreak' || c.type === 'hardbreak') push(' ');
  }
  if (out.every((r) => !r.bold && !r.italic && !r.code)) return out.map((r) => r.text).join('');
  return out;
}

function plainOf(text: PdfText): string {
  return typeof text === 'string' ? text : text.map((r) => r.text).join('');
}

/**
 * Markdown (written by people, as for the pages) as PDF blocks: headings, paragraphs and list
 * items with their bold, italic and code; code blocks; tables as tables (cells in plain text,
 * right-aligned where the Markdown aligns them right). A nested list is flattened into its
 * outer list.
 * @example markdownToPdfBlocks('Labels **must** be bilingual.\n\n- printed\n- online') // paragraph of 3 runs, then a list of two
 */
export function markdownToPdfBlocks(source: string): PdfBlock[] {
  const tokens = md.parse(source, {});
  const out: PdfBlock[] = [];
  let list: Extract<PdfBlock, { kind: 'list' }> | null = null;
  let table: Extract<PdfBlock, { kind: 'table' }> | null = null;
  let row: string[] | null = null;
  let depth = 0;
  tokens.forEach((tok, i) => {
    if (tok.type === 'bullet_list_open' || tok.type === 'ordered_list_open') {
      if (depth++ === 0) {
        const start = Number(tok.attrGet('start') ?? 1);
        list = { kind: 'list', items: [], ...(tok.type === 'ordered_list_open' ? { ordered: true, start } : {}) };
      }
    } else if (tok.type === 'bullet_list_close' || tok.type === 'ordered_list_close') {
      if (--depth === 0 && list) {
        out.push(list);
        list = null;
      }
    } else if (tok.type === 'table_open') {
      table = { kind: 'table', header: [], rows: [], numeric: [] };
    } else if (tok.type === 'table_close' && table) {
      out.push(table);
      table = null;
    } else if (tok.type === 'tr_open') {
      row = [];
    } else if (tok.type === 'tr_close' && table && row) {
      if (table.header.length === 0) table.header = row;
      else table.rows.push(row);
      row = null;
    } else if (tok.type === 'th_open' && table) {
      table.numeric!.push(/text-align:right/.test(tok.attrGet('style') ?? ''));
    } else if (tok.type === 'inline') {
      const text = inlineText(tok.children ?? []);
      const opener = tokens[i - 1];
      if (row) row.push(plainOf(text));
      else if (list) list.items.push(text);
      else if (opener?.type === 'heading_open') out.push({ kind: 'heading', level: Number(opener.tag.slice(1)), text: plainOf(text) });
      else out.push({ kind: 'paragraph', text });
    } else if (tok.type === 'fence' || tok.type === 'code_block') {
      out.push({ kind: 'code', text: tok.content.replace(/\n$/, '') });
    }
  });
  return out;
}
