import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { ErrorSummary, Field, Submit, TextArea, textLimit } from '../../../platform/web/components/forms.js';
import { TEXT_LIMITS } from '../calls.schema.js';
import type { SubmitPageModel } from '../calls.page-presenter.js';
import { StateLine } from './parts.js';

type Values = Record<string, string | undefined>;

/** The file input, with what is accepted said before it (no JavaScript checks it for you). */
function FileField({ ctx, maxMiB, error }: { ctx: PageCtx; maxMiB: number; error: string | undefined }) {
  const id = 'field-file';
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label for={id}>{ctx.t('calls.fields.file')}</label>
      <p class="hint" id={`${id}-hint`}>
        {ctx.t('calls.fields.fileHint', { max: maxMiB })}
      </p>
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <input
        id={id}
        name="file"
        type="file"
        accept=".pdf,.docx,.odt,.md,.markdown,.txt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text,text/markdown,text/plain"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
      />
    </div>
  );
}

/**
 * Submit a report to a call. The form is multipart (it carries a file) and still posts its
 * CSRF token as the `_csrf` field, which the server reads before any check runs.
 */
export function SubmitView(props: {
  ctx: PageCtx;
  model: SubmitPageModel;
  values?: Values;
  errors?: Record<string, string>;
}) {
  const { ctx, model: m } = props;
  const { t } = ctx;
  const v = props.values ?? {};
  const errors = props.errors ?? {};
  const title = t('calls.submitTitle', { title: m.callTitle });
  const back = m.callPath;
  return (
    <Layout ctx={ctx} title={title}>
      <Breadcrumb ctx={ctx} trail={[{ href: back, label: m.callTitle }]} current={title} />
      <h1>{title}</h1>
      <StateLine ctx={ctx} state={m.state} />
      {!m.open ? (
        <p>
          <a href={back}>{t('calls.backToCall')}</a>
        </p>
      ) : (
        <>
          <p>{t('calls.submitIntro')}</p>
          <ErrorSummary ctx={ctx} errors={errors} />
          <form
            method="post"
            action={m.action}
            enctype="multipart/form-data"
            class="form form--wide"
            noValidate
          >
            <input type="hidden" name="_csrf" value={ctx.csrf()} />
            <Field name="title" label={t('calls.fields.title')} value={v.title} error={errors.title} required />
            <fieldset class={errors.lang ? 'field field--error' : 'field'}>
              <legend>{t('calls.fields.lang')}</legend>
              {errors.lang && <p class="field-error">{errors.lang}</p>}
              {m.langs.map((l, i) => (
                <div class="choice" key={l.value}>
                  <input type="radio" id={i === 0 ? 'field-lang' : `field-lang-${l.value}`} name="lang" value={l.value} checked={(v.lang ?? m.defaultLang) === l.value} />
                  <label for={i === 0 ? 'field-lang' : `field-lang-${l.value}`} lang={l.value}>
                    {l.label}
                  </label>
                </div>
              ))}
            </fieldset>
            <div class={errors.organisationId ? 'field field--error' : 'field'}>
              <label for="field-organisationId">{t('calls.fields.organisationId')}</label>
              {errors.organisationId && <p class="field-error">{errors.organisationId}</p>}
              <select id="field-organisationId" name="organisationId">
                <option value="">{t('calls.fields.noOrganisation')}</option>
                {m.organisations.map((o) => (
                  <option key={o.id} value={o.id} selected={v.organisationId === o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            </div>
            <Field
              name="organisationName"
              label={t('calls.fields.organisationName')}
              hint={t('calls.fields.organisationNameHint')}
              value={v.organisationName}
              error={errors.organisationName}
              autocomplete="organization"
            />
            <TextArea name="text" label={t('calls.fields.text')} hint={t('calls.fields.textHint')} value={v.text} error={errors.text} rows={12} limit={textLimit(t, TEXT_LIMITS.text)} />
            <FileField ctx={ctx} maxMiB={m.maxFileMiB} error={errors.file} />
            <Submit>{t('calls.submitButton')}</Submit>
          </form>
        </>
      )}
    </Layout>
  );
}
