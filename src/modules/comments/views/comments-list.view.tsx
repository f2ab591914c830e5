import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import type { CommentsListPageModel, FilterModel } from '../comments.page-presenter.js';
import { CommentEntry, WindowLine } from './parts.js';

/** A select in the filter form; the first option means "any". */
function FilterSelect({ f, any }: { f: FilterModel; any: string }) {
  const id = `filter-${f.name}`;
  return (
    <div class="field">
      <label for={id}>{f.label}</label>
      <select id={id} name={f.name}>
        <option value="">{any}</option>
        {f.options.map(([v, text]) => (
          <option key={v} value={v} selected={f.value === v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The public list of a period's comments: filters in an ordinary GET form, 50 comments a
 * page in arrival order, and First / Previous / Next / Last links (keyset by id: each link
 * names where its page starts, so it stays a link to the same place).
 */
export function CommentsListView({ ctx, model: m }: { ctx: PageCtx; model: CommentsListPageModel }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={m.title}>
      <Breadcrumb ctx={ctx} trail={m.trail} current={m.title} />
      <h1>{m.title}</h1>
      <WindowLine window={m.window} />
      <p>{m.count}</p>
      {m.campaigns && (
        <p>
          {m.campaigns.text}
          {m.campaigns.all && (
            <>
              {' '}
              <a href={m.campaigns.all}>{t('comments.campaignAll')}</a>
            </>
          )}
        </p>
      )}
      <p>
        <a href={m.reportPath}>{t('comments.responsesReportLink')}</a>
      </p>
      <form method="get" action={m.action} class="filters" role="search" aria-label={t('comments.filters')}>
        {m.campaign && <input type="hidden" name="campaign" value={m.campaign} />}
        {m.filters.map((f) => (
          <FilterSelect key={f.name} f={f} any={t('comments.filter.any')} />
        ))}
        <button type="submit" class="button">
          {t('comments.filter.apply')}
        </button>
      </form>
      {m.comments.length === 0 ? (
        <p>{t('comments.noneMatch')}</p>
      ) : (
        <div class="comments">
          {m.comments.map((c) => (
            <CommentEntry key={c.id} ctx={ctx} c={c} headingLevel={2} />
          ))}
        </div>
      )}
      <nav aria-label={t('comments.pages')} class="pager">
        <ul class="inline-list">
          <li>
            <a href={m.pager.first}>{t('comments.firstPage')}</a>
          </li>
          {m.pager.previous && (
            <li>
              <a href={m.pager.previous} rel="prev">
                {t('comments.previousPage')}
              </a>
            </li>
          )}
          {m.pager.next && (
            <li>
              <a href={m.pager.next} rel="next">
                {t('comments.nextPage')}
              </a>
            </li>
          )}
          <li>
            <a href={m.pager.last}>{t('comments.lastPage')}</a>
          </li>
        </ul>
      </nav>
    </Layout>
  );
}
