import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { ErrorSummary, Field, Form, Submit, TextArea, textLimit } from '../../../platform/web/components/forms.js';
import { TEXT_LIMITS } from '../processes.schema.js';
import { PHASE_KINDS } from '../processes.schema.js';
import { ScrollTable } from '../../../platform/web/components/table-scroll.js';

/** One phase row as the form shows it. */
export interface PhaseRowValues {
  kind: string;
  nameEn: string;
  nameFr: string;
  startsOn: string;
  endsOn: string;
}

/** Values the process form shows. */
export interface ProcessFormValues {
  slug?: string;
  titleEn?: string;
  titleFr?: string;
  summaryEn?: string;
  summaryFr?: string;
  descriptionEn?: string;
  descriptionFr?: string;
  registration?: string;
  timezone?: string;
  phases: PhaseRowValues[];
}

/**
 * Create or edit a process. Phases are a fixed set of rows (no JavaScript needed to add
 * one); a row whose dates are empty is left out.
 */
export function ProcessFormView(props: { ctx: PageCtx; action: string; creating: boolean; values: ProcessFormValues; errors?: Record<string, string> }) {
  const { ctx, values } = props;
  const { t } = ctx;
  const errors = props.errors ?? {};
  const title = props.creating ? t('processes.createTitle') : t('processes.editTitle');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={props.action} class="form form--wide">
        {props.creating && <Field name="slug" label={t('processes.fields.slug')} hint={t('processes.fields.slugHint')} value={values.slug} error={errors.slug} required />}
        <Field name="titleEn" label={t('processes.fields.titleEn')} value={values.titleEn} error={errors.titleEn} required />
        <Field name="titleFr" label={t('processes.fields.titleFr')} value={values.titleFr} error={errors.titleFr} required />
        <TextArea name="summaryEn" label={t('processes.fields.summaryEn')} value={values.summaryEn} error={errors.summaryEn} rows={3} limit={textLimit(t, TEXT_LIMITS.summary)} />
        <TextArea name="summaryFr" label={t('processes.fields.summaryFr')} value={values.summaryFr} error={errors.summaryFr} rows={3} limit={textLimit(t, TEXT_LIMITS.summary)} />
        <TextArea name="descriptionEn" label={t('processes.fields.descriptionEn')} value={values.descriptionEn} error={errors.descriptionEn} rows={10} limit={textLimit(t, TEXT_LIMITS.description)} />
        <TextArea name="descriptionFr" label={t('processes.fields.descriptionFr')} value={values.descriptionFr} error={errors.descriptionFr} rows={10} limit={textLimit(t, TEXT_LIMITS.description)} />
        <fieldset class="field">
          <legend>{t('processes.fields.registration')}</legend>
          {(['open', 'invitation'] as const).map((r) => (
            <div class="choice" key={r}>
              <input type="radio" id={`field-registration-${r}`} name="registration" value={r} checked={(values.registration ?? 'open') === r} />
              <label for={`field-registration-${r}`}>{t(r === 'open' ? 'processes.fields.registrationOpen' : 'processes.fields.registrationInvitation')}</label>
            </div>
          ))}
        </fieldset>
        <Field name="timezone" label={t('processes.fields.timezone')} hint={t('processes.fields.timezoneHint')} value={values.timezone ?? 'America/Toronto'} error={errors.timezone} />
        <fieldset>
          <legend>{t('processes.fields.phases')}</legend>
          <p class="hint">{t('processes.fields.phasesHint')}</p>
          <ScrollTable class="form-table" label={t('processes.fields.phases')}>
            <thead>
              <tr>
                <th scope="col">{t('processes.fields.phaseKind')}</th>
                <th scope="col">{t('processes.fields.phaseNameEn')}</th>
                <th scope="col">{t('processes.fields.phaseNameFr')}</th>
                <th scope="col">{t('processes.fields.startsOn')}</th>
                <th scope="col">{t('processes.fields.endsOn')}</th>
              </tr>
            </thead>
            <tbody>
              {values.phases.map((p, i) => {
                const err = errors[`phases.${i}.endsOn`] ?? errors[`phases.${i}.startsOn`] ?? errors[`phases.${i}.nameEn`] ?? errors[`phases.${i}.nameFr`];
                return (
                  <tr key={i}>
                    <td>
                      <select name={`phases[${i}][kind]`} id={`field-phases.${i}.kind`} aria-label={`${t('processes.fields.phaseKind')} ${i + 1}`}>
                        {PHASE_KINDS.map((k) => (
                          <option value={k} selected={p.kind === k}>
                            {t(`processes.phaseKinds.${k}`)}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <input name={`phases[${i}][nameEn]`} value={p.nameEn} aria-label={`${t('processes.fields.phaseNameEn')} ${i + 1}`} />
                    </td>
                    <td>
                      <input name={`phases[${i}][nameFr]`} value={p.nameFr} aria-label={`${t('processes.fields.phaseNameFr')} ${i + 1}`} />
                    </td>
                    <td>
                      <input type="date" id={`field-phases.${i}.startsOn`} name={`phases[${i}][startsOn]`} value={p.startsOn} aria-label={`${t('processes.fields.startsOn')} ${i + 1}`} />
                    </td>
                    <td>
                      <input
                        type="date"
                        id={`field-phases.${i}.endsOn`}
                        name={`phases[${i}][endsOn]`}
                        value={p.endsOn}
                        aria-label={`${t('processes.fields.endsOn')} ${i + 1}`}
                        aria-invalid={err ? 'true' : undefined}
                      />
                      {err && <p class="field-error">{err}</p>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </ScrollTable>
        </fieldset>
        <Submit>{t('processes.save')}</Submit>
      </Form>
    </Layout>
  );
}
