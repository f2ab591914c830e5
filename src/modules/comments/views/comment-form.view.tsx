import { pick } from '../../../platform/i18n/pick.js';
import type { PageCtx } from '../../../platform/web/context.js';
import { localPath } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { ErrorSummary, Field, FieldShell, Submit, TextArea } from '../../../platform/web/components/forms.js';
import { formatNumber } from '../../../platform/i18n/i18n.js';
import type { Process, StakeholderGroup } from '../../processes/index.js';
import { maxFileMiB } from '../../files/index.js';
import { MAX_COMMENT_CHARS } from '../comments.text.js';
import { periodPath, type CoveredDocument, type Paragraph, type PeriodDetail } from '../periods.service.js';
import { PeriodCrumb, WindowLine } from './parts.js';

type Values = Record<string, string | undefined>;

/** The paragraph being commented on, quoted with its label, so the commenter sees what they answer. */
function Quoted({ ctx, covered, anchor, paragraph }: { ctx: PageCtx; covered: CoveredDocument; anchor: string | null; paragraph: Paragraph | undefined }) {
  if (!anchor || !paragraph) return <p>{ctx.t('comments.generalOn', { title: covered.version.title })}</p>;
  return (
    <figure class="quoted-paragraph">
      <figcaption>{ctx.t('comments.quotedCaption', { label: paragraph.label, title: covered.version.title })}</figcaption>
      <blockquote lang={covered.document.lang}>
        <p>{paragraph.plain}</p>
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
export function CommentFormView(props: {
  ctx: PageCtx;
  process: Process;
  d: PeriodDetail;
  covered: CoveredDocument;
  anchor: string | null;
  paragraph: Paragraph | undefined;
  groups: StakeholderGroup[];
  now: Date;
  /** Why this person cannot comment here (closed, members only), or undefined. */
  refusal?: string | undefined;
  values: Values;
  errors?: Record<string, string>;
}) {
  const { ctx, process, d, covered } = props;
  const { t, lang } = ctx;
  const v = props.values;
  const errors = props.errors ?? {};
  const title = t('comments.formTitle', { title: covered.version.title });
  const action = localPath(lang, `${periodPath(process.slug, d.period.id)}/comments/new`);
  return (
    <Layout ctx={ctx} title={title}>
      <PeriodCrumb ctx={ctx} slug={process.slug} d={d} current={title} />
      <h1>{title}</h1>
      <WindowLine ctx={ctx} d={d} now={props.now} />
      <Quoted ctx={ctx} covered={covered} anchor={props.anchor} paragraph={props.paragraph} />
      {props.refusal ? (
        <p class="warning">{props.refusal}</p>
      ) : (
        <>
          <ErrorSummary ctx={ctx} errors={errors} />
          <form id="comment-form" method="post" action={action} enctype="multipart/form-data" class="form form--wide" noValidate>
            <input type="hidden" name="_csrf" value={ctx.csrf()} />
            <input type="hidden" name="idempotencyKey" value={v.idempotencyKey} />
            <input type="hidden" name="document" value={covered.document.slug} />
            <input type="hidden" name="anchor" value={props.anchor ?? ''} />
            <TextArea
              name="text"
              label={props.anchor && props.paragraph ? t('comments.fields.textOn', { label: props.paragraph.label }) : t('comments.fields.text')}
              hint={t('comments.fields.textHint', { max: formatNumber(lang, MAX_COMMENT_CHARS) })}
              value={v.text}
              error={errors.text}
              rows={8}
            />
            <Field name="displayName" label={t('comments.fields.displayName')} hint={t('comments.fields.displayNameHint')} value={v.displayName} error={errors.displayName} autocomplete="name" />
            <Field name="organisation" label={t('comments.fields.organisation')} hint={t('comments.fields.optional')} value={v.organisation} error={errors.organisation} autocomplete="organization" />
            <FieldShell name="stakeholderGroupId" label={t('comments.fields.stakeholderGroup')} hint={t('comments.fields.stakeholderGroupHint')} error={errors.stakeholderGroupId}>
              {(w) => (
                <select id={w.id} name="stakeholderGroupId" aria-invalid={w.invalid} aria-describedby={w.describedBy}>
                  <option value="">{t('comments.fields.noStakeholderGroup')}</option>
                  {props.groups.map((g) => (
                    <option key={g.id} value={g.id} selected={v.stakeholderGroupId === g.id}>
                      {pick(lang, g, 'name')}
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
            <FieldShell name="file" label={t('comments.fields.file')} hint={t('comments.fields.fileHint', { max: maxFileMiB() })} error={errors.file}>
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
