import type { PageCtx } from '../../../platform/web/context.js';
import { localPath } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { ErrorSummary, Field, FieldShell, Form, Submit, TextArea, textLimit } from '../../../platform/web/components/forms.js';
import { TEXT_LIMITS } from '../comments.schema.js';
import type { Process } from '../../processes/index.js';
import type { DocumentRow } from '../../documents/index.js';

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
export function PeriodFormView(props: { ctx: PageCtx; process: Process; document: DocumentRow; translations: DocumentRow[]; values: Values; errors?: Record<string, string> }) {
  const { ctx, process, document: doc } = props;
  const { t, lang } = ctx;
  const v = props.values;
  const errors = props.errors ?? {};
  const title = t('comments.openTitle', { title: doc.title });
  const versions = Array.from({ length: doc.version_count }, (_, i) => doc.version_count - i);
  const zone = v.timeZone ?? process.timezone;
  return (
    <Layout ctx={ctx} title={title}>
      <Breadcrumb ctx={ctx} trail={[{ href: localPath(lang, `/processes/${process.slug}/comment-periods`), label: t('comments.periodsTitle') }]} current={title} />
      <h1>{title}</h1>
      <p>{t('comments.openIntro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={localPath(lang, `/processes/${process.slug}/comment-periods/new?document=${encodeURIComponent(doc.slug)}`)} class="form form--wide">
        <input type="hidden" name="document" value={doc.slug} />
        <FieldShell name="version" label={t('comments.fields.version')} error={errors.version}>
          {(w) => (
            <select id={w.id} name="version" aria-invalid={w.invalid} aria-describedby={w.describedBy}>
              {versions.map((n) => (
                <option key={n} value={String(n)} selected={(v.version ?? String(doc.version_count)) === String(n)}>
                  {n === doc.version_count ? t('comments.fields.versionCurrent', { n }) : t('comments.fields.versionN', { n })}
                </option>
              ))}
            </select>
          )}
        </FieldShell>
        {props.translations.length > 0 && (
          <div class="field choice">
            <input type="checkbox" id="field-includeTranslations" name="includeTranslations" value="on" checked={v.includeTranslations === 'on'} />
            <label for="field-includeTranslations">{t('comments.fields.includeTranslations', { titles: props.translations.map((d) => d.title).join(', ') })}</label>
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
