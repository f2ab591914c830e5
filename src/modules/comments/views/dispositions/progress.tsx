import { LOCALES, formatNumber, tFor, type Lang } from '../../../../platform/i18n/i18n.js';

/**
 * How many comments of a period await a response at most: every comment but the hidden ones
 * (spam, abuse… need no response). With disposed_count, which counts visible comments only,
 * the bar reaches 100 % exactly when every visible comment has a response.
 */
export function toAnswer(p: { comment_count: number; hidden_count: number }): number {
  return Math.max(0, p.comment_count - p.hidden_count);
}

/** The share answered, as a whole percentage (never 100 % before the last comment is answered). */
export function percentOf(disposed: number, total: number): number {
  if (total <= 0) return 0;
  const p = Math.floor((disposed / total) * 100);
  return Math.min(100, Math.max(0, p));
}

/**
 * How many comments of a period have a response: a <progress> element named by its label,
 * with the numbers and percentage in text beside it (never by the bar alone), in the page's
 * language. `disposed` and `total` are the period's kept counters, so showing it costs nothing.
 * @example <DispositionProgress disposed={period.disposed_count} total={toAnswer(period)} lang={ctx.lang} />
 */
export function DispositionProgress(props: { disposed: number; total: number; lang: Lang; id?: string }) {
  const t = tFor(props.lang);
  const id = props.id ?? 'disposition-progress';
  const total = Math.max(0, props.total);
  const disposed = Math.min(Math.max(0, props.disposed), total);
  const percent = percentOf(disposed, total);
  const percentText = new Intl.NumberFormat(LOCALES[props.lang], { style: 'percent' }).format(percent / 100);
  return (
    <div class="disposition-progress">
      <p id={`${id}-label`}>
        <strong>{t('dispositions.progress.label')}</strong>
      </p>
      {total === 0 ? (
        <p id={`${id}-text`}>{t('dispositions.progress.none')}</p>
      ) : (
        <>
          <progress id={id} max={total} value={disposed} aria-labelledby={`${id}-label`} aria-describedby={`${id}-text`}>
            {percentText}
          </progress>
          <p id={`${id}-text`}>
            {t('dispositions.progress.text', { disposed: formatNumber(props.lang, disposed), total: formatNumber(props.lang, total), percent: percentText })}
          </p>
        </>
      )}
    </div>
  );
}
