import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { ErrorSummary, Field, FieldShell, Form, Submit, TextArea, textLimit } from '../../../platform/web/components/forms.js';
import { TEXT_LIMITS } from '../consensus.schema.js';
import type { CallFormPageModel } from '../consensus.page-presenter.js';

type Values = Record<string, string | undefined>;

/** How many option rows the form offers (blank ones are ignored). */
export const FORM_OPTIONS = 4;

/** A text input whose submitted name (`options[0][labelEn]`) differs from its error key (`options.0.labelEn`). */
function Named(props: { field: string; name: string; label: string; value: string | undefined; error: string | undefined; lang?: string }) {
  return (
    <FieldShell name={props.field} label={props.label} error={props.error}>
      {(w) => <input id={w.id} name={props.name} type="text" lang={props.lang} value={props.value} aria-invalid={w.invalid} aria-describedby={w.describedBy} />}
    </FieldShell>
  );
}

/**
 * Open a consensus call: on a document's version (a section when an anchor is given), or on a
 * recommendation; the question and options in both languages, the deadline as a local time in
 * a named zone, and the appeal window.
 */
export function CallFormView(props: {
  ctx: PageCtx;
  model: CallFormPageModel;
  values: Values;
  errors?: Record<string, string> | undefined;
}) {
  const { ctx, model: m } = props;
  const { t } = ctx;
  const doc = m.document;
  const v = props.values;
  const errors = props.errors ?? {};
  const title = doc ? t('consensus.form.titleDocument', { title: doc.title }) : t('consensus.form.titleRecommendation');
  const zone = v.timeZone ?? m.zone;
  return (
    <Layout ctx={ctx} title={title}>
      <Breadcrumb ctx={ctx} trail={[{ href: m.listPath, label: t('consensus.listTitle') }]} current={title} />
      <h1>{title}</h1>
      <p>{t('consensus.form.intro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={m.action} class="form form--wide">
        {doc ? (
          <>
            <input type="hidden" name="document" value={doc.slug} />
            <FieldShell name="version" label={t('consensus.form.version')} error={errors.version}>
              {(w) => (
                <select id={w.id} name="version" aria-invalid={w.invalid} aria-describedby={w.describedBy}>
                  {doc.versions.map((n) => (
                    <option key={n} value={String(n)} selected={(v.version ?? String(doc.current)) === String(n)}>
                      {n === doc.current ? t('consensus.form.versionCurrent', { n }) : t('consensus.form.versionN', { n })}
                    </option>
                  ))}
                </select>
              )}
            </FieldShell>
            <Field name="anchor" label={t('consensus.form.anchor')} hint={t('consensus.form.anchorHint')} value={v.anchor} error={errors.anchor} />
          </>
        ) : (
          <>
            <input type="hidden" name="target" value="recommendation" />
            <FieldShell name="recommendationId" label={t('consensus.form.recommendation')} error={errors.recommendationId}>
              {(w) => (
                <select id={w.id} name="recommendationId" aria-invalid={w.invalid} aria-describedby={w.describedBy}>
                  <option value="">{t('consensus.form.pick')}</option>
                  {m.recommendations.map((r) => (
                    <option key={r.id} value={r.id} selected={v.recommendationId === r.id}>
                      {r.label}
                    </option>
                  ))}
                </select>
              )}
            </FieldShell>
          </>
        )}
        <TextArea name="questionEn" label={t('consensus.form.questionEn')} value={v.questionEn} error={errors.questionEn} rows={3} limit={textLimit(t, TEXT_LIMITS.question)} />
        <TextArea name="questionFr" label={t('consensus.form.questionFr')} value={v.questionFr} error={errors.questionFr} rows={3} limit={textLimit(t, TEXT_LIMITS.question)} />
        <fieldset class={errors.options ? 'field field--error' : 'field'}>
          <legend>{t('consensus.form.options')}</legend>
          <p class="hint">{t('consensus.form.optionsHint')}</p>
          {errors.options && (
            <p class="field-error" id="field-options">
              {errors.options}
            </p>
          )}
          {Array.from({ length: FORM_OPTIONS }, (_, i) => (
            <div key={i} class="option-row">
              <Named field={`options.${i}.labelEn`} name={`options[${i}][labelEn]`} label={t('consensus.form.optionEn', { n: i + 1 })} value={v[`options[${i}][labelEn]`]} error={errors[`options.${i}.labelEn`]} lang="en" />
              <Named field={`options.${i}.labelFr`} name={`options[${i}][labelFr]`} label={t('consensus.form.optionFr', { n: i + 1 })} value={v[`options[${i}][labelFr]`]} error={errors[`options.${i}.labelFr`]} lang="fr" />
            </div>
          ))}
        </fieldset>
        <FieldShell name="deadline" label={t('consensus.form.deadline')} hint={`${t('consensus.form.deadlineHint', { zone })} ${t('time.repeated')}`} error={errors.deadline}>
          {(w) => <input id={w.id} name="deadline" type="datetime-local" step={1} value={v.deadline} aria-invalid={w.invalid} aria-describedby={w.describedBy} />}
        </FieldShell>
        <Field name="timeZone" label={t('consensus.form.timeZone')} hint={t('consensus.form.timeZoneHint')} value={zone} error={errors.timeZone} />
        <Field name="appealDays" type="number" label={t('consensus.form.appealDays')} hint={t('consensus.form.appealDaysHint')} value={v.appealDays ?? '14'} error={errors.appealDays} />
        <Submit>{t('consensus.form.submit')}</Submit>
      </Form>
    </Layout>
  );
}
