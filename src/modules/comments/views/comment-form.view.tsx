import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { ErrorSummary, Field, FieldShell, Submit, TextArea } from '../../../platform/web/components/forms.js';
import type { CommentFormPageModel } from '../comments.page-presenter.js';
import { WindowLine } from './parts.js';

/** The paragraph being commented on, quoted with its label, so the commenter sees what they answer. */
function Quoted({ m }: { m: CommentFormPageModel }) {
  if (!m.quote) return <p>{m.generalOn}</p>;
  return (
    <figure class="quoted-paragraph">
      <figcaption>{m.quote.caption}</figcaption>
      <blockquote lang={m.quote.lang}>
        <p>{m.quote.text}</p>
      </blockquote>
    </figure>
  );
}

/**
 * The comment form. It works without JavaScript (a multipart form that posts and redirects);
 * comment-inline.js fetches this page and moves the form with id "comment-form" beside the
 * paragraph. The hidden idempotency key, made when the page is drawn, turns a double submit
 * into one comment.
 */
export function CommentFormView({ ctx, model: m, errors = {} }: { ctx: PageCtx; model: CommentFormPageModel; errors?: Record<string, string> | undefined }) {
  const { t, lang } = ctx;
  const v = m.values;
  return (
    <Layout ctx={ctx} title={m.title}>
      <Breadcrumb ctx={ctx} trail={m.trail} current={m.title} />
      <h1>{m.title}</h1>
      <WindowLine window={m.window} />
      <Quoted m={m} />
      {m.refusal ? (
        <p class="warning">{m.refusal}</p>
      ) : (
        <>
          <ErrorSummary ctx={ctx} errors={errors} />
          <form id="comment-form" method="post" action={m.action} enctype="multipart/form-data" class="form form--wide" noValidate>
            <input type="hidden" name="_csrf" value={ctx.csrf()} />
            <input type="hidden" name="idempotencyKey" value={v.idempotencyKey} />
            <input type="hidden" name="document" value={m.document} />
            <input type="hidden" name="anchor" value={m.anchor} />
            <TextArea name="text" label={m.textLabel} hint={m.textHint} value={v.text} error={errors.text} rows={8} limit={m.textLimit} />
            <Field name="displayName" label={t('comments.fields.displayName')} hint={t('comments.fields.displayNameHint')} value={v.displayName} error={errors.displayName} autocomplete="name" />
            <Field name="organisation" label={t('comments.fields.organisation')} hint={t('comments.fields.optional')} value={v.organisation} error={errors.organisation} autocomplete="organization" />
            <FieldShell name="stakeholderGroupId" label={t('comments.fields.stakeholderGroup')} hint={t('comments.fields.stakeholderGroupHint')} error={errors.stakeholderGroupId}>
              {(w) => (
                <select id={w.id} name="stakeholderGroupId" aria-invalid={w.invalid} aria-describedby={w.describedBy}>
                  <option value="">{t('comments.fields.noStakeholderGroup')}</option>
                  {m.stakeholderGroups.map((g) => (
                    <option key={g.value} value={g.value} selected={v.stakeholderGroupId === g.value}>
                      {g.label}
                    </option>
                  ))}
                </select>
              )}
            </FieldShell>
            <fieldset class={errors.lang ? 'field field--error' : 'field'}>
              <legend>{t('comments.fields.lang')}</legend>
              {errors.lang && <p class="field-error">{errors.lang}</p>}
              {(['en', 'fr'] as const).map((l) => (
                <div class="choice" key={l}>
                  <input type="radio" id={l === 'en' ? 'field-lang' : `field-lang-${l}`} name="lang" value={l} checked={(v.lang ?? lang) === l} />
                  <label for={l === 'en' ? 'field-lang' : `field-lang-${l}`} lang={l}>
                    {l === 'en' ? 'English' : 'Français'}
                  </label>
                </div>
              ))}
            </fieldset>
            <FieldShell name="file" label={t('comments.fields.file')} hint={m.fileHint} error={errors.file}>
              {(w) => (
                <input
                  id={w.id}
                  name="file"
                  type="file"
                  accept=".pdf,.docx,.odt,.md,.markdown,.txt,application/pdf,text/markdown,text/plain"
                  aria-invalid={w.invalid}
                  aria-describedby={w.describedBy}
                />
              )}
            </FieldShell>
            <Submit>{t('comments.submitButton')}</Submit>
          </form>
        </>
      )}
    </Layout>
  );
}
