import { pick } from '../../../platform/i18n/pick.js';
import type { PageCtx } from '../../../platform/web/context.js';
import { localPath } from '../../../platform/web/context.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { formatDate, formatDateTime, formatNumber } from '../../../platform/i18n/i18n.js';
import type { StakeholderGroup } from '../../processes/index.js';
import { formatInstant } from '../../../platform/time/zoned.js';
import type { CommentRow } from '../comments.repository.js';
import { commentPath } from '../comments.service.js';
import { paragraphPath, periodPath, periodState, type Paragraph, type PeriodDetail } from '../periods.service.js';
import { timeLeft, timeLeftWords } from '../../../platform/time/time-left.js';
import { toAnswer } from './dispositions/progress.js';

/** Paragraph labels and texts per covered document id, for showing where a comment points. */
export type ParagraphMaps = Map<string, Map<string, Paragraph>>;

/** A period's name: "Comment period: <title of the version asked about>", in the reader's language when a translation is covered. */
export function periodTitle(ctx: PageCtx, d: PeriodDetail): string {
  const doc = d.documents.find((x) => x.document.lang === ctx.lang) ?? d.documents[0]!;
  return ctx.t('comments.periodTitle', { title: doc.version.title });
}

/** The way back to a period from a page inside it (`current` names that page), as a breadcrumb. */
export function PeriodCrumb({ ctx, slug, d, current }: { ctx: PageCtx; slug: string; d: PeriodDetail; current: string }) {
  return (
    <Breadcrumb
      ctx={ctx}
      trail={[
        { href: localPath(ctx.lang, `/processes/${slug}/comment-periods`), label: ctx.t('comments.periodsTitle') },
        { href: localPath(ctx.lang, periodPath(slug, d.period.id)), label: periodTitle(ctx, d) },
      ]}
      current={current}
    />
  );
}

/**
 * Where a period stands, in words (never by colour alone), computed on the server at `now`:
 * "Open until …, closes in 3 days, 4 hours", or "This comment period closed on …".
 */
export function WindowLine({ ctx, d, now }: { ctx: PageCtx; d: PeriodDetail; now: Date }) {
  const { t, lang } = ctx;
  const p = d.period;
  const state = periodState(p, now);
  const opens = formatInstant(lang, p.opens_at, p.time_zone);
  const closes = formatInstant(lang, p.closes_at, p.time_zone);
  const left = state === 'open' ? timeLeft(p.closes_at, now) : state === 'upcoming' ? timeLeft(p.opens_at, now) : null;
  return (
    <p class="status-line">
      <span class="badge">{t(`comments.states.${state}`)}</span> {t(`comments.stateLine.${state}`, { opens, closes, left: left ? timeLeftWords(t, left) : '' })}
    </p>
  );
}

/** The covered documents as links to the versions asked about. */
export function CoveredList({ ctx, slug, d }: { ctx: PageCtx; slug: string; d: PeriodDetail }) {
  return (
    <ul>
      {d.documents.map((c) => (
        <li key={c.document.id}>
          <a href={localPath(ctx.lang, paragraphPath(slug, c.document, c.version, null))} lang={c.document.lang}>
            {c.version.title}
          </a>{' '}
          — {ctx.t('comments.versionOf', { n: c.version.number, lang: ctx.t(`comments.langs.${c.document.lang}`) })}
        </li>
      ))}
    </ul>
  );
}

/**
 * How many comments have a response: a native progress bar with the numbers in text beside it.
 * Hidden comments await no response, so they are left out of the total (and said so).
 */
export function DispositionProgress({ ctx, d }: { ctx: PageCtx; d: PeriodDetail }) {
  const { disposed_count: done, hidden_count: hidden } = d.period;
  const total = toAnswer(d.period);
  const words = ctx.t('comments.progress', { done: formatNumber(ctx.lang, done), total: formatNumber(ctx.lang, total) });
  return (
    <>
      <p>
        <label for="disposition-progress">{ctx.t('comments.progressLabel')}</label>{' '}
        <progress id="disposition-progress" max={Math.max(total, 1)} value={Math.min(done, total)}>
          {words}
        </progress>{' '}
        <span>{words}</span>
      </p>
      {hidden > 0 && <p class="hint">{ctx.t('comments.progressHidden', { count: hidden, n: formatNumber(ctx.lang, hidden) })}</p>}
    </>
  );
}

