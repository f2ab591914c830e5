import type { PageCtx } from '../../../platform/web/context.js';
import { localPath } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { Breadcrumb } from '../../../platform/web/components/breadcrumb.js';
import { ErrorSummary, Field, Form, Submit } from '../../../platform/web/components/forms.js';
import { ScrollTable } from '../../../platform/web/components/table-scroll.js';
import { PersonName, type PersonNameModel } from '../../../platform/web/components/person-name.js';

/** An organisation as its page shows it: text already in the reader's language. */
export interface OrganisationPageModel {
  id: string;
  name: string;
  sector: string;
  region: string;
  website: string | null;
  /** Who acts for it: each name with its staff badge (issue 10), their roles and since when. */
  people: { userId: string; person: PersonNameModel; roles: string; since: string }[];
  /** True when the reader may add and remove who acts for it (its owners, administrators). */
  canManage: boolean;
  /** The roles one may hold in an organisation, in the order the form offers them. */
  roleChoices: readonly string[];
}

type Values = Record<string, string | undefined>;

/**
 * An organisation: what it is, and who acts for it (owners, manufacturers, assessors). Its
 * owners see a form to add someone or change their roles, and a button to remove each person.
 * Plain forms: it all works without JavaScript.
 */
export function OrganisationView({
  ctx,
  org,
  values = {},
  errors = {},
}: {
  ctx: PageCtx;
  org: OrganisationPageModel;
  values?: Values;
  errors?: Record<string, string>;
}) {
  const { t, lang } = ctx;
  const base = `/organisations/${org.id}`;
  return (
    <Layout ctx={ctx} title={org.name}>
      <Breadcrumb ctx={ctx} trail={[{ href: localPath(lang, '/'), label: t('layout.nav.home') }]} current={org.name} />
      <h1>{org.name}</h1>
      <dl class="facts">
        <dt>{t('participants.orgSector')}</dt>
        <dd>{org.sector}</dd>
        {org.region && (
          <>
            <dt>{t('participants.region')}</dt>
            <dd>{org.region}</dd>
          </>
        )}
        {org.website && (
          <>
            <dt>{t('participants.website')}</dt>
            <dd>
              <a href={org.website}>{org.website}</a>
            </dd>
          </>
        )}
      </dl>
      <section aria-labelledby="acting-title">
        <h2 id="acting-title">{t('participants.org.actingTitle')}</h2>
        <p>{t('participants.org.actingIntro')}</p>
        {org.people.length === 0 ? (
          <p>{t('participants.org.nobody')}</p>
        ) : (
          <ScrollTable label={t('participants.org.actingTitle')}>
            <caption class="visually-hidden">{t('participants.org.actingTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('participants.name')}</th>
                <th scope="col">{t('participants.org.roles')}</th>
                <th scope="col">{t('participants.org.since')}</th>
                {org.canManage && <th scope="col">{t('participants.org.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {org.people.map((p) => (
                <tr key={p.userId}>
                  <td>
                    <PersonName p={p.person} />
                  </td>
                  <td>{p.roles}</td>
                  <td>{p.since}</td>
                  {org.canManage && (
                    <td>
                      <Form ctx={ctx} action={localPath(lang, `${base}/roles/${p.userId}/remove`)} class="inline-form">
                        <button type="submit" class="link-button">
                          {t('participants.org.remove')}
                          <span class="visually-hidden"> {p.person.name}</span>
                        </button>
                      </Form>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        )}
        {org.canManage && (
          <>
            <h3 id="manage-title">{t('participants.org.manageTitle')}</h3>
            <p>{t('participants.org.manageIntro')}</p>
            <ErrorSummary ctx={ctx} errors={errors} />
            <Form ctx={ctx} action={localPath(lang, `${base}/roles`)}>
              <Field name="email" type="email" label={t('participants.org.email')} value={values.email} error={errors.email} autocomplete="off" required />
              <fieldset
                id="field-roles"
                class={errors.roles ? 'field field--error' : 'field'}
                aria-describedby={errors.roles ? 'field-roles-error' : undefined}
              >
                <legend>{t('participants.org.roles')}</legend>
                {errors.roles && (
                  <p class="field-error" id="field-roles-error">
                    {errors.roles}
                  </p>
                )}
                {org.roleChoices.map((r) => (
                  <div class="choice" key={r}>
                    <input type="checkbox" id={`field-role-${r}`} name={`role_${r}`} value="on" checked={values[`role_${r}`] === 'on'} />
                    <label for={`field-role-${r}`}>
                      {t(`participants.orgRoles.${r}`)} <span class="hint">({t(`participants.orgRoles.${r}Hint`)})</span>
                    </label>
                  </div>
                ))}
              </fieldset>
              <Submit>{t('participants.org.save')}</Submit>
            </Form>
          </>
        )}
      </section>
    </Layout>
  );
}
