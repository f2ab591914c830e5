import type { PageCtx } from '../../../../platform/web/context.js';
import type { CommentBodyModel, ResponseModel } from '../../dispositions.page-presenter.js';

/** A comment's text, or its tombstone when a moderator hid it (reason and date; the text is not shown). */
export function CommentBody({ body }: { body: CommentBodyModel }) {
  if ('tombstone' in body) return <p class="meta">{body.tombstone}</p>;
  return (
    <blockquote lang={body.lang} class="comment-text">
      {body.paragraphs.map((para, i) => (
        <p key={i}>{para}</p>
      ))}
    </blockquote>
  );
}

/** The response in force on a comment: outcome, rationale (in its language) and the changed paragraph. */
export function ResponseBlock({ ctx, response: r }: { ctx: PageCtx; response: ResponseModel }) {
  if (!r) return null;
  if (r.awaiting) return <p class="meta">{ctx.t('dispositions.report.noResponse')}</p>;
  return (
    <div class="response">
      <p>
        <strong>{r.heading}</strong>
      </p>
      {r.rationale && (
        <p lang={r.rationale.lang} class="rationale">
          {r.rationale.text}
        </p>
      )}
      {r.changed && (
        <p>
          <a href={r.changed.path}>{r.changed.label}</a>
        </p>
      )}
    </div>
  );
}
