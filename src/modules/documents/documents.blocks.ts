import type { Token } from 'markdown-it';
import { md } from '../../platform/web/markdown.js';
import type { BlockKind } from './documents.tables.js';

/**
 * A document's Markdown split into the blocks a reader points at: headings, paragraphs, each
 * item of a top-level list (nested lists stay inside their item), tables, quotes, code and
 * rules. Each block carries its own source, safe HTML, plain text and the label a reader uses.
 * Pure: no database, so anchors and diffs can be tested on strings.
 */

/** One block of a parsed document, before it gets an anchor. */
export interface ParsedBlock {
  kind: BlockKind;
  /** Heading level (1–6) for headings, nesting depth 1 for top-level list items, else null. */
  level: number | null;
  /** "4.2" for a numbered heading, "§ Scope" for another heading, "¶ 12" for anything else. */
  label: string;
  source: string;
  html: string;
  plain: string;
}

/** Whitespace runs to one space, trimmed: what "the same text" means across versions. */
export function normaliseSpace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Text a reader sees in some tokens (code keeps its content; breaks become spaces). */
function plainOf(tokens: Token[]): string {
  const parts: string[] = [];
  for (const t of tokens) {
    if (t.type === 'inline') {
      for (const c of t.children ?? []) {
        if (c.type === 'text' || c.type === 'code_inline') parts.push(c.content);
        else if (c.type === 'softbreak' || c.type === 'hardbreak') parts.push(' ');
      }
      parts.push(' ');
    } else if (t.type === 'fence' || t.type === 'code_block') {
      parts.push(t.content, ' ');
    }
  }
  return normaliseSpace(parts.join(''));
}

/** The index of the token closing the one opened at `start` (same level, nesting -1). */
function closing(tokens: Token[], start: number): number {
  const open = tokens[start]!;
  if (open.nesting !== 1) return start;
  for (let i = start + 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.level === open.level && t.nesting === -1) return i;
  }
  return tokens.length - 1;
}

/** A copy of a token (to give one list item its own list wrapper without touching the parse). */
function copyToken(t: Token): Token {
  const c = Object.assign(Object.create(Object.getPrototypeOf(t) as object) as Token, t);
  c.attrs = t.attrs ? t.attrs.map(([k, v]) => [k, v] as [string, string]) : null;
  return c;
}

const KIND_OF_OPEN: Record<string, BlockKind> = {
  heading_open: 'heading',
  paragraph_open: 'paragraph',
  table_open: 'table',
  blockquote_open: 'quote',
  fence: 'code',
  code_block: 'code',
  hr: 'rule',
};

/** A heading's own number, when its text starts with one: "4.2 Labels" → "4.2", "A.1 Terms" → "A.1". */
export function headingNumber(text: string): string | null {
  const m = /^((?:\d+|[A-Z])(?:\.\d+)+|\d+)\.?(?=\s|$)/.exec(text.trim());
  return m ? m[1]! : null;
}

/** A short form of a heading for a label: its first words, cut at about 40 characters. */
function shortTitle(text: string): string {
  if (text.length <= 40) return text;
  const cut = text.slice(0, 40);
  const space = cut.lastIndexOf(' ');
  return `${space > 20 ? cut.slice(0, space) : cut}…`;
}

interface RawBlock {
  kind: BlockKind;
  level: number | null;
  tokens: Token[];
  map: [number, number] | null;
}

/** The top-level blocks of a token stream; list items each become one. */
function rawBlocks(tokens: Token[]): RawBlock[] {
  const out: RawBlock[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.level !== 0 || t.nesting === -1) continue;
    const end = closing(tokens, i);
    if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') {
      for (let j = i + 1; j < end; j++) {
        const item = tokens[j]!;
        if (item.type !== 'list_item_open' || item.level !== 1) continue;
        const itemEnd = closing(tokens, j);
        const wrapper = copyToken(t);
        if (t.type === 'ordered_list_open') {
          // Alone, an item must still show its own number: "3." stays 3.
          const n = Number.parseInt(item.info, 10);
          wrapper.attrs = Number.isFinite(n) && n !== 1 ? [['start', String(n)]] : null;
        }
        out.push({ kind: 'list_item', level: 1, tokens: [wrapper, ...tokens.slice(j, itemEnd + 1), tokens[end]!], map: item.map });
        j = itemEnd;
      }
    } else {
      const kind = KIND_OF_OPEN[t.type];
      if (kind) {
        const level = kind === 'heading' ? Number(t.tag.slice(1)) : null;
        out.push({ kind, level, tokens: tokens.slice(i, end + 1), map: t.map });
      }
    }
    i = end;
  }
  return out;
}

/**
 * Split Markdown into blocks with their source, safe HTML, plain text and label.
 * @example splitBlocks('## 4.2 Labels\n\nText.').map((b) => b.label) // ['4.2', '¶ 1']
 */
export function splitBlocks(markdown: string): ParsedBlock[] {
  const env = {};
  const tokens = md.parse(markdown, env);
  const raws = rawBlocks(tokens);
  // The block's wrapper carries its anchor as id; text-derived heading ids would repeat
  // across versions and translations shown on one page. Headings also move one level down:
  // the page's own h1 is the document's title, so a "# Introduction" sits under it as h2.
  for (const t of tokens) {
    if (t.type === 'heading_open' && t.attrs) t.attrs = t.attrs.filter(([k]) => k !== 'id');
    if (t.type === 'heading_open' || t.type === 'heading_close') t.tag = `h${Math.min(6, Number(t.tag.slice(1)) + 1)}`;
  }
  const lines = markdown.split(/\r?\n/);
  let paragraphs = 0;
  return raws.map((raw) => {
    const plain = plainOf(raw.tokens);
    let label: string;
    if (raw.kind === 'heading') {
      label = headingNumber(plain) ?? `§ ${shortTitle(plain)}`;
    } else {
      paragraphs++;
      label = `¶ ${paragraphs}`;
    }
    const source = raw.map ? lines.slice(raw.map[0], raw.map[1]).join('\n').replace(/\s+$/, '') : plain;
    return { kind: raw.kind, level: raw.level, label, source, html: md.renderer.render(raw.tokens, md.options, env), plain };
  });
}
