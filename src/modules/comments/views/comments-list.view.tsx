import { pick } from '../../../platform/i18n/pick.js';
import type { PageCtx } from '../../../platform/web/context.js';
import { localPath } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { formatNumber } from '../../../platform/i18n/i18n.js';
import type { Process, StakeholderGroup } from '../../processes/index.js';
import type { ListQuery } from '../comments.schema.js';
import type { CommentPage } from '../listing.service.js';
import { periodPath, type Paragraph, type PeriodDetail } from '../periods.service.js';
import { CommentEntry, PeriodCrumb, WindowLine, periodTitle, type ParagraphMaps } from './parts.js';

type Filters = Pick<ListQuery, 'document' | 'anchor' | 'stakeholderGroup' | 'lang' | 'status'>;

/** A select in the filter form; the first option means "any". */
function FilterSelect({ name, label, value, any, options }: { name: string; label: string; value: string | undefined; any: string; options: [string, string][] }) {
  const id = `filter-${name}`;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} name={name}>
        <option value="">{any}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v} selected={value === v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The query string of the current filters plus a cursor. */
function withFilters(f: Filters, cursor: Record<string, string>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) q.set(k, v);
  for (const [k, v] of Object.entries(cursor)) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/**
 * The public list of a period's comments: filters in an ordinary GET form, 50 comments a
 * page in arrival order, and First / Previous / Next / Last links (keyset by id: each link
 * names where its page starts, so it stays a link to the same place).
 */
export function CommentsListView(props: {
  ctx: PageCtx;
  process: Process;
  d: PeriodDetail;
  page: CommentPage;
  filters: Filters;
  groups: StakeholderGroup[];
  paragraphs: ParagraphMaps;
  now: Date;
}) {
  const { ctx, process, d, page, filters } = props;
  const { t, lang } = ctx;
  const base = localPath(lang, `${periodPath(process.slug, d.period.id)}/comments`);
  const title = t('comments.listTitle', { title: periodTitle(ctx, d) });
  const chosen = d.documents.find((x) => x.document.slug === filters.document) ?? d.documents[0]!;
  const paragraphs = [...(props.paragraphs.get(chosen.document.id) ?? new Map<string, Paragraph>()).entries()].filter(([, p]) => p.kind !== 'rule');
  return (
    <Layout ctx={ctx} title={title}>
      <PeriodCrumb ctx={ctx} slug={process.slug} d={d} current={title} />
      <h1>{title}</h1>
      <WindowLine ctx={ctx} d={d} now={props.now} />
      <p>{t('comments.count', { count: d.period.comment_count, n: formatNumber(lang, d.period.comment_count) })}</p>
      <p>
        <a href={localPath(lang, `${periodPath(process.slug, d.period.id)}/report`)}>{t('comments.responsesReportLink')}</a>
      </p>
      <form method="get" action={base} class="filters" role="search" aria-label={t('comments.filters')}>
        {d.documents.length > 1 && (
          <FilterSelect name="document" label={t('comments.filter.document')} value={filters.document} any={t('comments.filter.any')} options={d.documents.map((c) => [c.document.slug, c.version.title])} />
        )}
        <FilterSelect
          name="anchor"
          label={t('comments.filter.paragraph')}
          value={filters.anchor}
          any={t('comments.filter.any')}
          options={[['general', t('comments.general')], ...paragraphs.map(([a, p]): [string, string] => [a, p.label])]}
        />
        <FilterSelect
          name="stakeholderGroup"
          label={t('comments.filter.stakeholderGroup')}
          value={filters.stakeholderGroup}
          any={t('comments.filter.any')}
          options={props.groups.map((g) => [g.id, pick(lang, g, 'name')])}
        />
        <FilterSelect name="lang" label={t('comments.filter.lang')} value={filters.lang} any={t('comments.filter.any')} options={[['en', 'English'], ['fr', 'Français']]} />
        <FilterSelect
          name="status"
          label={t('comments.filter.status')}
          value={filters.status}
          any={t('comments.filter.any')}
          options={(['answered', 'awaiting', 'hidden'] as const).map((s) => [s, t(`comments.statusFilter.${s}`)])}
        />
        <button type="submit" class="button">
          {t('comments.filter.apply')}
        </button>
      </form>
      {page.rows.length === 0 ? (
        <p>{t('comments.noneMatch')}</p>
      ) : (
        <div class="comments">
          {page.rows.map((c) => (
            <CommentEntry key={c.id} ctx={ctx} slug={process.slug} d={d} c={c} groups={props.groups} paragraphs={props.paragraphs} headingLevel={2} />
          ))}
        </div>
      )}
      <nav aria-label={t('comments.pages')} class="pager">
        <ul class="inline-list">
          <li>
            <a href={`${base}${withFilters(filters, {})}`}>{t('comments.firstPage')}</a>
          </li>
          {page.previous && (
            <li>
              <a href={`${base}${withFilters(filters, { before: page.previous })}`} rel="prev">
                {t('comments.previousPage')}
              </a>
            </li>
          )}
          {page.next && (
            <li>
              <a href={`${base}${withFilters(filters, { after: page.next })}`} rel="next">
                {t('comments.nextPage')}
              </a>
            </li>
          )}
          <li>
            <a href={`${base}${withFilters(filters, { last: '1' })}`}>{t('comments.lastPage')}</a>
          </li>
        </ul>
      </nav>
    </Layout>
  );
}
