import { md } from '../../platform/web/markdown.js';

/**
 * The words of a Markdown text, without its syntax, for the search index: excerpts then read
 * "Draft label criteria" rather than "Draft **label** criteria". Blocks are kept apart by a
 * newline so that words of two paragraphs never run together.
 * @example plainText('Draft **label** [criteria](https://x.example)') // 'Draft label criteria'
 */
export function plainText(markdown: string): string {
  const blocks: string[] = [];
  for (const token of md.parse(markdown, {})) {
    if (token.type === 'inline') {
      blocks.push(
        (token.children ?? [])
          .map((c) => (c.type === 'text' || c.type === 'code_inline' ? c.content : c.type === 'softbreak' || c.type === 'hardbreak' ? ' ' : c.type === 'image' ? c.content : ''))
          .join(''),
      );
    } else if (token.type === 'fence' || token.type === 'code_block') {
      blocks.push(token.content.trimEnd());
    }
  }
  return blocks.filter((b) => b.trim()).join('\n');
}
