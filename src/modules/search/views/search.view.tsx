import { pick } from '../../../platform/i18n/pick.js';
import type { PageCtx } from '../../../platform/web/context.js';
import { localPath } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { ErrorSummary, FieldShell } from '../../../platform/web/components/forms.js';
import { formatNumber } from '../../../platform/i18n/i18n.js';
import type { Process } from '../../processes/index.js';
import { DOCUMENT_KINDS, MAX_QUERY, type SearchResultOut, type TextPart } from '../search.schema.js';
import { SEARCH_KINDS } from '../search.tables.js';

/** Highlighted text: each stretch rendered as text (escaped by Preact), the matches inside <mark>. */
export function Highlighted({ parts }: { parts: TextPart[] }) {
  return <>{parts.map((p) => (p.match ? <mark>{p.text}</mark> : p.text))}</>;
}

/** The values the form shows again, as the reader typed them. */
export interface SearchFormValues {
  q: string;
  process: string;
  kind: string;
  subkind: string;
  lang: string;
}

/** What the page shows under the form once a query ran. */
export interface SearchResultsData {
  items: SearchResultOut[];
  /** The position of the first result of this page, from 1. */
  from: number;
  prevHref: string | undefined;
  nextHref: string | undefined;
}

function Select(props: { name: string; label: string; value: string; error?: string | undefined; options: { value: string; label: string }[] }) {
  return (
    <FieldShell name={props.name} label={props.label} error={props.error}>
      {(w) => (
        <select id={w.id} name={props.name} aria-invalid={w.invalid} aria-describedby={w.describedBy}>
          {props.options.map((o) => (
            <option value={o.value} selected={o.value === props.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

function Result({ ctx, r }: { ctx: PageCtx; r: SearchResultOut }) {
  const { t, lang } = ctx;
  const processTitle = r.process.title[lang];
  return (
    <li class="search-result">
      <h3 lang={r.lang && r.lang !== lang ? r.lang : undefined}>
        <a href={r.path}>
          <Highlighted parts={r.titleParts} />
        </a>
      </h3>
      <p class="meta">
        <span class="badge">{t(`search.kinds.${r.kind}`)}</span>
        {r.subkind && <> {t(`search.subkinds.${r.subkind}`, { defaultValue: r.subkind })}</>}
        {r.status && (
          <>
            {' '}
            <span class="badge badge--status">{t(`search.status.${r.status}`, { defaultValue: r.status })}</span>
          </>
        )}
        {r.membersOnly && (
          <>
            {' '}
            <span class="badge">{t('search.membersOnly')}</span>
          </>
        )}
        {' · '}
        {processTitle}
        {r.lang && <> · {t(`search.langs.${r.lang}`)}</>}
      </p>
      {r.excerpt.length > 0 && (
        <p class="search-excerpt" lang={r.lang && r.lang !== lang ? r.lang : undefined}>
          <Highlighted parts={r.excerpt} />
        </p>
      )}
    </li>
  );
}

/** The search page: a GET form (so a search can be linked and needs no script), then the results. */
export function SearchView(props: { ctx: PageCtx; values: SearchFormValues; errors: Record<string, string>; processes: Process[]; results: SearchResultsData | undefined }) {
  const { ctx, values, errors, results } = props;
  const { t, lang } = ctx;
  const any = (label: string) => ({ value: '', label });
  const title = values.q && results ? t('search.titleFor', { q: values.q }) : t('search.title');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{t('search.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="get" action={localPath(lang, '/search')} class="search-form" noValidate>
        <FieldShell name="q" label={t('search.q')} hint={t('search.hint', { max: MAX_QUERY })} error={errors.q}>
          {(w) => <input id={w.id} name="q" type="search" value={values.q} aria-invalid={w.invalid} aria-describedby={w.describedBy} />}
        </FieldShell>
        <div class="filters">
          <fieldset>
            <legend>{t('search.filters')}</legend>
            <Select
              name="process"
              label={t('search.process')}
              value={values.process}
              error={errors.process}
              options={[any(t('search.anyProcess')), ...props.processes.map((p) => ({ value: p.slug, label: pick(lang, p, 'title') }))]}
            />
            <Select name="kind" label={t('search.kind')} value={values.kind} error={errors.kind} options={[any(t('search.anyKind')), ...SEARCH_KINDS.map((k) => ({ value: k, label: t(`search.kinds.${k}`) }))]} />
            <Select
              name="subkind"
              label={t('search.subkind')}
              value={values.subkind}
              error={errors.subkind}
              options={[any(t('search.anySubkind')), ...DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`search.subkinds.${k}`) }))]}
            />
            <Select name="lang" label={t('search.lang')} value={values.lang} error={errors.lang} options={[any(t('search.anyLang')), { value: 'en', label: t('search.langs.en') }, { value: 'fr', label: t('search.langs.fr') }]} />
          </fieldset>
        </div>
        <button type="submit" class="button">
          {t('search.submit')}
        </button>
      </form>
      {results && (
        <section aria-labelledby="search-results-title">
          <h2 id="search-results-title">{t('search.results')}</h2>
          <p role="status">
            {results.items.length
              ? t('search.showing', { from: formatNumber(lang, results.from), to: formatNumber(lang, results.from + results.items.length - 1) })
              : results.from > 1
                ? t('search.noMore')
                : t('search.none', { q: values.q })}
          </p>
          {results.items.length > 0 && (
            <ol class="search-results" start={results.from}>
              {results.items.map((r) => (
                <Result ctx={ctx} r={r} />
              ))}
            </ol>
          )}
          {(results.prevHref || results.nextHref) && (
            <nav aria-label={t('search.pages')}>
              <ul class="inline-list">
                {results.prevHref && (
                  <li>
                    <a href={results.prevHref} rel="prev">
                      {t('search.previous')}
                    </a>
                  </li>
                )}
                {results.nextHref && (
                  <li>
                    <a href={results.nextHref} rel="next">
                      {t('search.next')}
                    </a>
                  </li>
                )}
              </ul>
            </nav>
          )}
        </section>
      )}
    </Layout>
  );
}
