import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { ErrorSummary, Field, FieldShell, Form, Submit, TextArea, textLimit } from '../../../platform/web/components/forms.js';
import { MAX_MARKDOWN } from '../documents.schema.js';
import type { Choice, EditDocumentPageModel, NewDocumentPageModel } from '../documents.page-presenter.js';

/** What the form shows: what was typed, or the current version's title and text. */
type Values = Record<string, string | undefined>;

/** A labelled select with its error. */
function Select(props: { name: string; label: string; value: string | undefined; options: Choice[]; error?: string | undefined; hint?: string }) {
  return (
    <FieldShell name={props.name} label={props.label} error={props.error} hint={props.hint}>
      {(w) => (
        <select id={w.id} name={props.name} aria-invalid={w.invalid} aria-describedby={w.describedBy}>
          {props.options.map((o) => (
            <option key={o.value} value={o.value} selected={props.value === o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

/**
 * Create a document: where it belongs (the process, or one of the groups the person may
 * write for), its address, kind, language, title, visibility, what it translates, and its text.
 */
export function NewDocumentView(props: { ctx: PageCtx; model: NewDocumentPageModel; values?: Values; errors?: Record<string, string> | undefined }) {
  const { ctx, model: m } = props;
  const { t } = ctx;
  const v = props.values ?? {};
  const errors = props.errors ?? {};
  return (
    <Layout ctx={ctx} title={t('documents.newTitle')}>
      <h1>{t('documents.newTitle')}</h1>
      <p>{t('documents.newIntro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={m.action} class="form form--wide">
        <Select name="group" label={t('documents.fields.group')} value={v.group ?? ''} options={m.owners} error={errors.group} />
        <Field name="title" label={t('documents.fields.title')} value={v.title} error={errors.title} required />
        <Field name="slug" label={t('documents.fields.slug')} hint={t('documents.fields.slugHint')} value={v.slug} error={errors.slug} required />
        <Select name="kind" label={t('documents.fields.kind')} value={v.kind ?? 'report'} options={m.kinds} error={errors.kind} />
        <Select name="lang" label={t('documents.fields.lang')} value={v.lang ?? m.defaultLang} options={m.langs} error={errors.lang} />
        <Select name="translationOf" label={t('documents.fields.translationOf')} value={v.translationOf ?? ''} options={m.originals} error={errors.translationOf} />
        <div class="field choice">
          <input type="checkbox" id="field-membersOnly" name="membersOnly" value="on" checked={v.membersOnly === 'on'} />
          <label for="field-membersOnly">{t('documents.fields.membersOnly')}</label>
        </div>
        <TextArea
          name="markdown"
          label={t('documents.fields.markdown')}
          hint={t('documents.fields.markdownHint')}
          value={v.markdown}
          error={errors.markdown}
          rows={24}
          limit={textLimit(t, MAX_MARKDOWN)}
        />
        <Field name="message" label={t('documents.fields.message')} hint={t('documents.fields.messageHint')} value={v.message} error={errors.message} />
        <Submit>{t('documents.createSubmit')}</Submit>
      </Form>
    </Layout>
  );
}

/** Save a new version: title and text prefilled from the current version, and a message. */
export function EditDocumentView(props: { ctx: PageCtx; model: EditDocumentPageModel; values: Values; errors?: Record<string, string> | undefined }) {
  const { ctx, model: m } = props;
  const { t } = ctx;
  const v = props.values;
  const errors = props.errors ?? {};
  return (
    <Layout ctx={ctx} title={t('documents.editTitle', { title: m.title })}>
      <h1>{t('documents.editTitle', { title: m.title })}</h1>
      <p>{t('documents.editIntro', { n: m.current, next: m.next })}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={m.action} class="form form--wide">
        <Field name="title" label={t('documents.fields.title')} value={v.title} error={errors.title} required />
        <TextArea
          name="markdown"
          label={t('documents.fields.markdown')}
          hint={t('documents.fields.markdownHint')}
          value={v.markdown}
          error={errors.markdown}
          rows={30}
          limit={textLimit(t, MAX_MARKDOWN)}
        />
        <Field name="message" label={t('documents.fields.message')} hint={t('documents.fields.messageHint')} value={v.message} error={errors.message} />
        <Submit>{t('documents.saveSubmit')}</Submit>
      </Form>
    </Layout>
  );
}
