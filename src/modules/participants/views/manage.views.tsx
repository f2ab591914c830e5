import type { PageCtx } from '../../../platform/web/context.js';
import { localPath } from '../../../platform/web/context.js';
import { Layout } from '../../../platform/web/layout.js';
import { ErrorSummary, Field, Form, Submit } from '../../../platform/web/components/forms.js';
import type { FormValues, InvitePageModel, StakeholderGroupsPageModel } from '../participants.page-presenter.js';
import { ScrollTable } from '../../../platform/web/components/table-scroll.js';

/** Invite someone to the process by email, with a role (only the roles the inviter may give are offered). */
export function InviteView({ ctx, model, values = {}, errors = {} }: { ctx: PageCtx; model: InvitePageModel; values?: FormValues; errors?: Record<string, string> }) {
  const { t } = ctx;
  const title = model.title;
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{t('participants.inviteIntro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={model.action}>
        <Field name="email" type="email" label={t('participants.inviteEmail')} value={values.email} error={errors.email} required />
        <div class="field">
          <label for="field-role">{t('participants.inviteRole')}</label>
          <select id="field-role" name="role">
            {model.roleOptions.map((o) => (
              <option value={o.value} selected={o.selected}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="field-lang">{t('participants.inviteLang')}</label>
          <select id="field-lang" name="lang">
            {model.langOptions.map((o) => (
              <option value={o.value} selected={o.selected}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <Submit>{t('participants.inviteSubmit')}</Submit>
      </Form>
    </Layout>
  );
}

/** The invitation link lands here; accepting is a POST. */
export function AcceptInvitationView({ ctx, token, errors = {} }: { ctx: PageCtx; token: string; errors?: Record<string, string> }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('participants.acceptTitle')}>
      <h1>{t('participants.acceptTitle')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>{t('participants.acceptIntro')}</p>
      <Form ctx={ctx} action={localPath(lang, '/invitations/accept')}>
        <input type="hidden" name="token" value={token} />
        <Submit>{t('participants.acceptSubmit')}</Submit>
      </Form>
    </Layout>
  );
}

/** Names and target shares of the stakeholder groups, with one empty row to add a group. */
export function StakeholderGroupsView({ ctx, model, errors = {} }: { ctx: PageCtx; model: StakeholderGroupsPageModel; errors?: Record<string, string> }) {
  const { t } = ctx;
  const { title, rows } = model;
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{t('participants.stakeholderGroupsIntro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <Form ctx={ctx} action={model.action} class="form form--wide">
        <ScrollTable class="form-table" label={title}>
          <caption class="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('participants.nameEn')}</th>
              <th scope="col">{t('participants.nameFr')}</th>
              <th scope="col">{t('participants.target')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                <td>
                  <input type="hidden" name={`groups[${i}][id]`} value={r.id} />
                  <input name={`groups[${i}][nameEn]`} value={r.en} aria-label={`${t('participants.nameEn')} ${i + 1}`} />
                </td>
                <td>
                  <input name={`groups[${i}][nameFr]`} value={r.fr} aria-label={`${t('participants.nameFr')} ${i + 1}`} />
                </td>
                <td>
                  <input
                    id={i === 0 ? 'field-targets' : undefined}
                    name={`groups[${i}][target]`}
                    value={r.target}
                    inputMode="decimal"
                    size={6}
                    aria-label={`${t('participants.target')} ${i + 1}`}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
        <Submit>{t('processes.save')}</Submit>
      </Form>
    </Layout>
  );
}
