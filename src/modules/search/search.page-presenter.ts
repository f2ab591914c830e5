import { formatNumber } from '../../platform/i18n/i18n.js';
import { pick } from '../../platform/i18n/pick.js';
import { localPath, type ModelCtx } from '../../platform/web/context.js';
import type { Process } from '../processes/index.js';
import { DOCUMENT_KINDS, type SearchResultOut, type TextPart } from './search.schema.js';
import { SEARCH_KINDS } from './search.tables.js';

/**
 * Page presenter: the search form's choices and a page of results, in the reader's language
 * (labels translated, numbers formatted). The API's presenter is search.presenter.ts.
 */

/** The values the form shows again, as the reader typed them. */
export interface SearchFormValues {
  q: string;
  process: string;
  kind: string;
  subkind: string;
  lang: string;
}

/** A choice in a `<select>`; the first ("any") has the empty value. */
export interface OptionModel {
  value: string;
  label: string;
  selected: boolean;
}

/** One result as shown. */
export interface SearchResultModel {
  path: string;
  titleParts: TextPart[];
  excerpt: TextPart[];
  /** The text's language when it is not the page's (for `lang=`), else undefined. */
  textLang: string | undefined;
  kindLabel: string;
  subkindLabel: string | null;
  statusLabel: string | null;
  membersOnly: boolean;
  processTitle: string;
  langLabel: string | null;
  /** "Sent 40 times…" for a campaign (copies of one text shown once), else null. */
  copiesLabel: string | null;
}

/** The search page. */
export interface SearchPageModel {
  /** The document's title: the query's when results are shown. */
  title: string;
  action: string;
  values: SearchFormValues;
  processOptions: OptionModel[];
  kindOptions: OptionModel[];
  subkindOptions: OptionModel[];
  langOptions: OptionModel[];
  /** Null before a query ran (or when it was refused). */
  results: {
    /** The line above the list: which results these are, or why there are none. */
    status: string;
    /** The position of the first result of this page, from 1. */
    from: number;
    items: SearchResultModel[];
    prevHref: string | undefined;
    nextHref: string | undefined;
  } | null;
}

/** What the page is made from. */
export interface SearchPageRecords {
  values: SearchFormValues;
  processes: Process[];
  /** A page of results once a query ran. */
  outcome?: { items: SearchResultOut[]; from: number; prevHref: string | undefined; nextHref: string | undefined } | undefined;
}

function options(selected: string, any: string, choices: { value: string; label: string }[]): OptionModel[] {
  return [{ value: '', label: any }, ...choices].map((o) => ({ ...o, selected: o.value === selected }));
}

/** A result in the reader's language. */
export function searchResult(r: SearchResultOut, ctx: ModelCtx): SearchResultModel {
  const { t, lang } = ctx;
  return {
    path: r.path,
    titleParts: r.titleParts,
    excerpt: r.excerpt,
    textLang: r.lang && r.lang !== lang ? r.lang : undefined,
    kindLabel: t(`search.kinds.${r.kind}`),
    subkindLabel: r.subkind ? t(`search.subkinds.${r.subkind}`, { defaultValue: r.subkind }) : null,
    statusLabel: r.status ? t(`search.status.${r.status}`, { defaultValue: r.status }) : null,
    membersOnly: r.membersOnly,
    processTitle: r.process.title[lang],
    langLabel: r.lang ? t(`search.langs.${r.lang}`) : null,
    copiesLabel: r.copies > 1 ? t('search.copies', { count: r.copies, n: formatNumber(lang, r.copies) }) : null,
  };
}

export function searchPage(r: SearchPageRecords, ctx: ModelCtx): SearchPageModel {
  const { t, lang } = ctx;
  const { values, outcome } = r;
  const n = outcome?.items.length ?? 0;
  return {
    title: values.q && outcome ? t('search.titleFor', { q: values.q }) : t('search.title'),
    action: localPath(lang, '/search'),
    values,
    processOptions: options(values.process, t('search.anyProcess'), r.processes.map((p) => ({ value: p.slug, label: pick(lang, p, 'title') }))),
    kindOptions: options(values.kind, t('search.anyKind'), SEARCH_KINDS.map((k) => ({ value: k, label: t(`search.kinds.${k}`) }))),
    subkindOptions: options(values.subkind, t('search.anySubkind'), DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`search.subkinds.${k}`) }))),
    langOptions: options(values.lang, t('search.anyLang'), [
      { value: 'en', label: t('search.langs.en') },
      { value: 'fr', label: t('search.langs.fr') },
    ]),
    results: outcome
      ? {
          status: n
            ? t('search.showing', { from: formatNumber(lang, outcome.from), to: formatNumber(lang, outcome.from + n - 1) })
            : outcome.from > 1
              ? t('search.noMore')
              : t('search.none', { q: values.q }),
          from: outcome.from,
          items: outcome.items.map((i) => searchResult(i, ctx)),
          prevHref: outcome.prevHref,
          nextHref: outcome.nextHref,
        }
      : null,
  };
}
