import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { ErrorSummary, Field, Form, Submit, TextArea, textLimit } from '../../../platform/web/components/forms.js';
import { MEETING_FORMATS, MEETING_LANGUAGES, MEETING_VISIBILITIES, TEXT_LIMITS } from '../meetings.schema.js';

/** The values a meeting form shows: what was typed, or the meeting as it is. */
export type MeetingFormValues = Record<string, string | undefined>;

/** Radio buttons in a fieldset, the legend naming the question. */
function Choice(props: { name: string; legend: string; options: readonly string[]; labels: (o: string) => string; value: string; error?: string | undefined }) {
  return (
    <fieldset class={props.error ? 'field field--error' : 'field'} id={`field-${props.name}`}>
      <legend>{props.legend}</legend>
      {props.error && <p class="field-error">{props.error}</p>}
      {props.options.map((o) => (
        <div class="choice" key={o}>
          <input type="radio" id={`field-${props.name}-${o}`} name={props.name} value={o} checked={props.value === o} />
          <label for={`field-${props.name}-${o}`}>{props.labels(o)}</label>
        </div>
      ))}
    </fieldset>
  );
}

/**
 * Schedule or edit a meeting. Start and end are datetime-local fields read in the meeting's
 * time zone (named beside them), so no JavaScript has to guess the chair's own zone.
 */
export function MeetingFormView(props: { ctx: PageCtx; title: string; action: string; back: { href: string; label: string }; values: MeetingFormValues; errors?: Record<string, string> }) {
  const { ctx } = props;
  const { t } = ctx;
  const v = props.values;
  const e = props.errors ?? {};
  return (
    <Layout ctx={ctx} title={props.title}>
      <Breadcrumb ctx={ctx} trail={[{ href: props.back.href, label: props.back.label }]} current={props.title} />
      <h1>{props.title}</h1>
      <ErrorSummary ctx={ctx} errors={e} />
      <Form ctx={ctx} action={props.action} class="form form--wide">
        <Field name="titleEn" label={t('meetings.fields.titleEn')} value={v.titleEn} error={e.titleEn} required />
        <Field name="titleFr" label={t('meetings.fields.titleFr')} value={v.titleFr} error={e.titleFr} required />
        <TextArea name="descriptionEn" label={t('meetings.fields.descriptionEn')} value={v.descriptionEn} error={e.descriptionEn} rows={5} limit={textLimit(t, TEXT_LIMITS.description)} />
        <TextArea name="descriptionFr" label={t('meetings.fields.descriptionFr')} value={v.descriptionFr} error={e.descriptionFr} rows={5} limit={textLimit(t, TEXT_LIMITS.description)} />
        <Choice name="format" legend={t('meetings.fields.format')} options={MEETING_FORMATS} labels={(o) => t(`meetings.formats.${o}`)} value={v.format ?? 'in_person'} error={e.format} />
        <Field name="venue" label={t('meetings.fields.venue')} value={v.venue} error={e.venue} />
        <Field name="address" label={t('meetings.fields.address')} value={v.address} error={e.address} />
        <Field name="joinUrl" type="url" label={t('meetings.fields.joinUrl')} hint={t('meetings.fields.urlHint')} value={v.joinUrl} error={e.joinUrl} />
        <Field name="streamUrl" type="url" label={t('meetings.fields.streamUrl')} hint={t('meetings.fields.urlHint')} value={v.streamUrl} error={e.streamUrl} />
        <Field name="startsAt" type="datetime-local" label={t('meetings.fields.startsAt')} hint={`${t('meetings.fields.timeHint')} ${t('time.repeated')}`} value={v.startsAt} error={e.startsAt} required />
        <Field name="endsAt" type="datetime-local" label={t('meetings.fields.endsAt')} hint={`${t('meetings.fields.timeHint')} ${t('time.repeated')}`} value={v.endsAt} error={e.endsAt} required />
        <Field name="timeZone" label={t('meetings.fields.timeZone')} hint={t('meetings.fields.timeZoneHint')} value={v.timeZone ?? 'America/Toronto'} error={e.timeZone} />
        <div class={e.languages ? 'field field--error' : 'field'}>
          <label for="field-languages">{t('meetings.fields.languages')}</label>
          <select id="field-languages" name="languages">
            {MEETING_LANGUAGES.map((l) => (
              <option value={l} selected={(v.languages ?? 'both') === l}>
                {t(`meetings.languageNames.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <Choice name="visibility" legend={t('meetings.fields.visibility')} options={MEETING_VISIBILITIES} labels={(o) => t(`meetings.visibilityChoices.${o}`)} value={v.visibility ?? 'public'} error={e.visibility} />
        <Field name="capacity" type="number" label={t('meetings.fields.capacity')} hint={t('meetings.fields.capacityHint')} value={v.capacity} error={e.capacity} />
        <Submit>{t('meetings.save')}</Submit>
      </Form>
    </Layout>
  );
}
