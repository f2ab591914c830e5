import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { ErrorSummary, FieldShell } from '../../../platform/web/components/forms.js';
import { MAX_QUERY, type TextPart } from '../search.schema.js';
import type { OptionModel, SearchPageModel, SearchResultModel } from '../search.page-presenter.js';

/** Highlighted text: each stretch rendered as text (escaped by Preact), the matches inside <mark>. */
export function Highlighted({ parts }: { parts: TextPart[] }) {
  return <>{parts.map((p) => (p.match ? <mark>{p.text}</mark> : p.text))}</>;
}

function Select(props: { name: string; label: string; error?: string | undefined; options: OptionModel[] }) {
  return (
    <FieldShell name={props.name} label={props.label} error={props.error}>
      {(w) => (
        <select id={w.id} name={props.name} aria-invalid={w.invalid} aria-describedby={w.describedBy}>
          {props.options.map((o) => (
            <option value={o.value} selected={o.selected}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

function Result({ ctx, r }: { ctx: PageCtx; r: SearchResultModel }) {
  const { t } = ctx;
  return (
    <li class="search-result">
      <h3 lang={r.textLang}>
        <a href={r.path}>
          <Highlighted parts={r.titleParts} />
        </a>
      </h3>
      <p class="meta">
        <span class="badge">{r.kindLabel}</span>
        {r.subkindLabel && <> {r.subkindLabel}</>}
        {r.statusLabel && (
          <>
            {' '}
            <span class="badge badge--status">{r.statusLabel}</span>
          </>
        )}
        {r.membersOnly && (
          <>
            {' '}
            <span class="badge">{t('search.membersOnly')}</span>
          </>
        )}
        {' · '}
        {r.processTitle}
        {r.langLabel && <> · {r.langLabel}</>}
        {r.copiesLabel && <> · {r.copiesLabel}</>}
      </p>
      {r.excerpt.length > 0 && (
        <p class="search-excerpt" lang={r.textLang}>
          <Highlighted parts={r.excerpt} />
        </p>
      )}
    </li>
  );
}

/** The search page: a GET form (so a search can be linked and needs no script), then the results. */
export function SearchView(props: { ctx: PageCtx; model: SearchPageModel; errors: Record<string, string> }) {
  const { ctx, model, errors } = props;
  const { t } = ctx;
  const { values, results } = model;
  return (
    <Layout ctx={ctx} title={model.title}>
      <h1>{t('search.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="get" action={model.action} class="search-form" noValidate>
        <FieldShell name="q" label={t('search.q')} hint={t('search.hint', { max: MAX_QUERY })} error={errors.q}>
          {(w) => <input id={w.id} name="q" type="search" value={values.q} aria-invalid={w.invalid} aria-describedby={w.describedBy} />}
        </FieldShell>
        <div class="filters">
          <fieldset>
            <legend>{t('search.filters')}</legend>
            <Select name="process" label={t('search.process')} error={errors.process} options={model.processOptions} />
            <Select name="kind" label={t('search.kind')} error={errors.kind} options={model.kindOptions} />
            <Select name="subkind" label={t('search.subkind')} error={errors.subkind} options={model.subkindOptions} />
            <Select name="lang" label={t('search.lang')} error={errors.lang} options={model.langOptions} />
          </fieldset>
        </div>
        <button type="submit" class="button">
          {t('search.submit')}
        </button>
      </form>
      {results && (
        <section aria-labelledby="search-results-title">
          <h2 id="search-results-title">{t('search.results')}</h2>
          <p role="status">{results.status}</p>
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