/** Plain text with its line breaks kept (comments are not Markdown; Preact escapes the text). */
export function PlainText({ text, lang }: { text: string; lang: string }) {
  return (
    <div class="comment-text" lang={lang}>
      {text
        .split(/(?:\r?\n){2,}/)
        .filter((p) => p.trim())
        .map((para, i) => (
          <p key={i}>
            {para.split(/\r?\n/).map((line, j) => (
              <>
                {j > 0 && <br />}
                {line}
              </>
            ))}
          </p>
        ))}
    </div>
  );
}

/** Where a comment points: the paragraph's label linked to it on the version, or "General comment". */
export function ParagraphRef({ ctx, slug, d, paragraphs, c }: { ctx: PageCtx; slug: string; d: PeriodDetail; paragraphs: ParagraphMaps; c: CommentRow }) {
  const covered = d.documents.find((x) => x.document.id === c.document_id);
  if (!covered) return null;
  const label = c.anchor ? (paragraphs.get(c.document_id)?.get(c.anchor)?.label ?? c.anchor) : null;
  const docLink = d.documents.length > 1 ? ` (${covered.version.title})` : '';
  return (
    <a href={localPath(ctx.lang, paragraphPath(slug, covered.document, covered.version, c.anchor))}>
      {label ? ctx.t('comments.onParagraph', { label }) : ctx.t('comments.general')}
      {docLink}
    </a>
  );
}

/** What the public sees in place of a hidden comment: the reason and the date, nothing of the text. */
export function Tombstone({ ctx, c, timeZone }: { ctx: PageCtx; c: CommentRow; timeZone: string }) {
  return (
    <p class="tombstone">
      {ctx.t('comments.tombstone', { date: c.hidden_at ? formatDate(ctx.lang, c.hidden_at, timeZone) : '', reason: ctx.t(`comments.reasons.${c.hidden_reason ?? 'spam'}`) })}
    </p>
  );
}

/**
 * One comment as listings show it: who (name, organisation, stakeholder group), when, where
 * it points, its text, how many sent the same text, and the response when there is one.
 * `headingLevel` keeps headings in order on each page that uses it.
 */
export function CommentEntry(props: {
  ctx: PageCtx;
  slug: string;
  d: PeriodDetail;
  c: CommentRow;
  groups: StakeholderGroup[];
  paragraphs: ParagraphMaps;
  headingLevel: 2 | 3;
  permalink?: boolean;
}) {
  const { ctx, slug, d, c } = props;
  const { t, lang } = ctx;
  const hidden = c.status === 'hidden';
  const group = props.groups.find((g) => g.id === c.stakeholder_group_id);
  const H = props.headingLevel === 2 ? 'h2' : 'h3';
  const path = localPath(lang, commentPath(slug, c.id));
  return (
    <article class="card comment" id={`comment-${c.id}`} aria-labelledby={`comment-${c.id}-title`}>
      <H id={`comment-${c.id}-title`} class="comment__title">
        {props.permalink === false ? (
          hidden ? t('comments.hiddenTitle', { receipt: c.receipt }) : c.display_name
        ) : (
          <a href={path}>{hidden ? t('comments.hiddenTitle', { receipt: c.receipt }) : c.display_name}</a>
        )}
      </H>
      <p class="meta">
        {!hidden && c.organisation && <>{c.organisation} · </>}
        {!hidden && group && <>{pick(lang, group, 'name')} · </>}
        <time dateTime={c.created_at.toISOString()}>{formatDateTime(lang, c.created_at, d.period.time_zone)}</time> · {c.receipt} ·{' '}
        <ParagraphRef ctx={ctx} slug={slug} d={d} paragraphs={props.paragraphs} c={c} />
      </p>
      {hidden ? <Tombstone ctx={ctx} c={c} timeZone={d.period.time_zone} /> : <PlainText text={c.body} lang={c.lang} />}
      {c.group_size > 1 && c.primary_comment_id === c.id && (
        <p>
          <a href={`${path}/duplicates`}>{t('comments.sameText', { count: c.group_size, n: formatNumber(lang, c.group_size) })}</a>
        </p>
      )}
      {c.outcome && c.rationale && (
        <div class="comment-response">
          <p>
            <strong>{t('comments.response', { outcome: t(`comments.outcomes.${c.outcome}`) })}</strong>
          </p>
          <PlainText text={c.rationale} lang={c.response_lang ?? lang} />
        </div>
      )}
    </article>
  );
}
