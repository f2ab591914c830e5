import type { PageCtx } from '../../../../platform/web/context.js';
import { localPath } from '../../../../platform/web/context.js';
import { formatDate } from '../../../../platform/i18n/i18n.js';
import type { CommentEntry } from '../../dispositions.repository.js';
import type { VersionRef } from '../../dispositions.report.js';
import { changedPath } from '../../dispositions.presenter.js';

/** A comment's text, or its tombstone when a moderator hid it (reason and date; the text is not shown). */
export function CommentBody({ ctx, e, timeZone }: { ctx: PageCtx; e: CommentEntry; timeZone: string }) {
  const { t, lang } = ctx;
  if (e.status === 'hidden') {
    return (
      <p class="meta">
        {t('dispositions.report.tombstone', {
          reason: e.hidden_reason ? t(`dispositions.hiddenReasons.${e.hidden_reason}`) : '',
          date: e.hidden_at ? formatDate(lang, e.hidden_at, timeZone) : '',
        })}
      </p>
    );
  }
  return (
    <blockquote lang={e.lang} class="comment-text">
      {e.body.split(/\n{2,}/).map((para, i) => (
        <p key={i}>{para}</p>
      ))}
    </blockquote>
  );
}

/** The response in force on a comment: outcome, rationale (in its language) and the changed paragraph. */
export function ResponseBlock(props: {
  ctx: PageCtx;
  e: CommentEntry;
  processSlug: string;
  versions: Map<string, VersionRef>;
  /** Paragraph labels by version id, then anchor. */
  labels: Map<string, Map<string, string>>;
}) {
  const { ctx, e } = props;
  const { t, lang } = ctx;
  // A hidden comment without a response awaits none: saying "awaiting" would contradict the counts.
  if (!e.d_outcome) return e.status === 'hidden' ? null : <p class="meta">{t('dispositions.report.noResponse')}</p>;
  const ref = e.d_version_id ? props.versions.get(e.d_version_id) : undefined;
  const label = e.d_anchor && e.d_version_id ? (props.labels.get(e.d_version_id)?.get(e.d_anchor) ?? e.d_anchor) : undefined;
  return (
    <div class="response">
      <p>
        <strong>{t('dispositions.report.response', { outcome: t(`dispositions.outcomes.${e.d_outcome}`) })}</strong>
      </p>
      {e.d_rationale && (
        <p lang={e.d_lang ?? undefined} class="rationale">
          {e.d_rationale}
        </p>
      )}
      {ref && (
        <p>
          <a href={localPath(lang, changedPath(props.processSlug, ref, e.d_anchor))}>
            {label ? t('dispositions.report.changedParagraph', { version: ref.number, label }) : t('dispositions.report.changed', { version: ref.number })}
          </a>
        </p>
      )}
    </div>
  );
}
