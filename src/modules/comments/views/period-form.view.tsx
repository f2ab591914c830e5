import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { ErrorSummary, Field, FieldShell, Form, Submit, TextArea, textLimit } from '../../../platform/web/components/forms.js';
import { TEXT_LIMITS } from '../comments.schema.js';
import type { PeriodFormPageModel } from '../periods.page-presenter.js';

type Values = Record<string, string | undefined>;

/** A datetime-local field, to the second, with the zone it is read in said in its hint. */
function When({ name, label, hint, value, error }: { name: string; label: string; hint: string; value: string | undefined; error: string | undefined }) {
  return (
    <FieldShell name={name} label={label} hint={hint} error={error}>
      {(w) => <input id={w.id} name={name} type="datetime-local" step={1} value={value} aria-invalid={w.invalid} aria-describedby={w.describedBy} />}
    </FieldShell>
  );
}

/**
 * Open a comment period on a document: which version, whether its translations are covered
 * too, the window as local times in a named zone, instructions in both languages, and who may
 * comment. Conveners and the oversight committee only.
 */
export function PeriodFormView(props: { ctx: PageCtx; model: PeriodFormPageModel; values: Values; errors?: Record<string, string> | undefined }) {
  const { ctx, model: m } = props;
  const { t } = ctx;
  const v = props.values;
  const errors = props.errors ?? {};
  const zone = m.zone;
  return (
    <Layout ctx={ctx} title={m.title}>
      <Breadcrumb ctx={ctx} trail={m.trail} current={m.title} />
      <h1>{m.title}</h1>
      <p>{t('comments.openIntro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={m.action} class="form form--wide">
        <input type="hidden" name="document" value={m.document} />
        <FieldShell name="version" label={t('comments.fields.version')} error={errors.version}>
          {(w) => (
            <select id={w.id} name="version" aria-invalid={w.invalid} aria-describedby={w.describedBy}>
              {m.versions.map((o) => (
                <option key={o.value} value={o.value} selected={o.selected}>
                  {o.label}
                </option>
              ))}
            </select>
          )}
        </FieldShell>
        {m.translations && (
          <div class="field choice">
            <input type="checkbox" id="field-includeTranslations" name="includeTranslations" value="on" checked={v.includeTranslations === 'on'} />
            <label for="field-includeTranslations">{m.translations}</label>
          </div>
        )}
        <When name="opensAt" label={t('comments.fields.opensAt')} hint={`${t('comments.fields.whenHint', { zone })} ${t('time.repeated')}`} value={v.opensAt} error={errors.opensAt} />
        <When name="closesAt" label={t('comments.fields.closesAt')} hint={`${t('comments.fields.whenHint', { zone })} ${t('time.repeated')}`} value={v.closesAt} error={errors.closesAt} />
        <Field name="timeZone" label={t('comments.fields.timeZone')} hint={t('comments.fields.timeZoneHint')} value={zone} error={errors.timeZone} />
        <TextArea name="instructionsEn" label={t('comments.fields.instructionsEn')} hint={t('comments.fields.instructionsHint')} value={v.instructionsEn} error={errors.instructionsEn} limit={textLimit(t, TEXT_LIMITS.instructions)} />
        <TextArea name="instructionsFr" label={t('comments.fields.instructionsFr')} hint={t('comments.fields.instructionsHint')} value={v.instructionsFr} error={errors.instructionsFr} limit={textLimit(t, TEXT_LIMITS.instructions)} />
        <fieldset class={errors.audience ? 'field field--error' : 'field'}>
          <legend>{t('comments.fields.audience')}</legend>
          {errors.audience && <p class="field-error">{errors.audience}</p>}
          {(['confirmed', 'members'] as const).map((a) => (
            <div class="choice" key={a}>
              <input type="radio" id={a === 'confirmed' ? 'field-audience' : `field-audience-${a}`} name="audience" value={a} checked={(v.audience ?? 'confirmed') === a} />
              <label for={a === 'confirmed' ? 'field-audience' : `field-audience-${a}`}>{t(`comments.audiences.${a}`)}</label>
            </div>
          ))}
        </fieldset>
        <Submit>{t('comments.openSubmit')}</Submit>
      </Form>
    </Layout>
  );
}
