import MarkdownIt from 'markdown-it';
import { h } from 'preact';

/**
 * Markdown that members write (charters, agendas, minutes, drafts) turned into HTML that is
 * safe to put in a page: raw HTML in the source is escaped, links go only to http, https,
 * mailto or a relative address, and every link says it is user content.
 */

/** The configured parser (raw HTML off, vetted links); documents split its tokens into blocks. */
export const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
// Images would load from anywhere a contributor chooses (and the CSP blocks other hosts anyway).
md.disable('image');

/** Schemes a link may use; anything else (javascript:, data:, vbscript:, file:…) stays plain text. */
const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);

// markdown-it has already percent-encoded the URL here, so a scheme hidden behind tabs or
// control characters cannot be read by a browser as one either.
md.validateLink = (url: string): boolean => {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.trim())?.[1];
  return scheme === undefined || ALLOWED_SCHEMES.has(scheme.toLowerCase());
};

// Search engines should not credit links that anyone can post (Google's "ugc").
md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
  tokens[idx]!.attrSet('rel', 'nofollow ugc');
  return self.renderToken(tokens, idx, options);
};

/** Ids the page layout owns; a heading must not take them (a heading "Main" would steal the skip link's target). */
const RESERVED_IDS = ['main'];

interface RenderEnv {
  usedIds?: Set<string>;
  /** For each base, the next suffix to try: 20,000 headings named alike cost 20,000 steps, not 200 million. */
  nextSuffix?: Map<string, number>;
}

// Give every heading an id from its text, so a charter's sections can be linked to.
md.core.ruler.push('heading_ids', (state) => {
  const env = state.env as RenderEnv;
  const used = (env.usedIds ??= new Set(RESERVED_IDS));
  const next = (env.nextSuffix ??= new Map<string, number>());
  state.tokens.forEach((token, i) => {
    if (token.type !== 'heading_open') return;
    const inline = state.tokens[i + 1];
    const text = (inline?.children ?? [])
      .map((c) => (c.type === 'text' || c.type === 'code_inline' ? c.content : c.type.endsWith('break') ? ' ' : ''))
      .join('');
    token.attrSet('id', uniqueId(slugify(text), used, next));
  });
});

/**
 * A URL fragment from heading text: lower case, accents dropped, runs of anything but letters
 * and digits turned into one hyphen; letters of any script are kept.
 * @example slugify('Portée et objectifs : 2019') // 'portee-et-objectifs-2019'
 */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'section';
}

/**
 * `base`, or `base-2`, `base-3`… when it is already taken; records the one returned. The search
 * for a free suffix resumes where the last one for this base stopped, so a text of many
 * headings with the same words stays linear (each suffix is tried at most once per base).
 */
export function uniqueId(base: string, used: Set<string>, next: Map<string, number>): string {
  let id = base;
  let n = next.get(base) ?? 2;
  if (used.has(id)) {
    do id = `${base}-${n++}`;
    while (used.has(id));
  }
  next.set(base, n);
  used.add(id);
  return id;
}

/**
 * Markdown to safe HTML; heading ids are unique within one call.
 * @example renderMarkdown('## Scope\n\nSee [the charter](https://concord.example).')
 * // '<h2 id="scope">Scope</h2>\n<p>See <a href="https://concord.example" rel="nofollow ugc">the charter</a>.</p>\n'
 */
export function renderMarkdown(source: string): string {
  const env: RenderEnv = {};
  return md.render(source, env);
}

/**
 * Rendered Markdown inside a div. This is the ONE sanctioned use of dangerouslySetInnerHTML in
 * Concord: the HTML comes only from renderMarkdown above (html: false, vetted links), never
 * from anything else. Keep it that way; any other markup goes through Preact's escaping.
 */
export function Markdown(props: { source: string; class?: string }) {
  return h('div', { class: props.class, dangerouslySetInnerHTML: { __html: renderMarkdown(props.source) } });
}
