import type { Actor } from '../auth/roles.js';
import type { Lang, T } from '../i18n/i18n.js';

/** What every page view receives: language, translator, who is looking, and how to make a form. */
export interface PageCtx {
  lang: Lang;
  t: T;
  actor: Actor | null;
  /** The current path without its language prefix (`/account`), query included. */
  path: string;
  /** A CSRF token for this visitor; generated on first call, so pages without forms set no cookie. */
  csrf: () => string;
  /** A one-time notice (i18n key) carried over a redirect. */
  notice: string | undefined;
}

/** The same path in a language: the link every page offers to its translation. */
export function localPath(lang: Lang, path: string): string {
  return `/${lang}${path.startsWith('/') ? path : `/${path}`}`;
}

/**
 * What a page presenter (`<module>.page-presenter.ts`) needs from the request to turn records
 * into a view model: the reader's language (picks, dates, paths), the translator (words made
 * from numbers, such as time left) and who is looking (the model's `can…` flags). A PageCtx is
 * one; tests build one with `modelCtx` from test/helpers/actors.ts.
 */
export type ModelCtx = Pick<PageCtx, 'lang' | 't' | 'actor'>;
