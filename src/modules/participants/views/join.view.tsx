import { pick } from '../../../platform/i18n/pick.js';
import type { PageCtx } from '../../../platform/web/context.js';
import { localPath } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { ErrorSummary, Field, Form, Submit } from '../../../platform/web/components/forms.js';
import type { Process, StakeholderGroup } from '../../processes/index.js';
import type { Organisation } from '../participants.repository.js';
import { SECTORS } from '../participants.schema.js';

type Values = Record<string, string | undefined>;

/** Choose (or add) the organisation you represent and your stakeholder group, then join. */
export function JoinView(props: { ctx: PageCtx; process: Process; groups: StakeholderGroup[]; organisations: Organisation[]; values?: Values; errors?: Record<string, string> }) {
  const { ctx, process } = props;
  const { t, lang } = ctx;
  const v = props.values ?? {};
  const errors = props.errors ?? {};
  const title = pick(lang, process, 'title');
  return (
    <Layout ctx={ctx} title={t('participants.joinTitle', { title })}>
      <h1>{t('participants.joinTitle', { title })}</h1>
      <p>{t('participants.joinIntro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={localPath(lang, `/processes/${process.slug}/join`)}>
        <div class={errors.organisationId ? 'field field--error' : 'field'}>
          <label for="field-organisationId">{t('participants.pickOrganisation')}</label>
          {errors.organisationId && <p class="field-error" id="field-organisationId-error">{errors.organisationId}</p>}
          <select id="field-organisationId" name="organisationId" aria-describedby={errors.organisationId ? 'field-organisationId-error' : undefined}>
            <option value="">{t('participants.noneListed')}</option>
            {props.organisations.map((o) => (
              <option value={o.id} selected={v.organisationId === o.id}>
                {o.name}
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
              {SECTORS.map((s) => (
                <option value={s} selected={v['newOrganisation.sector'] === s}>
                  {t(`processes.stakeholders.${s}`)}
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
          {props.groups.map((g, i) => (
            <div class="choice" key={g.id}>
              <input type="radio" id={i === 0 ? 'field-stakeholderGroupId' : `field-stakeholderGroupId-${g.key}`} name="stakeholderGroupId" value={g.id} checked={v.stakeholderGroupId === g.id} />
              <label for={i === 0 ? 'field-stakeholderGroupId' : `field-stakeholderGroupId-${g.key}`}>{pick(lang, g, 'name')}</label>
            </div>
          ))}
        </fieldset>
        <fieldset class="field">
          <legend>{t('participants.preferredLang')}</legend>
          {(['en', 'fr'] as const).map((l) => (
            <div class="choice" key={l}>
              <input type="radio" id={`field-preferredLang-${l}`} name="preferredLang" value={l} checked={(v.preferredLang ?? lang) === l} />
              <label for={`field-preferredLang-${l}`} lang={l}>
                {l === 'en' ? 'English' : 'Français'}
              </label>
            </div>
          ))}
        </fieldset>
        <Submit>{t('participants.joinSubmit')}</Submit>
      </Form>
    </Layout>
  );
}
