import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { ErrorSummary, Field, Form, Submit, TextArea, textLimit } from '../../../platform/web/components/forms.js';
import { TEXT_LIMITS } from '../groups.schema.js';
import { GROUP_STATUSES } from '../groups.schema.js';

/** Create or edit a working group: names, charter in both languages, status. */
export function GroupFormView(props: { ctx: PageCtx; action: string; creating: boolean; title: string; values?: Record<string, string | undefined>; errors?: Record<string, string> }) {
  const { ctx } = props;
  const { t } = ctx;
  const v = props.values ?? {};
  const errors = props.errors ?? {};
  return (
    <Layout ctx={ctx} title={props.title}>
      <h1>{props.title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={props.action} class="form form--wide">
        {props.creating && <Field name="slug" label={t('groups.fields.slug')} hint={t('processes.fields.slugHint')} value={v.slug} error={errors.slug} required />}
        <Field name="nameEn" label={t('groups.fields.nameEn')} value={v.nameEn} error={errors.nameEn} required />
        <Field name="nameFr" label={t('groups.fields.nameFr')} value={v.nameFr} error={errors.nameFr} required />
        <TextArea name="charterEn" label={t('groups.fields.charterEn')} value={v.charterEn} error={errors.charterEn} rows={10} limit={textLimit(t, TEXT_LIMITS.charter)} />
        <TextArea name="charterFr" label={t('groups.fields.charterFr')} value={v.charterFr} error={errors.charterFr} rows={10} limit={textLimit(t, TEXT_LIMITS.charter)} />
        <div class="field">
          <label for="field-status">{t('groups.fields.status')}</label>
          <select id="field-status" name="status">
            {GROUP_STATUSES.map((s) => (
              <option value={s} selected={(v.status ?? 'active') === s}>
                {t(`groups.statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <Submit>{t('processes.save')}</Submit>
      </Form>
    </Layout>
  );
}
