import type { PageCtx } from '../../../platform/web/context.js';
import { StaffBadge } from '../../../platform/web/components/person-name.js';
import type { CommentEntryModel, WindowModel } from '../comments.page-presenter.js';

/** Where a period stands, in words (never by colour alone), as the presenter computed it at the request's time. */
export function WindowLine({ window: w }: { window: WindowModel }) {
  return (
    <p class="status-line">
      <span class="badge">{w.badge}</span> {w.line}
    </p>
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

/**
 * One comment as listings show it: who (name, organisation, stakeholder group), when, where
 * it points, its text or tombstone, how many sent the same text, and the response when there
 * is one. `headingLevel` keeps headings in order on each page that uses it.
 */
export function CommentEntry(props: { ctx: PageCtx; c: CommentEntryModel; headingLevel: 2 | 3; permalink?: boolean }) {
  const { c } = props;
  const H = props.headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article class="card comment" id={`comment-${c.id}`} aria-labelledby={`comment-${c.id}-title`}>
      <H id={`comment-${c.id}-title`} class="comment__title">
        {props.permalink === false ? c.title : <a href={c.path}>{c.title}</a>}
        {c.author && <StaffBadge p={c.author} />}
      </H>
      <p class="meta">
        {c.organisation && <>{c.organisation} · </>}
        {c.stakeholderGroup && <>{c.stakeholderGroup} · </>}
        <time dateTime={c.createdIso}>{c.created}</time> · {c.receipt} · {c.ref && <a href={c.ref.path}>{c.ref.label}</a>}
      </p>
      {c.text ? <PlainText text={c.text.body} lang={c.text.lang} /> : <p class="tombstone">{c.tombstone}</p>}
      {c.sameText && (
        <p>
          <a href={c.sameText.path}>{c.sameText.label}</a>
        </p>
      )}
      {c.campaign && (
        <p>
          <a href={c.campaign.path}>{c.campaign.label}</a>
        </p>
      )}
      {c.response && (
        <div class="comment-response">
          <p>
            <strong>{c.response.heading}</strong>
          </p>
          <PlainText text={c.response.rationale} lang={c.response.lang} />
        </div>
      )}
    </article>
  );
}
