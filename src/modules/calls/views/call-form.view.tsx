import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { ErrorSummary, Field, FieldShell, Form, Submit, TextArea, textLimit } from '../../../platform/web/components/forms.js';
import { TEXT_LIMITS } from '../calls.schema.js';
import type { OpenCallPageModel } from '../calls.page-presenter.js';

/** A date-and-time field to the second, in the process's time zone (named in the hint). */
function WhenField(props: { name: string; label: string; hint: string; value?: string | undefined; error?: string | undefined }) {
  return (
    <FieldShell name={props.name} label={props.label} hint={props.hint} error={props.error}>
      {(w) => <input id={w.id} name={props.name} type="datetime-local" step={1} value={props.value} required aria-invalid={w.invalid} aria-describedby={w.describedBy} />}
    </FieldShell>
  );
}

/** Open a call for input: its texts in both languages and when it opens and closes. */
export function OpenCallView(props: {
  ctx: PageCtx;
  model: OpenCallPageModel;
  values?: Record<string, string | undefined>;
  errors?: Record<string, string>;
}) {
  const { ctx, model } = props;
  const { t } = ctx;
  const v = props.values ?? {};
  const errors = props.errors ?? {};
  const hint = `${t('calls.fields.whenHint', { zone: model.zone })} ${t('time.repeated')}`;
  return (
    <Layout ctx={ctx} title={t('calls.openTitle')}>
      <h1>{t('calls.openTitle')}</h1>
      <p>{t('calls.openIntro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={model.action} class="form form--wide">
        <Field name="titleEn" label={t('calls.fields.titleEn')} value={v.titleEn} error={errors.titleEn} required />
        <Field name="titleFr" label={t('calls.fields.titleFr')} value={v.titleFr} error={errors.titleFr} required />
        <TextArea
          name="descriptionEn"
          label={t('calls.fields.descriptionEn')}
          hint={t('calls.fields.markdownHint')}
          value={v.descriptionEn}
          error={errors.descriptionEn}
          rows={8}
          limit={textLimit(t, TEXT_LIMITS.description)}
        />
        <TextArea
          name="descriptionFr"
          label={t('calls.fields.descriptionFr')}
          hint={t('calls.fields.markdownHint')}
          value={v.descriptionFr}
          error={errors.descriptionFr}
          rows={8}
          limit={textLimit(t, TEXT_LIMITS.description)}
        />
        <WhenField name="opensAt" label={t('calls.fields.opensAt')} hint={hint} value={v.opensAt} error={errors.opensAt} />
        <WhenField name="closesAt" label={t('calls.fields.closesAt')} hint={hint} value={v.closesAt} error={errors.closesAt} />
        <Submit>{t('calls.openSubmit')}</Submit>
      </Form>
    </Layout>
  );
}
