import type { PageCtx } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { ErrorSummary, Field, Form, Submit } from '../../../platform/web/components/forms.js';
import type { FormValues, JoinPageModel } from '../participants.page-presenter.js';

/** Choose (or add) the organisation you represent and your stakeholder group, then join. */
export function JoinView(props: { ctx: PageCtx; model: JoinPageModel; values?: FormValues; errors?: Record<string, string> }) {
  const { ctx, model } = props;
  const { t } = ctx;
  const v = props.values ?? {};
  const errors = props.errors ?? {};
  return (
    <Layout ctx={ctx} title={model.title}>
      <h1>{model.title}</h1>
      <p>{t('participants.joinIntro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={model.action}>
        <div class={errors.organisationId ? 'field field--error' : 'field'}>
          <label for="field-organisationId">{t('participants.pickOrganisation')}</label>
          {errors.organisationId && <p class="field-error" id="field-organisationId-error">{errors.organisationId}</p>}
          <select id="field-organisationId" name="organisationId" aria-describedby={errors.organisationId ? 'field-organisationId-error' : undefined}>
            <option value="">{t('participants.noneListed')}</option>
            {model.organisationOptions.map((o) => (
              <option value={o.value} selected={o.selected}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <fieldset class="field">
          <legend>{t('participants.newOrganisation')}</legend>
          <p class="hint">{t('participants.newOrganisationHint')}</p>
          <Field name="newOrganisation.name" label={t('participants.orgName')} value={v['newOrganisation.name']} error={errors['newOrganisation.name']} autocomplete="organization" />
          <div class={errors['newOrganisation.sector'] ? 'field field--error' : 'field'}>
            <label for="field-newOrganisation.sector">{t('participants.orgSector')}</label>
            {errors['newOrganisation.sector'] && <p class="field-error">{errors['newOrganisation.sector']}</p>}
            <select id="field-newOrganisation.sector" name="newOrganisation.sector">
              {model.sectorOptions.map((o) => (
                <option value={o.value} selected={o.selected}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <Field name="newOrganisation.website" type="url" label={t('participants.orgWebsite')} value={v['newOrganisation.website']} error={errors['newOrganisation.website']} />
          <Field name="newOrganisation.country" label={t('participants.orgCountry')} value={v['newOrganisation.country'] ?? 'CA'} error={errors['newOrganisation.country']} />
          <Field name="newOrganisation.province" label={t('participants.orgProvince')} value={v['newOrganisation.province']} error={errors['newOrganisation.province']} />
        </fieldset>
        <fieldset class={errors.stakeholderGroupId ? 'field field--error' : 'field'}>
          <legend>{t('participants.stakeholderGroup')}</legend>
          {errors.stakeholderGroupId && <p class="field-error">{errors.stakeholderGroupId}</p>}
          {model.stakeholderGroups.map((g, i) => (
            <div class="choice" key={g.id}>
              <input type="radio" id={i === 0 ? 'field-stakeholderGroupId' : `field-stakeholderGroupId-${g.key}`} name="stakeholderGroupId" value={g.id} checked={g.checked} />
              <label for={i === 0 ? 'field-stakeholderGroupId' : `field-stakeholderGroupId-${g.key}`}>{g.label}</label>
            </div>
          ))}
        </fieldset>
        <fieldset class="field">
          <legend>{t('participants.preferredLang')}</legend>
          {model.preferredLangs.map((l) => (
            <div class="choice" key={l.value}>
              <input type="radio" id={`field-preferredLang-${l.value}`} name="preferredLang" value={l.value} checked={l.checked} />
              <label for={`field-preferredLang-${l.value}`} lang={l.value}>
                {l.label}
              </label>
            </div>
          ))}
        </fieldset>
        <Submit>{t('participants.joinSubmit')}</Submit>
      </Form>
    </Layout>
  );
}
